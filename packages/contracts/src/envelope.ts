import { Type, type Static } from '@sinclair/typebox';
import { createAjv, toFieldErrors, type FieldError } from './ajv.js';
import { ID_PATTERN, newId } from './ids.js';
import { latestVersion, schemaOf, type EventData, type EventType } from './registry.js';

export const TRACEPARENT_PATTERN = '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

/** The one envelope of every event (DESIGN.md). `data` is validated against the registry. */
export const EnvelopeSchema = Type.Object(
  {
    id: Type.String({ pattern: ID_PATTERN, maxLength: 40 }),
    type: Type.String({ pattern: '^[A-Z][A-Za-z0-9]{1,63}$' }),
    version: Type.Integer({ minimum: 1, maximum: 1000 }),
    occurredAt: Type.String({ format: 'date-time', maxLength: 40 }),
    source: Type.String({ pattern: '^[a-z][a-z0-9-]{0,31}$' }),
    subject: Type.String({ minLength: 1, maxLength: 128 }),
    traceparent: Type.Union([Type.String({ pattern: TRACEPARENT_PATTERN }), Type.Null()]),
    data: Type.Unknown(),
  },
  { additionalProperties: false },
);

export type Envelope<T extends string = string, D = unknown> = Omit<Static<typeof EnvelopeSchema>, 'type' | 'data'> & {
  type: T;
  data: D;
};

export type TypedEnvelope<T extends EventType> = Envelope<T, EventData<T>>;

/** Bound on the serialized size of one event: events carry facts, not documents. */
export const MAX_EVENT_BYTES = 256 * 1024;

export class InvalidEventError extends Error {
  readonly errors: FieldError[];
  constructor(message: string, errors: FieldError[]) {
    super(`${message}: ${errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`);
    this.name = 'InvalidEventError';
    this.errors = errors;
  }
}

const ajv = createAjv();
const validateEnvelopeShape = ajv.compile(EnvelopeSchema);
const dataValidators = new Map<string, ReturnType<typeof ajv.compile>>();

function dataValidator(type: string, version: number) {
  const key = `${type}@${version}`;
  let v = dataValidators.get(key);
  if (!v) {
    const schema = schemaOf(type, version);
    if (!schema) return undefined;
    v = ajv.compile(schema);
    dataValidators.set(key, v);
  }
  return v;
}

export type Validation = { ok: true; event: Envelope } | { ok: false; errors: FieldError[] };

/** Validates an envelope and its data against the contract registry. Never throws. */
export function validateEvent(value: unknown): Validation {
  if (!validateEnvelopeShape(value)) {
    return { ok: false, errors: toFieldErrors(validateEnvelopeShape.errors) };
  }
  const env = value as Envelope;
  const validateData = dataValidator(env.type, env.version);
  if (!validateData) {
    return { ok: false, errors: [{ pointer: '/type', message: `unknown event ${env.type} version ${env.version}` }] };
  }
  if (!validateData(env.data)) {
    return { ok: false, errors: toFieldErrors(validateData.errors, '/data') };
  }
  return { ok: true, event: env };
}

/** Validates and returns the event, or throws InvalidEventError naming every bad field. */
export function assertValidEvent(value: unknown): Envelope {
  const result = validateEvent(value);
  if (!result.ok) {
    const type = typeof value === 'object' && value && 'type' in value ? String((value as { type: unknown }).type) : '?';
    throw new InvalidEventError(`invalid event ${type}`, result.errors);
  }
  return result.event;
}

export interface EventMeta {
  source: string;
  subject: string;
  traceparent?: string | null;
  occurredAt?: Date;
  id?: string;
}

/** Builds an envelope for the latest version of `type` and validates it. */
export function createEvent<T extends EventType>(type: T, data: EventData<T>, meta: EventMeta): TypedEnvelope<T> {
  const env = buildEvent(type, data, meta);
  assertValidEvent(env);
  return env;
}

/**
 * Builds an envelope for the latest version of `type` without validating it: for a writer that
 * validates it once where it is stored (the outbox's `add`). Anything else: `createEvent`.
 */
export function buildEvent<T extends EventType>(type: T, data: EventData<T>, meta: EventMeta): TypedEnvelope<T> {
  return {
    id: meta.id ?? newId('evt'),
    type,
    version: latestVersion(type),
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    source: meta.source,
    subject: meta.subject,
    traceparent: meta.traceparent ?? null,
    data,
  } as TypedEnvelope<T>;
}

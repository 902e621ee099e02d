import AjvModule, { _, type KeywordCxt } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isCountryCode } from './countries.js';
import { isCurrency } from './currencies.js';

// Both packages ship CommonJS; under NodeNext their default export sits one level down.
type AjvClass = typeof AjvModule.default;
type AddFormats = typeof addFormatsModule.default;
const Ajv: AjvClass = (AjvModule as unknown as { default?: AjvClass }).default ?? (AjvModule as unknown as AjvClass);
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

export type AjvInstance = InstanceType<AjvClass>;

/**
 * The platform's own string formats. Response serializers (which check `anyOf` branches with an
 * Ajv of their own) are given them too, so that they know every format the schemas name.
 */
export const CUSTOM_FORMATS = {
  // Codes from the lists, not just their shape: `BTC` is three capitals and no currency.
  iso4217: { type: 'string', validate: isCurrency },
  'iso3166-alpha2': { type: 'string', validate: isCountryCode },
} as const;

export interface AjvOptions {
  /** Coerce strings to numbers and booleans: for query strings and environment variables only. */
  coerceTypes?: boolean | 'array';
  useDefaults?: boolean;
}

/**
 * The one Ajv setup of the platform: HTTP boundaries, environment, events.
 * Unknown fields are rejected by the schemas themselves (additionalProperties: false),
 * never silently removed.
 */
export function createAjv(options: AjvOptions = {}): AjvInstance {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    removeAdditional: false,
    coerceTypes: options.coerceTypes ?? false,
    useDefaults: options.useDefaults ?? false,
    messages: true,
  });
  addFormats(ajv, ['date-time', 'email', 'uri', 'uuid', 'date', 'ipv4', 'ipv6', 'hostname']);
  ajv.addKeyword({ keyword: 'x-examples' });
  for (const [name, format] of Object.entries(CUSTOM_FORMATS)) ajv.addFormat(name, format);
  ajv.addKeyword({
    keyword: PLAIN_TEXT,
    type: 'string',
    schemaType: 'boolean',
    code(cxt: KeywordCxt) {
      if (cxt.schema === true) cxt.fail(_`/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(${cxt.data})`);
    },
    error: { message: 'must not contain control characters (NUL and the like)' },
  });
  return ajv;
}

/** The keyword that refuses control characters in a string (see `plainText`). */
export const PLAIN_TEXT = 'x-plain-text';

type JsonSchema = Record<string, unknown>;
const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A copy of `schema` in which every string, and every key of a map, refuses control
 * characters: NUL (which PostgreSQL cannot store in text) and the rest of C0 and DEL; tab, line
 * feed and carriage return stay allowed. The chassis compiles every route schema through this,
 * so no text field of any service can forget it. The original is left untouched (OpenAPI shows
 * the schema as written).
 */
export function plainText<T>(schema: T): T {
  const visit = (s: unknown): unknown => {
    if (Array.isArray(s)) return s.map(visit);
    if (!isSchema(s)) return s;
    const out: JsonSchema = { ...s };
    for (const key of ['properties', 'patternProperties', '$defs', 'definitions'] as const) {
      if (isSchema(s[key])) out[key] = Object.fromEntries(Object.entries(s[key]).map(([k, v]) => [k, visit(v)]));
    }
    for (const key of ['items', 'prefixItems', 'additionalItems', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'if', 'then', 'else', 'contains'] as const) {
      if (key in s) out[key] = visit(s[key]);
    }
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.includes('string')) out[PLAIN_TEXT] = true;
    const isMap = isSchema(s.additionalProperties) || isSchema(s.patternProperties);
    if (isMap && s.propertyNames === undefined) out.propertyNames = { type: 'string', [PLAIN_TEXT]: true };
    return out;
  };
  return visit(schema) as T;
}

export interface FieldError {
  /** RFC 6901 JSON pointer to the bad field, relative to the validated document. */
  pointer: string;
  message: string;
}

interface RawAjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
  schemaPath?: string;
}

const oneOf = (values: readonly unknown[]): string => `must be one of: ${values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`;

/**
 * A choice among fixed values (a union of literals: `anyOf` of `const`s) fails with an error per
 * value and a generic "must match a schema in anyOf". Such a group is told as one error naming
 * the values; the errors it stands for are returned to be left out. A union with any other kind
 * of branch (a pattern, an object) keeps its errors as they are.
 */
function fixedChoices(errors: readonly RawAjvError[]): { messages: Map<RawAjvError, string>; absorbed: Set<RawAjvError> } {
  const messages = new Map<RawAjvError, string>();
  const absorbed = new Set<RawAjvError>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf' || e.schemaPath === undefined) continue;
    const prefix = `${e.schemaPath}/`;
    const branches = errors.filter((x) => x !== e && x.schemaPath?.startsWith(prefix));
    if (branches.length === 0 || !branches.every((x) => x.instancePath === e.instancePath && (x.keyword === 'const' || x.keyword === 'type'))) continue;
    const values = [...new Set(branches.filter((x) => x.keyword === 'const').map((x) => x.params.allowedValue))];
    if (values.length === 0) continue;
    messages.set(e, oneOf(values));
    for (const x of branches) absorbed.add(x);
  }
  return { messages, absorbed };
}

/** Turns Ajv's errors into pointer + message pairs, one per bad field. */
export function toFieldErrors(errors: readonly RawAjvError[] | null | undefined, prefix = ''): FieldError[] {
  if (!errors) return [];
  const seen = new Set<string>();
  const out: FieldError[] = [];
  const choices = fixedChoices(errors);
  for (const e of errors) {
    if (choices.absorbed.has(e)) continue;
    let pointer = prefix + e.instancePath;
    let message = choices.messages.get(e) ?? e.message ?? 'is invalid';
    if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues)) {
      message = oneOf(e.params.allowedValues);
    } else if (e.keyword === 'additionalProperties') {
      const extra = String(e.params.additionalProperty);
      pointer = `${pointer}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      message = 'is not an allowed field';
    } else if (e.keyword === 'required') {
      const missing = String(e.params.missingProperty);
      pointer = `${pointer}/${missing}`;
      message = 'is required';
    }
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer: pointer === '' ? '/' : pointer, message });
  }
  return out;
}

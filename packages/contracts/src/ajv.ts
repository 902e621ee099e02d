import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';

// Both packages ship CommonJS; under NodeNext their default export sits one level down.
type AjvClass = typeof AjvModule.default;
type AddFormats = typeof addFormatsModule.default;
const Ajv: AjvClass = (AjvModule as unknown as { default?: AjvClass }).default ?? (AjvModule as unknown as AjvClass);
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

export type AjvInstance = InstanceType<AjvClass>;

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
  return ajv;
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
}

/** Turns Ajv's errors into pointer + message pairs, one per bad field. */
export function toFieldErrors(errors: readonly RawAjvError[] | null | undefined, prefix = ''): FieldError[] {
  if (!errors) return [];
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    let pointer = prefix + e.instancePath;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'additionalProperties') {
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

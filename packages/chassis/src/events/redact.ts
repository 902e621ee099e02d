/**
 * Secrets kept out of stored failures. A failed event is parked in `event_failures` for
 * retries and for an operator to look at; events may carry secrets (a password-reset or
 * verification token, a guest order's access token), and neither the table nor the operator
 * views may show them. The envelope is stored with each secret replaced by `REDACTED`; the
 * values themselves are kept apart, only while the event is being retried, so that a retry
 * delivers the event as it was (see `restoreSecrets`).
 */
export const REDACTED = '[redacted]';

/** Property names whose values are secrets, whatever their shape. */
const SECRET_KEY = /(token|secret|password|passwd|passphrase|api_?key|authorization|cookie|credentials?|signature)$/i;
/** Values that are secrets wherever they appear: JWTs, guest order tokens, bearer credentials. */
const SECRET_VALUE = /^(eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*|otk_[\w-]{16,}|Bearer\s+\S+)$/;
/** The same, inside free text (error messages): `token=…`, `"password":"…"`, JWTs, guest tokens. */
const SECRET_IN_TEXT = [
  /\b((?:[a-z_]*token|secret|password|passwd|api_?key|authorization)["']?\s*[=:]\s*["']?)(?:Bearer\s+)?[^\s"'&,;)}]+/gi,
  /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g,
  /\botk_[\w-]{16,}/g,
];

export type Secrets = Record<string, unknown>;

const escapePointer = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (k: string) => k.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * A copy of `value` with every secret replaced by `REDACTED`, and the secrets by JSON pointer.
 * `secrets` is empty when there were none.
 */
export function redactSecrets(value: unknown): { redacted: unknown; secrets: Secrets } {
  const secrets: Secrets = {};
  const walk = (v: unknown, pointer: string, secretKey: boolean): unknown => {
    if (typeof v === 'string') {
      if ((secretKey && v.length > 0 && v !== REDACTED) || SECRET_VALUE.test(v)) {
        secrets[pointer] = v;
        return REDACTED;
      }
      return v;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${pointer}/${i}`, secretKey));
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) out[k] = walk(item, `${pointer}/${escapePointer(k)}`, secretKey || SECRET_KEY.test(k));
      return out;
    }
    return v;
  };
  return { redacted: walk(value, '', false), secrets };
}

/** Free text (an error message) with secrets taken out: the given values, and anything that looks like one. */
export function redactText(text: string, known: Secrets = {}): string {
  let out = text;
  for (const v of Object.values(known)) if (typeof v === 'string' && v.length >= 6) out = out.split(v).join(REDACTED);
  for (const re of SECRET_IN_TEXT) out = out.replace(re, (match, prefix?: string) => (typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED));
  return out;
}

/**
 * The stored envelope made deliverable again. With its secrets, the original event. Without
 * them (they are dropped once an event is dead, so an operator's replay has none), each
 * redacted property is left out: an optional field is then simply absent, and an event that
 * cannot do without its secret (a reset link) fails validation and is parked again, saying so,
 * rather than going out with a placeholder.
 */
export function restoreSecrets(envelope: unknown, secrets: Secrets | null | undefined): unknown {
  const copy = structuredClone(envelope);
  if (secrets && Object.keys(secrets).length > 0) {
    for (const [pointer, value] of Object.entries(secrets)) setAt(copy, pointer, value);
    return copy;
  }
  return dropRedacted(copy);
}

function setAt(doc: unknown, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1).map(unescapePointer);
  let node = doc as Record<string, unknown> | unknown[];
  for (const key of keys.slice(0, -1)) {
    const next = (node as Record<string, unknown>)[key];
    if (typeof next !== 'object' || next === null) return;
    node = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (last !== undefined && (node as Record<string, unknown>)[last] === REDACTED) (node as Record<string, unknown>)[last] = value;
}

function dropRedacted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropRedacted);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) if (item !== REDACTED) out[k] = dropRedacted(item);
    return out;
  }
  return v;
}

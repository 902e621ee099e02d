import type { IncomingHttpHeaders } from 'node:http';

/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1): never forwarded,
 * in either direction. `expect` is answered here (Node sends 100 Continue itself) and `host`
 * names the gateway, not the upstream.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'trailers',
  'transfer-encoding',
  'upgrade',
]);
/** Set by the gateway alone, from a token it verified: a client's own are dropped. */
export const VERIFIED_USER_ID = 'x-verified-user-id';
export const VERIFIED_ROLES = 'x-verified-roles';
const NOT_FORWARDED_UP = new Set([
  ...HOP_BY_HOP,
  'host',
  'expect',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'forwarded',
  // The gateway sends its own (a client's is only the parent of the gateway's span).
  'traceparent',
  VERIFIED_USER_ID,
  VERIFIED_ROLES,
]);
/** The gateway's own trace and request id stay on its answer (the trace id is the same). */
const NOT_FORWARDED_DOWN = new Set([...HOP_BY_HOP, 'traceparent', 'x-request-id']);

type HeaderValue = string | string[] | undefined;
const NONE: ReadonlySet<string> = new Set();

/** Extra names listed in a Connection header are hop-by-hop too. */
function connectionTokens(value: HeaderValue): ReadonlySet<string> {
  if (!value) return NONE;
  // The usual values name nothing beyond what is dropped anyway.
  if (typeof value === 'string' && HOP_BY_HOP.has(value.toLowerCase())) return NONE;
  const tokens = new Set<string>();
  for (const v of Array.isArray(value) ? value : [value]) {
    for (const t of v.split(',')) if (t.trim()) tokens.add(t.trim().toLowerCase());
  }
  return tokens;
}

const first = (v: HeaderValue) => (Array.isArray(v) ? v[0] : v);

export interface ForwardInfo {
  /** The address of the peer that connected to the gateway. */
  clientIp: string;
  protocol: 'http' | 'https';
  /** Undefined when tracing is on: the HTTP client instrumentation sends its span's. */
  traceparent: string | undefined;
  requestId: string;
  /** Keep and extend X-Forwarded-* set by a trusted proxy in front (else they are overwritten). */
  trustForwarded: boolean;
  /** The caller, when the gateway verified an access token. */
  identity?: { userId: string; roles: string } | undefined;
  /** The longest `Prefer: wait` passed on (longer ones are lowered to it). */
  maxPreferWaitSeconds?: number;
}

const WAIT = /(^|[,;]\s*)wait\s*=\s*"?(\d+)"?/gi;

/**
 * A `Prefer` header (RFC 7240) with its `wait` lowered to `max` seconds: an answer the client
 * asked to hold must still come before the gateway gives up on the upstream (a 504 then would
 * tell the client nothing, and say nothing about the upstream's health).
 */
export function capPreferWait(value: string | string[], max: number): string | string[] {
  const cap = (v: string) => v.replace(WAIT, (whole: string, lead: string, n: string) => (Number(n) > max ? `${lead}wait=${max}` : whole));
  return Array.isArray(value) ? value.map(cap) : cap(value);
}

// Both run once per proxied request: plain loops, nothing allocated that is not kept.

/** The headers sent upstream for an incoming request. */
export function upstreamRequestHeaders(incoming: IncomingHttpHeaders, info: ForwardInfo): Record<string, string | string[]> {
  const drop = connectionTokens(incoming.connection);
  const out: Record<string, string | string[]> = {};
  for (const name in incoming) {
    const value = incoming[name];
    if (value === undefined || NOT_FORWARDED_UP.has(name) || drop.has(name)) continue;
    out[name] = name === 'prefer' && info.maxPreferWaitSeconds !== undefined ? capPreferWait(value, info.maxPreferWaitSeconds) : value;
  }
  const priorFor = info.trustForwarded ? first(incoming['x-forwarded-for']) : undefined;
  out['x-forwarded-for'] = priorFor ? `${priorFor}, ${info.clientIp}` : info.clientIp;
  out['x-forwarded-proto'] = (info.trustForwarded && first(incoming['x-forwarded-proto'])) || info.protocol;
  const host = (info.trustForwarded && first(incoming['x-forwarded-host'])) || first(incoming.host);
  if (host) out['x-forwarded-host'] = host;
  if (info.traceparent) out.traceparent = info.traceparent;
  out['x-request-id'] = info.requestId;
  if (info.identity) {
    out[VERIFIED_USER_ID] = info.identity.userId;
    out[VERIFIED_ROLES] = info.identity.roles;
  }
  return out;
}

/** The upstream's response headers as passed on to the client, added to `out` (the gateway's own, if any). */
export function downstreamResponseHeaders(upstream: Record<string, HeaderValue>, out: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  let connection: HeaderValue;
  for (const name in upstream) {
    if (name.toLowerCase() === 'connection') {
      connection = upstream[name];
      break;
    }
  }
  const drop = connectionTokens(connection);
  for (const name in upstream) {
    const value = upstream[name];
    const lower = name.toLowerCase();
    if (value === undefined || NOT_FORWARDED_DOWN.has(lower) || drop.has(lower)) continue;
    out[lower] = value;
  }
  return out;
}

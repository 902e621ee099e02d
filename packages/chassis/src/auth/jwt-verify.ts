import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * The verifying half of the platform's access tokens: compact JWS with Ed25519 (`alg: EdDSA`),
 * on Node's crypto alone. Pure: no I/O, no clock except the `now` it is given, so the gateway,
 * auth and every service verify with the same code.
 * The algorithm is pinned: a token whose header names any other (`none`, `HS256`, …) is refused
 * before any key is looked at, and a key is used only as the Ed25519 key it is.
 */
export const JWT_ALG = 'EdDSA';

export interface AccessClaims {
  iss: string;
  aud: string | string[];
  sub: string;
  roles: string[];
  iat: number;
  exp: number;
  nbf?: number;
  jti: string;
}

export type JwtErrorCode = 'malformed' | 'unsupported_alg' | 'unknown_kid' | 'bad_signature' | 'expired' | 'not_yet_valid' | 'wrong_issuer' | 'wrong_audience';

export class JwtError extends Error {
  constructor(
    readonly code: JwtErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'JwtError';
  }
}

export interface VerifyOptions {
  /** The public key for a `kid`, or undefined when it is not (or no longer) published. */
  keyFor: (kid: string) => KeyObject | undefined;
  issuer: string;
  audience: string;
  /** Seconds since the epoch. */
  now?: number;
  /** Allowed clock skew in seconds (default 30). */
  leewayS?: number;
}

const B64URL = /^[A-Za-z0-9_-]+$/;
const MAX_TOKEN = 8192;

function decodeJson(part: string, what: string): Record<string, unknown> {
  if (!B64URL.test(part)) throw new JwtError('malformed', `${what} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new JwtError('malformed', `${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new JwtError('malformed', `${what} is not an object`);
  return value as Record<string, unknown>;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function split(token: string): [string, string, string] {
  if (token.length > MAX_TOKEN) throw new JwtError('malformed', 'token too long');
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtError('malformed', 'not a compact JWS');
  return parts as [string, string, string];
}

/**
 * Reads and checks the header only: structure, the pinned algorithm, a `kid`. Returns the `kid`
 * so that a caller with an asynchronous key source (a JWKS cache) can fetch the key first;
 * nothing here is trusted until `verifyJwt` has checked the signature.
 */
export function readJwtKid(token: string): string {
  const header = decodeJson(split(token)[0], 'header');
  if (header.alg !== JWT_ALG) throw new JwtError('unsupported_alg', `algorithm ${String(header.alg)} is not accepted`);
  if (header.crit !== undefined) throw new JwtError('malformed', 'critical header parameters are not supported');
  if (typeof header.kid !== 'string' || header.kid.length === 0 || header.kid.length > 256) throw new JwtError('malformed', 'no kid');
  return header.kid;
}

/** Verifies signature, algorithm, `kid`, `iss`, `aud`, `exp`, `nbf`; returns the claims. */
export function verifyJwt(token: string, opts: VerifyOptions): AccessClaims {
  const [h, p, s] = split(token);
  const kid = readJwtKid(token);
  const key = opts.keyFor(kid);
  if (!key) throw new JwtError('unknown_kid', `key ${kid} is not known`);
  if (key.type !== 'public' || key.asymmetricKeyType !== 'ed25519') throw new JwtError('unknown_kid', 'key is not an Ed25519 public key');
  if (!B64URL.test(s)) throw new JwtError('malformed', 'signature is not base64url');
  if (!verify(null, Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))) throw new JwtError('bad_signature', 'signature does not verify');

  const c = decodeJson(p, 'payload');
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  const leeway = opts.leewayS ?? 30;
  if (!isNum(c.exp)) throw new JwtError('malformed', 'no exp');
  if (now - leeway >= c.exp) throw new JwtError('expired', 'token has expired');
  if (c.nbf !== undefined && (!isNum(c.nbf) || now + leeway < c.nbf)) throw new JwtError('not_yet_valid', 'token is not valid yet');
  if (c.iss !== opts.issuer) throw new JwtError('wrong_issuer', 'wrong issuer');
  const aud = Array.isArray(c.aud) ? c.aud : [c.aud];
  if (!aud.includes(opts.audience)) throw new JwtError('wrong_audience', 'wrong audience');
  if (typeof c.sub !== 'string' || c.sub.length === 0 || !isNum(c.iat) || typeof c.jti !== 'string') throw new JwtError('malformed', 'missing sub, iat or jti');
  if (!Array.isArray(c.roles) || !c.roles.every((r) => typeof r === 'string')) throw new JwtError('malformed', 'roles must be strings');
  return c as unknown as AccessClaims;
}

/** A JWKS entry for an Ed25519 public key. */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: typeof JWT_ALG;
  use: 'sig';
}

/** The Ed25519 signing keys of a JWKS document by `kid`; any other entry is left out. */
export function keyMapFromJwks(jwks: { keys: readonly unknown[] }): Map<string, KeyObject> {
  const map = new Map<string, KeyObject>();
  for (const raw of jwks.keys) {
    const k = raw as Partial<PublicJwk> | null;
    if (!k || k.kty !== 'OKP' || k.crv !== 'Ed25519' || typeof k.x !== 'string' || typeof k.kid !== 'string') continue;
    if (k.alg !== undefined && k.alg !== JWT_ALG) continue;
    if (k.use !== undefined && k.use !== 'sig') continue;
    try {
      map.set(k.kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.x }, format: 'jwk' }));
    } catch {
      // A malformed key is skipped: one bad entry must not take the others down.
    }
  }
  return map;
}

/** A `keyFor` over a JWKS document: only Ed25519 signing keys are taken. */
export function keysFromJwks(jwks: { keys: readonly unknown[] }): (kid: string) => KeyObject | undefined {
  const map = keyMapFromJwks(jwks);
  return (kid) => map.get(kid);
}

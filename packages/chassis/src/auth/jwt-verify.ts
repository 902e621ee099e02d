import { createPublicKey, type KeyObject } from 'node:crypto';
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';

/**
 * The verifying half of the platform's access tokens: compact JWS with Ed25519 (`alg: EdDSA`),
 * checked by `jose` (signature, structure, `exp`, `nbf`, `iss`, `aud`), with the platform's
 * rules on top: the algorithm is pinned (a token whose header names any other, `none` and
 * `HS256` included, is refused before any key is looked at), a key is used only as the Ed25519
 * key it is, and `sub`, `iat`, `jti` and `roles` must be there. No I/O, no clock except the
 * `now` it is given, so the gateway, auth and every service verify with the same code.
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
  /**
   * The user's session generation when the token was issued (absent: 0). A password reset moves
   * it on, and a token of an older generation is refused wherever the generations are known
   * (see `SessionGenerations`).
   */
  sgen?: number;
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

const MAX_TOKEN = 8192;

/**
 * Reads and checks the header only: structure, the pinned algorithm, a `kid`. Returns the `kid`
 * so that a caller with an asynchronous key source (a JWKS cache) can fetch the key first;
 * nothing here is trusted until `verifyJwt` has checked the signature.
 */
export function readJwtKid(token: string): string {
  if (token.length > MAX_TOKEN) throw new JwtError('malformed', 'token too long');
  if (token.split('.').length !== 3) throw new JwtError('malformed', 'not a compact JWS');
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch {
    throw new JwtError('malformed', 'the header is not base64url JSON');
  }
  return checkHeader(header);
}

function checkHeader(header: Record<string, unknown>): string {
  if (header.alg !== JWT_ALG) throw new JwtError('unsupported_alg', `algorithm ${String(header.alg)} is not accepted`);
  if (header.crit !== undefined) throw new JwtError('malformed', 'critical header parameters are not supported');
  if (typeof header.kid !== 'string' || header.kid.length === 0 || header.kid.length > 256) throw new JwtError('malformed', 'no kid');
  return header.kid;
}

/** jose's refusals in the platform's vocabulary. */
function refusal(err: unknown): JwtError {
  if (err instanceof JwtError) return err;
  if (err instanceof errors.JOSEAlgNotAllowed) return new JwtError('unsupported_alg', err.message);
  if (err instanceof errors.JWSSignatureVerificationFailed) return new JwtError('bad_signature', 'signature does not verify');
  if (err instanceof errors.JWTExpired) return new JwtError('expired', 'token has expired');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf') return new JwtError('not_yet_valid', 'token is not valid yet');
    if (err.claim === 'iss') return new JwtError('wrong_issuer', 'wrong issuer');
    if (err.claim === 'aud') return new JwtError('wrong_audience', 'wrong audience');
    return new JwtError('malformed', `claim ${err.claim} is ${err.reason}`);
  }
  if (err instanceof errors.JOSEError) return new JwtError('malformed', err.message);
  return new JwtError('malformed', 'not a valid token');
}

/** Verifies signature, algorithm, `kid`, `iss`, `aud`, `exp`, `nbf`; resolves to the claims. */
export async function verifyJwt(token: string, opts: VerifyOptions): Promise<AccessClaims> {
  const kid = readJwtKid(token);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(
      token,
      () => {
        const key = opts.keyFor(kid);
        if (!key) throw new JwtError('unknown_kid', `key ${kid} is not known`);
        if (key.type !== 'public' || key.asymmetricKeyType !== 'ed25519') throw new JwtError('unknown_kid', 'key is not an Ed25519 public key');
        return key;
      },
      {
        algorithms: [JWT_ALG],
        issuer: opts.issuer,
        audience: opts.audience,
        clockTolerance: opts.leewayS ?? 30,
        requiredClaims: ['exp', 'iat', 'sub', 'jti'],
        ...(opts.now !== undefined ? { currentDate: new Date(opts.now * 1000) } : {}),
      },
    ));
  } catch (err) {
    throw refusal(err);
  }
  const c = payload as Record<string, unknown>;
  if (typeof c.sub !== 'string' || c.sub.length === 0 || typeof c.jti !== 'string') throw new JwtError('malformed', 'missing sub or jti');
  if (!Array.isArray(c.roles) || !c.roles.every((r) => typeof r === 'string')) throw new JwtError('malformed', 'roles must be strings');
  if (c.sgen !== undefined && !(Number.isSafeInteger(c.sgen) && (c.sgen as number) >= 0)) throw new JwtError('malformed', 'sgen must be a whole number');
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

import { createPublicKey, timingSafeEqual, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { OAuthRefused } from './oauth.errors.js';

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  nonce?: string;
  azp?: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
}

export interface IdTokenCheck {
  /** Accepted values of `iss`. */
  issuers: readonly string[];
  clientId: string;
  nonce: string;
  /** The RSA key of a `kid`, or undefined when the provider publishes none with that id. */
  keyFor: (kid: string | undefined) => Promise<KeyObject | undefined>;
  nowS?: number;
  /** Tolerated clock difference with the provider, seconds. */
  skewS?: number;
}

const MAX_ID_TOKEN = 16_384;

function part(b64: string, what: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(Buffer.from(b64, 'base64url').toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new OAuthRefused(`The id_token ${what} is not a JSON object`);
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Verifies an OpenID Connect id_token: RS256 only (the algorithm is never taken from the token
 * for granted), the signature against the provider's key, then iss, aud (and azp when several
 * audiences), exp, iat and the nonce of this sign-in.
 */
export async function verifyIdToken(token: string, check: IdTokenCheck): Promise<IdTokenClaims> {
  if (token.length > MAX_ID_TOKEN) throw new OAuthRefused('The id_token is too long');
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) throw new OAuthRefused('The id_token is not a compact JWS');
  const [h, p, s] = parts as [string, string, string];
  const header = part(h, 'header');
  if (header.alg !== 'RS256') throw new OAuthRefused('The id_token is not signed with RS256');
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const key = await check.keyFor(kid);
  if (!key) throw new OAuthRefused('The id_token is signed with an unknown key');
  const ok = verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'));
  if (!ok) throw new OAuthRefused('The id_token signature is not valid');
  const c = part(p, 'payload');
  const now = check.nowS ?? Math.floor(Date.now() / 1000);
  const skew = check.skewS ?? 60;
  if (typeof c.iss !== 'string' || !check.issuers.includes(c.iss)) throw new OAuthRefused('The id_token is from another issuer');
  const aud = typeof c.aud === 'string' ? [c.aud] : Array.isArray(c.aud) ? c.aud : [];
  if (!aud.includes(check.clientId)) throw new OAuthRefused('The id_token is for another client');
  if (aud.length > 1 && c.azp !== check.clientId) throw new OAuthRefused('The id_token is for another client');
  if (typeof c.exp !== 'number' || c.exp + skew <= now) throw new OAuthRefused('The id_token has expired');
  if (typeof c.iat !== 'number' || c.iat - skew > now) throw new OAuthRefused('The id_token is issued in the future');
  if (typeof c.nonce !== 'string' || !sameText(c.nonce, check.nonce)) throw new OAuthRefused('The id_token nonce does not match this sign-in');
  if (typeof c.sub !== 'string' || c.sub.length === 0 || c.sub.length > 255) throw new OAuthRefused('The id_token has no subject');
  return c as unknown as IdTokenClaims;
}

/** The RSA signing keys of a JWKS by kid (other key types and uses are ignored). */
export function rsaKeysOf(jwks: unknown): Map<string | undefined, KeyObject> {
  const keys = new Map<string | undefined, KeyObject>();
  const list = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) return keys;
  for (const jwk of list as (JsonWebKey & { kid?: string; use?: string; alg?: string })[]) {
    if (jwk.kty !== 'RSA' || (jwk.use !== undefined && jwk.use !== 'sig') || (jwk.alg !== undefined && jwk.alg !== 'RS256')) continue;
    try {
      keys.set(jwk.kid, createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' }));
    } catch {
      // a malformed key is skipped; tokens signed with it are refused
    }
  }
  return keys;
}

import type { JsonWebKey, KeyObject } from 'node:crypto';
import { JWT_ALG, type AccessClaims, type PublicJwk } from '@mercato/chassis';
import { SignJWT } from 'jose';

/**
 * The signing half of the access tokens: compact JWS with Ed25519 (`alg: EdDSA`), made by
 * `jose`. The verifying half lives in the chassis, so that auth, the gateway and every service
 * check tokens with one verifier; it is re-exported here for auth's own callers.
 */
export { JWT_ALG, JwtError, keysFromJwks, verifyJwt, type AccessClaims, type JwtErrorCode, type PublicJwk, type VerifyOptions } from '@mercato/chassis';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

export async function signJwt(claims: AccessClaims, key: SigningKey): Promise<string> {
  if (key.privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('signing key is not an Ed25519 private key');
  // The claims are set as given (iat and exp included), not stamped by the library's clock.
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: JWT_ALG, typ: 'JWT', kid: key.kid }).sign(key.privateKey);
}

export function toPublicJwk(publicKey: KeyObject, kid: string): PublicJwk {
  const jwk = publicKey.export({ format: 'jwk' }) as JsonWebKey;
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new TypeError('not an Ed25519 public key');
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, alg: JWT_ALG, use: 'sig' };
}

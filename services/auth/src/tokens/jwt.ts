import { sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { JWT_ALG, type AccessClaims, type PublicJwk } from '@mercato/chassis';

/**
 * The signing half of the access tokens: compact JWS with Ed25519 (`alg: EdDSA`). The verifying
 * half lives in the chassis, so that auth, the gateway and every service check tokens with one
 * verifier; it is re-exported here for auth's own callers.
 */
export { JWT_ALG, JwtError, keysFromJwks, verifyJwt, type AccessClaims, type JwtErrorCode, type PublicJwk, type VerifyOptions } from '@mercato/chassis';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export function signJwt(claims: AccessClaims, key: SigningKey): string {
  if (key.privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('signing key is not an Ed25519 private key');
  const input = `${b64({ alg: JWT_ALG, typ: 'JWT', kid: key.kid })}.${b64(claims)}`;
  return `${input}.${sign(null, Buffer.from(input), key.privateKey).toString('base64url')}`;
}

export function toPublicJwk(publicKey: KeyObject, kid: string): PublicJwk {
  const jwk = publicKey.export({ format: 'jwk' }) as JsonWebKey;
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new TypeError('not an Ed25519 public key');
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, alg: JWT_ALG, use: 'sig' };
}

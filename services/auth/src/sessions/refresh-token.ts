import { createHash, createHmac, randomBytes } from 'node:crypto';

/** An opaque refresh token: 32 random bytes, base64url (43 characters). */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored: a database leak yields no usable token. */
export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * The token that follows `token` in its family: derived from it with a key only auth holds, so
 * a second presentation of `token` within the reuse grace gets the very successor the first one
 * got (the service stores only hashes and could not give it back otherwise). Unguessable
 * without the key; 32 bytes like any other refresh token.
 */
export function successorOf(token: string, key: Buffer): string {
  return createHmac('sha256', key).update(token).digest('base64url');
}

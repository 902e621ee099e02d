import { createHash, randomBytes } from 'node:crypto';

/** An opaque refresh token: 32 random bytes, base64url (43 characters). */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored: a database leak yields no usable token. */
export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

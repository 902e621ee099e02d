import { createHash, randomBytes } from 'node:crypto';

/**
 * A cart's public id is a capability: whoever holds a guest cart's id can use it. It is 192
 * random bits (crt_ + 32 base64url characters), neither sequential nor time-sortable, and only
 * its SHA-256 is stored.
 */
export const CART_ID_PATTERN = '^crt_[A-Za-z0-9_-]{32}$';

export function newCartCapability(): string {
  return `crt_${randomBytes(24).toString('base64url')}`;
}

export function cartTokenHash(publicId: string): Buffer {
  return createHash('sha256').update(publicId).digest();
}

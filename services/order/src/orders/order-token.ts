import { createHash, randomBytes } from 'node:crypto';

/**
 * A guest order's access token: whoever holds it can read the order. 192 random bits (otk_ + 32
 * base64url characters), answered once by the checkout; only its SHA-256 is stored.
 */
export const ORDER_TOKEN_PATTERN = '^otk_[A-Za-z0-9_-]{32}$';

export function newOrderToken(): string {
  return `otk_${randomBytes(24).toString('base64url')}`;
}

export function orderTokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

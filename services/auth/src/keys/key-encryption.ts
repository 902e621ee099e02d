import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Private signing keys at rest: AES-256-GCM under the key-encryption key, with the key id as
 * associated data so a ciphertext cannot be moved to another row. Format:
 * `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
const VERSION = 'v1';

export function decodeKeyEncryptionKey(value: string): Buffer {
  const key = Buffer.from(value, 'base64url');
  if (key.length !== 32) throw new Error('the key-encryption key must be 32 bytes (base64url)');
  return key;
}

export function encryptSecret(plain: Buffer, kek: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** Throws when the key is wrong or the ciphertext or its associated data were changed. */
export function decryptSecret(sealed: string, kek: Buffer, aad: string): Buffer {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('unknown encrypted key format');
  const [iv, tag, ct] = parts.slice(1).map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== 12 || tag.length !== 16) throw new Error('unknown encrypted key format');
  const decipher = createDecipheriv('aes-256-gcm', kek, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

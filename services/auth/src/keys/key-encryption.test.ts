import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { decodeKeyEncryptionKey, decryptSecret, encryptSecret } from './key-encryption.js';

describe('signing-key encryption (AES-256-GCM)', () => {
  const kek = randomBytes(32);
  const secret = randomBytes(48);

  it('round-trips', () => {
    const sealed = encryptSecret(secret, kek, 'key_1');
    assert.ok(!sealed.includes(secret.toString('base64url')));
    assert.deepEqual(decryptSecret(sealed, kek, 'key_1'), secret);
  });
  it('fails with a wrong key, another key id, or a changed ciphertext', () => {
    const sealed = encryptSecret(secret, kek, 'key_1');
    assert.throws(() => decryptSecret(sealed, randomBytes(32), 'key_1'));
    assert.throws(() => decryptSecret(sealed, kek, 'key_2'));
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0]! ^= 1;
    assert.throws(() => decryptSecret([...parts.slice(0, 3), ct.toString('base64url')].join('.'), kek, 'key_1'));
  });
  it('takes only a 32-byte key', () => {
    assert.equal(decodeKeyEncryptionKey(randomBytes(32).toString('base64url')).length, 32);
    assert.throws(() => decodeKeyEncryptionKey(randomBytes(16).toString('base64url')));
  });
});

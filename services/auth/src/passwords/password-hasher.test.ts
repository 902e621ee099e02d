import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, needsRehash, OWASP_SCRYPT, verifyPassword } from './password-hasher.js';

const fast = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('hashes to a self-describing string and verifies', async () => {
    const h = await hashPassword('correct horse battery', fast);
    assert.match(h, /^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.equal(await verifyPassword('correct horse battery', h), true);
    assert.equal(await verifyPassword('correct horse batterY', h), false);
    assert.notEqual(await hashPassword('correct horse battery', fast), h, 'salted');
  });

  it('never matches a malformed or over-costly hash', async () => {
    assert.equal(await verifyPassword('x', 'scrypt$1024$8$1$AAAA$AAAA'), false);
    assert.equal(await verifyPassword('x', `scrypt$${2 ** 24}$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`), false);
    assert.equal(await verifyPassword('x', 'bcrypt$whatever'), false);
  });

  it('works at the OWASP parameters (N=2^17, r=8, p=1)', async () => {
    const h = await hashPassword('correct horse battery', OWASP_SCRYPT);
    assert.ok(h.startsWith('scrypt$131072$8$1$'));
    assert.equal(await verifyPassword('correct horse battery', h), true);
    assert.equal(needsRehash(h, OWASP_SCRYPT), false);
    assert.equal(needsRehash(await hashPassword('a', fast), OWASP_SCRYPT), true);
  });
});

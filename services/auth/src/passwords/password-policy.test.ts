import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPassword } from './password-policy.js';

describe('password policy', () => {
  it('accepts a long uncommon password', () => {
    assert.equal(checkPassword('violet-tundra-93-kayak', 'ann@example.com'), undefined);
  });
  it('refuses short and overlong passwords', () => {
    assert.match(checkPassword('Sh0rt!pass', 'ann@example.com')!, /at least 12/);
    assert.match(checkPassword('x'.repeat(120) + 'abcdefghij', 'ann@example.com')!, /at most 128/);
  });
  it('refuses common passwords, also padded or in another case', () => {
    assert.match(checkPassword('1qaz2wsx3edc', 'ann@example.com')!, /common/);
    assert.match(checkPassword('QWERTYUIOP123', 'ann@example.com')!, /common/);
    assert.match(checkPassword('password123456', 'ann@example.com')!, /common/);
  });
  it('refuses the email and one repeated character', () => {
    assert.match(checkPassword('Ann.Smith@Example.com', ' ann.smith@example.com ')!, /email/);
    assert.match(checkPassword('aaaaaaaaaaaaaaa', 'ann@example.com')!, /too few/);
  });
});

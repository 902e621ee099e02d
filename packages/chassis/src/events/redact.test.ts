import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REDACTED, redactSecrets, redactText, restoreSecrets } from './redact.js';

const envelope = {
  id: 'evt_1',
  type: 'PasswordResetRequested',
  subject: 'usr_1',
  data: {
    userId: 'usr_1',
    email: 'ann@example.com',
    token: 'k3yMaterial-that-resets-a-password-abcdefghij',
    nested: { accessToken: 'otk_abcdefghijabcdefghijabcdefghij12', note: 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1c3JfMSJ9.c2ln', tags: ['a'] },
    credentials: { user: 'u', pass: 'p4ss' },
  },
};

describe('secrets in stored failures', () => {
  it('replaces secrets by name and by shape, and keeps them by pointer', () => {
    const { redacted, secrets } = redactSecrets(envelope);
    const text = JSON.stringify(redacted);
    for (const secret of [envelope.data.token, envelope.data.nested.accessToken, envelope.data.nested.note, 'p4ss']) assert.ok(!text.includes(secret), secret);
    const data = (redacted as typeof envelope).data;
    assert.equal(data.token, REDACTED);
    assert.equal(data.email, 'ann@example.com');
    assert.equal(data.userId, 'usr_1');
    assert.deepEqual(data.nested.tags, ['a']);
    assert.equal(secrets['/data/token'], envelope.data.token);
    assert.equal(secrets['/data/nested/accessToken'], envelope.data.nested.accessToken);
    assert.equal(Object.keys(secrets).length, 5);
  });

  it('restores the original event with its secrets, and leaves redacted fields out without them', () => {
    const { redacted, secrets } = redactSecrets(envelope);
    assert.deepEqual(restoreSecrets(redacted, secrets), envelope);
    const bare = restoreSecrets(redacted, null) as typeof envelope;
    assert.equal('token' in bare.data, false);
    assert.equal('accessToken' in bare.data.nested, false);
    assert.equal(bare.data.email, 'ann@example.com');
    assert.equal((redacted as typeof envelope).data.token, REDACTED, 'the stored copy is left as it was');
  });

  it('takes secrets out of error texts', () => {
    const { secrets } = redactSecrets(envelope);
    const out = redactText(
      `failed for ${envelope.data.token}; url /reset?token=abc123def456 "password": "hunter22" Authorization: Bearer xyz.abc ${envelope.data.nested.note} otk_zzzzzzzzzzzzzzzzzzzz`,
      secrets,
    );
    for (const secret of [envelope.data.token, 'abc123def456', 'hunter22', 'xyz.abc', envelope.data.nested.note, 'otk_zzzz']) assert.ok(!out.includes(secret), `${secret} in ${out}`);
    assert.match(out, /token=\[redacted\]/);
    assert.equal(redactText('connection refused on ord_01JX'), 'connection refused on ord_01JX');
  });
});

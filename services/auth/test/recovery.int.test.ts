import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@mercato/chassis';
import { createTestDatabase, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { outboxEvents, poster, startAuth } from './helpers.js';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('password reset and email verification on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  const post = poster(() => svc);
  const password = 'violet-tundra-93-kayak';

  before(async () => {
    db = await createTestDatabase('auth_recovery');
    svc = await startAuth(db.url, { AUTH_RESPONSE_FLOOR_MS: '150' });
    assert.equal((await post('/auth/register', { email: 'cara@example.com', password, name: 'Cara' })).status, 201);
  });

  after(async () => {
    await svc?.stop();
    await db?.drop();
  });

  it('forgot: 202 for a known and an unknown email, in about the same time; only the known one emits', async () => {
    const before = (await outboxEvents(svc, 'PasswordResetRequested')).length;
    const timed = async (email: string) => {
      const t0 = performance.now();
      const res = await post('/auth/password/forgot', { email });
      assert.equal(res.status, 202);
      assert.equal(await res.text(), '');
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await timed('Cara@Example.com'));
      unknown.push(await timed(`nobody-${i}@example.com`));
    }
    assert.ok(median(known) >= 150 && median(unknown) >= 150, 'both wait for the floor');
    assert.ok(Math.abs(median(known) - median(unknown)) < 40, `known ${median(known)} ms vs unknown ${median(unknown)} ms`);
    const events = await outboxEvents(svc, 'PasswordResetRequested');
    assert.equal(events.length - before, 5, 'one per request for the known email, none for unknown ones');
    const e = events.at(-1)!;
    assert.equal(e.data.email, 'cara@example.com');
    assert.match(String(e.data.token), /^[A-Za-z0-9_-]{43}$/);
    const ttl = (Date.parse(String(e.data.expiresAt)) - Date.now()) / 1000;
    assert.ok(ttl > 1700 && ttl <= 1800, `expires in 30 min (${ttl} s)`);
    const stored = await svc.db.query<{ token_hash: Buffer }>(`SELECT token_hash FROM one_time_tokens WHERE purpose = 'password_reset'`);
    assert.equal(stored.rows.length, 5);
    assert.ok(stored.rows.every((r) => r.token_hash.length === 32 && !r.token_hash.toString('base64url').includes(String(e.data.token))));
  });

  it('reset: the emailed token works once, signs out every session, and the new password is the one', async () => {
    const s1 = (await (await post('/auth/login', { email: 'cara@example.com', password })).json()) as Tokens;
    const s2 = (await (await post('/auth/login', { email: 'cara@example.com', password })).json()) as Tokens;
    assert.equal((await post('/auth/password/forgot', { email: 'cara@example.com' })).status, 202);
    const token = String((await outboxEvents(svc, 'PasswordResetRequested')).at(-1)!.data.token);

    const weak = await post('/auth/password/reset', { token, password: 'password1234' });
    assert.equal(weak.status, 400);
    assert.equal(((await weak.json()) as { code: string }).code, 'invalid_data');

    const newPassword = 'amber-glacier-41-otter';
    const toldBefore = (await outboxEvents(svc, 'PasswordChanged')).length;
    assert.equal(toldBefore, 0, 'the weak one changed nothing');
    assert.equal((await post('/auth/password/reset', { token, password: newPassword })).status, 204);
    const told = await outboxEvents(svc, 'PasswordChanged');
    assert.equal(told.length, 1, 'the owner is told');
    assert.equal(told[0]!.data.via, 'reset');
    assert.equal(told[0]!.data.email, 'cara@example.com');
    const again = await post('/auth/password/reset', { token, password: 'second-try-password-9' });
    assert.equal(again.status, 400);
    assert.equal(((await again.json()) as { code: string }).code, 'invalid_token');
    assert.equal((await outboxEvents(svc, 'PasswordChanged')).length, 1, 'nothing told for a used token');

    for (const s of [s1, s2]) assert.equal((await post('/auth/refresh', { refreshToken: s.refreshToken })).status, 401, 'every session ended');
    assert.equal((await post('/auth/login', { email: 'cara@example.com', password })).status, 401);
    assert.equal((await post('/auth/login', { email: 'cara@example.com', password: newPassword })).status, 200);
    // Back to the first password for the other tests.
    assert.equal((await post('/auth/password/forgot', { email: 'cara@example.com' })).status, 202);
    const t2 = String((await outboxEvents(svc, 'PasswordResetRequested')).at(-1)!.data.token);
    assert.equal((await post('/auth/password/reset', { token: t2, password })).status, 204);
  });

  it('reset: an expired, unknown or verification token answers the same 400', async () => {
    assert.equal((await post('/auth/password/forgot', { email: 'cara@example.com' })).status, 202);
    const token = String((await outboxEvents(svc, 'PasswordResetRequested')).at(-1)!.data.token);
    await svc.db.query(`UPDATE one_time_tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'password_reset' AND used_at IS NULL`);
    const verifyToken = String((await outboxEvents(svc, 'EmailVerificationRequested')).at(-1)!.data.token);
    const bodies: unknown[] = [];
    for (const t of [token, 'no-such-token-at-all', verifyToken]) {
      const res = await post('/auth/password/reset', { token: t, password: 'amber-glacier-41-otter' });
      assert.equal(res.status, 400);
      const b = (await res.json()) as { code: string; detail: string };
      bodies.push([b.code, b.detail]);
    }
    assert.deepEqual(bodies, [bodies[0], bodies[0], bodies[0]]);
    assert.equal((await post('/auth/login', { email: 'cara@example.com', password })).status, 200, 'password unchanged');
  });

  it('verifies the email with the token emailed at registration, once', async () => {
    const [e] = await outboxEvents(svc, 'EmailVerificationRequested');
    assert.equal(e!.data.email, 'cara@example.com');
    const verified = async () => (await svc.db.query<{ v: boolean }>(`SELECT email_verified AS v FROM credentials WHERE email = 'cara@example.com'`)).rows[0]!.v;
    assert.equal(await verified(), false);
    assert.equal((await post('/auth/email/verify', { token: 'not-a-token' })).status, 400);
    assert.deepEqual(await outboxEvents(svc, 'EmailVerified'), [], 'nothing proven yet');
    assert.equal((await post('/auth/email/verify', { token: String(e!.data.token) })).status, 204);
    assert.equal(await verified(), true);
    // The platform learns it in the same transaction: the profile says so.
    const told = await outboxEvents(svc, 'EmailVerified');
    assert.deepEqual(told.map((t) => t.data), [{ userId: e!.data.userId, email: 'cara@example.com', via: 'link' }]);
    const again = await post('/auth/email/verify', { token: String(e!.data.token) });
    assert.equal(again.status, 400);
    assert.equal(((await again.json()) as { code: string }).code, 'invalid_token');
    assert.equal((await outboxEvents(svc, 'EmailVerified')).length, 1, 'told once');
  });

  it('resend: 202 whatever the email; a link only for a registered, unverified one; expired links refused', async () => {
    assert.equal((await post('/auth/register', { email: 'dan@example.com', password, name: 'Dan' })).status, 201);
    const count = async () => (await outboxEvents(svc, 'EmailVerificationRequested')).length;
    const n0 = await count();
    assert.equal((await post('/auth/email/verify/resend', { email: 'nobody@example.com' })).status, 202);
    assert.equal((await post('/auth/email/verify/resend', { email: 'cara@example.com' })).status, 202, 'already verified');
    assert.equal(await count(), n0);
    assert.equal((await post('/auth/email/verify/resend', { email: 'DAN@example.com' })).status, 202);
    assert.equal(await count(), n0 + 1);
    const token = String((await outboxEvents(svc, 'EmailVerificationRequested')).at(-1)!.data.token);
    await svc.db.query(`UPDATE one_time_tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'email_verification'`);
    assert.equal((await post('/auth/email/verify', { token })).status, 400);
  });
});

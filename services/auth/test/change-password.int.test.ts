import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@mercato/chassis';
import { createTestDatabase, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { outboxEvents, poster, startAuth } from './helpers.js';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

describe('password change by a signed-in user, on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  const post = poster(() => svc);
  const first = 'violet-tundra-93-kayak';
  const second = 'amber-glacier-28-otter';
  const change = (accessToken: string | undefined, body: unknown) =>
    fetch(`${svc.url}/auth/password/change`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
      body: JSON.stringify(body),
    });
  const login = async (email: string, password: string) => post('/auth/login', { email, password });
  const hashOf = async (email: string) =>
    (await svc.db.query<{ password_hash: string }>('SELECT password_hash FROM credentials WHERE email = $1', [email])).rows[0]!.password_hash;

  before(async () => {
    db = await createTestDatabase('auth_change_password');
    svc = await startAuth(db.url);
    assert.equal((await post('/auth/register', { email: 'dana@example.com', password: first, name: 'Dana' })).status, 201);
  });

  after(async () => {
    await svc?.stop();
    await db?.drop();
  });

  it('changes it with the current one: the new one signs in, the old one no more, other sessions are signed out', async () => {
    const phone = (await (await login('dana@example.com', first)).json()) as Tokens;
    const laptop = (await (await login('dana@example.com', first)).json()) as Tokens;
    const res = await change(laptop.accessToken, { currentPassword: first, newPassword: second });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const fresh = (await res.json()) as Tokens;
    assert.equal((await login('dana@example.com', first)).status, 401);
    assert.equal((await login('dana@example.com', second)).status, 200);
    // Every refresh token issued before is revoked; the one of the answer works.
    assert.equal((await post('/auth/refresh', { refreshToken: phone.refreshToken })).status, 401);
    assert.equal((await post('/auth/refresh', { refreshToken: laptop.refreshToken })).status, 401);
    assert.equal((await post('/auth/refresh', { refreshToken: fresh.refreshToken })).status, 200);
    // The access tokens of before are of an older session generation: refused here at once.
    const again = await change(phone.accessToken, { currentPassword: second, newPassword: 'third-lantern-64-heron' });
    assert.equal(again.status, 401);
    assert.match(((await again.json()) as { detail: string }).detail, /revoked/);
    const claims = JSON.parse(Buffer.from(fresh.accessToken.split('.')[1]!, 'base64url').toString()) as { sgen: number; roles: string[] };
    assert.equal(claims.sgen, 1);
    assert.deepEqual(claims.roles, ['customer']);
    // The owner is told by email (the event, with the change, in one transaction).
    const told = await outboxEvents(svc, 'PasswordChanged');
    assert.equal(told.length, 1);
    assert.deepEqual({ ...told[0]!.data, changedAt: undefined }, { userId: told[0]!.subject, email: 'dana@example.com', name: 'Dana', via: 'change', changedAt: undefined });
  });

  it('refuses a wrong current password with 403 and changes nothing; wrong guesses are throttled like sign-ins', async () => {
    const { accessToken } = (await (await login('dana@example.com', second)).json()) as Tokens;
    const before = await hashOf('dana@example.com');
    const wrong = await change(accessToken, { currentPassword: 'not-the-password-11', newPassword: 'another-harbour-55-crane' });
    assert.equal(wrong.status, 403);
    assert.match(wrong.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(((await wrong.json()) as { code: string }).code, 'wrong_password');
    assert.equal(await hashOf('dana@example.com'), before);
    // Four more wrong guesses use the account's free failures (5, the default): then even the right one must wait.
    for (let i = 0; i < 4; i++) assert.equal((await change(accessToken, { currentPassword: `guess-number-${i}-abcdef`, newPassword: 'another-harbour-55-crane' })).status, 403);
    const throttled = await change(accessToken, { currentPassword: second, newPassword: 'another-harbour-55-crane' });
    assert.equal(throttled.status, 429);
    assert.ok(Number(throttled.headers.get('retry-after')) > 0);
    assert.equal(await hashOf('dana@example.com'), before);
    assert.equal((await outboxEvents(svc, 'PasswordChanged')).length, 1, 'no event for a refused change');
    await svc.db.query('DELETE FROM login_throttles');
  });

  it('applies the password policy to the new one (400 at /newPassword) and bounds the body', async () => {
    assert.equal((await post('/auth/register', { email: 'eli@example.com', password: first, name: 'Eli' })).status, 201);
    const { accessToken } = (await (await login('eli@example.com', first)).json()) as Tokens;
    const before = await hashOf('eli@example.com');
    const weak = await change(accessToken, { currentPassword: first, newPassword: 'password1234' });
    assert.equal(weak.status, 400);
    const body = (await weak.json()) as { errors: { pointer: string }[] };
    assert.equal(body.errors[0]!.pointer, '/newPassword');
    assert.equal((await change(accessToken, { currentPassword: first, newPassword: second, extra: 1 })).status, 400, 'unknown field');
    assert.equal((await change(accessToken, { currentPassword: first })).status, 400, 'missing field');
    assert.equal((await change(accessToken, { currentPassword: first, newPassword: 'x'.repeat(1025) })).status, 400, 'too long');
    assert.equal(await hashOf('eli@example.com'), before);
  });

  it('sends an account without a password (made with Google or Facebook) to the reset link', async () => {
    assert.equal((await post('/auth/register', { email: 'fay@example.com', password: first, name: 'Fay' })).status, 201);
    const { accessToken } = (await (await login('fay@example.com', first)).json()) as Tokens;
    await svc.db.query(`UPDATE credentials SET password_hash = '' WHERE email = 'fay@example.com'`);
    const res = await change(accessToken, { currentPassword: '', newPassword: second });
    assert.equal(res.status, 400, 'an empty current password is refused by the schema');
    const none = await change(accessToken, { currentPassword: first, newPassword: second });
    assert.equal(none.status, 403);
    assert.match(((await none.json()) as { detail: string }).detail, /no password yet.*reset/);
    assert.equal(await hashOf('fay@example.com'), '');
  });

  it('needs a valid access token: none, malformed, tampered', async () => {
    const { accessToken } = (await (await login('eli@example.com', first)).json()) as Tokens;
    const none = await change(undefined, { currentPassword: first, newPassword: second });
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal((await change('not a token', { currentPassword: first, newPassword: second })).status, 401);
    const [h, p, s] = accessToken.split('.') as [string, string, string];
    const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: 'usr_someone_else' })).toString('base64url');
    assert.equal((await change(`${h}.${other}.${s}`, { currentPassword: first, newPassword: second })).status, 401);
    assert.equal((await login('eli@example.com', first)).status, 200, 'unchanged');
  });
});

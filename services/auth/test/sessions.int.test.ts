import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callerOf, createAuthenticator, createHttpApp, JwksCache, SessionGenerations, sessionGenerationsUrl, signedIn, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { keysFromJwks, verifyJwt } from '../src/service.js';
import { outboxEvents, poster, startAuth } from './helpers.js';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** Sessions after a password reset, and refresh tokens used twice at once. */
describe('sessions: reset revokes every token, concurrent refreshes keep the session', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  const post = poster(() => svc);
  const password = 'violet-tundra-93-kayak';
  const login = async (email: string, pw = password) => {
    const res = await post('/auth/login', { email, password: pw });
    assert.equal(res.status, 200);
    return (await res.json()) as Tokens;
  };
  const claims = async (token: string) => {
    const jwks = (await (await fetch(`${svc.url}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
    return verifyJwt(token, { keyFor: keysFromJwks(jwks), issuer: 'mercato', audience: 'mercato-api' });
  };
  const resetToken = async (email: string) => {
    assert.equal((await post('/auth/password/forgot', { email })).status, 202);
    return String((await outboxEvents(svc, 'PasswordResetRequested')).filter((e) => e.data.email === email).at(-1)!.data.token);
  };

  before(async () => {
    db = await createTestDatabase('auth_sessions');
    svc = await startAuth(db.url);
    for (const email of ['rita@example.com', 'ravi@example.com', 'rosa@example.com']) {
      assert.equal((await post('/auth/register', { email, password, name: email.split('@')[0] })).status, 201);
    }
  });

  after(async () => {
    await svc?.stop();
    await db?.drop();
  });

  it('uses up every reset token of the account when one of them is used', async () => {
    const older = await resetToken('rita@example.com');
    const newer = await resetToken('rita@example.com');
    assert.notEqual(older, newer);
    assert.equal((await post('/auth/password/reset', { token: newer, password: 'amber-glacier-41-otter' })).status, 204);
    const stale = await post('/auth/password/reset', { token: older, password: 'cobalt-meadow-77-heron' });
    assert.equal(stale.status, 400);
    assert.equal(((await stale.json()) as { code: string }).code, 'invalid_token');
    assert.equal((await post('/auth/login', { email: 'rita@example.com', password: 'amber-glacier-41-otter' })).status, 200, 'the older link changed nothing');
    const unused = await svc.db.query(`SELECT 1 FROM one_time_tokens t JOIN credentials c USING (user_id) WHERE c.email = 'rita@example.com' AND t.purpose = 'password_reset' AND t.used_at IS NULL`);
    assert.equal(unused.rowCount, 0);
  });

  it('revokes the access tokens issued before a reset: a new session generation, published for the gateway and the services', async () => {
    const before = await login('ravi@example.com');
    assert.equal((await claims(before.accessToken)).sgen, 0);
    // A service verifying tokens itself, as every service does (chassis authenticator).
    const jwksUrl = `${svc.url}/.well-known/jwks.json`;
    const generations = new SessionGenerations({ url: sessionGenerationsUrl(jwksUrl), refreshMs: 0 });
    const authn = createAuthenticator({
      settings: { jwksUrl, issuer: 'mercato', audience: 'mercato-api' },
      jwks: new JwksCache({ url: jwksUrl }),
      generations,
    });
    const app = await createHttpApp({ service: 'user', logger: captureLogger('user', 'silent').logger });
    app.get('/me', { ...signedIn({ authenticator: authn }), schema: { hide: true } }, async (req) => ({ userId: callerOf(req).userId }));
    await app.ready();
    const me = (token: string) => app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal((await me(before.accessToken)).statusCode, 200);

    await post('/auth/password/reset', { token: await resetToken('ravi@example.com'), password: 'amber-glacier-41-otter' });
    const listed = (await (await fetch(sessionGenerationsUrl(jwksUrl))).json()) as { items: { userId: string; generation: number }[]; keepS: number };
    const ravi = (await claims(before.accessToken)).sub;
    assert.deepEqual(listed.items.find((i) => i.userId === ravi)?.generation, 1);
    assert.equal(listed.keepS, 900 + 60);

    // The copy is refreshed in the background every few seconds; here, now.
    await generations.refresh();
    const refused = await me(before.accessToken);
    assert.equal(refused.statusCode, 401);
    assert.match(refused.json<{ detail: string }>().detail, /revoked/);
    const after = await login('ravi@example.com', 'amber-glacier-41-otter');
    assert.equal((await claims(after.accessToken)).sgen, 1);
    assert.equal((await me(after.accessToken)).statusCode, 200, 'a token of the new generation works');
    assert.equal((await post('/auth/refresh', { refreshToken: before.refreshToken })).status, 401, 'and the old sessions are gone');
    await app.close();
  });

  it('gives two refreshes of one token sent together the same successor, and keeps the session', async () => {
    const first = await login('rosa@example.com');
    const [a, b] = await Promise.all([post('/auth/refresh', { refreshToken: first.refreshToken }), post('/auth/refresh', { refreshToken: first.refreshToken })]);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    const [ta, tb] = (await Promise.all([a.json(), b.json()])) as Tokens[];
    assert.equal(ta!.refreshToken, tb!.refreshToken, 'one successor, not a second branch');
    const family = await svc.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE user_id = (SELECT user_id FROM credentials WHERE email = 'rosa@example.com') ORDER BY created_at DESC LIMIT 1)`,
    );
    assert.equal(family.rows[0]!.n, 2, 'the first token and its one successor');
    // The session goes on.
    const next = await post('/auth/refresh', { refreshToken: ta!.refreshToken });
    assert.equal(next.status, 200);
    const third = (await next.json()) as Tokens;

    // Once the successor is used, the first token again is a reuse: the family is revoked.
    assert.equal((await post('/auth/refresh', { refreshToken: first.refreshToken })).status, 401);
    assert.equal((await post('/auth/refresh', { refreshToken: third.refreshToken })).status, 401, 'the whole family');
  });

  it('treats a used token presented after the grace as stolen, even when its successor is unused', async () => {
    const first = await login('rosa@example.com');
    const r = await post('/auth/refresh', { refreshToken: first.refreshToken });
    const second = (await r.json()) as Tokens;
    // The first use, an hour ago.
    await svc.db.query(`UPDATE refresh_tokens SET used_at = now() - interval '1 hour' WHERE used_at IS NOT NULL AND revoked_at IS NULL`);
    assert.equal((await post('/auth/refresh', { refreshToken: first.refreshToken })).status, 401);
    assert.equal((await post('/auth/refresh', { refreshToken: second.refreshToken })).status, 401, 'its family is revoked');
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { authService, keysFromJwks, rotateKeys, verifyJwt } from '../src/service.js';
import { loadAuthConfig } from '../src/config.js';
import { KeyRing } from '../src/keys/key-ring.js';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: string;
}

describe('auth service on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  const kek = randomBytes(32).toString('base64url');
  const env = { AUTH_PORT: '0', AUTH_SCRYPT_N: '1024', AUTH_KEY_ENCRYPTION_KEY: kek, OUTBOX_POLL_MS: '60000' };

  const post = (path: string, body: unknown) =>
    fetch(`${svc.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const jwks = async () => (await (await fetch(`${svc.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
  const verify = async (token: string) => verifyJwt(token, { keyFor: keysFromJwks(await jwks()), issuer: 'mercato', audience: 'mercato-api' });
  const count = async (sql: string, params: unknown[] = []) => Number((await svc.db.query<{ n: number }>(sql, params)).rows[0]!.n);

  before(async () => {
    db = await createTestDatabase('auth');
    const bus = new MemoryBus();
    svc = await startService(authService, { env: { ...env, AUTH_DATABASE_URL: db.url }, bus, logger: captureLogger('auth', 'silent').logger, background: false });
    bus.open();
  });

  after(async () => {
    await svc?.stop();
    await db?.drop();
  });

  it('registers: tokens verify against the served JWKS, UserRegistered is in the outbox', async () => {
    const res = await post('/auth/register', { email: '  Ann.Smith@Example.COM', password: 'violet-tundra-93-kayak', name: 'Ann Smith' });
    assert.equal(res.status, 400, 'whitespace is not an email');
    const ok = await post('/auth/register', { email: 'Ann.Smith@Example.COM', password: 'violet-tundra-93-kayak', name: 'Ann Smith' });
    assert.equal(ok.status, 201);
    assert.equal(ok.headers.get('cache-control'), 'no-store');
    const t = (await ok.json()) as Tokens;
    assert.equal(t.tokenType, 'Bearer');
    assert.equal(t.expiresIn, 900);
    assert.match(t.refreshToken, /^[A-Za-z0-9_-]{43}$/);
    const claims = await verify(t.accessToken);
    assert.match(claims.sub, /^usr_/);
    assert.deepEqual(claims.roles, ['customer']);
    assert.equal(claims.exp - claims.iat, 900);
    const events = await svc.db.query<{ type: string; subject: string; payload: { data: Record<string, unknown> } }>('SELECT type, subject, payload FROM outbox ORDER BY created_at, id');
    assert.deepEqual(events.rows.map((e) => e.type).sort(), ['EmailVerificationRequested', 'UserRegistered']);
    events.rows.sort((a, b) => (a.type === 'UserRegistered' ? -1 : b.type === 'UserRegistered' ? 1 : 0));
    assert.deepEqual(events.rows[0]!.payload.data, {
      userId: claims.sub,
      email: 'ann.smith@example.com',
      name: 'Ann Smith',
      emailVerified: false,
      method: 'password',
      roles: ['customer'],
    });
    const stored = await svc.db.query<{ password_hash: string }>('SELECT password_hash FROM credentials');
    assert.match(stored.rows[0]!.password_hash, /^scrypt\$1024\$8\$1\$/);
    const hashes = await svc.db.query<{ token_hash: Buffer }>('SELECT token_hash FROM refresh_tokens');
    assert.equal(hashes.rows[0]!.token_hash.length, 32, 'only the SHA-256 of the refresh token is stored');
  });

  it('refuses a taken email (any case) with 409 and writes nothing', async () => {
    const before = [await count('SELECT count(*) AS n FROM credentials'), await count('SELECT count(*) AS n FROM outbox'), await count('SELECT count(*) AS n FROM refresh_tokens')];
    const res = await post('/auth/register', { email: 'ANN.smith@example.com', password: 'another-fine-pass-77', name: 'Other' });
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as { code: string }).code, 'email_taken');
    const afterCounts = [await count('SELECT count(*) AS n FROM credentials'), await count('SELECT count(*) AS n FROM outbox'), await count('SELECT count(*) AS n FROM refresh_tokens')];
    assert.deepEqual(afterCounts, before);
  });

  it('refuses weak and common passwords with a pointer, and unknown fields', async () => {
    for (const password of ['short-pw', '1qaz2wsx3edc', 'bob@example.com']) {
      const res = await post('/auth/register', { email: 'bob@example.com', password, name: 'Bob' });
      assert.equal(res.status, 400, password);
      const body = (await res.json()) as { errors: { pointer: string }[] };
      assert.equal(body.errors[0]!.pointer, '/password');
    }
    const extra = await post('/auth/register', { email: 'bob@example.com', password: 'violet-tundra-93-kayak', name: 'Bob', roles: ['admin'] });
    assert.equal(extra.status, 400);
    assert.equal((await post('/auth/login', { email: 'bob@example.com', password: 'x', admin: true })).status, 400);
    assert.equal(await count(`SELECT count(*) AS n FROM credentials WHERE email = 'bob@example.com'`), 0);
  });

  it('logs in with the right password only, never saying which part was wrong', async () => {
    const ok = await post('/auth/login', { email: 'ann.smith@example.com', password: 'violet-tundra-93-kayak' });
    assert.equal(ok.status, 200);
    await verify(((await ok.json()) as Tokens).accessToken);
    const wrong = await post('/auth/login', { email: 'ann.smith@example.com', password: 'violet-tundra-93-kayaK' });
    const unknown = await post('/auth/login', { email: 'nobody@example.com', password: 'violet-tundra-93-kayak' });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    const [a, b] = (await Promise.all([wrong.json(), unknown.json()])) as { code: string; detail: string }[];
    assert.equal(a!.code, 'invalid_credentials');
    assert.deepEqual([a!.code, a!.detail], [b!.code, b!.detail]);
  });

  it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
    const first = (await (await post('/auth/login', { email: 'ann.smith@example.com', password: 'violet-tundra-93-kayak' })).json()) as Tokens;
    const r1 = await post('/auth/refresh', { refreshToken: first.refreshToken });
    assert.equal(r1.status, 200);
    const second = (await r1.json()) as Tokens;
    assert.notEqual(second.refreshToken, first.refreshToken);
    await verify(second.accessToken);
    const r2 = await post('/auth/refresh', { refreshToken: second.refreshToken });
    assert.equal(r2.status, 200);
    const third = (await r2.json()) as Tokens;

    const reuse = await post('/auth/refresh', { refreshToken: first.refreshToken });
    assert.equal(reuse.status, 401);
    assert.equal(((await reuse.json()) as { code: string }).code, 'invalid_token');
    assert.equal((await post('/auth/refresh', { refreshToken: third.refreshToken })).status, 401, 'the newest token of the family is revoked too');
    assert.equal((await post('/auth/refresh', { refreshToken: 'not-a-token' })).status, 401);
  });

  it('logs out: the family is revoked, other sessions are not', async () => {
    const creds = { email: 'ann.smith@example.com', password: 'violet-tundra-93-kayak' };
    const a = (await (await post('/auth/login', creds)).json()) as Tokens;
    const b = (await (await post('/auth/login', creds)).json()) as Tokens;
    const a2 = (await (await post('/auth/refresh', { refreshToken: a.refreshToken })).json()) as Tokens;
    const out = await post('/auth/logout', { refreshToken: a2.refreshToken });
    assert.equal(out.status, 204);
    assert.equal((await post('/auth/refresh', { refreshToken: a2.refreshToken })).status, 401);
    assert.equal((await post('/auth/refresh', { refreshToken: b.refreshToken })).status, 200);
    assert.equal((await post('/auth/logout', { refreshToken: a2.refreshToken })).status, 204, 'idempotent');
  });

  it('rotates keys: the next key is published before it signs, the retired one stays published', async () => {
    const before = await jwks();
    assert.equal(before.keys.length, 2, 'active and next');
    const oldToken = ((await (await post('/auth/login', { email: 'ann.smith@example.com', password: 'violet-tundra-93-kayak' })).json()) as Tokens).accessToken;
    const oldKid = (await verify(oldToken), JSON.parse(Buffer.from(oldToken.split('.')[0]!, 'base64url').toString()).kid as string);
    const [activeKid, nextKid] = before.keys.map((k) => k.kid);
    assert.equal(oldKid, activeKid);

    const config = loadAuthConfig({ ...env });
    const rotation = await rotateKeys({ db: svc.db, config, keys: new KeyRing(svc.db, Buffer.from(kek, 'base64url')) });
    assert.equal(rotation.activated, nextKid);
    assert.equal(rotation.retired, activeKid);
    const after = (await jwks()).keys.map((k) => k.kid);
    assert.deepEqual(new Set(after), new Set([activeKid, nextKid, rotation.next]));

    // This instance's cached key is dropped by its own rotations; here the rotation ran on
    // another KeyRing (as on another instance), so drop the serving one's cache by restarting.
    await svc.stop();
    const bus = new MemoryBus();
    svc = await startService(authService, { env: { ...env, AUTH_DATABASE_URL: db.url }, bus, logger: captureLogger('auth', 'silent').logger, background: false });
    bus.open();
    const newToken = ((await (await post('/auth/login', { email: 'ann.smith@example.com', password: 'violet-tundra-93-kayak' })).json()) as Tokens).accessToken;
    assert.equal(JSON.parse(Buffer.from(newToken.split('.')[0]!, 'base64url').toString()).kid, nextKid, 'the former next key signs now');
    await verify(oldToken);
    await verify(newToken);
  });

  it('refuses to start with a different key-encryption key', async () => {
    await assert.rejects(
      startService(authService, {
        env: { ...env, AUTH_DATABASE_URL: db.url, AUTH_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64url') },
        bus: new MemoryBus(),
        logger: captureLogger('auth', 'silent').logger,
        listen: false,
        background: false,
      }),
      /cannot be decrypted/,
    );
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { captureLogger, createTestDatabase, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import type { RunningService } from '@mercato/chassis';
import { register } from '../src/auth/register.js';
import { loadAuthConfig } from '../src/config.js';
import type { AuthDeps } from '../src/deps.js';
import { KeyRing } from '../src/keys/key-ring.js';
import { HashGate } from '../src/passwords/hash-gate.js';
import { hashPassword, OWASP_SCRYPT } from '../src/passwords/password-hasher.js';
import { BASE_ENV, KEK, outboxEvents, poster, startAuth } from './helpers.js';

const password = 'violet-tundra-93-kayak';
const json = async (res: Response) => (await res.json()) as { code: string };

/** Hash cost as a weapon: limits per address and account, the email cooldown, the bounded hashing. */
describe('auth under request floods', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  const post = poster(() => svc);
  const count = async (sql: string) => Number((await svc.db.query<{ n: number }>(sql)).rows[0]!.n);
  const env = {
    AUTH_REGISTER_IP_LIMIT: '3',
    AUTH_RECOVERY_IP_LIMIT: '8',
    AUTH_ACCOUNT_REQUEST_LIMIT: '2',
    AUTH_RESET_EMAIL_COOLDOWN_S: '60',
  };

  before(async () => {
    db = await createTestDatabase('auth_limits');
    svc = await startAuth(db.url, env);
  });

  after(async () => {
    await svc?.stop();
    await db?.drop();
  });

  it('limits registrations per address: 429 with Retry-After past the limit, nothing written', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await post('/auth/register', { email: `ip-${i}@example.com`, password, name: 'Ip' })).status, 201);
    const accounts = await count('SELECT count(*) AS n FROM credentials');
    const refused = await post('/auth/register', { email: 'ip-3@example.com', password, name: 'Ip' });
    assert.equal(refused.status, 429);
    assert.equal((await json(refused)).code, 'rate_limited');
    const retry = Number(refused.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 900, `Retry-After ${retry}`);
    assert.equal(await count('SELECT count(*) AS n FROM credentials'), accounts);
  });

  it('limits forgot per account, known or not, and sends at most one reset email per cooldown', async () => {
    assert.equal((await post('/auth/password/forgot', { email: 'ip-0@example.com' })).status, 202);
    assert.equal((await post('/auth/password/forgot', { email: 'ip-0@example.com' })).status, 202, 'within the cooldown: the same answer');
    assert.equal((await outboxEvents(svc, 'PasswordResetRequested')).length, 1, 'one email, not two');
    const third = await post('/auth/password/forgot', { email: 'IP-0@example.com' });
    assert.equal(third.status, 429, 'the account limit counts the normalised email');
    assert.ok(Number(third.headers.get('retry-after')) >= 1);
    // An unknown email is limited the same way: a 429 says nothing about an account.
    assert.equal((await post('/auth/password/forgot', { email: 'ghost@example.com' })).status, 202);
    assert.equal((await post('/auth/password/forgot', { email: 'ghost@example.com' })).status, 202);
    assert.equal((await post('/auth/password/forgot', { email: 'ghost@example.com' })).status, 429);
  });

  it('limits recovery requests per address across accounts and kinds', async () => {
    // 8 per window: the 6 forgot requests above (refused ones count too) and these two; the next is refused.
    assert.equal((await post('/auth/email/verify/resend', { email: 'ip-1@example.com' })).status, 202);
    assert.equal((await post('/auth/password/forgot', { email: 'ip-2@example.com' })).status, 202);
    const refused = await post('/auth/password/reset', { token: 'x'.repeat(43), password: 'amber-glacier-41-otter' });
    assert.equal(refused.status, 429);
  });

  it('answers a taken email without hashing, and every register answer takes at least the floor', async () => {
    // The use case on this service's database, with a gate that counts the hashes it runs.
    const config = loadAuthConfig({ ...BASE_ENV, AUTH_RESPONSE_FLOOR_MS: '150', AUTH_SCRYPT_N: '1024' });
    const gate = new HashGate({ concurrency: 1, maxQueue: 4 });
    let hashes = 0;
    const counting = { run: <T>(p: 'sign-in' | 'other', work: () => Promise<T>) => (hashes++, gate.run(p, work)) } as HashGate;
    const deps: AuthDeps = {
      db: svc.db,
      outbox: svc.outbox,
      logger: captureLogger('auth', 'silent').logger,
      config,
      keys: new KeyRing(svc.db, Buffer.from(KEK, 'base64url')),
      scrypt: { ...OWASP_SCRYPT, N: 1024 },
      dummyHash: hashPassword('unused-dummy-password', { ...OWASP_SCRYPT, N: 1024 }),
      hashGate: counting,
      refreshSuccessorKey: randomBytes(32),
    };
    const t0 = performance.now();
    await register(deps, { email: 'floor@example.com', password, name: 'Floor', ip: '10.0.0.1' });
    assert.equal(hashes, 1);
    assert.ok(performance.now() - t0 >= 145, 'a new account waits for the floor');
    const t1 = performance.now();
    await assert.rejects(register(deps, { email: 'FLOOR@example.com', password: 'another-long-passphrase-7', name: 'Again', ip: '10.0.0.2' }), (err: unknown) => (err as { type?: string }).type === 'email_taken');
    assert.equal(hashes, 1, 'no hash for a taken email');
    assert.ok(performance.now() - t1 >= 145, 'a taken email waits for the floor too');
  });
});

describe('bounded password hashing', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  const post = poster(() => svc);

  before(async () => {
    db = await createTestDatabase('auth_busy');
    // OWASP's cost (a hash takes well over the time a request takes to arrive), one at a time, no queue.
    svc = await startAuth(db.url, { AUTH_SCRYPT_N: '131072', AUTH_HASH_CONCURRENCY: '1', AUTH_HASH_QUEUE: '0' });
  });

  after(async () => {
    await svc?.stop();
    await db?.drop();
  });

  it('refuses hashing past its queue at once with 503 busy and Retry-After, and serves the rest', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => post('/auth/register', { email: `flood-${i}@example.com`, password, name: 'Flood' })),
    );
    const statuses = answers.map((r) => r.status).sort();
    assert.ok(statuses.includes(201), `some went through: ${statuses.join(',')}`);
    const busy = answers.filter((r) => r.status === 503);
    assert.ok(busy.length >= 1, `some were refused: ${statuses.join(',')}`);
    for (const r of busy) {
      assert.equal((await json(r)).code, 'busy');
      assert.equal(r.headers.get('retry-after'), '1');
    }
    assert.ok(statuses.every((s) => s === 201 || s === 503), statuses.join(','));
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@mercato/chassis';
import { createTestDatabase, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { poster, startAuth } from './helpers.js';

// Small numbers: 2 free failures, then 2^(n-2) s between attempts, a 60 s lock at 4 failures.
const THROTTLE_ENV = { AUTH_LOGIN_FREE_FAILURES: '2', AUTH_LOGIN_LOCK_AFTER: '4', AUTH_LOGIN_LOCK_S: '60', AUTH_LOGIN_IP_LIMIT: '1000' };

describe('login throttling on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  const post = poster(() => svc);
  const password = 'violet-tundra-93-kayak';
  const login = (email: string, pw: string) => post('/auth/login', { email, password: pw });
  /** Moves the last failure into the past, as if the delay had been waited out. */
  const waitOut = (key: string) => svc.db.query(`UPDATE login_throttles SET last_failure_at = now() - interval '1 hour' WHERE key = $1`, [key]);

  before(async () => {
    db = await createTestDatabase('auth_throttle');
    svc = await startAuth(db.url, THROTTLE_ENV);
    assert.equal((await post('/auth/register', { email: 'eve@example.com', password, name: 'Eve' })).status, 201);
  });

  after(async () => {
    await svc?.stop();
    await db?.drop();
  });

  it('after the free failures answers 429 with Retry-After, and refuses even the right password', async () => {
    assert.equal((await login('eve@example.com', 'wrong-password-0001')).status, 401);
    assert.equal((await login('EVE@example.com', 'wrong-password-0002')).status, 401, 'the email is normalised');
    const throttled = await login('eve@example.com', password);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '1');
    const body = (await throttled.json()) as { code: string };
    assert.equal(body.code, 'login_throttled');
    const row = await svc.db.query<{ failures: number }>(`SELECT failures FROM login_throttles WHERE key = 'account:eve@example.com'`);
    assert.equal(row.rows[0]!.failures, 2, 'a refused attempt is not counted');
  });

  it('the delay grows, and a success once allowed resets the account counter', async () => {
    await waitOut('account:eve@example.com');
    assert.equal((await login('eve@example.com', 'wrong-password-0003')).status, 401);
    const res = await login('eve@example.com', password);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '2', '2^(3-2) s');
    await waitOut('account:eve@example.com');
    assert.equal((await login('eve@example.com', password)).status, 200);
    assert.equal((await svc.db.query(`SELECT 1 FROM login_throttles WHERE key = 'account:eve@example.com'`)).rowCount, 0);
    assert.equal((await login('eve@example.com', 'wrong-password-0004')).status, 401, 'free failures again');
    assert.equal((await login('eve@example.com', password)).status, 200);
  });

  it('an unknown email is throttled exactly like a known one', async () => {
    const answers = [];
    for (const email of ['eve@example.com', 'ghost@example.com']) {
      for (let i = 0; i < 2; i++) answers.push((await login(email, `wrong-password-${i}x`)).status);
      const r = await login(email, password);
      answers.push(r.status, r.headers.get('retry-after'), ((await r.json()) as { code: string }).code);
    }
    assert.deepEqual(answers.slice(0, 5), answers.slice(5));
    assert.deepEqual(answers.slice(0, 5), [401, 401, 429, '1', 'login_throttled']);
  });

  it('locks the account after the limit, until the lock ends', async () => {
    for (let i = 0; i < 2; i++) {
      await waitOut('account:eve@example.com');
      assert.equal((await login('eve@example.com', `wrong-password-${i}y`)).status, 401);
    }
    await waitOut('account:eve@example.com');
    const locked = await login('eve@example.com', password);
    assert.equal(locked.status, 429);
    const retry = Number(locked.headers.get('retry-after'));
    assert.ok(retry > 55 && retry <= 60, `locked for the lock's length (${retry} s)`);
    await svc.db.query(`UPDATE login_throttles SET locked_until = now() - interval '1 second', last_failure_at = now() - interval '1 hour' WHERE key = 'account:eve@example.com'`);
    assert.equal((await login('eve@example.com', password)).status, 200, 'the lock has ended');
  });

  it('limits failures per address across accounts', async () => {
    await svc.db.query(`UPDATE login_throttles SET failures = 999 WHERE key LIKE 'ip:%'`);
    assert.equal((await login('someone-new@example.com', 'wrong-password-z1')).status, 401, 'the 1000th failure');
    const res = await login('another-new@example.com', 'wrong-password-z2');
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.equal((await login('eve@example.com', password)).status, 429, 'even the right password, from this address');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLogger, type RunningService } from '@mercato/chassis';
import { createTestDatabase, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { ensureAdmin } from '../src/auth/ensure-admin.js';
import { loadAuthConfig } from '../src/config.js';
import { outboxEvents, startAuth } from './helpers.js';

const ADMIN = { ADMIN_EMAIL: 'Root@Example.com', ADMIN_PASSWORD: 'saffron-lantern-57-heron' };

describe('administrator ensured at start, on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  const running: RunningService[] = [];

  before(async () => {
    db = await createTestDatabase('auth_admin');
  });

  after(async () => {
    for (const s of running) await s.stop();
    await db?.drop();
  });

  it('two replicas starting together create it once; a restart changes nothing', async () => {
    running.push(...(await Promise.all([startAuth(db.url, ADMIN), startAuth(db.url, ADMIN)])));
    running.push(await startAuth(db.url, { ...ADMIN, ADMIN_PASSWORD: 'another-admin-pass-88' }));
    const rows = await running[0]!.db.query<{ user_id: string; roles: string[]; email_verified: boolean }>(
      `SELECT user_id, roles, email_verified FROM credentials WHERE email = 'root@example.com'`,
    );
    assert.equal(rows.rows.length, 1);
    assert.deepEqual(rows.rows[0]!.roles, ['admin', 'customer']);
    assert.equal(rows.rows[0]!.email_verified, true);
    const events = await outboxEvents(running[0]!, 'UserRegistered');
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.data.roles, ['admin', 'customer']);
    assert.equal(events[0]!.data.emailVerified, true);
    const res = await fetch(`${running[0]!.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'root@example.com', password: ADMIN.ADMIN_PASSWORD }),
    });
    assert.equal(res.status, 200, 'the first password stays: a restart with another one does not overwrite it');
  });

  it('hashes no password for an administrator who has one: every start after the first', async () => {
    // N = 3 is not a power of two, so any hash made with these parameters fails.
    const deps = { db: running[0]!.db, outbox: undefined as never, logger: createLogger({ service: 'auth', level: 'silent' }), scrypt: { N: 3, r: 8, p: 1 } };
    assert.equal(await ensureAdmin(deps, { email: 'root@example.com', password: 'whatever-else-77' }), 'unchanged');
    await assert.rejects(ensureAdmin(deps, { email: 'new-admin@example.com', password: 'saffron-lantern-57-heron' }), /N must be|Invalid scrypt/i);
  });

  it('gives an existing account the admin role, keeping its password', async () => {
    const svc = running[0]!;
    assert.equal(
      (
        await fetch(`${svc.url}/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'owner@example.com', password: 'violet-tundra-93-kayak', name: 'Owner' }),
        })
      ).status,
      201,
    );
    const before = await svc.db.query<{ password_hash: string }>(`SELECT password_hash FROM credentials WHERE email = 'owner@example.com'`);
    running.push(await startAuth(db.url, { ADMIN_EMAIL: 'owner@example.com', ADMIN_PASSWORD: 'saffron-lantern-57-heron' }));
    const row = await svc.db.query<{ roles: string[]; password_hash: string }>(`SELECT roles, password_hash FROM credentials WHERE email = 'owner@example.com'`);
    assert.deepEqual(row.rows[0]!.roles, ['customer', 'admin']);
    assert.equal(row.rows[0]!.password_hash, before.rows[0]!.password_hash);
  });

  it('needs both variables or neither, and a password the policy accepts', () => {
    assert.throws(() => loadAuthConfig({ ADMIN_EMAIL: 'root@example.com' }), /ADMIN_PASSWORD is missing/);
    assert.throws(() => loadAuthConfig({ ADMIN_PASSWORD: 'saffron-lantern-57-heron' }), /ADMIN_EMAIL is missing/);
    assert.throws(() => loadAuthConfig({ ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'password1234' }), /ADMIN_PASSWORD is invalid/);
    assert.equal(loadAuthConfig({}).admin, undefined);
    assert.deepEqual(loadAuthConfig(ADMIN).admin, { email: 'root@example.com', password: ADMIN.ADMIN_PASSWORD });
  });
});

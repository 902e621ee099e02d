import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryBus, type RunningService } from '@mercato/chassis';
import { createTestDatabase, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { createEvent, newId, type Role } from '@mercato/contracts';
import { keysFromJwks, verifyJwt } from '../src/service.js';
import { poster, startAuth } from './helpers.js';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

describe('auth consumes RolesChanged', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  let bus: MemoryBus;
  const post = poster(() => svc);
  const password = 'violet-tundra-93-kayak';

  const rolesOf = async (token: string) => {
    const jwks = (await (await fetch(`${svc.url}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
    return (await verifyJwt(token, { keyFor: keysFromJwks(jwks), issuer: 'mercato', audience: 'mercato-api' })).roles;
  };
  const login = async (email: string) => {
    const res = await post('/auth/login', { email, password });
    assert.equal(res.status, 200);
    return (await res.json()) as Tokens;
  };
  const register = async (email: string) => {
    const res = await post('/auth/register', { email, password, name: 'Role Tester' });
    assert.equal(res.status, 201);
    const t = (await res.json()) as Tokens;
    const claims = await verifyJwt(t.accessToken, {
      keyFor: keysFromJwks((await (await fetch(`${svc.url}/.well-known/jwks.json`)).json()) as { keys: unknown[] }),
      issuer: 'mercato',
      audience: 'mercato-api',
    });
    return { userId: claims.sub, tokens: t };
  };
  const rolesChanged = (userId: string, roles: Role[], previousRoles: Role[], occurredAt: Date) =>
    createEvent('RolesChanged', { userId, roles, previousRoles, changedBy: null }, { source: 'user', subject: userId, occurredAt });
  const stored = async (userId: string) =>
    (await svc.db.query<{ roles: string[]; roles_changed_at: Date | null }>('SELECT roles, roles_changed_at FROM credentials WHERE user_id = $1', [userId])).rows[0]!;

  before(async () => {
    db = await createTestDatabase('auth_roles');
    bus = new MemoryBus();
    svc = await startAuth(db.url, {}, bus);
  });

  after(async () => {
    await svc?.stop();
    await bus?.close();
    await db?.drop();
  });

  it('a fresh login after the event carries the new roles; a token issued before keeps the old ones', async () => {
    const { userId, tokens: before } = await register('roles.one@example.com');
    assert.deepEqual(await rolesOf(before.accessToken), ['customer']);
    await bus.publish([rolesChanged(userId, ['support', 'customer'], ['customer'], new Date())]);
    assert.deepEqual((await stored(userId)).roles, ['support', 'customer']);
    const fresh = await login('roles.one@example.com');
    assert.deepEqual(await rolesOf(fresh.accessToken), ['support', 'customer']);
    assert.deepEqual(await rolesOf(before.accessToken), ['customer'], 'a token already issued keeps its roles until it expires');
    const refreshed = await post('/auth/refresh', { refreshToken: before.refreshToken });
    assert.equal(refreshed.status, 200);
    assert.deepEqual(await rolesOf(((await refreshed.json()) as Tokens).accessToken), ['support', 'customer'], 'a refresh signs the new roles too');
  });

  it('a redelivered event, or one older than the stored change, changes nothing', async () => {
    const { userId } = await register('roles.two@example.com');
    const t0 = new Date(Date.now() - 60_000);
    const first = rolesChanged(userId, ['admin', 'customer'], ['customer'], new Date(t0.getTime() + 2_000));
    await bus.publish([first]);
    assert.deepEqual((await stored(userId)).roles, ['admin', 'customer']);
    const newer = rolesChanged(userId, ['customer'], ['admin', 'customer'], new Date(t0.getTime() + 5_000));
    await bus.publish([newer]);
    assert.deepEqual((await stored(userId)).roles, ['customer']);
    // The first event again (a redelivery), and a different event made before the newer change.
    const older = rolesChanged(userId, ['admin', 'customer'], ['customer'], new Date(t0.getTime() + 4_000));
    // Same instant as the stored change: the one already applied stays.
    const tie = rolesChanged(userId, ['support', 'customer'], ['customer'], new Date(t0.getTime() + 5_000));
    await bus.publish([first]);
    await bus.publish([older]);
    await bus.publish([tie]);
    const row = await stored(userId);
    assert.deepEqual(row.roles, ['customer']);
    assert.equal(row.roles_changed_at?.getTime(), t0.getTime() + 5_000);
    assert.deepEqual(await rolesOf((await login('roles.two@example.com')).accessToken), ['customer']);
    const handled = await svc.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox WHERE consumer = 'auth.RolesChanged' AND event_id = ANY ($1)`, [
      [first.id, newer.id, older.id, tie.id],
    ]);
    assert.equal(handled.rows[0]!.n, 4, 'the redelivery was not handled twice');
    const failures = await svc.db.query<{ n: number }>('SELECT count(*)::int AS n FROM event_failures');
    assert.equal(failures.rows[0]!.n, 0);
  });

  it('an event for an unknown user is handled and ignored', async () => {
    const ghost = newId('usr');
    await bus.publish([rolesChanged(ghost, ['admin'], ['customer'], new Date())]);
    const rows = await svc.db.query('SELECT 1 FROM credentials WHERE user_id = $1', [ghost]);
    assert.equal(rows.rowCount, 0);
    const failures = await svc.db.query<{ n: number }>('SELECT count(*)::int AS n FROM event_failures');
    assert.equal(failures.rows[0]!.n, 0);
  });

  it('UserDeleted erases the sign-in: no login, no refresh, the email free again', async () => {
    const { userId, tokens } = await register('erase.me@example.com');
    const erased = createEvent('UserDeleted', { userId, deletedBy: null, deletedAt: new Date().toISOString() }, { source: 'user', subject: userId });
    await bus.publish([erased]);
    await bus.publish([erased]);
    assert.equal((await post('/auth/login', { email: 'erase.me@example.com', password })).status, 401);
    assert.equal((await post('/auth/refresh', { refreshToken: tokens.refreshToken })).status, 401);
    assert.equal((await svc.db.query('SELECT 1 FROM refresh_tokens WHERE user_id = $1', [userId])).rowCount, 0);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, createTestSigner, eventually, listenJwks, skipUnless, type TestDatabase, type TestJwksServer } from '@mercato/chassis/testing';
import { createEvent, newId, type Role } from '@mercato/contracts';
import { userService } from '../src/service.js';

interface CustomerJson {
  id: string;
  email: string;
  name: string;
  roles: string[];
  addresses?: Array<{ name: string; city: string; isDefaultShipping: boolean }>;
}

describe('user service: customers in the back office', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  let bus: MemoryBus;
  let jwks: TestJwksServer;
  const signer = createTestSigner();
  const users = { ada: newId('usr'), grace: newId('usr'), alan: newId('usr'), kim: newId('usr') };
  const as = (userId: string, roles: string[]) => (method: string, path: string, body?: unknown) =>
    svc.app.inject({
      method: method as 'GET',
      url: path,
      headers: { authorization: `Bearer ${signer.sign({ sub: userId, roles })}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  const support = as(newId('usr'), ['support']);
  const list = async (query: string) => {
    const res = await support('GET', `/users?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ items: CustomerJson[]; nextCursor: string | null }>();
  };

  before(async () => {
    db = await createTestDatabase('user_bo');
    jwks = await listenJwks([signer.jwk]);
    bus = new MemoryBus();
    svc = await startService(userService, {
      env: { USER_PORT: '0', USER_DATABASE_URL: db.url, OUTBOX_POLL_MS: '60000', AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json` },
      bus,
      logger: captureLogger('user', 'silent').logger,
      listen: false,
      background: false,
    });
    bus.open();
    const people: Array<[string, string, string, Role[]]> = [
      [users.ada, 'ada@example.com', 'Ada Lovelace', ['customer']],
      [users.grace, 'grace.hopper@example.com', 'Grace Hopper', ['customer']],
      [users.alan, 'turing@example.org', 'Alan Turing', ['support']],
      [users.kim, 'kim@example.net', 'Kim Love', ['customer']],
    ];
    for (const [userId, email, name, roles] of people) {
      const event = createEvent('UserRegistered', { userId, email, name, emailVerified: true, method: 'password', roles }, { source: 'auth', subject: userId });
      await bus.publish([event]);
      await eventually(async () => (await svc.db.query('SELECT 1 FROM profiles WHERE user_id = $1', [userId])).rowCount === 1);
    }
    assert.equal((await as(users.ada, ['customer'])('POST', '/users/me/addresses', { name: 'Ada Lovelace', line1: '12 St James Square', city: 'London', country: 'GB' })).statusCode, 201);
  });
  after(async () => {
    await svc?.stop();
    await jwks?.close();
    await db?.drop();
  });

  it('searches customers by email prefix or any part of the name, and by role', async () => {
    assert.deepEqual((await list('q=GRACE')).items.map((u) => u.name), ['Grace Hopper']);
    // "love" is inside two names; no email starts with it.
    assert.deepEqual((await list('q=love')).items.map((u) => u.name), ['Ada Lovelace', 'Kim Love']);
    assert.deepEqual((await list('q=turing@')).items.map((u) => u.id), [users.alan]);
    assert.deepEqual((await list('role=support')).items.map((u) => u.id), [users.alan]);
    assert.deepEqual((await list('q=%25')).items, [], 'a wildcard is matched literally');
    const first = await list('q=e&limit=1');
    assert.equal(first.items.length, 1);
    assert.ok(first.nextCursor);
    assert.equal((await support('GET', '/users?role=owner')).statusCode, 400);
  });

  it("shows staff a customer's profile with the address book; others get 403, an unknown id 404", async () => {
    const res = await support('GET', `/users/${users.ada}`);
    assert.equal(res.statusCode, 200, res.body);
    const ada = res.json<CustomerJson>();
    assert.deepEqual([ada.email, ada.roles], ['ada@example.com', ['customer']]);
    assert.deepEqual(ada.addresses!.map((a) => [a.city, a.isDefaultShipping]), [['London', true]]);
    assert.deepEqual((await support('GET', `/users/${users.grace}`)).json<CustomerJson>().addresses, []);
    assert.equal((await as(users.grace, ['customer'])('GET', `/users/${users.ada}`)).statusCode, 403);
    assert.equal((await as(users.grace, ['catalog_manager'])('GET', `/users/${users.ada}`)).statusCode, 403);
    assert.equal((await support('GET', `/users/${newId('usr')}`)).statusCode, 404);
  });
});

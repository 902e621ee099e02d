import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, createTestSigner, eventually, listenJwks, skipUnless, type TestDatabase, type TestJwksServer } from '@mercato/chassis/testing';
import { createEvent, newId, type Role } from '@mercato/contracts';
import { userService } from '../src/service.js';

interface ProfileJson {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  roles: string[];
  createdAt: string;
  updatedAt: string;
}
interface AddressJson {
  id: string;
  name: string;
  country: string;
  line2: string | null;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
  createdAt: string;
}
interface OutboxRow extends Record<string, unknown> {
  type: string;
  subject: string;
  payload: { data: Record<string, unknown> };
}

describe('user service on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  let bus: MemoryBus;
  let jwks: TestJwksServer;
  // Stands in for the auth service's signing key: the service verifies tokens against its JWKS.
  const signer = createTestSigner();
  const ann = newId('usr');
  const bob = newId('usr');
  const admin = newId('usr');

  const as = (userId: string | undefined, roles: string[] = ['customer']) => (method: string, path: string, body?: unknown) =>
    svc.app.inject({
      method: method as 'GET',
      url: path,
      headers: {
        ...(userId ? { authorization: `Bearer ${signer.sign({ sub: userId, roles })}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  const asAnn = as(ann);
  const asBob = as(bob);
  const asAdmin = as(admin, ['admin']);
  const count = async (sql: string, params: unknown[] = []) => Number((await svc.db.query<{ n: number }>(sql, params)).rows[0]!.n);
  const outbox = async (type: string) => (await svc.db.query<OutboxRow>('SELECT type, subject, payload FROM outbox WHERE type = $1 ORDER BY created_at, id', [type])).rows;
  const registered = (userId: string, email: string, name: string, roles: Role[] = ['customer']) =>
    createEvent('UserRegistered', { userId, email, name, emailVerified: false, method: 'password', roles }, { source: 'auth', subject: userId });
  const address = (over: Record<string, unknown> = {}) => ({ name: 'Ann Smith', line1: '1 Main Street', city: 'Springfield', postalCode: '12345', country: 'US', ...over });

  before(async () => {
    db = await createTestDatabase('user');
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
  });

  after(async () => {
    await svc?.stop();
    await jwks?.close();
    await db?.drop();
  });

  it('creates a profile from UserRegistered once, even when delivered twice', async () => {
    const event = registered(ann, 'ann@example.com', 'Ann Smith');
    await bus.publish([event]);
    await bus.publish([event]);
    await eventually(async () => (await count('SELECT count(*) AS n FROM profiles WHERE user_id = $1', [ann])) === 1);
    assert.equal(await count('SELECT count(*) AS n FROM profiles'), 1);
    assert.equal(await count(`SELECT count(*) AS n FROM inbox WHERE consumer = 'user.UserRegistered'`), 1);
    // A profile that exists already (made another way) is left alone, and the event is not parked.
    await svc.db.query(`INSERT INTO profiles (user_id, email, name) VALUES ($1, 'bob@example.com', 'Bob (pre-existing)')`, [bob]);
    await bus.publish([registered(bob, 'bob@example.com', 'Bob')]);
    assert.equal(await count(`SELECT count(*) AS n FROM inbox WHERE consumer = 'user.UserRegistered'`), 2);
    assert.equal(await count('SELECT count(*) AS n FROM event_failures'), 0);
    assert.equal((await svc.db.query<{ name: string }>('SELECT name FROM profiles WHERE user_id = $1', [bob])).rows[0]!.name, 'Bob (pre-existing)');
    await bus.publish([registered(admin, 'root@example.com', 'Root', ['admin'])]);
  });

  it('answers 401 without an identity, 404 without a profile', async () => {
    for (const [method, path] of [['GET', '/users/me'], ['PATCH', '/users/me'], ['GET', '/users/me/addresses'], ['GET', '/users'], ['PUT', `/users/${ann}/roles`]] as const) {
      const res = await as(undefined)(method, path, method === 'GET' ? undefined : {});
      assert.equal(res.statusCode, 401, `${method} ${path}`);
      assert.equal(res.json<{ code: string }>().code, 'unauthorized');
    }
    // Identity headers are not identity: only a verified token is.
    assert.equal((await svc.app.inject({ url: '/users/me', headers: { 'x-user-id': ann, 'x-user-roles': 'admin' } })).statusCode, 401);
    const forged = createTestSigner(signer.kid).sign({ sub: ann });
    assert.equal((await svc.app.inject({ url: '/users/me', headers: { authorization: `Bearer ${forged}` } })).statusCode, 401, 'a token from another key');
    const expired = signer.sign({ sub: ann, exp: Math.floor(Date.now() / 1000) - 600 });
    assert.equal((await svc.app.inject({ url: '/users/me', headers: { authorization: `Bearer ${expired}` } })).statusCode, 401, 'an expired token');
    assert.equal((await as(newId('usr'))('GET', '/users/me')).statusCode, 404);
  });

  it('reads and patches my profile; UserUpdated names what changed, a no-op emits nothing', async () => {
    const me = await asAnn('GET', '/users/me');
    assert.equal(me.statusCode, 200);
    const body = me.json<ProfileJson>();
    assert.deepEqual({ ...body, createdAt: undefined, updatedAt: undefined }, {
      id: ann, email: 'ann@example.com', emailVerified: false, name: 'Ann Smith', phone: null, roles: ['customer'], createdAt: undefined, updatedAt: undefined,
    });
    assert.match(body.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const patched = await asAnn('PATCH', '/users/me', { name: 'Ann Jones', phone: '+1 555 010 0200' });
    assert.equal(patched.statusCode, 200);
    assert.equal(patched.json<ProfileJson>().name, 'Ann Jones');
    assert.equal(patched.json<ProfileJson>().phone, '+1 555 010 0200');
    let events = await outbox('UserUpdated');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.subject, ann);
    assert.deepEqual(events[0]!.payload.data, { userId: ann, email: 'ann@example.com', name: 'Ann Jones', changed: ['name', 'phone'] });

    const version = async () => (await svc.db.query<{ version: number }>('SELECT version FROM profiles WHERE user_id = $1', [ann])).rows[0]!.version;
    const v = await version();
    assert.equal((await asAnn('PATCH', '/users/me', { name: 'Ann Jones' })).statusCode, 200);
    assert.equal((await asAnn('PATCH', '/users/me', {})).statusCode, 200);
    assert.equal(await version(), v, 'a no-op patch writes nothing');
    assert.equal((await outbox('UserUpdated')).length, 1, 'and emits nothing');

    assert.equal((await asAnn('PATCH', '/users/me', { phone: null })).json<ProfileJson>().phone, null);
    events = await outbox('UserUpdated');
    assert.deepEqual(events[1]!.payload.data.changed, ['phone']);

    for (const bad of [{ name: '' }, { name: '   ' }, { name: 'x'.repeat(201) }, { phone: 'call me' }, { email: 'x@example.com' }, { roles: ['admin'] }]) {
      assert.equal((await asAnn('PATCH', '/users/me', bad)).statusCode, 400, JSON.stringify(bad));
    }
    assert.equal(await version(), v + 1);
  });

  it('learns from EmailVerified that the email is verified, once, and waits for the profile when it comes first', async () => {
    const verified = (userId: string, email: string) => createEvent('EmailVerified', { userId, email, via: 'link' }, { source: 'auth', subject: userId });
    const event = verified(ann, 'ANN@example.com');
    await bus.publish([event]);
    await bus.publish([event]);
    assert.equal((await asAnn('GET', '/users/me')).json<{ emailVerified: boolean }>().emailVerified, true);
    assert.equal(await count(`SELECT count(*) AS n FROM inbox WHERE consumer = 'user.EmailVerified'`), 1);
    // A proof for another address (the profile's email changed since) proves nothing.
    await bus.publish([verified(bob, 'someone-else@example.com')]);
    assert.equal((await as(bob)('GET', '/users/me')).json<{ emailVerified: boolean }>().emailVerified, false);
    // Before its UserRegistered: refused, so the consumer tries again later; nothing is made up.
    const early = verified(newId('usr'), 'early@example.com');
    await bus.publish([early]);
    await eventually(async () => (await count(`SELECT count(*) AS n FROM event_failures WHERE event_id = $1 AND status = 'retrying'`, [early.id])) === 1);
    assert.equal(await count('SELECT count(*) AS n FROM profiles WHERE user_id = $1', [early.data.userId]), 0);
    const provider = createEvent('UserRegistered', { userId: newId('usr'), email: 'g@example.com', name: 'G', emailVerified: true, method: 'google', roles: ['customer'] }, { source: 'auth', subject: 'x' });
    await bus.publish([provider]);
    assert.equal((await as(provider.data.userId)('GET', '/users/me')).json<{ emailVerified: boolean }>().emailVerified, true, 'a provider-vouched email is verified from the start');
  });

  it('keeps an address book: create, list, read, patch, delete; defaults move', async () => {
    const created = await asAnn('POST', '/users/me/addresses', address());
    assert.equal(created.statusCode, 201);
    const first = created.json<AddressJson>();
    assert.match(first.id, /^adr_/);
    assert.equal(first.isDefaultShipping, true, 'the first address is the default');
    assert.equal(first.isDefaultBilling, true);
    assert.equal(first.line2, null);

    const second = (await asAnn('POST', '/users/me/addresses', address({ name: 'Work', country: 'GB', line2: 'Floor 3', isDefaultShipping: true }))).json<AddressJson>();
    assert.equal(second.isDefaultShipping, true);
    assert.equal(second.isDefaultBilling, false);

    const list = (await asAnn('GET', '/users/me/addresses')).json<{ items: AddressJson[] }>().items;
    assert.deepEqual(list.map((a) => [a.id, a.isDefaultShipping, a.isDefaultBilling]), [[first.id, false, true], [second.id, true, false]]);

    const one = await asAnn('GET', `/users/me/addresses/${second.id}`);
    assert.equal(one.json<AddressJson>().line2, 'Floor 3');
    assert.equal(Object.hasOwn(one.json<object>(), 'user_id') || Object.hasOwn(one.json<object>(), 'userId'), false);

    const patched = await asAnn('PATCH', `/users/me/addresses/${second.id}`, { line2: null, country: 'DE', isDefaultBilling: true });
    assert.equal(patched.statusCode, 200);
    assert.deepEqual([patched.json<AddressJson>().line2, patched.json<AddressJson>().country, patched.json<AddressJson>().isDefaultBilling], [null, 'DE', true]);
    assert.equal((await asAnn('GET', `/users/me/addresses/${first.id}`)).json<AddressJson>().isDefaultBilling, false);

    assert.equal((await asAnn('DELETE', `/users/me/addresses/${first.id}`)).statusCode, 204);
    assert.equal((await asAnn('GET', `/users/me/addresses/${first.id}`)).statusCode, 404);
    assert.equal((await asAnn('DELETE', `/users/me/addresses/${first.id}`)).statusCode, 404);
  });

  it('refuses bad addresses with 400 and writes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM addresses');
    const bad = [
      address({ country: 'XX' }),
      address({ country: 'UK' }),
      address({ country: 'us' }),
      address({ country: 'USA' }),
      address({ nickname: 'home' }),
      address({ line1: 'x'.repeat(201) }),
      address({ city: '' }),
      address({ postalCode: '1'.repeat(21) }),
      address({ phone: '1'.repeat(40) }),
      { name: 'No street', city: 'Springfield', country: 'US' },
    ];
    for (const body of bad) {
      const res = await asAnn('POST', '/users/me/addresses', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.equal(res.json<{ code: string }>().code, 'invalid_data');
    }
    const xx = await asAnn('POST', '/users/me/addresses', address({ country: 'XK' }));
    assert.deepEqual(xx.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer), ['/country']);
    const [mine] = (await asAnn('GET', '/users/me/addresses')).json<{ items: AddressJson[] }>().items;
    for (const body of [{ country: 'ZZ' }, { extra: 1 }, {}, { name: 'y'.repeat(201) }]) {
      assert.equal((await asAnn('PATCH', `/users/me/addresses/${mine!.id}`, body)).statusCode, 400, JSON.stringify(body));
    }
    assert.equal(await count('SELECT count(*) AS n FROM addresses'), before);
    assert.equal((await asAnn('GET', `/users/me/addresses/${mine!.id}`)).json<AddressJson>().country, 'DE');
  });

  it("hides another user's addresses behind 404", async () => {
    const [mine] = (await asAnn('GET', '/users/me/addresses')).json<{ items: AddressJson[] }>().items;
    const path = `/users/me/addresses/${mine!.id}`;
    const missing = await asBob('GET', `/users/me/addresses/${newId('adr')}`);
    for (const res of [await asBob('GET', path), await asBob('PATCH', path, { name: 'Mine now' }), await asBob('DELETE', path)]) {
      assert.equal(res.statusCode, 404);
      assert.equal(res.json<{ detail: string }>().detail, missing.json<{ detail: string }>().detail, 'indistinguishable from a missing id');
    }
    assert.equal((await asAnn('GET', path)).json<AddressJson>().name, 'Work');
    assert.deepEqual((await asBob('GET', '/users/me/addresses')).json<{ items: unknown[] }>().items, []);
  });

  it('allows 20 addresses and refuses the 21st with 409', async () => {
    for (let i = 0; i < 20; i++) assert.equal((await asBob('POST', '/users/me/addresses', address({ name: `Bob ${i}` }))).statusCode, 201);
    const res = await asBob('POST', '/users/me/addresses', address({ name: 'One too many' }));
    assert.equal(res.statusCode, 409);
    assert.equal(res.json<{ code: string }>().code, 'address_limit_reached');
    assert.equal(await count('SELECT count(*) AS n FROM addresses WHERE user_id = $1', [bob]), 20);
    assert.equal(await count('SELECT count(*) AS n FROM addresses WHERE user_id = $1 AND is_default_shipping', [bob]), 1);
  });

  it('lists users for an admin, page by page, losing and repeating nothing while users are added', async () => {
    const seeded: string[] = [];
    for (let i = 0; i < 23; i++) {
      const id = newId('usr');
      seeded.push(id);
      await bus.publish([registered(id, `Shopper${String(i).padStart(2, '0')}@Example.com`, `Shopper ${i}`)]);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await asAdmin('GET', `/users?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.statusCode, 200);
      const page = res.json<{ items: ProfileJson[]; nextCursor: string | null }>();
      assert.ok(page.items.length <= 5);
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
      // Someone registers while the admin pages.
      await bus.publish([registered(newId('usr'), `late${pages}@example.com`, 'Late')]);
      pages++;
    } while (cursor && pages < 50);
    assert.equal(new Set(seen).size, seen.length, 'no user repeated');
    for (const id of [ann, bob, admin, ...seeded]) assert.ok(seen.includes(id), `${id} listed`);
    const total = await count('SELECT count(*) AS n FROM profiles');
    assert.ok(seen.length <= total && seen.length >= 26);

    const search = await asAdmin('GET', '/users?email=SHOPPER1&limit=100');
    assert.deepEqual(search.json<{ items: ProfileJson[] }>().items.map((u) => u.email).sort(), [...Array(10).keys()].map((i) => `Shopper1${i}@Example.com`));
    assert.deepEqual((await asAdmin('GET', '/users?email=%25')).json<{ items: unknown[] }>().items, [], 'LIKE wildcards match literally');
    assert.equal((await as(newId('usr'), ['support'])('GET', '/users?limit=1')).statusCode, 200);

    for (const q of ['cursor=bogus', 'limit=0', 'limit=101', 'limit=abc', 'sort=email', `email=${'a'.repeat(255)}`]) {
      assert.equal((await asAdmin('GET', `/users?${q}`)).statusCode, 400, q);
    }
  });

  it('changes roles for an admin only, emitting RolesChanged with the previous roles and who', async () => {
    const res = await asAdmin('PUT', `/users/${ann}/roles`, { roles: ['support', 'customer'] });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json<ProfileJson>().roles, ['customer', 'support']);
    const events = await outbox('RolesChanged');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.subject, ann);
    assert.deepEqual(events[0]!.payload.data, { userId: ann, roles: ['customer', 'support'], previousRoles: ['customer'], changedBy: admin });
    assert.equal((await asAdmin('PUT', `/users/${ann}/roles`, { roles: ['customer', 'support'] })).statusCode, 200);
    assert.equal((await outbox('RolesChanged')).length, 1, 'the same roles again emit nothing');

    assert.equal((await asAdmin('PUT', `/users/${newId('usr')}/roles`, { roles: ['admin'] })).statusCode, 404);
    for (const body of [{ roles: [] }, { roles: ['root'] }, { roles: ['admin', 'admin'] }, {}, { roles: ['admin'], reason: 'x' }]) {
      assert.equal((await asAdmin('PUT', `/users/${ann}/roles`, body)).statusCode, 400, JSON.stringify(body));
    }
    assert.equal((await as(newId('usr'), ['support'])('PUT', `/users/${ann}/roles`, { roles: ['admin'] })).statusCode, 403);
    assert.deepEqual((await asAnn('GET', '/users/me')).json<ProfileJson>().roles, ['customer', 'support']);
  });

  it('gives a customer 403 on both admin endpoints', async () => {
    for (const res of [await asBob('GET', '/users'), await asBob('PUT', `/users/${bob}/roles`, { roles: ['admin'] })]) {
      assert.equal(res.statusCode, 403);
      assert.equal(res.json<{ code: string }>().code, 'forbidden');
    }
    assert.equal((await outbox('RolesChanged')).length, 1);
    assert.deepEqual((await asBob('GET', '/users/me')).json<ProfileJson>().roles, ['customer']);
  });
});

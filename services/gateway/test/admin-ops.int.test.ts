import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLogger, MemoryBus, startService, type RunningService, type ServiceModule } from '@mercato/chassis';
import { createTestDatabase, createTestSigner, listenJwks, skipUnless, type TestDatabase, type TestJwksServer } from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { deadUrl } from './upstreams.js';

const OPS_TOKEN = 'ops-token-for-the-admin-ops-test-0123456789';
const logger = createLogger({ service: 'test', level: 'silent' });
/** A service on the chassis with nothing of its own: its dead-letter store and /ops routes are the chassis's. */
const bare: ServiceModule = { name: 'review', title: 'bare', migrations: '/nonexistent', create: async () => ({}) };

interface Health {
  service: string;
  ready: boolean;
  checks: Record<string, string>;
  detail: string | null;
  deadLetters: { dead: number; retrying: number; resolved: number; discarded: number } | null;
}

describe('gateway: the admin operations API', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  let jwks: TestJwksServer;
  let gw: RunningGateway;
  let gwNoToken: RunningGateway;
  const signer = createTestSigner();
  const admin = { authorization: `Bearer ${signer.sign({ sub: newId('usr'), roles: ['admin'] })}` };
  const ids: number[] = [];
  const call = (base: string, method: string, path: string, headers: Record<string, string> = admin, body?: unknown) =>
    fetch(`${base}/api/v1/operations${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  before(async () => {
    db = await createTestDatabase('gateway_ops');
    jwks = await listenJwks([signer.jwk]);
    svc = await startService(bare, {
      env: { REVIEW_PORT: '0', REVIEW_DATABASE_URL: db.url, OPS_TOKEN, OUTBOX_POLL_MS: '60000' },
      bus: new MemoryBus(),
      logger,
      background: false,
    });
    for (const n of [1, 2, 3]) {
      // As a consumer stores what it could not handle: the envelope as delivered.
      const event = { id: newId('evt'), type: 'OrderDelivered', version: 1, source: 'order', subject: newId('ord'), data: { email: `buyer${n}@example.com` } };
      const r = await svc.db.query<{ id: string }>(
        `INSERT INTO event_failures (consumer, event_id, type, envelope, status, attempts, last_error, attempt_log)
         VALUES ('review.OrderDelivered', $1, 'OrderDelivered', $2, 'dead', 8, 'Error: boom', '[{"at":"2026-01-01T00:00:00Z","error":"Error: boom","retryInMs":null}]') RETURNING id`,
        [event.id, JSON.stringify(event)],
      );
      ids.push(Number(r.rows[0]!.id));
    }
    const down = await deadUrl();
    const upstreams = { auth: jwks.url, user: down, catalog: down, inventory: down, order: down, payment: down, review: svc.url, notification: down };
    const env = { GATEWAY_PORT: '0', LOG_LEVEL: 'silent', GATEWAY_CONNECT_TIMEOUT_MS: '200' };
    gw = await startGateway({ env: { ...env, OPS_TOKEN }, upstreams, logger });
    gwNoToken = await startGateway({ env, upstreams, logger });
  });
  after(async () => {
    await gw?.stop();
    await gwNoToken?.stop();
    await svc?.stop();
    await jwks?.close();
    await db?.drop();
  });

  it("shows every service's readiness and its failed events by state", async () => {
    const res = await call(gw.url, 'GET', '/services');
    assert.equal(res.status, 200);
    const items = ((await res.json()) as { items: Health[] }).items;
    assert.equal(items.length, 8);
    const review = items.find((h) => h.service === 'review')!;
    assert.deepEqual([review.ready, review.checks.database, review.deadLetters], [true, 'ok', { dead: 3, retrying: 0, resolved: 0, discarded: 0 }]);
    const order = items.find((h) => h.service === 'order')!;
    assert.equal(order.ready, false);
    assert.ok(order.detail);
    assert.equal(order.deadLetters, null);
  });

  it('lists, shows, replays and discards dead letters through the service’s own operator routes', async () => {
    const list = (await (await call(gw.url, 'GET', '/dead-letters/review?limit=2')).json()) as { items: Array<{ id: number; lastError: string; attempts: number; envelope: { data: { email: string } } }>; nextCursor: string };
    assert.deepEqual(list.items.map((f) => f.id), [ids[2], ids[1]]);
    assert.deepEqual([list.items[0]!.lastError, list.items[0]!.attempts, list.items[0]!.envelope.data.email], ['Error: boom', 8, 'buyer3@example.com']);
    const rest = (await (await call(gw.url, 'GET', `/dead-letters/review?limit=2&cursor=${list.nextCursor}`)).json()) as { items: Array<{ id: number }> };
    assert.deepEqual(rest.items.map((f) => f.id), [ids[0]]);
    const one = (await (await call(gw.url, 'GET', `/dead-letters/review/${ids[0]}`)).json()) as { attemptLog: unknown[] };
    assert.equal(one.attemptLog.length, 1);
    assert.equal((await call(gw.url, 'GET', '/dead-letters/review/999999')).status, 404);

    const replay = await call(gw.url, 'POST', '/dead-letters/review/replay', admin, { ids: [ids[0]] });
    assert.deepEqual(await replay.json(), { replayed: [ids[0]] });
    const discard = await call(gw.url, 'POST', '/dead-letters/review/discard', admin, { ids: [ids[0], ids[1]] });
    assert.deepEqual(await discard.json(), { discarded: [ids[1]] }, 'only a dead event is discarded');
    const rows = await svc.db.query<{ id: string; status: string; attempts: number }>('SELECT id, status, attempts FROM event_failures ORDER BY id');
    assert.deepEqual(rows.rows.map((r) => [Number(r.id), r.status, r.attempts]), [[ids[0], 'retrying', 0], [ids[1], 'discarded', 8], [ids[2], 'dead', 8]]);
    const inbox = await svc.db.query<{ event_id: string }>('SELECT event_id FROM inbox');
    assert.equal(inbox.rows.length, 1, 'a discarded event counts as handled: a redelivery does nothing');
    const discarded = (await (await call(gw.url, 'GET', '/dead-letters/review?status=discarded')).json()) as { items: Array<{ id: number }> };
    assert.deepEqual(discarded.items.map((f) => f.id), [ids[1]]);
  });

  it('is for admins only, checks its input, and says so when it has no operator token', async () => {
    for (const roles of [['support'], ['customer'], ['catalog_manager']]) {
      const res = await call(gw.url, 'GET', '/services', { authorization: `Bearer ${signer.sign({ sub: newId('usr'), roles })}` });
      assert.equal(res.status, 403);
    }
    const anonymous = await call(gw.url, 'GET', '/dead-letters/review', {});
    assert.equal(anonymous.status, 401);
    assert.equal(((await anonymous.json()) as { code: string }).code, 'unauthorized');
    assert.equal((await call(gw.url, 'GET', '/services', { authorization: 'Bearer not.a.token' })).status, 401);
    assert.equal((await call(gw.url, 'GET', '/dead-letters/nosuch')).status, 400);
    assert.equal((await call(gw.url, 'POST', '/dead-letters/review/discard', admin, { ids: [] })).status, 400);
    assert.equal((await call(gw.url, 'POST', '/dead-letters/review/replay', admin, { ids: [1], all: true })).status, 400);
    const none = await call(gwNoToken.url, 'GET', '/dead-letters/review');
    assert.equal(none.status, 503);
    assert.equal(((await none.json()) as { code: string }).code, 'operations_unavailable');
    // The services' own /ops routes stay out of reach through the gateway.
    assert.equal((await fetch(`${gw.url}/api/v1/reviews/../ops/dead-letters`, { headers: admin })).status, 404);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';
import { MemoryBus } from '../src/bus/memory-bus.js';
import { operation } from '../src/http/operation.js';
import { startService, type RunningService, type ServiceModule } from '../src/service/service.js';
import { captureLogger, createTestDatabase, eventually, skipUnless, type TestDatabase } from '../src/testing/index.js';
import { FIXTURE_MIGRATIONS, orderPlaced } from './harness.js';

const OPS_TOKEN = 'test-operator-token-0123456789';
let failInventory = true;
// The guest token the poison order carries, and what the consumer saw of it on each attempt.
const GUEST_TOKEN = `otk_${'A1b2C3d4'.repeat(4)}`;
const seenTokens: (string | null | undefined)[] = [];

// A producing service: a route that changes state and emits its event in one transaction.
const orderModule: ServiceModule = {
  name: 'order',
  title: 'test order service',
  migrations: FIXTURE_MIGRATIONS.dir,
  async create({ db, outbox }) {
    return {
      routes: (app) => {
        app.post(
          '/test-orders',
          {
            schema: {
              ...operation('placeTestOrder', 'public'),
              body: Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) }, { additionalProperties: false }),
              response: { 202: Type.Object({ orderId: Type.String(), eventId: Type.String() }, { additionalProperties: false }) },
            },
          },
          async (req, reply) => {
            const orderId = newId('ord');
            const event = await db.tx(async (tx) => {
              await tx.query('INSERT INTO effects (event_id, subject) VALUES ($1, $2)', ['order-row', orderId]);
              const accessToken = req.body.email.startsWith('poison') ? GUEST_TOKEN : null;
              return outbox.emit(tx, 'OrderPlaced', { ...orderPlaced(orderId), email: req.body.email, accessToken }, orderId);
            });
            return reply.code(202).send({ orderId, eventId: event.id });
          },
        );
      },
    };
  },
};

// A consuming service whose handler fails until the test fixes it.
const inventoryModule: ServiceModule = {
  name: 'inventory',
  title: 'test inventory service',
  migrations: FIXTURE_MIGRATIONS.dir,
  async create() {
    return {
      consumers: {
        OrderPlaced: async (event, { tx, logger }) => {
          logger.info('reserving stock');
          if (event.data.email.startsWith('poison')) seenTokens.push(event.data.accessToken);
          if (failInventory && event.data.email.startsWith('poison')) throw new Error(`warehouse offline (order token=${event.data.accessToken})`);
          await tx.query('INSERT INTO effects (event_id, subject) VALUES ($1, $2)', [event.id, event.subject]);
        },
      },
    };
  },
};

describe('two services on the chassis, one in-process bus', { skip: skipUnless('postgres') }, () => {
  let orderDb: TestDatabase;
  let inventoryDb: TestDatabase;
  let order: RunningService;
  let inventory: RunningService;
  const inventoryLog = captureLogger('inventory', 'info');

  before(async () => {
    orderDb = await createTestDatabase('svc_order');
    inventoryDb = await createTestDatabase('svc_inventory');
    const bus = new MemoryBus();
    const env = {
      ORDER_DATABASE_URL: orderDb.url,
      INVENTORY_DATABASE_URL: inventoryDb.url,
      ORDER_PORT: '0',
      INVENTORY_PORT: '0',
      OPS_TOKEN,
      EVENT_RETRY_BASE_MS: '20',
      EVENT_MAX_ATTEMPTS: '2',
      OUTBOX_POLL_MS: '50',
    };
    order = await startService(orderModule, { env, bus, logger: captureLogger('order', 'silent').logger });
    inventory = await startService(inventoryModule, { env, bus, logger: inventoryLog.logger });
    bus.open();
  });

  after(async () => {
    for (const s of [order, inventory]) await s?.closeHttp();
    await order?.bus.stopConsuming();
    for (const s of [order, inventory]) await s?.stopWork();
    for (const s of [order, inventory]) await s?.closeResources();
    await orderDb?.drop();
    await inventoryDb?.drop();
  });

  it('carries a request through the outbox to the other service, with its trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await fetch(`${order.url}/test-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ email: 'buyer@example.com' }),
    });
    assert.equal(res.status, 202);
    const { orderId, eventId } = (await res.json()) as { orderId: string; eventId: string };
    const handled = await eventually(async () => {
      const r = await inventory.db.query<{ subject: string }>('SELECT subject FROM effects WHERE event_id = $1', [eventId]);
      return r.rows[0];
    });
    assert.equal(handled.subject, orderId);
    const stored = await order.db.query<{ payload: { traceparent: string } }>('SELECT payload FROM outbox WHERE id = $1', [eventId]);
    assert.equal(stored.rows[0]!.payload.traceparent.split('-')[1], traceId, 'the event carries the request trace');
    const line = inventoryLog.lines.find((l) => l.msg === 'reserving stock' && l.eventId === eventId);
    assert.ok(line, 'the handler logged');
    assert.equal(line.traceId, traceId, 'the consumer log line continues the trace');
    assert.equal(line.requestId, eventId);
  });

  it('lets an operator list and replay dead letters through the ops endpoints, which show no secret', async () => {
    const res = await fetch(`${order.url}/test-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'poison@example.com' }),
    });
    const { eventId } = (await res.json()) as { eventId: string };
    const auth = { authorization: `Bearer ${OPS_TOKEN}` };
    assert.equal((await fetch(`${inventory.url}/ops/dead-letters`)).status, 401);
    assert.equal((await fetch(`${inventory.url}/ops/dead-letters`, { headers: { authorization: 'Bearer wrong-token-wrong-token-wrong' } })).status, 401);
    const dead = await eventually(async () => {
      const list = (await (await fetch(`${inventory.url}/ops/dead-letters?status=dead`, { headers: auth })).json()) as {
        items: { id: number; eventId: string; attempts: number; lastError: string }[];
      };
      return list.items.find((i) => i.eventId === eventId);
    });
    assert.equal(dead.attempts, 2);
    assert.match(dead.lastError, /warehouse offline \(order token=\[redacted\]\)/);
    // The retry delivered the event as it was, its secret included.
    assert.deepEqual(seenTokens, [GUEST_TOKEN, GUEST_TOKEN]);

    // Neither the stored failure nor any view of it holds the token.
    const stored = await inventory.db.query('SELECT * FROM event_failures WHERE id = $1', [dead.id]);
    assert.ok(!JSON.stringify(stored.rows[0]).includes(GUEST_TOKEN), 'the stored failure holds no secret');
    assert.equal((stored.rows[0] as { envelope: { data: { accessToken: string } } }).envelope.data.accessToken, '[redacted]');
    const shown = await (await fetch(`${inventory.url}/ops/dead-letters/${dead.id}`, { headers: auth })).text();
    assert.ok(shown.includes('[redacted]') && !shown.includes(GUEST_TOKEN), 'the operator view holds no secret');
    const listed = await (await fetch(`${inventory.url}/ops/dead-letters?status=dead`, { headers: auth })).text();
    assert.ok(!listed.includes(GUEST_TOKEN));

    failInventory = false;
    const replay = await fetch(`${inventory.url}/ops/dead-letters/replay`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [dead.id] }),
    });
    assert.deepEqual(await replay.json(), { replayed: [dead.id] });
    await eventually(async () => {
      const r = await inventory.db.query('SELECT 1 FROM effects WHERE event_id = $1', [eventId]);
      return r.rowCount === 1;
    });
    // A dead event's secret is gone: the replay delivers it without the optional token, never a placeholder.
    assert.equal(seenTokens.at(-1), undefined);
    const after = (await (await fetch(`${inventory.url}/ops/dead-letters/${dead.id}`, { headers: auth })).json()) as { status: string };
    assert.equal(after.status, 'resolved');
  });

  it('guards every operator route by the route it reached, however its path is spelled', async () => {
    const spellings = ['/ops/dead-letters', '/%6fps/dead-letters', '/%6Fps/dead-letters', '/o%70s/dead-letters', '//ops/dead-letters', '/ops//dead-letters',
      '/OPS/dead-letters', '/Ops/Dead-Letters', '/ops/dead-letters/', '/ops/%64ead-letters', '/ops/dead-letters?status=all', '/./ops/dead-letters', '/x/../ops/dead-letters'];
    const routes: { method: string; suffix: string; body?: string }[] = [
      { method: 'GET', suffix: '' },
      { method: 'GET', suffix: '/1' },
      { method: 'GET', suffix: '/counts' },
      { method: 'POST', suffix: '/replay', body: JSON.stringify({ all: true }) },
      { method: 'POST', suffix: '/discard', body: JSON.stringify({ ids: [1] }) },
    ];
    const reached: string[] = [];
    for (const spelled of spellings) {
      const [path, query] = spelled.split('?');
      for (const r of routes) {
        const url = `${inventory.url}${path}${r.suffix}${query ? `?${query}` : ''}`;
        for (const authorization of [undefined, 'Bearer wrong-token-wrong-token-wrong', `Bearer ${OPS_TOKEN.toUpperCase()}`]) {
          const res = await fetch(url, {
            method: r.method,
            headers: { ...(r.body ? { 'content-type': 'application/json' } : {}), ...(authorization ? { authorization } : {}) },
            body: r.body,
          });
          const text = await res.text();
          // Refused (401) or no such route (404/405/400): never an answer from the handler.
          assert.ok([400, 401, 404, 405].includes(res.status), `${r.method} ${url} answered ${res.status}: ${text}`);
          assert.ok(!/replayed|items|discarded|retrying/.test(text), `${r.method} ${url} reached the handler`);
          if (res.status === 401) reached.push(`${r.method} ${path}${r.suffix}`);
        }
      }
    }
    // The encoded spellings do reach the routes (that is how the router works), and were refused there.
    assert.ok(reached.includes('GET /%6fps/dead-letters'), 'an encoded path reached the route and was refused');
    assert.ok(reached.includes('POST /%6fps/dead-letters/replay'), 'an encoded replay reached the route and was refused');
    // With the token, an encoded spelling is just another way to the same route.
    const ok = await fetch(`${inventory.url}/%6fps/dead-letters`, { headers: { authorization: `Bearer ${OPS_TOKEN}` } });
    assert.equal(ok.status, 200);
  });
});

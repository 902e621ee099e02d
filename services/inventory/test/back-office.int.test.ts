import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, createTestSigner, eventually, listenJwks, skipUnless, type TestDatabase, type TestJwksServer } from '@mercato/chassis/testing';
import { newId, type Envelope } from '@mercato/contracts';
import { inventoryService } from '../src/service.js';
import { orderPlaced, productCreated } from './support.js';

interface Row {
  sku: string;
  threshold: number;
  low: boolean;
  onHand: number;
  reserved: number;
  available: number;
  warehouses: Array<{ code: string; onHand: number; reserved: number; available: number }>;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface MovementJson {
  id: string;
  warehouse: string;
  kind: string;
  onHandDelta: number;
  reservedDelta: number;
  reason: string | null;
  actorUserId: string | null;
  orderId: string | null;
}

describe('inventory: the back office lists stock, low stock and the ledger', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  let bus: MemoryBus;
  let jwks: TestJwksServer;
  const signer = createTestSigner();
  const admin = newId('usr');
  const call = (roles: string[], method: string, url: string, body?: unknown) =>
    svc.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${signer.sign({ sub: admin, roles })}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  const asAdmin = (method: string, url: string, body?: unknown) => call(['admin'], method, url, body);
  const get = async <T>(url: string): Promise<T> => {
    const res = await asAdmin('GET', url);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<T>();
  };
  const deliver = async (...events: Envelope[]) => {
    await bus.publish(events);
    for (const e of events) await eventually(async () => Number((await svc.db.query<{ n: number }>('SELECT count(*) AS n FROM inbox WHERE event_id = $1', [e.id])).rows[0]!.n) === 1);
  };

  before(async () => {
    db = await createTestDatabase('inventory_bo');
    jwks = await listenJwks([signer.jwk]);
    bus = new MemoryBus();
    svc = await startService(inventoryService, {
      env: { INVENTORY_PORT: '0', INVENTORY_DATABASE_URL: db.url, OUTBOX_POLL_MS: '60000', AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json` },
      bus,
      logger: captureLogger('inventory', 'silent').logger,
      listen: false,
      background: false,
    });
    bus.open();
    const product = newId('prd');
    await deliver(productCreated(product, ['BO-A', 'BO-B', 'BO-C', 'bo-d']));
    assert.equal((await asAdmin('POST', '/inventory/warehouses', { code: 'east', name: 'East', priority: 200 })).statusCode, 201);
    for (const [sku, warehouse, delta] of [['BO-A', 'main', 10], ['BO-A', 'east', 5], ['BO-B', 'main', 3], ['BO-C', 'east', 1]] as const) {
      assert.equal((await asAdmin('POST', `/inventory/skus/${sku}/adjustments`, { warehouse, delta, reason: 'first count' })).statusCode, 201);
    }
    assert.equal((await asAdmin('PUT', '/inventory/skus/BO-B/threshold', { threshold: 2 })).statusCode, 200);
    assert.equal((await asAdmin('PUT', '/inventory/skus/BO-A/threshold', { threshold: 5 })).statusCode, 200);
    // An order holds 2 of BO-B: 1 available, at or below its threshold of 2.
    await deliver(orderPlaced(newId('ord'), [['BO-B', 2]]));
  });
  after(async () => {
    await svc?.stop();
    await jwks?.close();
    await db?.drop();
  });

  it('lists SKUs with totals and levels per warehouse, by SKU with a cursor', async () => {
    const first = await get<Page<Row>>('/inventory?limit=2');
    assert.deepEqual(first.items.map((r) => r.sku), ['BO-A', 'BO-B']);
    const a = first.items[0]!;
    assert.deepEqual([a.onHand, a.reserved, a.available, a.threshold, a.low], [15, 0, 15, 5, false]);
    assert.deepEqual(a.warehouses.map((w) => [w.code, w.onHand]), [['main', 10], ['east', 5]]);
    const b = first.items[1]!;
    assert.deepEqual([b.onHand, b.reserved, b.available, b.low], [3, 2, 1, true]);
    const second = await get<Page<Row>>(`/inventory?limit=2&cursor=${first.nextCursor}`);
    assert.deepEqual(second.items.map((r) => r.sku), ['BO-C', 'bo-d']);
    assert.equal(second.nextCursor, null);
  });

  it('searches by SKU prefix, filters by warehouse, and lists low stock least available first', async () => {
    assert.deepEqual((await get<Page<Row>>('/inventory?q=bo-')).items.map((r) => r.sku), ['BO-A', 'BO-B', 'BO-C', 'bo-d']);
    assert.deepEqual((await get<Page<Row>>('/inventory?q=bo-a')).items.map((r) => r.sku), ['BO-A']);
    const east = await get<Page<Row>>('/inventory?warehouse=east');
    assert.deepEqual(east.items.map((r) => [r.sku, r.onHand, r.warehouses.map((w) => w.code)]), [['BO-A', 15, ['east']], ['BO-C', 1, ['east']]]);
    // bo-d has nothing at all (0 ≤ threshold 0), BO-B 1 ≤ 2; BO-C has 1 > 0.
    const low = await get<Page<Row>>('/inventory?lowStock=true&sort=available&limit=1');
    assert.deepEqual(low.items.map((r) => [r.sku, r.available]), [['bo-d', 0]]);
    const next = await get<Page<Row>>(`/inventory?lowStock=true&sort=available&limit=1&cursor=${low.nextCursor}`);
    assert.deepEqual(next.items.map((r) => [r.sku, r.available]), [['BO-B', 1]]);
    assert.equal(next.nextCursor, null);
    const bad = await asAdmin('GET', `/inventory?sort=sku&cursor=${low.nextCursor}`);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ code: string }>().code, 'invalid_cursor');
  });

  it("pages a SKU's ledger newest first, by warehouse or kind", async () => {
    const all = await get<Page<MovementJson>>('/inventory/skus/BO-A/movements?limit=1');
    assert.deepEqual(all.items.map((m) => [m.warehouse, m.kind, m.onHandDelta, m.reason, m.actorUserId]), [['east', 'adjustment', 5, 'first count', admin]]);
    const rest = await get<Page<MovementJson>>(`/inventory/skus/BO-A/movements?cursor=${all.nextCursor}`);
    assert.deepEqual(rest.items.map((m) => [m.warehouse, m.onHandDelta]), [['main', 10]]);
    assert.equal(rest.nextCursor, null);
    assert.deepEqual((await get<Page<MovementJson>>('/inventory/skus/BO-A/movements?warehouse=main')).items.map((m) => m.onHandDelta), [10]);
    const reservations = await get<Page<MovementJson>>('/inventory/skus/BO-B/movements?kind=reservation');
    assert.deepEqual(reservations.items.map((m) => [m.kind, m.reservedDelta, m.orderId !== null]), [['reservation', 2, true]]);
    assert.equal((await asAdmin('GET', '/inventory/skus/NOPE/movements')).statusCode, 404);
  });

  it('is for stock managers only', async () => {
    assert.equal((await call(['support'], 'GET', '/inventory')).statusCode, 403);
    assert.equal((await call(['customer'], 'GET', '/inventory/skus/BO-A/movements')).statusCode, 403);
    assert.equal((await call(['catalog_manager'], 'GET', '/inventory?lowStock=true')).statusCode, 200);
    assert.equal((await asAdmin('GET', '/inventory?limit=500')).statusCode, 400);
  });
});

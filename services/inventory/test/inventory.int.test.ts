import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, createTestSigner, eventually, listenJwks, skipUnless, type TestDatabase, type TestJwksServer } from '@mercato/chassis/testing';
import { createEvent, newId, type Envelope } from '@mercato/contracts';
import { expireReservations } from '../src/reservations/expire-reservations.js';
import { seedStock } from '../src/service.js';
import { inventoryService } from '../src/service.js';
import { ledgerMismatches, orderCancelled, orderConfirmed, orderPlaced, productCreated, snapshot } from './support.js';

interface OutboxRow extends Record<string, unknown> {
  type: string;
  subject: string;
  payload: { data: Record<string, unknown> };
}
interface StockJson {
  sku: string;
  threshold: number;
  onHand: number;
  reserved: number;
  available: number;
  warehouses: { code: string; onHand: number; reserved: number; available: number }[];
  movements: { kind: string; onHandDelta: number; reservedDelta: number; actorUserId: string | null; reason: string | null; orderId: string | null; eventId: string | null }[];
}
const MAIN = 'whs_00000000000000000000000000';

describe('inventory service on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  let bus: MemoryBus;
  let jwks: TestJwksServer;
  const logs = captureLogger('inventory', 'info');
  const signer = createTestSigner();
  const admin = newId('usr');
  const manager = newId('usr');
  const customer = newId('usr');
  const product = newId('prd');

  const as = (userId: string | undefined, roles: string[] = ['customer']) => (method: string, path: string, body?: unknown) =>
    svc.app.inject({
      method: method as 'GET',
      url: path,
      headers: {
        ...(userId ? { authorization: `Bearer ${signer.sign({ sub: userId, roles })}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const asAdmin = as(admin, ['admin']);
  const asManager = as(manager, ['catalog_manager']);
  const asCustomer = as(customer);
  const anonymous = as(undefined);

  const q = <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) => svc.db.query<R>(sql, params);
  const count = async (sql: string, params: unknown[] = []) => Number((await q<{ n: number }>(sql, params)).rows[0]!.n);
  const outbox = async (type: string, subject?: string) =>
    (
      await q<OutboxRow>(`SELECT type, subject, payload FROM outbox WHERE type = $1 AND ($2::text IS NULL OR subject = $2) ORDER BY created_at, id`, [
        type,
        subject ?? null,
      ])
    ).rows;
  const handled = async (event: Envelope) => (await count('SELECT count(*) AS n FROM inbox WHERE event_id = $1', [event.id])) === 1;
  /** Publishes and waits until the event's inbox row has committed. */
  const deliver = async (...events: Envelope[]) => {
    await bus.publish(events);
    for (const e of events) await eventually(() => handled(e));
  };
  const stock = async (sku: string) => (await asAdmin('GET', `/inventory/skus/${sku}`)).json<StockJson>();
  const adjust = (sku: string, delta: number, warehouse = 'main', reason = 'count') => asAdmin('POST', `/inventory/skus/${sku}/adjustments`, { warehouse, delta, reason });
  const reservation = async (orderId: string) =>
    (await q<{ status: string; expires_at: Date | null }>('SELECT status, expires_at FROM reservations WHERE order_id = $1', [orderId])).rows[0];

  before(async () => {
    db = await createTestDatabase('inventory');
    jwks = await listenJwks([signer.jwk]);
    bus = new MemoryBus();
    svc = await startService(inventoryService, {
      env: {
        INVENTORY_PORT: '0',
        INVENTORY_DATABASE_URL: db.url,
        OUTBOX_POLL_MS: '60000',
        AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
        INVENTORY_RESERVATION_TTL_SECONDS: '3600',
      },
      bus,
      logger: logs.logger,
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

  it('documents its routes in OpenAPI', async () => {
    const doc = (await anonymous('GET', '/openapi.json')).json<{ paths: Record<string, unknown> }>();
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/inventory',
      '/inventory/availability',
      '/inventory/skus/{sku}',
      '/inventory/skus/{sku}/adjustments',
      '/inventory/skus/{sku}/movements',
      '/inventory/skus/{sku}/threshold',
      '/inventory/warehouses',
      '/inventory/warehouses/{code}',
    ]);
  });

  it('has a default warehouse from the start', async () => {
    const res = await asAdmin('GET', '/inventory/warehouses');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      res.json<{ items: { id: string; code: string; isDefault: boolean }[] }>().items.map((w) => [w.id, w.code, w.isDefault]),
      [[MAIN, 'main', true]],
    );
  });

  it('creates stock records from ProductCreated once, and for variants added by ProductUpdated', async () => {
    const created = productCreated(product, ['TEE-S', 'TEE-M']);
    await deliver(created);
    await bus.publish([created]);
    // The same facts under another event id (a producer retry) change nothing either.
    await deliver(productCreated(product, ['TEE-S', 'TEE-M']));
    assert.equal(await count('SELECT count(*) AS n FROM skus'), 2);
    assert.deepEqual(
      (await q<{ sku: string; warehouse_id: string; on_hand: number; reserved: number }>('SELECT sku, warehouse_id, on_hand, reserved FROM stock_levels ORDER BY sku')).rows,
      [
        { sku: 'TEE-M', warehouse_id: MAIN, on_hand: 0, reserved: 0 },
        { sku: 'TEE-S', warehouse_id: MAIN, on_hand: 0, reserved: 0 },
      ],
    );
    assert.equal((await adjust('TEE-S', 5)).statusCode, 201);
    await deliver(productCreated(product, ['TEE-S', 'TEE-M', 'TEE-L'], 'ProductUpdated'));
    assert.equal(await count('SELECT count(*) AS n FROM skus'), 3);
    assert.equal((await stock('TEE-S')).onHand, 5, 'a known SKU keeps its stock');
    assert.equal((await stock('TEE-L')).onHand, 0);
    assert.equal(await count('SELECT count(*) AS n FROM event_failures'), 0);
  });

  it('answers availability to anyone, per SKU over all warehouses, unknown SKUs 0', async () => {
    const res = await anonymous('GET', '/inventory/availability?sku=TEE-S&sku=TEE-M&sku=NOPE-1');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      items: [
        { sku: 'TEE-S', available: 5, inStock: true },
        { sku: 'TEE-M', available: 0, inStock: false },
        { sku: 'NOPE-1', available: 0, inStock: false },
      ],
    });
    assert.deepEqual((await anonymous('GET', '/inventory/availability?sku=TEE-S')).json(), { items: [{ sku: 'TEE-S', available: 5, inStock: true }] });
    const many = Array.from({ length: 101 }, (_, i) => `sku=S${i}`).join('&');
    assert.equal((await anonymous('GET', `/inventory/availability?${many}`)).statusCode, 400, 'at most 100 SKUs');
    assert.equal((await anonymous('GET', '/inventory/availability')).statusCode, 400);
    assert.equal((await anonymous('GET', '/inventory/availability?sku=bad%20sku')).statusCode, 400);
    assert.equal((await anonymous('GET', '/inventory/availability?sku=TEE-S&warehouse=main')).statusCode, 400, 'unknown parameters are refused');
  });

  it('keeps admin routes to admins and catalog managers: 401 without a token, 403 for customers, nothing written', async () => {
    const before = await snapshot(svc.db);
    const calls: [string, string, unknown?][] = [
      ['GET', '/inventory/skus/TEE-S'],
      ['POST', '/inventory/skus/TEE-S/adjustments', { warehouse: 'main', delta: 5, reason: 'x' }],
      ['PUT', '/inventory/skus/TEE-S/threshold', { threshold: 3 }],
      ['GET', '/inventory/warehouses'],
      ['POST', '/inventory/warehouses', { code: 'north', name: 'North', priority: 1 }],
      ['PATCH', '/inventory/warehouses/main', { priority: 1 }],
    ];
    for (const [method, path, body] of calls) {
      const none = await anonymous(method, path, body);
      assert.equal(none.statusCode, 401, `${method} ${path}`);
      const cust = await asCustomer(method, path, body);
      assert.equal(cust.statusCode, 403, `${method} ${path}`);
      assert.equal(cust.json<{ code: string }>().code, 'forbidden');
      assert.equal((await as(newId('usr'), ['support'])(method, path, body)).statusCode, 403);
    }
    assert.equal(await snapshot(svc.db), before);
    assert.equal((await asManager('GET', '/inventory/skus/TEE-S')).statusCode, 200, 'a catalog manager reads stock');
  });

  it('adjusts on hand with a ledger entry, and refuses bad input with nothing written', async () => {
    const res = await asManager('POST', '/inventory/skus/TEE-M/adjustments', { warehouse: 'main', delta: 12, reason: 'received PO-17' });
    assert.equal(res.statusCode, 201);
    const body = res.json<Record<string, unknown>>();
    assert.match(body.adjustmentId as string, /^adj_/);
    assert.deepEqual({ ...body, adjustmentId: undefined }, {
      adjustmentId: undefined, sku: 'TEE-M', warehouse: 'main', onHand: 12, reserved: 0, available: 12, total: { onHand: 12, reserved: 0, available: 12 },
    });
    const view = await stock('TEE-M');
    assert.deepEqual(view.movements[0], {
      ...view.movements[0],
      kind: 'adjustment', onHandDelta: 12, reservedDelta: 0, actorUserId: manager, reason: 'received PO-17', orderId: null,
    });

    const before = await snapshot(svc.db);
    const bad: [string, unknown, number][] = [
      ['/inventory/skus/TEE-M/adjustments', { warehouse: 'main', delta: -13, reason: 'too many' }, 409],
      ['/inventory/skus/TEE-M/adjustments', { warehouse: 'main', delta: 0, reason: 'nothing' }, 400],
      ['/inventory/skus/TEE-M/adjustments', { warehouse: 'main', delta: 1.5, reason: 'half' }, 400],
      ['/inventory/skus/TEE-M/adjustments', { warehouse: 'main', delta: 2_000_000, reason: 'huge' }, 400],
      ['/inventory/skus/TEE-M/adjustments', { warehouse: 'main', delta: '5', reason: 'text' }, 400],
      ['/inventory/skus/TEE-M/adjustments', { warehouse: 'main', delta: 5 }, 400],
      ['/inventory/skus/TEE-M/adjustments', { warehouse: 'main', delta: 5, reason: 'x', onHand: 100 }, 400],
      ['/inventory/skus/TEE-M/adjustments', { warehouse: 'nowhere', delta: 5, reason: 'x' }, 404],
      ['/inventory/skus/UNKNOWN-SKU/adjustments', { warehouse: 'main', delta: 5, reason: 'x' }, 404],
      ['/inventory/skus/bad%20sku/adjustments', { warehouse: 'main', delta: 5, reason: 'x' }, 400],
      ['/inventory/skus/TEE-M/adjustments', '{"warehouse":', 400],
    ];
    for (const [path, payload, status] of bad) {
      const r = await asAdmin('POST', path, payload);
      assert.equal(r.statusCode, status, `${JSON.stringify(payload)} → ${r.body}`);
      assert.match(r.headers['content-type'] as string, /^application\/problem\+json/);
    }
    const putBad: [unknown, number][] = [[{ threshold: -1 }, 400], [{ threshold: 3, extra: true }, 400], [{}, 400]];
    for (const [payload, status] of putBad) assert.equal((await asAdmin('PUT', '/inventory/skus/TEE-M/threshold', payload)).statusCode, status);
    assert.equal((await asAdmin('PUT', '/inventory/skus/NOPE-9/threshold', { threshold: 1 })).statusCode, 404);
    assert.equal((await asAdmin('GET', '/inventory/skus/NOPE-9')).statusCode, 404);
    assert.equal(await snapshot(svc.db), before, 'refused requests wrote nothing');
  });

  it('manages warehouses: create, list by priority, rename and reprioritise; bad input writes nothing', async () => {
    const created = await asAdmin('POST', '/inventory/warehouses', { code: 'north', name: 'North', priority: 10 });
    assert.equal(created.statusCode, 201);
    assert.match(created.json<{ id: string }>().id, /^whs_/);
    const before = await snapshot(svc.db);
    for (const [body, status] of [
      [{ code: 'north', name: 'Again', priority: 1 }, 409],
      [{ code: 'North!', name: 'Bad', priority: 1 }, 400],
      [{ code: 'south', name: 'S', priority: -1 }, 400],
      [{ code: 'south', name: 'S', priority: 1, isDefault: true }, 400],
    ] as const) {
      assert.equal((await asAdmin('POST', '/inventory/warehouses', body)).statusCode, status, JSON.stringify(body));
    }
    assert.equal((await asAdmin('PATCH', '/inventory/warehouses/nowhere', { priority: 1 })).statusCode, 404);
    assert.equal((await asAdmin('PATCH', '/inventory/warehouses/north', {})).statusCode, 400);
    assert.equal((await asAdmin('PATCH', '/inventory/warehouses/north', { code: 'x' })).statusCode, 400);
    assert.equal(await snapshot(svc.db), before);
    const list = async () => (await asAdmin('GET', '/inventory/warehouses')).json<{ items: { code: string }[] }>().items.map((w) => w.code);
    assert.deepEqual(await list(), ['north', 'main']);
    const patched = await asAdmin('PATCH', '/inventory/warehouses/north', { priority: 200, name: 'North hub' });
    assert.equal(patched.statusCode, 200);
    assert.equal(patched.json<{ name: string }>().name, 'North hub');
    assert.deepEqual(await list(), ['main', 'north']);
  });

  it('reserves every line atomically, splitting a line across warehouses by priority', async () => {
    // TEE-S: main 5; north gets 4. TEE-M: main 12.
    assert.equal((await adjust('TEE-S', 4, 'north')).statusCode, 201);
    const orderId = newId('ord');
    await deliver(orderPlaced(orderId, [['TEE-S', 7], ['TEE-M', 2]]));
    const [reserved] = await outbox('StockReserved', orderId);
    assert.ok(reserved);
    const north = (await q<{ id: string }>(`SELECT id FROM warehouses WHERE code = 'north'`)).rows[0]!.id;
    assert.deepEqual(reserved.payload.data.lines, [
      { sku: 'TEE-S', quantity: 7, allocations: [{ warehouseId: MAIN, quantity: 5 }, { warehouseId: north, quantity: 2 }] },
      { sku: 'TEE-M', quantity: 2, allocations: [{ warehouseId: MAIN, quantity: 2 }] },
    ]);
    const expiresIn = Date.parse(reserved.payload.data.expiresAt as string) - Date.now();
    assert.ok(expiresIn > 3590_000 && expiresIn <= 3600_000, `expires in the configured TTL (${expiresIn} ms)`);
    const s = await stock('TEE-S');
    assert.deepEqual([s.onHand, s.reserved, s.available], [9, 7, 2]);
    assert.deepEqual(s.warehouses.map((w) => [w.code, w.onHand, w.reserved]), [['main', 5, 5], ['north', 4, 2]]);
    assert.equal(s.movements[0]!.kind, 'reservation');
    assert.equal(s.movements[0]!.orderId, orderId);
    assert.ok(s.movements[0]!.eventId);
    assert.deepEqual((await anonymous('GET', '/inventory/availability?sku=TEE-S')).json(), { items: [{ sku: 'TEE-S', available: 2, inStock: true }] });

    // On hand can never go below what is reserved: 409 with the numbers, nothing written.
    const held = await snapshot(svc.db);
    const refused = await adjust('TEE-S', -1);
    assert.equal(refused.statusCode, 409);
    assert.deepEqual({ ...refused.json<Record<string, unknown>>(), detail: undefined, instance: undefined }, {
      type: 'urn:mercato:problem:stock_below_reserved', code: 'stock_below_reserved', title: 'Conflict', status: 409,
      detail: undefined, instance: undefined, onHand: 5, reserved: 5, delta: -1,
    });
    assert.equal(await snapshot(svc.db), held);

    // The same order again, under a new event id: nothing changes, nothing is emitted.
    const before = await snapshot(svc.db);
    await deliver(orderPlaced(orderId, [['TEE-S', 7], ['TEE-M', 2]]));
    assert.equal(await snapshot(svc.db), before);
  });

  it('rejects an order when any line falls short, holding nothing', async () => {
    const before = await stock('TEE-M');
    const orderId = newId('ord');
    await deliver(orderPlaced(orderId, [['TEE-M', 1], ['TEE-S', 3], ['NOPE-1', 1]]));
    const [rejected] = await outbox('StockRejected', orderId);
    assert.deepEqual(rejected?.payload.data, {
      orderId,
      lines: [
        { sku: 'TEE-S', requested: 3, available: 2 },
        { sku: 'NOPE-1', requested: 1, available: 0 },
      ],
    });
    assert.equal((await outbox('StockReserved', orderId)).length, 0);
    assert.deepEqual(await stock('TEE-M'), before, 'the line that fitted was not reserved either');
    assert.equal((await reservation(orderId))?.status, 'rejected');
    // Stock arriving later does not turn a rejected order into a reservation on redelivery.
    await adjust('TEE-S', 10);
    await deliver(orderPlaced(orderId, [['TEE-M', 1], ['TEE-S', 3], ['NOPE-1', 1]]));
    assert.equal((await outbox('StockReserved', orderId)).length, 0);
    await adjust('TEE-S', -10);
  });

  it('refuses an invalid order event (negative quantity, unknown fields) and writes no stock', async () => {
    const before = await count('SELECT count(*) AS n FROM stock_movements');
    const orderId = newId('ord');
    const negative = JSON.parse(JSON.stringify(orderPlaced(orderId, [['TEE-M', 1]]))) as Envelope & { data: { lines: { quantity: number }[] } };
    negative.data.lines[0]!.quantity = -1;
    const extra = JSON.parse(JSON.stringify(orderPlaced(newId('ord'), [['TEE-M', 1]]))) as Envelope & { data: Record<string, unknown> };
    extra.data.warehouse = 'main';
    await svc.consumer.deliver([negative]);
    await svc.consumer.deliver([extra]);
    assert.equal(await count(`SELECT count(*) AS n FROM event_failures WHERE status = 'dead' AND event_id = ANY($1)`, [[negative.id, extra.id]]), 2);
    assert.equal(await count('SELECT count(*) AS n FROM stock_movements'), before);
    assert.equal(await reservation(orderId), undefined);
    await q('DELETE FROM event_failures');
  });

  it('releases on OrderCancelled once; a cancel seen before the order makes the late order a no-op', async () => {
    const orderId = newId('ord');
    await deliver(orderPlaced(orderId, [['TEE-M', 3]]));
    assert.equal((await stock('TEE-M')).reserved, 5);
    await deliver(orderCancelled(orderId, [['TEE-M', 3]]));
    assert.equal((await stock('TEE-M')).reserved, 2);
    const [released] = await outbox('StockReleased', orderId);
    assert.deepEqual(released?.payload.data, { orderId, reason: 'order_cancelled', lines: [{ sku: 'TEE-M', quantity: 3 }] });
    assert.equal((await stock('TEE-M')).movements[0]!.kind, 'release');
    const before = await snapshot(svc.db);
    await deliver(orderCancelled(orderId, [['TEE-M', 3]]));
    assert.equal(await snapshot(svc.db), before, 'a second cancel changes nothing');

    const early = newId('ord');
    await deliver(orderCancelled(early, [['TEE-M', 1]], false));
    await deliver(orderPlaced(early, [['TEE-M', 1]]));
    assert.equal((await stock('TEE-M')).reserved, 2, 'the late OrderPlaced reserved nothing');
    assert.equal((await outbox('StockReserved', early)).length, 0);
    assert.equal((await outbox('StockReleased', early)).length, 0);
  });

  it('commits on OrderConfirmed once', async () => {
    const orderId = newId('ord');
    await deliver(orderPlaced(orderId, [['TEE-M', 4]]));
    const s0 = await stock('TEE-M');
    await deliver(orderConfirmed(orderId, [['TEE-M', 4]]));
    const s1 = await stock('TEE-M');
    assert.deepEqual([s1.onHand, s1.reserved, s1.available], [s0.onHand - 4, s0.reserved - 4, s0.available]);
    assert.deepEqual((await outbox('StockCommitted', orderId))[0]?.payload.data, { orderId, lines: [{ sku: 'TEE-M', quantity: 4 }] });
    assert.deepEqual(s1.movements[0], { ...s1.movements[0], kind: 'commit', onHandDelta: -4, reservedDelta: -4, orderId });
    assert.equal((await reservation(orderId))?.status, 'committed');

    const before = await snapshot(svc.db);
    await deliver(orderConfirmed(orderId, [['TEE-M', 4]]));
    assert.equal(await snapshot(svc.db), before, 'a second commit changes nothing');
    assert.equal(await count('SELECT count(*) AS n FROM event_failures'), 0);
    // A cancellation after the commit restocks (test/restock.int.test.ts).
  });

  it('releases a reservation once its time to live has passed (the sweeper)', async () => {
    const orderId = newId('ord');
    await deliver(orderPlaced(orderId, [['TEE-M', 2], ['TEE-S', 1]]));
    const held = [(await stock('TEE-M')).reserved, (await stock('TEE-S')).reserved];
    assert.equal(await expireReservations(svc, 100), 0, 'nothing has expired yet');
    await q(`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE order_id = $1`, [orderId]);
    assert.equal(await expireReservations(svc, 100), 1);
    assert.equal((await reservation(orderId))?.status, 'expired');
    assert.deepEqual([(await stock('TEE-M')).reserved, (await stock('TEE-S')).reserved], [held[0]! - 2, held[1]! - 1]);
    assert.deepEqual((await outbox('StockReleased', orderId))[0]?.payload.data, {
      orderId,
      reason: 'expired',
      lines: [{ sku: 'TEE-M', quantity: 2 }, { sku: 'TEE-S', quantity: 1 }],
    });
    assert.equal((await stock('TEE-S')).movements[0]!.kind, 'expiry');
    assert.equal(await expireReservations(svc, 100), 0, 'a second pass finds nothing');
    // A confirmation that arrives after expiry commits nothing, and says so.
    const before = await snapshot(svc.db);
    await deliver(orderConfirmed(orderId, [['TEE-M', 2], ['TEE-S', 1]]));
    assert.equal(await snapshot(svc.db), before);
    assert.ok(logs.lines.some((l) => l.orderId === orderId && l.level === 'error'));
  });

  it('emits LowStock once per downward crossing of the threshold, re-armed above it', async () => {
    await deliver(productCreated(newId('prd'), ['LOW-1']));
    assert.equal((await adjust('LOW-1', 10)).statusCode, 201);
    assert.equal((await asAdmin('PUT', '/inventory/skus/LOW-1/threshold', { threshold: 3 })).json<StockJson>().threshold, 3);
    const low = () => outbox('LowStock', 'LOW-1');
    await deliver(orderPlaced(newId('ord'), [['LOW-1', 6]])); // 4 left: above
    assert.equal((await low()).length, 0);
    await deliver(orderPlaced(newId('ord'), [['LOW-1', 1]])); // 3: at the threshold
    assert.deepEqual((await low()).map((e) => e.payload.data), [{ sku: 'LOW-1', available: 3, threshold: 3 }]);
    await deliver(orderPlaced(newId('ord'), [['LOW-1', 2]])); // 1: still below, no second alert
    assert.equal((await low()).length, 1);
    await adjust('LOW-1', 5); // 6: above again, re-armed
    await adjust('LOW-1', -4); // 2: crosses again
    assert.equal((await low()).length, 2);
    // Raising the threshold over what is available is a crossing too.
    await adjust('LOW-1', 8); // 10
    await asAdmin('PUT', '/inventory/skus/LOW-1/threshold', { threshold: 10 });
    assert.deepEqual((await low()).at(-1)?.payload.data, { sku: 'LOW-1', available: 10, threshold: 10 });
  });

  it('seeds demo stock once per SKU and reason, whether the product arrives before or after', async () => {
    await deliver(productCreated(newId('prd'), ['SEED-A']));
    const first = await seedStock(svc.db, svc.outbox, [{ sku: 'SEED-A', onHand: 20 }, { sku: 'SEED-B', onHand: 7 }, { sku: 'SEED-C', onHand: 0 }], { reason: 'demo' });
    assert.deepEqual(first, { applied: 2 });
    const again = await seedStock(svc.db, svc.outbox, [{ sku: 'SEED-A', onHand: 20 }, { sku: 'SEED-B', onHand: 7 }], { reason: 'demo' });
    assert.deepEqual(again, { applied: 0 });
    const later = newId('prd');
    await deliver(productCreated(later, ['SEED-B']));
    assert.deepEqual([(await stock('SEED-A')).onHand, (await stock('SEED-B')).onHand, (await stock('SEED-C')).onHand], [20, 7, 0]);
    assert.equal((await q<{ product_id: string }>(`SELECT product_id FROM skus WHERE sku = 'SEED-B'`)).rows[0]!.product_id, later);
    assert.equal((await stock('SEED-B')).movements.length, 1);
    assert.equal((await stock('SEED-B')).movements[0]!.kind, 'seed');
  });

  it('marks a deleted product\'s SKUs discontinued: available 0, new orders rejected', async () => {
    const p = newId('prd');
    await deliver(productCreated(p, ['GONE-1']));
    await adjust('GONE-1', 3);
    await deliver(createEvent('ProductDeleted', { productId: p, skus: ['GONE-1'] }, { source: 'catalog', subject: p }));
    assert.deepEqual((await anonymous('GET', '/inventory/availability?sku=GONE-1')).json(), { items: [{ sku: 'GONE-1', available: 0, inStock: false }] });
    const orderId = newId('ord');
    await deliver(orderPlaced(orderId, [['GONE-1', 1]]));
    assert.equal((await reservation(orderId))?.status, 'rejected');
    assert.equal((await stock('GONE-1')).onHand, 3, 'its stock stays for an operator');
  });

  it('keeps every level equal to the sum of its movements, and the ledger append-only', async () => {
    assert.deepEqual(await ledgerMismatches(svc.db), []);
    assert.ok((await count('SELECT count(*) AS n FROM stock_movements')) > 10);
    await assert.rejects(q('UPDATE stock_movements SET on_hand_delta = 0'), /append-only/);
    await assert.rejects(q('DELETE FROM stock_movements'), /append-only/);
    await assert.rejects(q(`UPDATE stock_levels SET reserved = on_hand + 1 WHERE sku = 'TEE-M'`), /reserved_within_on_hand/);
    assert.equal(await count('SELECT count(*) AS n FROM event_failures'), 0);
  });
});

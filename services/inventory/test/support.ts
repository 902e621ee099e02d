import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { MemoryBus, startService, type Queryable, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, type TestDatabase } from '@mercato/chassis/testing';
import { createEvent, newId, type Envelope } from '@mercato/contracts';
import { inventoryService } from '../src/service.js';
import { adjustStock } from '../src/stock/adjust-stock.js';

/** The warehouse every inventory database starts with (code `main`). */
export const MAIN = 'whs_00000000000000000000000000';

/**
 * An inventory service on its own test database, started (without listening or background work)
 * before the suite's tests and stopped, its database dropped, after them; call inside `describe`,
 * before the suite's own hooks. `svc` is the running service once started; `q` runs a statement,
 * `handle` processes an event and asserts it was handled, `adjust` changes on hand by `delta` in
 * a warehouse (by code) as an operator would.
 */
export function inventoryUnderTest(database: string) {
  let db: TestDatabase | undefined;
  let running: RunningService | undefined;
  const logs = captureLogger('inventory', 'info');
  const operator = newId('usr');
  const it = {
    logs,
    operator,
    get svc(): RunningService {
      if (!running) throw new Error('the inventory service is not started');
      return running;
    },
    q: <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) => it.svc.db.query<R>(sql, params),
    handle: async (event: Envelope) => assert.equal(await it.svc.consumer.process(event, undefined), 'handled', `${event.type} was handled`),
    adjust: (sku: string, delta: number, warehouseCode = 'main') => adjustStock(it.svc, { sku, warehouseCode, delta, reason: 'count', actorUserId: operator }),
  };
  before(async () => {
    db = await createTestDatabase(database);
    running = await startService(inventoryService, {
      env: { INVENTORY_PORT: '0', INVENTORY_DATABASE_URL: db.url, OUTBOX_POLL_MS: '60000', INVENTORY_RESERVATION_TTL_SECONDS: '3600' },
      bus: new MemoryBus(),
      logger: logs.logger,
      listen: false,
      background: false,
    });
  });
  after(async () => {
    await running?.stop();
    await db?.drop();
  });
  return it;
}

/** Events as the catalog and order services publish them. */
export const productCreated = (productId: string, skus: string[], type: 'ProductCreated' | 'ProductUpdated' = 'ProductCreated') =>
  createEvent(
    type,
    {
      productId,
      slug: `p-${productId.slice(-8).toLowerCase()}`,
      title: 'A product',
      status: 'published',
      variants: skus.map((sku) => ({ variantId: newId('var'), sku, prices: [{ amount: 1000, currency: 'EUR' }] })),
    },
    { source: 'catalog', subject: productId },
  );

const line = (sku: string, quantity: number) => ({
  sku,
  productId: newId('prd'),
  variantId: newId('var'),
  title: `Item ${sku}`,
  quantity,
  unitPrice: { amount: 1000, currency: 'EUR' },
});

export const orderPlaced = (orderId: string, lines: [string, number][]) =>
  createEvent(
    'OrderPlaced',
    { orderId, userId: null, email: 'buyer@example.com', lines: lines.map(([s, q]) => line(s, q)), total: { amount: 1000, currency: 'EUR' } },
    { source: 'order', subject: orderId },
  );

export const orderCancelled = (orderId: string, lines: [string, number][], stockReserved = true) =>
  createEvent(
    'OrderCancelled',
    { orderId, userId: null, email: 'buyer@example.com', reason: 'customer', lines: lines.map(([s, q]) => line(s, q)), stockReserved },
    { source: 'order', subject: orderId },
  );

export const orderConfirmed = (orderId: string, lines: [string, number][]) =>
  createEvent(
    'OrderConfirmed',
    { orderId, userId: null, email: 'buyer@example.com', lines: lines.map(([s, q]) => line(s, q)), total: { amount: 1000, currency: 'EUR' }, paymentId: newId('pay') },
    { source: 'order', subject: orderId },
  );

export interface Level {
  sku: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
}

/** Every stock row, in a stable order. */
export async function levels(q: Queryable): Promise<Level[]> {
  const r = await q.query<{ sku: string; warehouse_id: string; on_hand: number; reserved: number }>(
    'SELECT sku, warehouse_id, on_hand, reserved FROM stock_levels ORDER BY sku, warehouse_id',
  );
  return r.rows.map((x) => ({ sku: x.sku, warehouseId: x.warehouse_id, onHand: x.on_hand, reserved: x.reserved }));
}

/**
 * The ledger's invariant: every stock row equals the sum of its movements, and no row breaks
 * on hand ≥ reserved ≥ 0. Returns the rows that disagree (empty when all hold).
 */
export async function ledgerMismatches(q: Queryable): Promise<unknown[]> {
  const r = await q.query(
    `SELECT s.sku, s.warehouse_id, s.on_hand, s.reserved, coalesce(m.on_hand, 0) AS ledger_on_hand, coalesce(m.reserved, 0) AS ledger_reserved
       FROM stock_levels s
       LEFT JOIN (SELECT sku, warehouse_id, sum(on_hand_delta)::int8 AS on_hand, sum(reserved_delta)::int8 AS reserved
                    FROM stock_movements GROUP BY sku, warehouse_id) m USING (sku, warehouse_id)
      WHERE s.on_hand <> coalesce(m.on_hand, 0) OR s.reserved <> coalesce(m.reserved, 0) OR s.reserved < 0 OR s.on_hand < s.reserved`,
  );
  return r.rows;
}

/** Everything a failed request must leave as it was. */
export async function snapshot(q: Queryable): Promise<string> {
  const tables = ['skus', 'stock_levels', 'stock_movements', 'warehouses', 'reservations', 'outbox'];
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = (await q.query(`SELECT * FROM ${t} ORDER BY 1`)).rows;
  return JSON.stringify(out);
}

import { createEvent, newId } from '@mercato/contracts';
import type { Queryable } from '@mercato/chassis';

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

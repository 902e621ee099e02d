import { prepared, type OutboxInsert, type Queryable } from '@mercato/chassis';
import type { AllocatedLine, LevelChange, StockRow } from './allocation.js';

export interface SkuRecord {
  sku: string;
  productId: string | null;
  threshold: number;
  discontinued: boolean;
}

/** The SKUs and stock rows of a set of SKUs, held locked by the caller's transaction. */
export interface LockedStock {
  skus: Map<string, SkuRecord>;
  rows: StockRow[];
  /**
   * True when the rows were read in the statement that took the locks, so a row added since its
   * snapshot (stock for a new warehouse) may be missing: re-read before relying on the totals.
   */
  partial?: boolean;
}

export type MovementKind = 'adjustment' | 'seed' | 'reservation' | 'release' | 'expiry' | 'commit' | 'restock';

/** Who and what a set of changes is recorded against in the ledger. */
export interface MovementMeta {
  kind: MovementKind;
  orderId?: string;
  adjustmentId?: string;
  reason?: string;
  actorUserId?: string;
  eventId?: string;
}

export interface Movement {
  id: number;
  sku: string;
  warehouseId: string;
  warehouseCode: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  orderId: string | null;
  adjustmentId: string | null;
  reason: string | null;
  actorUserId: string | null;
  eventId: string | null;
  createdAt: Date;
}

export interface WarehouseLevel {
  warehouseId: string;
  code: string;
  name: string;
  priority: number;
  onHand: number;
  reserved: number;
}

interface SkuRow extends Record<string, unknown> {
  sku: string;
  product_id: string | null;
  threshold: number;
  discontinued: boolean;
}
interface LevelRow extends Record<string, unknown> {
  sku: string;
  warehouse_id: string;
  priority: number;
  on_hand: number;
  reserved: number;
}

interface PerRow extends Record<string, unknown> {
  sku: string;
  warehouse_id: string;
  quantity: number;
}

const toSku = (r: SkuRow): SkuRecord => ({ sku: r.sku, productId: r.product_id, threshold: r.threshold, discontinued: r.discontinued });
const toRow = (r: LevelRow): StockRow => ({ sku: r.sku, warehouseId: r.warehouse_id, priority: r.priority, onHand: r.on_hand, reserved: r.reserved });

/** Per-row quantities (in SKU, warehouse order) as lines with their allocations. */
function toLines(rows: readonly PerRow[]): AllocatedLine[] {
  const lines = new Map<string, AllocatedLine>();
  for (const row of rows) {
    const line = lines.get(row.sku) ?? { sku: row.sku, quantity: 0, allocations: [] };
    line.quantity += row.quantity;
    line.allocations.push({ warehouseId: row.warehouse_id, quantity: row.quantity });
    lines.set(row.sku, line);
  }
  return [...lines.values()];
}

/** The only code that reads or writes `skus`, `stock_levels` and `stock_movements`. */
export const stockStore = {
  /**
   * Locks the SKUs, then their stock rows, in one deterministic order (SKU, then warehouse id),
   * so two transactions over overlapping SKUs never wait on each other in a cycle. Every change
   * of stock goes through here first: the SKU row is the lock that makes totals over
   * warehouses consistent.
   */
  async lock(q: Queryable, skus: readonly string[]): Promise<LockedStock> {
    const s = await prepared<SkuRow>(
      q,
      'inventory_lock_skus',
      `SELECT sku, product_id, threshold, discontinued_at IS NOT NULL AS discontinued
         FROM skus WHERE sku = ANY($1::text[]) ORDER BY sku FOR UPDATE`,
      [[...new Set(skus)].sort()],
    );
    const records = s.rows.map(toSku);
    return { skus: new Map(records.map((r) => [r.sku, r])), rows: await stockStore.lockLevels(q, records) };
  },

  /**
   * Locks the stock rows of SKUs the caller has locked, in (SKU, warehouse id) order. A second
   * statement, after the SKU locks are held, so it sees every row committed before them (a row
   * added for a new warehouse included).
   */
  async lockLevels(q: Queryable, skus: readonly SkuRecord[]): Promise<StockRow[]> {
    if (skus.length === 0) return [];
    const levels = await prepared<LevelRow>(
      q,
      'inventory_lock_levels',
      `SELECT s.sku, s.warehouse_id, w.priority, s.on_hand, s.reserved
         FROM stock_levels s JOIN warehouses w ON w.id = s.warehouse_id
        WHERE s.sku = ANY($1::text[]) ORDER BY s.sku, s.warehouse_id FOR UPDATE OF s`,
      [skus.map((r) => r.sku)],
    );
    return levels.rows.map(toRow);
  },

  /**
   * What an order holds now, per SKU and warehouse: the sum of its movements' reserved_delta
   * (reservation +, release / expiry / commit −; restock leaves it). Lines in SKU order.
   */
  async held(q: Queryable, orderId: string): Promise<AllocatedLine[]> {
    const r = await prepared<PerRow>(
      q,
      'inventory_held',
      `SELECT sku, warehouse_id, sum(reserved_delta)::int8 AS quantity FROM stock_movements
        WHERE order_id = $1 GROUP BY sku, warehouse_id HAVING sum(reserved_delta) > 0 ORDER BY sku, warehouse_id`,
      [orderId],
    );
    return toLines(r.rows);
  },

  /**
   * What an order has committed and not yet had put back, per SKU and warehouse: minus the sum
   * of its movements' on_hand_delta (commit −, restock +; the others leave on hand). Lines in
   * SKU order; empty once restocked.
   */
  async committed(q: Queryable, orderId: string): Promise<AllocatedLine[]> {
    const r = await q.query<PerRow>(
      `SELECT sku, warehouse_id, (-sum(on_hand_delta))::int8 AS quantity FROM stock_movements
        WHERE order_id = $1 GROUP BY sku, warehouse_id HAVING sum(on_hand_delta) < 0 ORDER BY sku, warehouse_id`,
      [orderId],
    );
    return toLines(r.rows);
  },

  /**
   * Applies level changes (one per row) and appends their movements, in one statement. The
   * table's CHECK constraints refuse anything that would break on hand ≥ reserved ≥ 0.
   */
  async apply(q: Queryable, changes: readonly LevelChange[], meta: MovementMeta): Promise<void> {
    if (changes.length === 0) return;
    const r = await prepared(
      q,
      'inventory_apply_changes',
      `WITH c AS (SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) WITH ORDINALITY AS c(sku, warehouse_id, dh, dr, n)),
            u AS (UPDATE stock_levels s SET on_hand = s.on_hand + c.dh, reserved = s.reserved + c.dr, updated_at = now()
                    FROM c WHERE s.sku = c.sku AND s.warehouse_id = c.warehouse_id RETURNING s.sku),
            m AS (INSERT INTO stock_movements (sku, warehouse_id, kind, on_hand_delta, reserved_delta, order_id, adjustment_id, reason, actor_user_id, event_id)
                  SELECT c.sku, c.warehouse_id, $5, c.dh, c.dr, $6, $7, $8, $9, $10 FROM c ORDER BY c.n)
       SELECT count(*)::int AS n FROM u`,
      [
        changes.map((c) => c.sku),
        changes.map((c) => c.warehouseId),
        changes.map((c) => c.onHandDelta),
        changes.map((c) => c.reservedDelta),
        meta.kind,
        meta.orderId ?? null,
        meta.adjustmentId ?? null,
        meta.reason ?? null,
        meta.actorUserId ?? null,
        meta.eventId ?? null,
      ],
    );
    const updated = (r.rows[0] as { n: number } | undefined)?.n ?? 0;
    if (updated !== changes.length) throw new Error(`stock change matched ${updated} of ${changes.length} rows`);
  },

  /**
   * Writes the reservations of a run of orders in one statement: adds each stock row's total to
   * its reserved (one update per row) and appends a `reservation` movement per order and row, in
   * the order given. For rows the caller holds locked and has checked (`allocate` on their
   * latest values); the CHECK constraints refuse anything that would break reserved ≤ on hand.
   * With `events`, the statement stores them too (`Outbox.insert`), so that it can be its
   * transaction's last, sent with the COMMIT.
   */
  async reserve(
    q: Queryable,
    movements: readonly { sku: string; warehouseId: string; quantity: number; orderId: string; eventId: string | null }[],
    events?: OutboxInsert,
  ): Promise<void> {
    if (movements.length === 0) return;
    // A stock row that does not update raises (`inventory_refuse`): the statement may carry its
    // transaction's COMMIT, and nothing of it may commit then.
    await prepared(
      q,
      events ? 'inventory_reserve_run_with_events' : 'inventory_reserve_run',
      `WITH c AS (SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[]) WITH ORDINALITY AS c(sku, warehouse_id, quantity, order_id, event_id, n)),
            d AS (SELECT sku, warehouse_id, sum(quantity)::int AS quantity FROM c GROUP BY sku, warehouse_id),
            u AS (UPDATE stock_levels s SET reserved = s.reserved + d.quantity, updated_at = now()
                    FROM d WHERE s.sku = d.sku AND s.warehouse_id = d.warehouse_id RETURNING 1),
            m AS (INSERT INTO stock_movements (sku, warehouse_id, kind, on_hand_delta, reserved_delta, order_id, event_id)
                  SELECT c.sku, c.warehouse_id, 'reservation', 0, c.quantity, c.order_id, c.event_id FROM c ORDER BY c.n)
            ${events ? `, o AS (${events.sql(6)})` : ''}
       SELECT CASE WHEN (SELECT count(*) FROM u) <> (SELECT count(*) FROM d) THEN inventory_refuse('a stock row did not update') ELSE 0 END AS refused`,
      [
        movements.map((m) => m.sku),
        movements.map((m) => m.warehouseId),
        movements.map((m) => m.quantity),
        movements.map((m) => m.orderId),
        movements.map((m) => m.eventId),
        ...(events?.params ?? []),
      ],
    );
  },

  /**
   * Records SKUs (and their first stock row, in the default warehouse) unless they exist.
   * A SKU recorded without a product (by seeding) takes the product of the first event naming it.
   * Returns the SKUs that were new.
   */
  async registerSkus(q: Queryable, items: readonly { sku: string; productId: string | null; variantId: string | null }[]): Promise<string[]> {
    if (items.length === 0) return [];
    const sorted = [...items].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
    const r = await q.query<{ sku: string; inserted: boolean }>(
      `INSERT INTO skus AS k (sku, product_id, variant_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (sku) DO UPDATE SET product_id = excluded.product_id, variant_id = excluded.variant_id, updated_at = now()
         WHERE k.product_id IS NULL AND excluded.product_id IS NOT NULL
       RETURNING sku, (xmax = 0) AS inserted`,
      [sorted.map((i) => i.sku), sorted.map((i) => i.productId), sorted.map((i) => i.variantId)],
    );
    const created = r.rows.filter((row) => row.inserted).map((row) => row.sku);
    if (created.length > 0) {
      await q.query(
        `INSERT INTO stock_levels (sku, warehouse_id)
         SELECT sku, (SELECT id FROM warehouses WHERE is_default) FROM unnest($1::text[]) AS sku ON CONFLICT DO NOTHING`,
        [created],
      );
    }
    return created;
  },

  /**
   * Re-links SKUs that a new product took over (a SKU reused after its product was deleted):
   * the new product's id replaces the old one and the SKU is no longer discontinued.
   */
  async adopt(q: Queryable, productId: string, items: readonly { sku: string; variantId: string }[]): Promise<number> {
    if (items.length === 0) return 0;
    const r = await q.query(
      `UPDATE skus k SET product_id = $1, variant_id = i.variant_id, discontinued_at = NULL, updated_at = now()
         FROM unnest($2::text[], $3::text[]) AS i(sku, variant_id)
        WHERE k.sku = i.sku AND k.product_id IS DISTINCT FROM $1 AND k.product_id IS NOT NULL AND k.discontinued_at IS NOT NULL`,
      [productId, items.map((i) => i.sku), items.map((i) => i.variantId)],
    );
    return r.rowCount ?? 0;
  },

  /** Marks the product's SKUs discontinued (their stock and ledger stay). */
  async discontinue(q: Queryable, productId: string, skus: readonly string[]): Promise<number> {
    const r = await q.query(
      `UPDATE skus SET discontinued_at = now(), updated_at = now()
        WHERE sku = ANY($1::text[]) AND product_id = $2 AND discontinued_at IS NULL`,
      [skus, productId],
    );
    return r.rowCount ?? 0;
  },

  /** Adds the (empty) stock row of a SKU in a warehouse unless it exists. */
  async ensureLevel(q: Queryable, sku: string, warehouseId: string): Promise<void> {
    await q.query('INSERT INTO stock_levels (sku, warehouse_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sku, warehouseId]);
  },

  async setThreshold(q: Queryable, sku: string, threshold: number): Promise<void> {
    await q.query('UPDATE skus SET threshold = $2, updated_at = now() WHERE sku = $1', [sku, threshold]);
  },

  /** Whether seeding with `reason` has already been applied to these SKUs. */
  async seeded(q: Queryable, skus: readonly string[], reason: string): Promise<Set<string>> {
    const r = await q.query<{ sku: string }>(`SELECT DISTINCT sku FROM stock_movements WHERE kind = 'seed' AND reason = $2 AND sku = ANY($1::text[])`, [skus, reason]);
    return new Set(r.rows.map((row) => row.sku));
  },

  /** Available stock per SKU over all warehouses; discontinued SKUs hold nothing to sell. */
  async availability(q: Queryable, skus: readonly string[]): Promise<Map<string, number>> {
    const r = await q.query<{ sku: string; available: number }>(
      `SELECT k.sku, CASE WHEN k.discontinued_at IS NULL THEN coalesce(sum(s.on_hand - s.reserved), 0) ELSE 0 END::int8 AS available
         FROM skus k LEFT JOIN stock_levels s ON s.sku = k.sku
        WHERE k.sku = ANY($1::text[]) GROUP BY k.sku`,
      [skus],
    );
    return new Map(r.rows.map((row) => [row.sku, row.available]));
  },

  async sku(q: Queryable, sku: string): Promise<SkuRecord | undefined> {
    const r = await q.query<SkuRow>('SELECT sku, product_id, threshold, discontinued_at IS NOT NULL AS discontinued FROM skus WHERE sku = $1', [sku]);
    return r.rows[0] && toSku(r.rows[0]);
  },

  /** A SKU's stock in each warehouse that holds a row for it, in priority order. */
  async levels(q: Queryable, sku: string): Promise<WarehouseLevel[]> {
    const r = await q.query<{ warehouse_id: string; code: string; name: string; priority: number; on_hand: number; reserved: number }>(
      `SELECT s.warehouse_id, w.code, w.name, w.priority, s.on_hand, s.reserved
         FROM stock_levels s JOIN warehouses w ON w.id = s.warehouse_id
        WHERE s.sku = $1 ORDER BY w.priority, w.id`,
      [sku],
    );
    return r.rows.map((row) => ({ warehouseId: row.warehouse_id, code: row.code, name: row.name, priority: row.priority, onHand: row.on_hand, reserved: row.reserved }));
  },

  /**
   * The SKU's movements, newest first: the latest `limit`, or those before the movement
   * `beforeId`, optionally of one warehouse (by code) or kind.
   */
  async movements(q: Queryable, sku: string, limit: number, opts: { warehouseCode?: string; kind?: MovementKind; beforeId?: number } = {}): Promise<Movement[]> {
    const params: unknown[] = [sku];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = ['m.sku = $1'];
    if (opts.warehouseCode !== undefined) where.push(`w.code = ${p(opts.warehouseCode)}`);
    if (opts.kind !== undefined) where.push(`m.kind = ${p(opts.kind)}`);
    if (opts.beforeId !== undefined) where.push(`m.id < ${p(opts.beforeId)}`);
    const r = await q.query<{
      id: string | number;
      sku: string;
      warehouse_id: string;
      code: string;
      kind: MovementKind;
      on_hand_delta: number;
      reserved_delta: number;
      order_id: string | null;
      adjustment_id: string | null;
      reason: string | null;
      actor_user_id: string | null;
      event_id: string | null;
      created_at: Date;
    }>(
      `SELECT m.id, m.sku, m.warehouse_id, w.code, m.kind, m.on_hand_delta, m.reserved_delta, m.order_id, m.adjustment_id, m.reason,
              m.actor_user_id, m.event_id, m.created_at
         FROM stock_movements m JOIN warehouses w ON w.id = m.warehouse_id
        WHERE ${where.join(' AND ')} ORDER BY m.id DESC LIMIT ${p(limit)}`,
      params,
    );
    return r.rows.map((row) => ({
      id: Number(row.id),
      sku: row.sku,
      warehouseId: row.warehouse_id,
      warehouseCode: row.code,
      kind: row.kind,
      onHandDelta: row.on_hand_delta,
      reservedDelta: row.reserved_delta,
      orderId: row.order_id,
      adjustmentId: row.adjustment_id,
      reason: row.reason,
      actorUserId: row.actor_user_id,
      eventId: row.event_id,
      createdAt: row.created_at,
    }));
  },
};

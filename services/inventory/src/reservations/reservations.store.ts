import { prepared, type OutboxInsert, type Queryable } from '@mercato/chassis';
import type { AllocatedLine, OrderLine, ShortLine } from '../stock/allocation.js';
import type { LockedStock } from '../stock/stock.store.js';

export type ReservationStatus = 'reserved' | 'rejected' | 'released' | 'expired' | 'committed' | 'restocked';

/** Inventory's record of an order. What it holds where is in the ledger (stockStore.held). */
export interface Reservation {
  orderId: string;
  status: ReservationStatus;
  expiresAt: Date | null;
}

interface ReservationRow extends Record<string, unknown> {
  order_id: string;
  status: ReservationStatus;
  expires_at: Date | null;
}

const toReservation = (r: ReservationRow): Reservation => ({ orderId: r.order_id, status: r.status, expiresAt: r.expires_at });

/** A SKU's stock row as locked with its SKU's record; all null on the one row of a statement that locked nothing. */
interface LockedRow extends Record<string, unknown> {
  sku: string | null;
  product_id: string | null;
  threshold: number;
  discontinued: boolean;
  warehouse_id: string;
  priority: number;
  on_hand: number;
  reserved: number;
}

/**
 * The SELECT that reads and locks a reservation's SKUs and their stock rows, shared by the
 * single-order and the run statements so their lock order cannot drift apart: SKUs `$3` (text[]),
 * only when the statement's `claim` CTE claimed something; each SKU's row before its stock rows,
 * in (SKU, warehouse id) order, as `stockStore.lock` does. Returns `LockedRow`s.
 */
const lockClaimedStock = `
              SELECT k.sku, k.product_id, k.threshold, k.discontinued_at IS NOT NULL AS discontinued,
                     s.warehouse_id, w.priority, s.on_hand, s.reserved
                FROM skus k JOIN stock_levels s ON s.sku = k.sku JOIN warehouses w ON w.id = s.warehouse_id
               WHERE k.sku = ANY($3::text[]) AND s.sku = ANY($3::text[]) AND EXISTS (SELECT 1 FROM claim)
               ORDER BY k.sku, s.warehouse_id
                 FOR UPDATE OF k, s`;

/**
 * The CTEs of an order's reservation in one statement (see `reserveLockingStock`): `claim`, `want`
 * (the lines), `l` (the rows locked), `a`, `c`, `enough` (every line covered), `t` (what each row
 * gives), `u` (the levels updated) and `m` (the ledger). Parameters: `$1` order id, `$2` expiry,
 * `$3` SKUs, `$4` quantities, `$5` event id.
 */
const reserveClaimed = `claim AS (
              INSERT INTO reservations (order_id, status, expires_at) VALUES ($1, 'reserved', $2)
              ON CONFLICT (order_id) DO NOTHING RETURNING order_id),
            want AS (SELECT * FROM unnest($3::text[], $4::int[]) WITH ORDINALITY AS w(sku, quantity, n)),
            l AS MATERIALIZED (${lockClaimedStock}),
            a AS MATERIALIZED (
              SELECT l.sku, l.warehouse_id, l.priority, want.quantity, want.n,
                     CASE WHEN l.discontinued THEN 0 ELSE greatest(l.on_hand - l.reserved, 0) END AS available
                FROM l JOIN want ON want.sku = l.sku),
            c AS MATERIALIZED (
              SELECT a.*, coalesce(sum(a.available) OVER (PARTITION BY a.sku ORDER BY a.priority, a.warehouse_id COLLATE "C"
                                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
                FROM a),
            enough AS (
              SELECT EXISTS (SELECT 1 FROM claim)
                 AND NOT EXISTS (SELECT 1 FROM want WHERE want.quantity > coalesce((SELECT sum(a.available) FROM a WHERE a.sku = want.sku), 0)) AS ok),
            t AS MATERIALIZED (
              SELECT c.sku, c.warehouse_id, c.n, c.priority, least(c.available, c.quantity - c.before)::int AS quantity
                FROM c WHERE (SELECT ok FROM enough) AND c.available > 0 AND c.before < c.quantity),
            u AS (UPDATE stock_levels s SET reserved = s.reserved + t.quantity, updated_at = now()
                    FROM t WHERE s.sku = t.sku AND s.warehouse_id = t.warehouse_id RETURNING 1),
            m AS (INSERT INTO stock_movements (sku, warehouse_id, kind, on_hand_delta, reserved_delta, order_id, event_id)
                  SELECT t.sku, t.warehouse_id, 'reservation', 0, t.quantity, $1, $5 FROM t ORDER BY t.n, t.priority, t.warehouse_id COLLATE "C")`;

/** The SQLSTATE of a statement that refused to go through (`inventory_refuse`, see `reserveAndCommit`). */
export const REFUSED = 'MR001';

/** The key of a stock row in the maps of a reservation: SKU and warehouse id. */
export const rowKey = (sku: string, warehouseId: string) => `${sku}\u0000${warehouseId}`;

/** Locked rows as read in the statement that took the locks: `partial` (see `reserveLockingStock`). */
function toLocked(rows: readonly LockedRow[]): LockedStock {
  const locked: LockedStock = { skus: new Map(), rows: [], partial: true };
  for (const row of rows) {
    if (row.sku === null) continue;
    if (!locked.skus.has(row.sku)) locked.skus.set(row.sku, { sku: row.sku, productId: row.product_id, threshold: row.threshold, discontinued: row.discontinued });
    locked.rows.push({ sku: row.sku, warehouseId: row.warehouse_id, priority: row.priority, onHand: row.on_hand, reserved: row.reserved });
  }
  return locked;
}

/** The only code that reads or writes `reservations`, the per-order record of inventory. */
export const reservationsStore = {
  /**
   * Reserves one order in one statement: claims it (inserts its record, open, unless one exists),
   * and when claimed locks its SKUs and their stock rows in (SKU, warehouse id) order, each SKU's
   * row before its stock rows (as `stockStore.lock` does), allocates every line across the
   * warehouses by priority then id (as `allocate` does), and — only when every line is covered —
   * adds what each row gives to its reserved and appends a `reservation` movement per row. When
   * any line falls short nothing is written but the claim; `reserved` is false and the caller
   * decides (re-read, then reject). `lines` are merged (one per SKU), in the order of the event.
   * Returns the rows as locked (before the change) with what each gave, so the caller can check
   * the allocation against `allocate` and compute its alerts.
   *
   * One statement reads one snapshot: each row is locked at its latest version (read committed
   * re-reads a row that changed while it waited), and the update adds to the latest version, so
   * concurrent reservations of the same rows never oversell. A stock row inserted (for a new
   * warehouse) by a transaction that committed while this one waited is not among the rows. Such
   * a row can only add stock, so the rows are `partial`: enough to reserve from, re-read before
   * refusing or alerting. The CHECK constraints refuse anything that would break
   * on hand ≥ reserved ≥ 0, and a row that did not update throws.
   */
  async reserveLockingStock(
    q: Queryable,
    orderId: string,
    expiresAt: Date,
    lines: readonly OrderLine[],
    eventId: string | null,
  ): Promise<{ claimed: boolean; reserved: boolean; locked: LockedStock; taken: Map<string, number> }> {
    const r = await prepared<LockedRow & { claimed: number; enough: boolean; updated: number; expected: number; taken: number | null }>(
      q,
      'inventory_reserve_order',
      `WITH ${reserveClaimed}
       SELECT (SELECT count(*) FROM claim)::int AS claimed, (SELECT ok FROM enough) AS enough,
              (SELECT count(*) FROM u)::int AS updated, (SELECT count(*) FROM t)::int AS expected, x.*
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (
              SELECT l.*, t.quantity AS taken FROM l LEFT JOIN t ON t.sku = l.sku AND t.warehouse_id = l.warehouse_id
               ORDER BY l.sku, l.warehouse_id) AS x ON true`,
      [orderId, expiresAt, lines.map((l) => l.sku), lines.map((l) => l.quantity), eventId],
    );
    const first = r.rows[0]!;
    if (first.updated !== first.expected) throw new Error(`stock reservation matched ${first.updated} of ${first.expected} rows`);
    const taken = new Map<string, number>();
    for (const row of r.rows) if (row.sku !== null && row.taken !== null) taken.set(rowKey(row.sku, row.warehouse_id), row.taken);
    return { claimed: first.claimed === 1, reserved: first.claimed === 1 && first.enough === true, locked: toLocked(r.rows), taken };
  },

  /**
   * The reservation of `reserveLockingStock` as the statement that ends its transaction (sent
   * with the COMMIT by `Tx.tryCommitWith`), with its events (`events`, stored by the same
   * statement): it goes through only when what it finds under the locks is what the caller
   * expected — the order claimed here, every line covered, each stock row giving what `expected`
   * says (the caller's allocation on the rows as it last saw them) and no SKU crossing its
   * threshold (which would owe a LowStock the caller did not write). Otherwise it raises
   * (SQLSTATE `MR001`, `REFUSED`), the whole statement is undone and its COMMIT skipped: the
   * caller reserves as usual. The locks are held from this statement to its COMMIT only, with no
   * round trip between: what a hot SKU's reservations wait on. Returns the rows as locked (before
   * the change) and what each gave.
   */
  async reserveAndCommit(
    q: Queryable,
    orderId: string,
    expiresAt: Date,
    lines: readonly OrderLine[],
    eventId: string | null,
    expected: readonly AllocatedLine[],
    events: OutboxInsert,
  ): Promise<{ locked: LockedStock; taken: Map<string, number> }> {
    const rows = expected.flatMap((line) => line.allocations.map((a) => ({ sku: line.sku, warehouseId: a.warehouseId, quantity: a.quantity })));
    const r = await prepared<LockedRow & { taken: number | null }>(
      q,
      'inventory_reserve_and_commit',
      `WITH ${reserveClaimed},
            e AS (SELECT * FROM unnest($6::text[], $7::text[], $8::int[]) AS e(sku, warehouse_id, quantity)),
            low AS (
              SELECT l.sku FROM l LEFT JOIN t ON t.sku = l.sku AND t.warehouse_id = l.warehouse_id
               WHERE l.sku IN (SELECT sku FROM t)
               GROUP BY l.sku, l.threshold
              HAVING sum(greatest(l.on_hand - l.reserved, 0)) > l.threshold
                 AND sum(greatest(l.on_hand - l.reserved - coalesce(t.quantity, 0), 0)) <= l.threshold),
            o AS (${events.sql(9)})
       SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM claim) THEN inventory_refuse('the order is claimed already')
                   WHEN NOT (SELECT ok FROM enough) THEN inventory_refuse('a line falls short')
                   WHEN EXISTS (SELECT 1 FROM t FULL JOIN e ON e.sku = t.sku AND e.warehouse_id = t.warehouse_id
                                 WHERE t.quantity IS DISTINCT FROM e.quantity) THEN inventory_refuse('the allocation differs from the one expected')
                   WHEN EXISTS (SELECT 1 FROM low) THEN inventory_refuse('a SKU crosses its low-stock threshold')
                   WHEN (SELECT count(*) FROM u) <> (SELECT count(*) FROM t) THEN inventory_refuse('a stock row did not update')
                   ELSE 0 END AS refused,
              x.*
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (
              SELECT l.*, t.quantity AS taken FROM l LEFT JOIN t ON t.sku = l.sku AND t.warehouse_id = l.warehouse_id
               ORDER BY l.sku, l.warehouse_id) AS x ON true`,
      [orderId, expiresAt, lines.map((l) => l.sku), lines.map((l) => l.quantity), eventId, rows.map((x) => x.sku), rows.map((x) => x.warehouseId), rows.map((x) => x.quantity), ...events.params],
    );
    const taken = new Map<string, number>();
    for (const row of r.rows) if (row.sku !== null && row.taken !== null) taken.set(rowKey(row.sku, row.warehouse_id), row.taken);
    return { locked: toLocked(r.rows), taken };
  },

  /**
   * Claims a run of orders for reservations — inserts each one's record (open) unless one exists,
   * in order id order — and, when any was claimed, locks the run's SKUs and their stock rows, in
   * one statement; returns the claimed order ids and the rows as locked. Rows are locked in (SKU,
   * warehouse id) order, each SKU's row before its stock rows, as `stockStore.lock` does; every
   * claim is taken before any stock lock, as `reserveLockingStock` does. A concurrent claim of the
   * same order waits for the first to finish, then sees it.
   *
   * As in `reserveLockingStock`, the rows are `partial` (a stock row committed while this one
   * waited for the locks is missing): re-read under the locks before refusing or alerting.
   */
  async claimLockingStock(q: Queryable, orderIds: readonly string[], expiresAt: Date, skus: readonly string[]): Promise<{ claimed: Set<string>; locked: LockedStock }> {
    const r = await prepared<LockedRow & { claimed: string[] | null }>(
      q,
      'inventory_claim_run_locking_stock',
      `WITH claim AS (
              INSERT INTO reservations (order_id, status, expires_at)
              SELECT o, 'reserved', $2 FROM unnest($1::text[]) AS o ORDER BY o
              ON CONFLICT (order_id) DO NOTHING RETURNING order_id)
       SELECT (SELECT array_agg(order_id) FROM claim) AS claimed, x.*
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (${lockClaimedStock}) AS x ON true`,
      [[...new Set(orderIds)].sort(), expiresAt, [...new Set(skus)].sort()],
    );
    return { claimed: new Set(r.rows[0]!.claimed ?? []), locked: toLocked(r.rows) };
  },

  /**
   * Commits the open reservations of `orders` (distinct order ids) in one statement: locks their
   * records (in order id order), reads what each holds per stock row, locks those SKUs and stock
   * rows (in (SKU, warehouse id) order, each SKU's row before its stock rows, as
   * `claimLockingStock` does), takes what was held off on hand and reserved, appends a `commit`
   * movement per order and stock row, and closes each open reservation `committed`. Returns every
   * order's record as it was before (status null: none) with what it held.
   *
   * One statement reads one snapshot, taken before the locks are granted: what an order holds is
   * read from that snapshot, which is right because every change of an order's movements also
   * changes its record in the same transaction, and the record is read as locked (its latest
   * version). An order whose record another transaction closed meanwhile is no longer open, and
   * nothing is read or written for it. Every record is locked before any SKU: the same order as
   * the single-order paths (record, then stock). The CHECK constraints refuse a change that would
   * break on hand ≥ reserved ≥ 0; a stock row that did not match throws (the transaction aborts).
   * Available stock is unchanged by a commit, so no low-stock or back-in-stock alert can follow.
   */
  async commitOpen(
    q: Queryable,
    orders: readonly { orderId: string; eventId: string | null }[],
  ): Promise<Map<string, { status: ReservationStatus | null; lines: AllocatedLine[] }>> {
    const r = await prepared<{
      order_id: string;
      status: ReservationStatus;
      sku: string | null;
      warehouse_id: string | null;
      quantity: number | null;
      updated: number;
      expected: number;
    }>(
      q,
      'inventory_commit_open',
      `WITH o AS (SELECT * FROM unnest($1::text[], $2::text[]) AS o(order_id, event_id)),
            r AS MATERIALIZED (
              SELECT t.order_id, t.status FROM reservations t WHERE t.order_id = ANY($1::text[]) ORDER BY t.order_id FOR UPDATE),
            h AS MATERIALIZED (
              SELECT m.order_id, m.sku, m.warehouse_id, sum(m.reserved_delta)::int AS quantity FROM stock_movements m
               WHERE m.order_id = ANY(ARRAY(SELECT order_id FROM r WHERE status = 'reserved'))
               GROUP BY m.order_id, m.sku, m.warehouse_id HAVING sum(m.reserved_delta) > 0),
            d AS MATERIALIZED (SELECT sku, warehouse_id, sum(quantity)::int AS quantity FROM h GROUP BY sku, warehouse_id),
            l AS MATERIALIZED (
              SELECT s.sku, s.warehouse_id FROM skus k JOIN stock_levels s ON s.sku = k.sku
               WHERE k.sku = ANY(ARRAY(SELECT sku FROM d)) AND (s.sku, s.warehouse_id) IN (SELECT sku, warehouse_id FROM d)
               ORDER BY s.sku, s.warehouse_id
                 FOR UPDATE OF k, s),
            u AS (UPDATE stock_levels s SET on_hand = s.on_hand - d.quantity, reserved = s.reserved - d.quantity, updated_at = now()
                    FROM d JOIN l ON l.sku = d.sku AND l.warehouse_id = d.warehouse_id
                   WHERE s.sku = d.sku AND s.warehouse_id = d.warehouse_id RETURNING 1),
            mv AS (INSERT INTO stock_movements (sku, warehouse_id, kind, on_hand_delta, reserved_delta, order_id, event_id)
                   SELECT h.sku, h.warehouse_id, 'commit', -h.quantity, -h.quantity, h.order_id, o.event_id
                     FROM h JOIN o ON o.order_id = h.order_id ORDER BY h.order_id, h.sku, h.warehouse_id),
            c AS (UPDATE reservations t SET status = 'committed', closed_at = now() FROM r
                   WHERE t.order_id = r.order_id AND r.status = 'reserved' AND t.status = 'reserved')
       SELECT r.order_id, r.status, h.sku, h.warehouse_id, h.quantity,
              (SELECT count(*) FROM u)::int AS updated, (SELECT count(*) FROM d)::int AS expected
         FROM r LEFT JOIN h ON h.order_id = r.order_id
        ORDER BY r.order_id, h.sku, h.warehouse_id`,
      [orders.map((o) => o.orderId), orders.map((o) => o.eventId)],
    );
    const first = r.rows[0];
    if (first && first.updated !== first.expected) throw new Error(`stock commit matched ${first.updated} of ${first.expected} rows`);
    const out = new Map<string, { status: ReservationStatus | null; lines: AllocatedLine[] }>(orders.map((o) => [o.orderId, { status: null, lines: [] }]));
    for (const row of r.rows) {
      const entry = out.get(row.order_id)!;
      entry.status = row.status;
      if (row.sku === null || row.warehouse_id === null || row.quantity === null) continue;
      const last = entry.lines.at(-1);
      const line = last?.sku === row.sku ? last : { sku: row.sku, quantity: 0, allocations: [] };
      if (line !== last) entry.lines.push(line);
      line.quantity += row.quantity;
      line.allocations.push({ warehouseId: row.warehouse_id, quantity: row.quantity });
    }
    return out;
  },

  async reject(q: Queryable, orderId: string, short: readonly ShortLine[]): Promise<void> {
    await q.query(`UPDATE reservations SET status = 'rejected', short_lines = $2::jsonb, expires_at = NULL, closed_at = now() WHERE order_id = $1`, [
      orderId,
      JSON.stringify(short),
    ]);
  },

  /** The order's record, locked for this transaction. */
  async lock(q: Queryable, orderId: string): Promise<Reservation | undefined> {
    const r = await prepared<ReservationRow>(q, 'inventory_lock_reservation', 'SELECT order_id, status, expires_at FROM reservations WHERE order_id = $1 FOR UPDATE', [orderId]);
    return r.rows[0] && toReservation(r.rows[0]);
  },

  /**
   * Records that an order was cancelled before inventory saw it placed: a late OrderPlaced for
   * it then reserves nothing. False when the order has a record already.
   */
  async tombstone(q: Queryable, orderId: string): Promise<boolean> {
    const r = await q.query(`INSERT INTO reservations (order_id, status, closed_at) VALUES ($1, 'released', now()) ON CONFLICT (order_id) DO NOTHING`, [orderId]);
    return r.rowCount === 1;
  },

  async close(q: Queryable, orderId: string, status: 'released' | 'expired' | 'committed'): Promise<void> {
    await prepared(q, 'inventory_close_reservation', `UPDATE reservations SET status = $2, closed_at = now() WHERE order_id = $1 AND status = 'reserved'`, [orderId, status]);
  },

  /**
   * Marks a committed reservation restocked (its stock put back on hand). Terminal: nothing
   * moves it again. `closed_at` keeps the time it closed (the commit); the ledger dates the restock.
   */
  async markRestocked(q: Queryable, orderId: string): Promise<void> {
    await q.query(`UPDATE reservations SET status = 'restocked' WHERE order_id = $1 AND status = 'committed'`, [orderId]);
  },

  /**
   * One open reservation past its expiry, locked; one another process holds is skipped, so
   * several sweepers share the work without waiting on each other.
   */
  async claimExpired(q: Queryable): Promise<Reservation | undefined> {
    const r = await q.query<ReservationRow>(
      `SELECT order_id, status, expires_at FROM reservations
        WHERE status = 'reserved' AND expires_at <= now()
        ORDER BY expires_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    return r.rows[0] && toReservation(r.rows[0]);
  },
};

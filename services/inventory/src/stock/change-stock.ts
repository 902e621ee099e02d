import type { Outbox, Queryable } from '@mercato/chassis';
import { applyChanges, availableBySku, lowStockCrossings, replenishments, type LevelChange, type StockRow } from './allocation.js';
import { stockStore, type LockedStock, type MovementMeta } from './stock.store.js';

/** Sums changes per stock row, so each row is updated once. */
export function combine(changes: readonly LevelChange[]): LevelChange[] {
  const byRow = new Map<string, LevelChange>();
  for (const c of changes) {
    const k = `${c.sku}\u0000${c.warehouseId}`;
    const prev = byRow.get(k);
    if (prev) byRow.set(k, { ...prev, onHandDelta: prev.onHandDelta + c.onHandDelta, reservedDelta: prev.reservedDelta + c.reservedDelta });
    else byRow.set(k, { ...c });
  }
  return [...byRow.values()].filter((c) => c.onHandDelta !== 0 || c.reservedDelta !== 0);
}

/**
 * Applies changes to stock the caller holds locked: writes the levels and the ledger, and emits
 * LowStock for each SKU whose available stock crossed its threshold downwards, and
 * StockReplenished for each whose available stock went from none to some — all in the
 * caller's transaction. Returns the rows after the change. Throws when a change would break
 * on hand ≥ reserved ≥ 0 (callers check first; this is the last line before the CHECKs).
 */
export async function changeStock(tx: Queryable, outbox: Outbox, locked: LockedStock, changes: readonly LevelChange[], meta: MovementMeta): Promise<StockRow[]> {
  const combined = combine(changes);
  const next = applyChanges(locked.rows, combined);
  if (!next.ok) throw new Error(`stock change refused for ${next.change.sku} in ${next.change.warehouseId}`);
  await stockStore.apply(tx, combined, meta);
  await emitStockAlerts(tx, outbox, locked, combined, next.rows);
  return next.rows;
}

/** What combined changes (one per row) of locked rows cross: thresholds downwards, none to some. */
export function stockAlerts(skus: LockedStock['skus'], before: readonly StockRow[], combined: readonly LevelChange[], after: readonly StockRow[]) {
  const touched = new Set(combined.map((c) => c.sku));
  const thresholds = new Map([...skus.values()].filter((s) => touched.has(s.sku)).map((s) => [s.sku, s.threshold]));
  const was = availableBySku(before.filter((r) => touched.has(r.sku)));
  const now = availableBySku(after.filter((r) => touched.has(r.sku)));
  return { touched, thresholds, crossings: lowStockCrossings(was, now, thresholds), back: replenishments(was, now) };
}

/**
 * Emits LowStock and StockReplenished for combined changes (one per row) already written to
 * locked rows, `after` being the rows after them. When the rows are `partial`, an alert is
 * checked again on the rows re-read under the locks held (one added since can only add stock).
 */
export async function emitStockAlerts(tx: Queryable, outbox: Outbox, locked: LockedStock, combined: readonly LevelChange[], after: readonly StockRow[]): Promise<void> {
  const alerts = stockAlerts(locked.skus, locked.rows, combined, after);
  const { touched, thresholds } = alerts;
  let { crossings, back } = alerts;
  if ((crossings.length > 0 || back.length > 0) && locked.partial) {
    // The rows may miss one added since they were read (it can only add stock): alert on the
    // whole picture, read again under the locks held. Before = after minus this change.
    const fresh = await stockStore.lockLevels(tx, [...locked.skus.values()].filter((s) => touched.has(s.sku)));
    const now = availableBySku(fresh);
    const was = new Map(now);
    for (const c of combined) was.set(c.sku, (was.get(c.sku) ?? 0) - (c.onHandDelta - c.reservedDelta));
    crossings = lowStockCrossings(was, now, thresholds);
    back = replenishments(was, now);
  }
  for (const c of crossings) await outbox.emit(tx, 'LowStock', c, c.sku);
  for (const r of back) await outbox.emit(tx, 'StockReplenished', r, r.sku);
}

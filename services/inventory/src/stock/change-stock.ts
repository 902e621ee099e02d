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
  const touched = new Set(combined.map((c) => c.sku));
  const thresholds = new Map([...locked.skus.values()].filter((s) => touched.has(s.sku)).map((s) => [s.sku, s.threshold]));
  let before = availableBySku(locked.rows.filter((r) => touched.has(r.sku)));
  let after = availableBySku(next.rows.filter((r) => touched.has(r.sku)));
  let crossings = lowStockCrossings(before, after, thresholds);
  let back = replenishments(before, after);
  if ((crossings.length > 0 || back.length > 0) && locked.partial) {
    // The rows may miss one added since they were read (it can only add stock): alert on the
    // whole picture, read again under the locks held. Before = after minus this change.
    const fresh = await stockStore.lockLevels(tx, [...locked.skus.values()].filter((s) => touched.has(s.sku)));
    after = availableBySku(fresh);
    before = new Map(after);
    for (const c of combined) before.set(c.sku, (before.get(c.sku) ?? 0) - (c.onHandDelta - c.reservedDelta));
    crossings = lowStockCrossings(before, after, thresholds);
    back = replenishments(before, after);
  }
  for (const c of crossings) await outbox.emit(tx, 'LowStock', c, c.sku);
  for (const r of back) await outbox.emit(tx, 'StockReplenished', r, r.sku);
  return next.rows;
}

import type { Db, Outbox } from '@mercato/chassis';
import { availableBySku } from './allocation.js';
import { SkuNotFound } from './stock.errors.js';
import { stockStore } from './stock.store.js';

/**
 * Sets a SKU's low-stock threshold. Raising it to at or above what is available is a crossing
 * too: LowStock is emitted when the SKU was above the old threshold and is not above the new one.
 */
export async function setThreshold(deps: { db: Db; outbox: Outbox }, sku: string, threshold: number): Promise<void> {
  await deps.db.tx(async (tx) => {
    const locked = await stockStore.lock(tx, [sku]);
    const record = locked.skus.get(sku);
    if (!record) throw new SkuNotFound(sku);
    if (record.threshold === threshold) return;
    await stockStore.setThreshold(tx, sku, threshold);
    const available = availableBySku(locked.rows).get(sku) ?? 0;
    if (available > record.threshold && available <= threshold) await deps.outbox.emit(tx, 'LowStock', { sku, available, threshold }, sku);
  });
}

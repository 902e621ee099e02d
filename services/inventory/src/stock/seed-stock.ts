import type { Db, Outbox } from '@mercato/chassis';
import { warehousesStore } from '../warehouses/warehouses.store.js';
import { changeStock } from './change-stock.js';
import { stockStore } from './stock.store.js';

export interface SeedLevel {
  sku: string;
  onHand: number;
}

const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Demo (or initial) stock: gives each SKU a record if it has none, and adds `onHand` in the
 * default warehouse once per SKU and reason — the ledger's `seed` movement is the record, so a
 * restart seeds nothing twice. It does not matter whether ProductCreated for a SKU is handled
 * before or after: either creates the record, and the other leaves it as it is.
 */
export async function seedStock(db: Db, outbox: Outbox, levels: ReadonlyArray<SeedLevel>, opts: { reason: string }): Promise<{ applied: number }> {
  for (const l of levels) {
    if (!SKU.test(l.sku)) throw new Error(`seedStock: invalid SKU ${JSON.stringify(l.sku)}`);
    if (!Number.isInteger(l.onHand) || l.onHand < 0 || l.onHand > 1e9) throw new Error(`seedStock: invalid onHand ${l.onHand} for ${l.sku}`);
  }
  if (opts.reason.length < 1 || opts.reason.length > 500) throw new Error('seedStock: the reason is 1 to 500 characters');
  const bySku = new Map<string, number>();
  for (const l of levels) bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.onHand);
  const skus = [...bySku.keys()].sort();
  if (skus.length === 0) return { applied: 0 };
  return db.tx(async (tx) => {
    const warehouse = await warehousesStore.defaultWarehouse(tx);
    await stockStore.registerSkus(
      tx,
      skus.map((sku) => ({ sku, productId: null, variantId: null })),
    );
    const locked = await stockStore.lock(tx, skus);
    const done = await stockStore.seeded(tx, skus, opts.reason);
    const todo = skus.filter((sku) => !done.has(sku) && bySku.get(sku)! > 0);
    for (const sku of todo) {
      if (!locked.rows.some((r) => r.sku === sku && r.warehouseId === warehouse.id)) {
        await stockStore.ensureLevel(tx, sku, warehouse.id);
        locked.rows.push({ sku, warehouseId: warehouse.id, priority: warehouse.priority, onHand: 0, reserved: 0 });
      }
    }
    await changeStock(
      tx,
      outbox,
      locked,
      todo.map((sku) => ({ sku, warehouseId: warehouse.id, onHandDelta: bySku.get(sku)!, reservedDelta: 0 })),
      { kind: 'seed', reason: opts.reason },
    );
    return { applied: todo.length };
  });
}

import type { Db } from '@mercato/chassis';
import { SkuNotFound } from './stock.errors.js';
import { stockStore, type Movement, type SkuRecord, type WarehouseLevel } from './stock.store.js';

export interface StockView {
  record: SkuRecord;
  levels: WarehouseLevel[];
  movements: Movement[];
}

/** A SKU's stock for an operator: per warehouse, its threshold, and its latest movements. */
export async function getStock(deps: { db: Db }, sku: string, movements: number): Promise<StockView> {
  const record = await stockStore.sku(deps.db, sku);
  if (!record) throw new SkuNotFound(sku);
  const [levels, latest] = await Promise.all([stockStore.levels(deps.db, sku), stockStore.movements(deps.db, sku, movements)]);
  return { record, levels, movements: latest };
}

/** Available stock per SKU over all warehouses; a SKU inventory does not know has none. */
export async function checkAvailability(deps: { db: Db }, skus: readonly string[]): Promise<{ sku: string; available: number }[]> {
  const unique = [...new Set(skus)];
  const found = await stockStore.availability(deps.db, unique);
  return unique.map((sku) => ({ sku, available: found.get(sku) ?? 0 }));
}

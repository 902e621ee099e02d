import type { Db } from '@mercato/chassis';
import { WarehouseNotFound } from '../stock/stock.errors.js';
import { warehousesStore, type Warehouse } from './warehouses.store.js';

/** Renames a warehouse or changes its priority (the order reservations draw from warehouses). */
export async function updateWarehouse(deps: { db: Db }, code: string, fields: { name?: string; priority?: number }): Promise<Warehouse> {
  const updated = await warehousesStore.update(deps.db, code, fields);
  if (!updated) throw new WarehouseNotFound(code);
  return updated;
}

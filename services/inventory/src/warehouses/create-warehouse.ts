import { newId } from '@mercato/contracts';
import type { Db } from '@mercato/chassis';
import { TooManyWarehouses, WarehouseCodeTaken } from '../stock/stock.errors.js';
import { warehousesStore, type Warehouse } from './warehouses.store.js';

/** A shop's warehouses are few; the bound keeps every list of them one short page. */
export const MAX_WAREHOUSES = 100;

export async function createWarehouse(deps: { db: Db }, input: { code: string; name: string; priority: number }): Promise<Warehouse> {
  return deps.db.tx(async (tx) => {
    // One creation at a time, so the bound holds under concurrency.
    await tx.query('LOCK TABLE warehouses IN SHARE ROW EXCLUSIVE MODE');
    if ((await warehousesStore.count(tx)) >= MAX_WAREHOUSES) throw new TooManyWarehouses(MAX_WAREHOUSES);
    const created = await warehousesStore.insert(tx, { id: newId('whs'), ...input });
    if (!created) throw new WarehouseCodeTaken(input.code);
    return created;
  });
}

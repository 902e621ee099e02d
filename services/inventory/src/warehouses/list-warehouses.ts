import type { Db } from '@mercato/chassis';
import { warehousesStore, type Warehouse } from './warehouses.store.js';

/** Every warehouse, in the order reservations draw from them (at most MAX_WAREHOUSES). */
export function listWarehouses(deps: { db: Db }): Promise<Warehouse[]> {
  return warehousesStore.list(deps.db);
}

import { newId } from '@mercato/contracts';
import type { Db, Outbox } from '@mercato/chassis';
import { warehousesStore, type Warehouse } from '../warehouses/warehouses.store.js';
import type { StockRow } from './allocation.js';
import { changeStock } from './change-stock.js';
import { BelowReserved, SkuNotFound, WarehouseNotFound, ZeroDelta } from './stock.errors.js';
import { stockStore } from './stock.store.js';

export interface AdjustStockInput {
  sku: string;
  warehouseCode: string;
  delta: number;
  reason: string;
  actorUserId: string;
}

export interface Adjusted {
  adjustmentId: string;
  sku: string;
  warehouse: Warehouse;
  /** The warehouse's levels after the adjustment. */
  row: StockRow;
  /** The SKU's levels over all warehouses after it. */
  rows: StockRow[];
}

/**
 * Changes what is on hand of a SKU in a warehouse (a receipt, a count, damage), by an operator:
 * under the SKU's lock, it refuses to leave less on hand than is reserved there, writes the level
 * and the ledger (with the operator and the reason), and emits LowStock when it crosses the
 * threshold downwards.
 */
export async function adjustStock(deps: { db: Db; outbox: Outbox }, input: AdjustStockInput): Promise<Adjusted> {
  if (input.delta === 0) throw new ZeroDelta();
  return deps.db.tx(async (tx) => {
    const warehouse = await warehousesStore.byCode(tx, input.warehouseCode);
    if (!warehouse) throw new WarehouseNotFound(input.warehouseCode);
    const locked = await stockStore.lock(tx, [input.sku]);
    if (!locked.skus.has(input.sku)) throw new SkuNotFound(input.sku);
    let row = locked.rows.find((r) => r.warehouseId === warehouse.id);
    const current = row ?? { onHand: 0, reserved: 0 };
    if (current.onHand + input.delta < current.reserved) throw new BelowReserved({ onHand: current.onHand, reserved: current.reserved, delta: input.delta });
    if (!row) {
      await stockStore.ensureLevel(tx, input.sku, warehouse.id);
      row = { sku: input.sku, warehouseId: warehouse.id, priority: warehouse.priority, onHand: 0, reserved: 0 };
      locked.rows.push(row);
    }
    const adjustmentId = newId('adj');
    const rows = await changeStock(tx, deps.outbox, locked, [{ sku: input.sku, warehouseId: warehouse.id, onHandDelta: input.delta, reservedDelta: 0 }], {
      kind: 'adjustment',
      adjustmentId,
      reason: input.reason,
      actorUserId: input.actorUserId,
    });
    return { adjustmentId, sku: input.sku, warehouse, row: rows.find((r) => r.warehouseId === warehouse.id)!, rows };
  });
}

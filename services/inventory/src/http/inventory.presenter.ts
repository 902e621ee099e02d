import type { StockRow } from '../stock/allocation.js';
import type { Adjusted } from '../stock/adjust-stock.js';
import type { StockView } from '../stock/get-stock.js';
import type { StockListRow } from '../stock/stock-list.store.js';
import type { Movement } from '../stock/stock.store.js';
import type { Warehouse } from '../warehouses/warehouses.store.js';

const levels = (onHand: number, reserved: number) => ({ onHand, reserved, available: Math.max(0, onHand - reserved) });
const totals = (rows: readonly Pick<StockRow, 'onHand' | 'reserved'>[]) =>
  levels(
    rows.reduce((s, r) => s + r.onHand, 0),
    rows.reduce((s, r) => s + r.reserved, 0),
  );

export const presentMovement = (m: Movement) => ({
  id: String(m.id),
  warehouse: m.warehouseCode,
  kind: m.kind,
  onHandDelta: m.onHandDelta,
  reservedDelta: m.reservedDelta,
  orderId: m.orderId,
  adjustmentId: m.adjustmentId,
  reason: m.reason,
  actorUserId: m.actorUserId,
  eventId: m.eventId,
  createdAt: m.createdAt.toISOString(),
});

export const presentStock = (v: StockView) => ({
  sku: v.record.sku,
  productId: v.record.productId,
  threshold: v.record.threshold,
  discontinued: v.record.discontinued,
  ...totals(v.levels),
  warehouses: v.levels.map((l) => ({ code: l.code, name: l.name, priority: l.priority, ...levels(l.onHand, l.reserved) })),
  movements: v.movements.map(presentMovement),
});

export const presentAdjustment = (a: Adjusted) => ({
  adjustmentId: a.adjustmentId,
  sku: a.sku,
  warehouse: a.warehouse.code,
  ...levels(a.row.onHand, a.row.reserved),
  total: totals(a.rows),
});

export const presentWarehouse = (w: Warehouse) => ({
  id: w.id,
  code: w.code,
  name: w.name,
  priority: w.priority,
  isDefault: w.isDefault,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});

export const presentStockRow = (r: StockListRow) => ({
  sku: r.sku,
  productId: r.productId,
  threshold: r.threshold,
  discontinued: r.discontinued,
  low: r.onHand - r.reserved <= r.threshold,
  ...levels(r.onHand, r.reserved),
  warehouses: r.levels.map((l) => ({ code: l.code, name: l.name, ...levels(l.onHand, l.reserved) })),
});

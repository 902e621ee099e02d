import type { Logger, Outbox, Queryable } from '@mercato/chassis';
import { allocate, mergeLines, reservationChanges, type OrderLine } from '../stock/allocation.js';
import { changeStock } from '../stock/change-stock.js';
import { stockStore, type LockedStock } from '../stock/stock.store.js';
import { reservationsStore } from './reservations.store.js';

export interface ReserveOrderInput {
  orderId: string;
  lines: readonly OrderLine[];
  /** The event that asked, recorded in the ledger. */
  eventId?: string;
  ttlSeconds: number;
}

export type ReserveOutcome = 'reserved' | 'rejected' | 'duplicate';

const discontinuedOf = (locked: LockedStock) => new Set([...locked.skus.values()].filter((s) => s.discontinued).map((s) => s.sku));

/**
 * Reserves every line of an order, all or nothing, across warehouses by priority, in the
 * caller's transaction (the consumer's, with its inbox row): claims the order (a second request
 * for it, under any event id, changes nothing), locks the SKUs and their stock rows in a fixed
 * order, allocates, and writes the levels, the ledger (whose movements are the record of what the
 * order holds where) and StockReserved — or records the rejection and emits StockRejected with
 * the short lines.
 */
export async function reserveOrder(tx: Queryable, outbox: Outbox, logger: Logger, input: ReserveOrderInput): Promise<ReserveOutcome> {
  const expiresAt = new Date(Date.now() + input.ttlSeconds * 1000);
  const lines = mergeLines(input.lines);
  const claim = await reservationsStore.claimLockingStock(
    tx,
    input.orderId,
    expiresAt,
    lines.map((l) => l.sku),
  );
  if (!claim.claimed) {
    logger.info({ orderId: input.orderId }, 'order already handled; OrderPlaced changes nothing');
    return 'duplicate';
  }
  let locked = claim.locked;
  let result = allocate(lines, locked.rows, discontinuedOf(locked));
  if (!result.ok && locked.skus.size > 0) {
    // Before refusing, read the stock again under the locks now held: it may hold more.
    locked = { skus: locked.skus, rows: await stockStore.lockLevels(tx, [...locked.skus.values()]) };
    result = allocate(lines, locked.rows, discontinuedOf(locked));
  }
  if (!result.ok) {
    await reservationsStore.reject(tx, input.orderId, result.short);
    await outbox.emit(tx, 'StockRejected', { orderId: input.orderId, lines: result.short }, input.orderId);
    return 'rejected';
  }
  await changeStock(tx, outbox, locked, reservationChanges(result.lines), { kind: 'reservation', orderId: input.orderId, eventId: input.eventId });
  await outbox.emit(tx, 'StockReserved', { orderId: input.orderId, expiresAt: expiresAt.toISOString(), lines: result.lines }, input.orderId);
  return 'reserved';
}

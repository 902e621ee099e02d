import type { Logger, Outbox, Queryable } from '@mercato/chassis';
import { restockChanges } from '../stock/allocation.js';
import { changeStock } from '../stock/change-stock.js';
import { stockStore } from '../stock/stock.store.js';
import { reservationsStore, type Reservation } from './reservations.store.js';

export type RestockOutcome = 'restocked' | 'not_committed';

/**
 * Puts a committed reservation's stock back on hand, in the caller's transaction, for a
 * confirmed order cancelled before it shipped (the goods never left the warehouse): on hand grows
 * by what was committed, in the warehouses it was taken from, reserved stays; the ledger records
 * `restock` per stock row, and the reservation ends `restocked`, so a second cancellation (under
 * any event id) changes nothing. The caller holds the reservation locked.
 *
 * No event: StockReleased says that stock held for an order was let go, and StockCommitted
 * already told consumers nothing is held; more stock on hand is what an adjustment is too, and
 * that emits nothing either. LowStock only fires downwards, so a restock never raises it (it
 * re-arms the SKU when available climbs back above its threshold).
 */
export async function restockReservation(
  tx: Queryable,
  outbox: Outbox,
  logger: Logger,
  reservation: Reservation,
  input: { eventId?: string },
): Promise<RestockOutcome> {
  const orderId = reservation.orderId;
  if (reservation.status !== 'committed') {
    logger.info({ orderId, status: reservation.status }, 'reservation not committed; restock changes nothing');
    return 'not_committed';
  }
  const lines = await stockStore.committed(tx, orderId);
  if (lines.length > 0) {
    const locked = await stockStore.lock(
      tx,
      lines.map((l) => l.sku),
    );
    await changeStock(tx, outbox, locked, restockChanges(lines), { kind: 'restock', orderId, eventId: input.eventId });
  } else {
    // Nothing was committed (cannot happen through this service's own paths): close it all the same.
    logger.warn({ orderId }, 'committed reservation had no committed stock; marked restocked without a movement');
  }
  await reservationsStore.markRestocked(tx, orderId);
  logger.info({ orderId, lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) }, 'committed stock put back on hand for a cancelled order');
  return 'restocked';
}

import type { Logger, Outbox, Queryable } from '@mercato/chassis';
import { commitChanges } from '../stock/allocation.js';
import { changeStock } from '../stock/change-stock.js';
import { stockStore } from '../stock/stock.store.js';
import { reservationsStore } from './reservations.store.js';

export type CommitOutcome = 'committed' | 'already_committed' | 'nothing_held';

/**
 * Commits an order's reservation once it is paid, in the caller's transaction: on hand and
 * reserved both shrink by what was held (available is unchanged), the ledger records `commit`,
 * and StockCommitted is emitted. A second commit changes nothing, nor does one after the
 * committed stock was restocked (the order cancelled before shipping). An order whose reservation
 * was released or expired holds nothing to commit: that is logged loudly for an operator.
 */
export async function commitReservation(tx: Queryable, outbox: Outbox, logger: Logger, input: { orderId: string; eventId?: string }): Promise<CommitOutcome> {
  const reservation = await reservationsStore.lock(tx, input.orderId);
  // Restocked was committed first (then cancelled): a late redelivery of the confirmation.
  if (reservation?.status === 'committed' || reservation?.status === 'restocked') {
    logger.info({ orderId: input.orderId, status: reservation.status }, 'reservation already committed; commit changes nothing');
    return 'already_committed';
  }
  if (reservation?.status !== 'reserved') {
    logger.error(
      { orderId: input.orderId, status: reservation?.status ?? null },
      'order confirmed without stock held for it; nothing committed, the stock needs an operator',
    );
    return 'nothing_held';
  }
  const lines = await stockStore.held(tx, input.orderId);
  if (lines.length === 0) {
    // Nothing left to give back (cannot happen through this service's own paths): close it.
    await reservationsStore.close(tx, input.orderId, 'committed');
    logger.warn({ orderId: input.orderId }, 'open reservation held no stock; closed without an event');
    return 'committed';
  }
  const locked = await stockStore.lock(
    tx,
    lines.map((l) => l.sku),
  );
  await changeStock(tx, outbox, locked, commitChanges(lines), { kind: 'commit', orderId: input.orderId, eventId: input.eventId });
  await reservationsStore.close(tx, input.orderId, 'committed');
  await outbox.emit(
    tx,
    'StockCommitted',
    { orderId: input.orderId, lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) },
    input.orderId,
  );
  return 'committed';
}

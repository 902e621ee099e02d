import type { Logger, Outbox, Queryable } from '@mercato/chassis';
import { releaseChanges } from '../stock/allocation.js';
import { changeStock } from '../stock/change-stock.js';
import { stockStore } from '../stock/stock.store.js';
import { reservationsStore, type Reservation } from './reservations.store.js';
import { restockReservation } from './restock-reservation.js';

export type ReleaseReason = 'order_cancelled' | 'expired';
export type ReleaseOutcome = 'released' | 'restocked' | 'nothing_held' | 'already_closed' | 'refused_committed';

/**
 * Gives an order's held stock back, in the caller's transaction: the levels, the ledger
 * (`release` or `expiry`) and StockReleased. Only an open reservation is released: a second
 * release changes nothing. A cancelled order whose reservation was committed (confirmed, not yet
 * shipped) is restocked instead: what was committed goes back on hand (restock-reservation.ts).
 * A cancellation that arrives before the order was seen leaves a record, so a late OrderPlaced
 * reserves nothing.
 */
export async function releaseReservation(
  tx: Queryable,
  outbox: Outbox,
  logger: Logger,
  input: { orderId: string; reason: ReleaseReason; eventId?: string },
): Promise<ReleaseOutcome> {
  const reservation = await reservationsStore.lock(tx, input.orderId);
  if (!reservation) {
    if (input.reason === 'order_cancelled') await reservationsStore.tombstone(tx, input.orderId);
    logger.info({ orderId: input.orderId }, 'no reservation for the order; nothing to release');
    return 'nothing_held';
  }
  if (reservation.status === 'committed' && input.reason === 'order_cancelled') {
    await restockReservation(tx, outbox, logger, reservation, { eventId: input.eventId });
    return 'restocked';
  }
  return releaseLocked(tx, outbox, logger, reservation, input);
}

/**
 * Releases a reservation the caller holds locked (the sweeper claims its own). Committed stock
 * is never released here: expiry must not touch it, and a cancellation restocks it instead.
 */
export async function releaseLocked(
  tx: Queryable,
  outbox: Outbox,
  logger: Logger,
  reservation: Reservation,
  input: { reason: ReleaseReason; eventId?: string },
): Promise<ReleaseOutcome> {
  const orderId = reservation.orderId;
  if (reservation.status === 'committed') {
    logger.warn({ orderId, reason: input.reason }, 'release refused: the reservation is committed; stock left unchanged');
    return 'refused_committed';
  }
  if (reservation.status !== 'reserved') {
    logger.info({ orderId, status: reservation.status }, 'reservation already closed; release changes nothing');
    return 'already_closed';
  }
  const lines = await stockStore.held(tx, orderId);
  if (lines.length === 0) {
    // Nothing left to give back (cannot happen through this service's own paths): close it.
    await reservationsStore.close(tx, orderId, input.reason === 'expired' ? 'expired' : 'released');
    logger.warn({ orderId: orderId }, 'open reservation held no stock; closed without an event');
    return 'released';
  }
  const locked = await stockStore.lock(
    tx,
    lines.map((l) => l.sku),
  );
  await changeStock(tx, outbox, locked, releaseChanges(lines), {
    kind: input.reason === 'expired' ? 'expiry' : 'release',
    orderId,
    eventId: input.eventId,
  });
  await reservationsStore.close(tx, orderId, input.reason === 'expired' ? 'expired' : 'released');
  await outbox.emit(
    tx,
    'StockReleased',
    { orderId, reason: input.reason, lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) },
    orderId,
  );
  return 'released';
}

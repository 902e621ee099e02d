import type { Logger, Outbox, Queryable } from '@mercato/chassis';
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
  return (await commitReservations(tx, outbox, logger, [input]))[0]!;
}

/**
 * Commits the reservations of several orders (a run of confirmations delivered together) as
 * `commitReservation` does each, in one statement; outcomes in the order given. An order named
 * twice is committed once: the second is `already_committed`, as it would be delivered alone.
 */
export async function commitReservations(
  tx: Queryable,
  outbox: Outbox,
  logger: Logger,
  inputs: readonly { orderId: string; eventId?: string }[],
): Promise<CommitOutcome[]> {
  const distinct = new Map<string, string | null>();
  for (const i of inputs) if (!distinct.has(i.orderId)) distinct.set(i.orderId, i.eventId ?? null);
  const found = await reservationsStore.commitOpen(
    tx,
    [...distinct].map(([orderId, eventId]) => ({ orderId, eventId })),
  );
  const done = new Set<string>();
  const outcomes: CommitOutcome[] = [];
  for (const { orderId } of inputs) {
    const { status, lines } = found.get(orderId)!;
    const again = done.has(orderId);
    done.add(orderId);
    // Restocked was committed first (then cancelled): a late redelivery of the confirmation.
    if (again || status === 'committed' || status === 'restocked') {
      logger.info({ orderId, status: again ? 'committed' : status }, 'reservation already committed; commit changes nothing');
      outcomes.push('already_committed');
    } else if (status !== 'reserved') {
      logger.error({ orderId, status }, 'order confirmed without stock held for it; nothing committed, the stock needs an operator');
      outcomes.push('nothing_held');
    } else if (lines.length === 0) {
      // Nothing left to give back (cannot happen through this service's own paths): closed.
      logger.warn({ orderId }, 'open reservation held no stock; closed without an event');
      outcomes.push('committed');
    } else {
      await outbox.emit(tx, 'StockCommitted', { orderId, lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) }, orderId);
      outcomes.push('committed');
    }
  }
  return outcomes;
}

import { withBatch, type EventHandler } from '@mercato/chassis';
import { LastSeenStock } from '../reservations/last-seen-stock.js';
import { reserveOrder, reserveOrders } from '../reservations/reserve-order.js';

export const onOrderPlaced = (opts: { reservationTtlSeconds: number }): EventHandler<'OrderPlaced'> => {
  // This service's stock rows as it last saw them: an order alone in its transaction is reserved
  // in the statement that commits it when they tell what that statement will find.
  const seen = new LastSeenStock();
  return withBatch<'OrderPlaced'>(
    async (event, { tx, outbox, logger, metrics, endsTransaction }) => {
      const counter = metrics?.counter(
        'mercato_inventory_reservations_with_commit_total',
        'Orders alone in their transaction, by how they were reserved: in the statement that commits it (committed), refused by that statement then as usual (refused), or as usual without trying (not_tried: SKUs not seen yet, short, or a threshold to cross)',
        ['result'],
      );
      await reserveOrder(
        tx,
        outbox,
        logger,
        { orderId: event.data.orderId, lines: event.data.lines, eventId: event.id, ttlSeconds: opts.reservationTtlSeconds },
        { seen, endsTransaction: endsTransaction === true, ...(counter ? { onOutcome: (result) => counter.inc({ result }) } : {}) },
      );
    },
    // Orders delivered together: every order is claimed and every SKU of the run locked first, in
    // one sorted pass, so two runs that share SKUs queue behind each other instead of
    // deadlocking; then each order is allocated as on its own, in turn, and the run's
    // reservations are written in one statement and commit once.
    async (events, { tx, outbox, logger, endsTransaction }) => {
      await reserveOrders(
        tx,
        outbox,
        logger,
        events.map((event) => ({ orderId: event.data.orderId, lines: event.data.lines, eventId: event.id, ttlSeconds: opts.reservationTtlSeconds })),
        { endsTransaction: endsTransaction === true },
      );
    },
  );
};

import { withBatch, type EventHandler } from '@mercato/chassis';
import { LastSeenStock } from '../reservations/last-seen-stock.js';
import { reserveOrder, reserveOrders } from '../reservations/reserve-order.js';

export const onOrderPlaced = (opts: { reservationTtlSeconds: number }): EventHandler<'OrderPlaced'> => {
  // This service's stock rows as it last saw them: an order alone in its transaction is reserved
  // in the statement that commits it when they tell what that statement will find.
  const seen = new LastSeenStock();
  return withBatch<'OrderPlaced'>(
    async (event, { tx, outbox, logger, endsTransaction }) => {
      await reserveOrder(
        tx,
        outbox,
        logger,
        { orderId: event.data.orderId, lines: event.data.lines, eventId: event.id, ttlSeconds: opts.reservationTtlSeconds },
        { seen, endsTransaction: endsTransaction === true },
      );
    },
    // Orders delivered together: every order is claimed and every SKU of the run locked first, in
    // one sorted pass, so two runs that share SKUs queue behind each other instead of
    // deadlocking; then each order is allocated as on its own, in turn, and the run's
    // reservations are written in one statement and commit once.
    async (events, { tx, outbox, logger }) => {
      await reserveOrders(
        tx,
        outbox,
        logger,
        events.map((event) => ({ orderId: event.data.orderId, lines: event.data.lines, eventId: event.id, ttlSeconds: opts.reservationTtlSeconds })),
      );
    },
  );
};

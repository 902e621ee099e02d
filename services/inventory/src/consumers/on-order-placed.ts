import { withBatch, type EventHandler } from '@mercato/chassis';
import { reserveOrder, reserveOrders } from '../reservations/reserve-order.js';

export const onOrderPlaced = (opts: { reservationTtlSeconds: number }): EventHandler<'OrderPlaced'> =>
  withBatch<'OrderPlaced'>(
    async (event, { tx, outbox, logger }) => {
      await reserveOrder(tx, outbox, logger, { orderId: event.data.orderId, lines: event.data.lines, eventId: event.id, ttlSeconds: opts.reservationTtlSeconds });
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

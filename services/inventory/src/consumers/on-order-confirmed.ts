import { withBatch, type EventHandler } from '@mercato/chassis';
import { commitReservation, commitReservations } from '../reservations/commit-reservation.js';

/** A run of confirmations delivered together is committed in one statement (commitReservations). */
export const onOrderConfirmed: EventHandler<'OrderConfirmed'> = withBatch<'OrderConfirmed'>(
  async (event, { tx, outbox, logger }) => {
    await commitReservation(tx, outbox, logger, { orderId: event.data.orderId, eventId: event.id });
  },
  async (events, { tx, outbox, logger }) => {
    await commitReservations(
      tx,
      outbox,
      logger,
      events.map((e) => ({ orderId: e.data.orderId, eventId: e.id })),
    );
  },
);

import type { EventHandler } from '@mercato/chassis';
import { commitReservation } from '../reservations/commit-reservation.js';

export const onOrderConfirmed: EventHandler<'OrderConfirmed'> = async (event, { tx, outbox, logger }) => {
  await commitReservation(tx, outbox, logger, { orderId: event.data.orderId, eventId: event.id });
};

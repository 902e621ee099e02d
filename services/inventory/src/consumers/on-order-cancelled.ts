import type { EventHandler } from '@mercato/chassis';
import { releaseReservation } from '../reservations/release-reservation.js';

/**
 * `stockReserved` is the order's view; a reservation may exist that the order has not heard of
 * yet (a cancel racing StockReserved), so inventory's own record decides what is released.
 */
export const onOrderCancelled: EventHandler<'OrderCancelled'> = async (event, { tx, outbox, logger }) => {
  await releaseReservation(tx, outbox, logger, { orderId: event.data.orderId, reason: 'order_cancelled', eventId: event.id });
};

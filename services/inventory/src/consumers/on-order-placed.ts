import type { EventHandler } from '@mercato/chassis';
import { reserveOrder } from '../reservations/reserve-order.js';

export const onOrderPlaced =
  (opts: { reservationTtlSeconds: number }): EventHandler<'OrderPlaced'> =>
  async (event, { tx, outbox, logger }) => {
    await reserveOrder(tx, outbox, logger, { orderId: event.data.orderId, lines: event.data.lines, eventId: event.id, ttlSeconds: opts.reservationTtlSeconds });
  };

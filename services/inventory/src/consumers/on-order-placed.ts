import { withBatch, type EventHandler } from '@mercato/chassis';
import { reserveOrder } from '../reservations/reserve-order.js';
import { stockStore } from '../stock/stock.store.js';

export const onOrderPlaced = (opts: { reservationTtlSeconds: number }): EventHandler<'OrderPlaced'> =>
  withBatch<'OrderPlaced'>(
    async (event, { tx, outbox, logger }) => {
      await reserveOrder(tx, outbox, logger, { orderId: event.data.orderId, lines: event.data.lines, eventId: event.id, ttlSeconds: opts.reservationTtlSeconds });
    },
    // Orders delivered together: every SKU of every order is locked first, in one sorted pass,
    // so two runs that share SKUs queue behind each other instead of deadlocking; then each
    // order is reserved as on its own, under locks already held, and the run commits once.
    async (events, { tx, outbox, logger }) => {
      await stockStore.lock(tx, events.flatMap((e) => e.data.lines.map((l) => l.sku)));
      for (const event of events) {
        await reserveOrder(tx, outbox, logger, { orderId: event.data.orderId, lines: event.data.lines, eventId: event.id, ttlSeconds: opts.reservationTtlSeconds });
      }
    },
  );

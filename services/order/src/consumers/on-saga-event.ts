import { withBatch, type EventHandler, type HandlerContext } from '@mercato/chassis';
import type { TypedEnvelope } from '@mercato/contracts';
import type { Order } from '../orders/order.js';
import { ordersStore } from '../orders/orders.store.js';
import { react, type SagaContext, type SagaEvent } from '../saga/checkout-saga.js';

/**
 * A saga reaction as a consumer: the order is locked in the inbox transaction, then moved. A run
 * of events delivered together locks all its orders first, in id order (so concurrent runs never
 * deadlock), and commits once.
 */
export function sagaHandler<T extends SagaEvent>(opts: { paymentTimeoutSeconds: number }): EventHandler<T> {
  const orderOf = (e: TypedEnvelope<T>) => (e.data as { orderId: string }).orderId;
  const apply = async (events: Array<TypedEnvelope<T>>, { tx, outbox, logger, metrics }: HandlerContext) => {
    const orders = new Map<string, Order>(await ordersStore.lock(tx, events.map(orderOf)));
    const ctx: SagaContext = { tx, outbox, logger, metrics, paymentTimeoutSeconds: opts.paymentTimeoutSeconds };
    for (const event of events) {
      const order = orders.get(orderOf(event));
      if (!order) {
        logger.warn({ orderId: orderOf(event), event: event.type, eventId: event.id }, 'event for an order this service does not hold; ignored');
        continue;
      }
      orders.set(order.id, await react(ctx, order, event));
    }
  };
  return withBatch<T>((event, ctx) => apply([event], ctx), apply);
}

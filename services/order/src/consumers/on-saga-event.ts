import { withBatch, type EventHandler, type HandlerContext } from '@mercato/chassis';
import type { TypedEnvelope } from '@mercato/contracts';
import type { Order } from '../orders/order.js';
import { applyTransitions, type Decided } from '../orders/order-moves.js';
import { ordersStore } from '../orders/orders.store.js';
import { decideReaction, reacted, type SagaContext, type SagaEvent } from '../saga/checkout-saga.js';

/**
 * A saga reaction as a consumer: the order is locked in the inbox transaction, then moved. A run
 * of events delivered together locks all its orders first, in id order (so concurrent runs never
 * deadlock), decides each event's move on its order in turn, and writes the moves together (one
 * statement per shape of move, `applyTransitions`) — an order named again in the run has its
 * earlier move written first, so each event is decided on the order as the ones before it left
 * it — and commits once.
 */
export function sagaHandler<T extends SagaEvent>(opts: { paymentTimeoutSeconds: number }): EventHandler<T> {
  const orderOf = (e: TypedEnvelope<T>) => (e.data as { orderId: string }).orderId;
  const ignored = (logger: HandlerContext['logger'], event: TypedEnvelope<T>) =>
    logger.warn({ orderId: orderOf(event), event: event.type, eventId: event.id }, 'event for an order this service does not hold; ignored');
  const many = async (events: Array<TypedEnvelope<T>>, { tx, outbox, logger, metrics }: HandlerContext) => {
    const orders = new Map<string, Order>(await ordersStore.lock(tx, events.map(orderOf)));
    const ctx: SagaContext = { tx, outbox, logger, metrics, paymentTimeoutSeconds: opts.paymentTimeoutSeconds };
    let pending: Array<{ event: TypedEnvelope<T>; decided: Decided }> = [];
    const write = async () => {
      if (pending.length === 0) return;
      const written = pending;
      pending = [];
      const moved = await applyTransitions(tx, outbox, written.map((p) => p.decided));
      for (const { event, decided } of written) {
        orders.set(decided.from.id, moved.get(decided.from.id)!);
        reacted(ctx, decided.from, event, decided.t);
      }
    };
    for (const event of events) {
      const id = orderOf(event);
      if (!orders.has(id)) {
        ignored(logger, event);
        continue;
      }
      if (pending.some((p) => p.decided.from.id === id)) await write();
      const decided = decideReaction(ctx, orders.get(id)!, event);
      if (decided) pending.push({ event, decided });
    }
    await write();
  };
  // A single event is a run of one: the same lock, decision, statement and log.
  return withBatch<T>((event, ctx) => many([event], ctx), many);
}

import type { Logger, Outbox, Queryable, ServiceMetrics } from '@mercato/chassis';
import type { TypedEnvelope } from '@mercato/contracts';
import type { Order } from '../orders/order.js';
import { moveContext, moveOrder, type Decided } from '../orders/order-moves.js';
import { decide, EventTooEarly, PaidTwice, type OrderInput, type Transition } from '../orders/order-transitions.js';
import { ordersStore } from '../orders/orders.store.js';

/**
 * The checkout saga, orchestrated here (DESIGN.md): each reaction takes an order its caller
 * holds locked and the event that came for it, and hands it to the order's transitions
 * (`orders/order-transitions.ts`, where every rule lives), in the consumer's inbox transaction.
 * Events that no longer fit the order's state (late, duplicated under another id, overtaken by a
 * cancel) change nothing — except money: a capture the order cannot keep is always asked back.
 */

export interface SagaContext {
  tx: Queryable;
  outbox: Outbox;
  logger: Logger;
  /** How long an order may await payment (never past its stock reservation). */
  paymentTimeoutSeconds: number;
  metrics?: ServiceMetrics | undefined;
}

const CONFIRM_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900];

/** The events the saga reacts to. */
export type SagaEvent = 'StockReserved' | 'StockRejected' | 'PaymentSucceeded' | 'PaymentFailed' | 'PaymentActionRequired' | 'Refunded';

/** What each event is, to the order. */
export const sagaInput: { [T in SagaEvent]: (event: TypedEnvelope<T>, paymentTimeoutSeconds: number) => OrderInput } = {
  StockReserved: (e, paymentTimeoutSeconds) => ({ type: 'StockReserved', expiresAt: new Date(e.data.expiresAt), paymentTimeoutSeconds }),
  StockRejected: () => ({ type: 'StockRejected' }),
  PaymentSucceeded: (e) => ({ type: 'PaymentSucceeded', paymentId: e.data.paymentId, amount: e.data.amount }),
  PaymentFailed: () => ({ type: 'PaymentFailed' }),
  PaymentActionRequired: (e) => ({ type: 'PaymentActionRequired', nextActionUrl: e.data.nextActionUrl }),
  Refunded: (e) => ({ type: 'Refunded', refundRequestId: e.data.refundRequestId, totalRefunded: e.data.totalRefunded.amount, full: e.data.full }),
};

/**
 * The move one event of the saga makes on a locked order, decided and not yet written; undefined
 * (logged) when the event changes nothing. An event that came before the order can take it throws.
 */
export function decideReaction<T extends SagaEvent>(ctx: SagaContext, order: Order, event: TypedEnvelope<T>): Decided | undefined {
  const input = sagaInput[event.type as T](event, ctx.paymentTimeoutSeconds);
  const move = moveContext(`event:${event.type}:${event.id}`);
  const t = decide(order, input, move);
  if (t instanceof EventTooEarly) throw t;
  if (t instanceof Error) {
    const log = { orderId: order.id, status: order.status, event: event.type, eventId: event.id };
    if (t instanceof PaidTwice) ctx.logger.error({ ...log, paymentId: t.paymentId, kept: t.kept }, 'a second payment succeeded for one order; it needs an operator');
    ctx.logger.info(log, `${event.type} changes nothing: ${t.message}`);
    return undefined;
  }
  return { from: order, t, actor: move.actor };
}

/** What follows a reaction once written: its notes logged, the time to confirm observed. */
export function reacted<T extends SagaEvent>(ctx: SagaContext, order: Order, event: TypedEnvelope<T>, t: Transition): void {
  const log = { orderId: order.id, status: order.status, event: event.type, eventId: event.id };
  for (const note of t.notes) ctx.logger[note.level](log, note.message);
  if (t.move?.to === 'confirmed') {
    ctx.metrics
      ?.histogram('mercato_order_time_to_confirm_seconds', 'From checkout to the order confirmed (stock reserved and paid)', [], CONFIRM_BUCKETS)
      .observe((Date.now() - order.createdAt.getTime()) / 1000);
  }
}

/** Cancels orders whose payment deadline has passed, a claimed run at a time; answers how many. */
export async function cancelOverduePayments(ctx: SagaContext, limit: number): Promise<number> {
  const overdue = await ordersStore.claimOverdue(ctx.tx, limit);
  for (const order of overdue) {
    // Claimed `awaiting_payment` under lock: the move cannot be refused.
    await moveOrder(ctx.tx, ctx.outbox, order, { type: 'PaymentOverdue' }, moveContext('system:payment-timeout'));
  }
  return overdue.length;
}

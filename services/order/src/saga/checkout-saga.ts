import type { Logger, Outbox, Queryable, ServiceMetrics } from '@mercato/chassis';
import type { TypedEnvelope } from '@mercato/contracts';
import type { Order } from '../orders/order.js';
import { orderConfirmed, paymentRequested } from '../orders/order-events.js';
import { cancelOrder, requestRefund } from '../orders/order-moves.js';
import { canMove } from '../orders/order-states.js';
import { ordersStore } from '../orders/orders.store.js';

/**
 * The checkout saga, orchestrated here (DESIGN.md): each reaction takes an order its caller
 * holds locked and the event that came for it, moves the order per the state table and emits
 * what follows, in the consumer's inbox transaction. Events that no longer fit the order's
 * state (late, duplicated under another id, overtaken by a cancel) change nothing — except
 * money: a capture the order cannot keep is always asked back.
 *
 * pending ─StockReserved→ awaiting_payment ─PaymentSucceeded→ confirmed
 *    └─StockRejected→ cancelled: out_of_stock    ├─PaymentFailed→ cancelled: payment_declined
 *                                                └─deadline passed→ cancelled: payment_timeout
 * a capture after a cancellation → RefundRequested → Refunded (full) → refunded
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

/** The payment must succeed this long before the reservation expires, for clock skew and the trip. */
export const RESERVATION_MARGIN_MS = 30_000;

/** The events the saga reacts to. */
export type SagaEvent = 'StockReserved' | 'StockRejected' | 'PaymentSucceeded' | 'PaymentFailed' | 'PaymentActionRequired' | 'Refunded';

export type Reaction<T extends SagaEvent> = (
  ctx: SagaContext,
  order: Order,
  event: TypedEnvelope<T>,
) => Promise<Order>;

const actor = (event: { type: string; id: string }) => `event:${event.type}:${event.id}`;

function ignored(ctx: SagaContext, order: Order, event: { type: string; id: string }, why: string): Order {
  ctx.logger.info({ orderId: order.id, status: order.status, event: event.type, eventId: event.id }, `${event.type} changes nothing: ${why}`);
  return order;
}

export const onStockReserved: Reaction<'StockReserved'> = async (ctx, order, event) => {
  if (order.status !== 'pending') return ignored(ctx, order, event, 'the order is no longer pending');
  const now = Date.now();
  const deadline = Math.min(now + ctx.paymentTimeoutSeconds * 1000, Date.parse(event.data.expiresAt) - RESERVATION_MARGIN_MS);
  if (deadline <= now) {
    // The reservation is about to lapse (the event came late): no payment can be taken in time.
    return cancelOrder(ctx.tx, ctx.outbox, order, 'payment_timeout', { actor: actor(event), stockReserved: true });
  }
  const moved = await ordersStore.move(ctx.tx, order.id, 'pending', 'awaiting_payment', { payment_deadline: new Date(deadline) }, { reason: null, actor: actor(event) });
  await ctx.outbox.emit(ctx.tx, 'PaymentRequested', paymentRequested(moved!), order.id);
  return moved!;
};

export const onStockRejected: Reaction<'StockRejected'> = async (ctx, order, event) => {
  if (order.status !== 'pending') return ignored(ctx, order, event, 'the order is no longer pending');
  return cancelOrder(ctx.tx, ctx.outbox, order, 'out_of_stock', { actor: actor(event), stockReserved: false });
};

export const onPaymentSucceeded: Reaction<'PaymentSucceeded'> = async (ctx, order, event) => {
  const { paymentId, amount } = event.data;
  if (order.paymentId !== null) {
    if (order.paymentId !== paymentId) ctx.logger.error({ orderId: order.id, paymentId, kept: order.paymentId }, 'a second payment succeeded for one order; it needs an operator');
    return ignored(ctx, order, event, 'the payment is already recorded');
  }
  if (amount.currency !== order.currency || amount.amount !== order.totals.total) {
    ctx.logger.error({ orderId: order.id, paid: amount, total: order.totals.total }, 'the capture differs from the order total');
  }
  const paid = { payment_id: paymentId, paid_amount: amount.amount, next_action_url: null };
  if (order.status === 'awaiting_payment' && order.paymentDeadline !== null && Date.now() <= order.paymentDeadline.getTime()) {
    const moved = await ordersStore.move(ctx.tx, order.id, 'awaiting_payment', 'confirmed', { ...paid, confirmed_at: new Date() }, { reason: null, actor: actor(event) });
    await ctx.outbox.emit(ctx.tx, 'OrderConfirmed', orderConfirmed(moved!), order.id);
    ctx.metrics
      ?.histogram('mercato_order_time_to_confirm_seconds', 'From checkout to the order confirmed (stock reserved and paid)', [], CONFIRM_BUCKETS)
      .observe((Date.now() - order.createdAt.getTime()) / 1000);
    return moved!;
  }
  if (order.status === 'awaiting_payment') {
    // Past the deadline, the sweeper just has not come yet: the stock may be gone, so the
    // order cannot be kept; cancelling it asks the capture back.
    return cancelOrder(ctx.tx, ctx.outbox, order, 'payment_timeout', { actor: actor(event), stockReserved: true, change: paid });
  }
  // Cancelled before the money came (timeout, customer): record it, ask it back.
  const recorded = await ordersStore.patch(ctx.tx, order.id, paid);
  ctx.logger.warn({ orderId: order.id, status: order.status, paymentId }, 'payment succeeded for an order that cannot be confirmed; refunding it');
  return requestRefund(ctx.tx, ctx.outbox, recorded, amount.amount, `paid after the order was ${order.status}`, { actor: actor(event) });
};

export const onPaymentFailed: Reaction<'PaymentFailed'> = async (ctx, order, event) => {
  if (order.status !== 'awaiting_payment') return ignored(ctx, order, event, 'the order is not awaiting payment');
  return cancelOrder(ctx.tx, ctx.outbox, order, 'payment_declined', { actor: actor(event), stockReserved: true });
};

export const onPaymentActionRequired: Reaction<'PaymentActionRequired'> = async (ctx, order, event) => {
  if (order.status !== 'awaiting_payment') return ignored(ctx, order, event, 'the order is not awaiting payment');
  const patched = await ordersStore.patch(ctx.tx, order.id, { next_action_url: event.data.nextActionUrl });
  // A checkout waiting on it answers now: the customer has a step to take.
  await ordersStore.notifyWaiters(ctx.tx, order.id, patched.status);
  return patched;
};

/** Thrown for an event that came before the one it follows: the consumer retries it later. */
export class EventTooEarly extends Error {
  override name = 'EventTooEarly';
}

export const onRefunded: Reaction<'Refunded'> = async (ctx, order, event) => {
  const { refundRequestId, totalRefunded, full } = event.data;
  if (totalRefunded.amount > order.paidAmount) {
    // Payment refunds only what it captured, so the capture's event has not been handled yet.
    throw new EventTooEarly(`Refunded for ${order.id} came before its PaymentSucceeded`);
  }
  if (refundRequestId !== null) await ordersStore.markRefunded(ctx.tx, refundRequestId);
  const refunded_amount = Math.max(order.refundedAmount, totalRefunded.amount);
  if (full && canMove(order.status, 'refunded')) {
    return (await ordersStore.move(ctx.tx, order.id, order.status, 'refunded', { refunded_amount }, { reason: null, actor: actor(event) }))!;
  }
  return ordersStore.patch(ctx.tx, order.id, { refunded_amount });
};

/** Cancels orders whose payment deadline has passed, a claimed run at a time; answers how many. */
export async function cancelOverduePayments(ctx: SagaContext, limit: number): Promise<number> {
  const overdue = await ordersStore.claimOverdue(ctx.tx, limit);
  for (const order of overdue) {
    await cancelOrder(ctx.tx, ctx.outbox, order, 'payment_timeout', { actor: 'system:payment-timeout', stockReserved: true });
  }
  return overdue.length;
}

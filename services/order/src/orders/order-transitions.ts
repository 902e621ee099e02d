import { InvalidData } from '@mercato/chassis';
import type { EventData, Money } from '@mercato/contracts';
import type { Order } from './order.js';
import { orderCancelled, orderConfirmed, orderDelivered, orderShipped, paymentRequested, refundRequested } from './order-events.js';
import { canMove, isCancellable, type CancelReason, type OrderStatus } from './order-states.js';
import { IllegalTransition, RefundExceedsPayment } from './order.errors.js';

/**
 * What may happen to an order, and what each thing does to it: pure `(order, input) → {order,
 * changes, events}`, or the refusal. Every writer of an order — the saga's reactions, the
 * payment timeout, the customer's cancel, staff's ship, deliver and refund — decides here and
 * applies the answer with `applyTransition`, so no rule lives in a consumer, a job or a route.
 *
 * pending ─StockReserved→ awaiting_payment ─PaymentSucceeded→ confirmed ─Ship→ shipped ─Deliver→ delivered
 *    └─StockRejected→ cancelled: out_of_stock    ├─PaymentFailed→ cancelled: payment_declined
 *                                                └─deadline passed→ cancelled: payment_timeout
 * a capture the order cannot keep → RefundRequested → Refunded (full) → refunded
 */

export type OrderInput =
  | { type: 'StockReserved'; expiresAt: Date; paymentTimeoutSeconds: number }
  | { type: 'StockRejected' }
  | { type: 'PaymentSucceeded'; paymentId: string; amount: Money }
  | { type: 'PaymentFailed' }
  | { type: 'PaymentActionRequired'; nextActionUrl: string }
  | { type: 'Refunded'; refundRequestId: string | null; totalRefunded: number; full: boolean }
  /** The payment timeout's sweep found the order past its payment deadline. */
  | { type: 'PaymentOverdue' }
  /** The customer (or staff for them) cancels. */
  | { type: 'Cancel' }
  | { type: 'Ship'; carrier: string; trackingNumber: string }
  | { type: 'Deliver' }
  /** Staff give back part of the capture (`amount`) or all that is left. */
  | { type: 'Refund'; amount?: Money; reason?: string };

/** Who acts, when, and the id a refund request made by this move takes. */
export interface MoveContext {
  at: Date;
  actor: string;
  refundRequestId: string;
}

/** The fields a move may change beside the status. */
export type OrderChanges = Partial<
  Pick<
    Order,
    | 'status'
    | 'cancelReason'
    | 'paymentDeadline'
    | 'paymentId'
    | 'nextActionUrl'
    | 'paidAmount'
    | 'refundRequested'
    | 'refundedAmount'
    | 'carrier'
    | 'trackingNumber'
    | 'confirmedAt'
    | 'shippedAt'
    | 'deliveredAt'
    | 'cancelledAt'
  >
>;

export type OrderEvent = { [T in OrderEventType]: { type: T; data: EventData<T> } }[OrderEventType];
type OrderEventType = 'PaymentRequested' | 'OrderConfirmed' | 'OrderCancelled' | 'OrderShipped' | 'OrderDelivered' | 'RefundRequested';

export interface Transition {
  /** The order after the move. */
  order: Order;
  changes: OrderChanges;
  /** The history row: set when the status changes. */
  move: { from: OrderStatus; to: OrderStatus; reason: string | null } | null;
  events: OrderEvent[];
  /** A refund this move asks payment for (recorded with the order). */
  refund: { id: string; amount: number; reason: string } | null;
  /** The refund request that payment reports done. */
  refundDone: string | null;
  /** Wake the checkouts waiting on the order though it has not settled (its customer has a step to take). */
  wakeWaiters: boolean;
  /** What an operator should hear of (the move is still right). */
  notes: Note[];
}

export interface Note {
  level: 'warn' | 'error';
  message: string;
}

/** A second, different payment succeeded for a paid order: refused, and one for an operator. */
export class PaidTwice extends IllegalTransition {
  constructor(
    status: OrderStatus,
    readonly kept: string,
    readonly paymentId: string,
  ) {
    super('paid twice', status);
  }
}

/** Thrown (by the consumer) for an event that came before the one it follows: it is retried later. */
export class EventTooEarly extends Error {
  override name = 'EventTooEarly';
}

export type Refusal = IllegalTransition | PaidTwice | RefundExceedsPayment | InvalidData | EventTooEarly;

/** The payment must succeed this long before the reservation expires, for clock skew and the trip. */
export const RESERVATION_MARGIN_MS = 30_000;

/** What `input` does to `order`, or why it may not. Pure: no I/O, no clock but `ctx.at`. */
export function decide(order: Order, input: OrderInput, ctx: MoveContext): Transition | Refusal {
  const t = new Draft(order, ctx);
  switch (input.type) {
    case 'StockReserved': {
      if (order.status !== 'pending') return new IllegalTransition('moved to awaiting_payment', order.status);
      const now = ctx.at.getTime();
      const deadline = Math.min(now + input.paymentTimeoutSeconds * 1000, input.expiresAt.getTime() - RESERVATION_MARGIN_MS);
      // The reservation is about to lapse (the event came late): no payment can be taken in time.
      if (deadline <= now) return t.cancel('payment_timeout', true).done();
      t.moveTo('awaiting_payment', { paymentDeadline: new Date(deadline) });
      return t.emit({ type: 'PaymentRequested', data: paymentRequested(t.order) }).done();
    }
    case 'StockRejected':
      if (order.status !== 'pending') return new IllegalTransition('cancelled for want of stock', order.status);
      return t.cancel('out_of_stock', false).done();
    case 'PaymentSucceeded': {
      if (order.paymentId !== null) {
        return order.paymentId === input.paymentId ? new IllegalTransition('paid again', order.status) : new PaidTwice(order.status, order.paymentId, input.paymentId);
      }
      if (input.amount.currency !== order.currency || input.amount.amount !== order.totals.total) {
        t.note('error', `the capture (${input.amount.amount} ${input.amount.currency}) differs from the order total (${order.totals.total} ${order.currency})`);
      }
      const paid: OrderChanges = { paymentId: input.paymentId, paidAmount: input.amount.amount, nextActionUrl: null };
      if (order.status === 'awaiting_payment' && order.paymentDeadline !== null && ctx.at.getTime() <= order.paymentDeadline.getTime()) {
        t.moveTo('confirmed', { ...paid, confirmedAt: ctx.at });
        return t.emit({ type: 'OrderConfirmed', data: orderConfirmed(t.order) }).done();
      }
      // Past the deadline, the sweeper just has not come yet: the stock may be gone, so the
      // order cannot be kept; cancelling it asks the capture back.
      if (order.status === 'awaiting_payment') return t.set(paid).cancel('payment_timeout', true).done();
      // Cancelled before the money came (timeout, customer): record it, ask it back.
      t.note('warn', `payment succeeded for an order that is ${order.status}; refunding it`);
      return t.set(paid).askRefund(input.amount.amount, `paid after the order was ${order.status}`).done();
    }
    case 'PaymentFailed':
      if (order.status !== 'awaiting_payment') return new IllegalTransition('declined', order.status);
      return t.cancel('payment_declined', true).done();
    case 'PaymentActionRequired':
      if (order.status !== 'awaiting_payment') return new IllegalTransition('given a payment step', order.status);
      t.set({ nextActionUrl: input.nextActionUrl });
      t.wakeWaiters = true;
      return t.done();
    case 'Refunded': {
      // Payment refunds only what it captured, so the capture's event has not been handled yet.
      if (input.totalRefunded > order.paidAmount) return new EventTooEarly(`Refunded for ${order.id} came before its PaymentSucceeded`);
      t.refundDone = input.refundRequestId;
      const refunded: OrderChanges = { refundedAmount: Math.max(order.refundedAmount, input.totalRefunded) };
      if (input.full && canMove(order.status, 'refunded')) t.moveTo('refunded', refunded);
      else t.set(refunded);
      return t.done();
    }
    case 'PaymentOverdue':
      if (order.status !== 'awaiting_payment') return new IllegalTransition('cancelled for a payment timeout', order.status);
      return t.cancel('payment_timeout', true).done();
    case 'Cancel':
      if (!isCancellable(order.status)) return new IllegalTransition('cancelled', order.status);
      return t.cancel('customer', order.status !== 'pending').done();
    case 'Ship':
      if (!canMove(order.status, 'shipped')) return new IllegalTransition('shipped', order.status);
      t.moveTo('shipped', { carrier: input.carrier, trackingNumber: input.trackingNumber, shippedAt: ctx.at });
      return t.emit({ type: 'OrderShipped', data: orderShipped(t.order) }).done();
    case 'Deliver':
      if (!canMove(order.status, 'delivered')) return new IllegalTransition('delivered', order.status);
      t.moveTo('delivered', { deliveredAt: ctx.at });
      return t.emit({ type: 'OrderDelivered', data: orderDelivered(t.order) }).done();
    case 'Refund': {
      const refundable = order.paidAmount - order.refundRequested;
      if (!canMove(order.status, 'refunded') || refundable <= 0) return new IllegalTransition('refunded', order.status);
      if (input.amount && input.amount.currency !== order.currency) {
        return new InvalidData(`The order is in ${order.currency}`, [{ pointer: '/amount/currency', message: `must be the order's currency, ${order.currency}` }]);
      }
      const amount = input.amount?.amount ?? refundable;
      if (amount > refundable) return new RefundExceedsPayment(amount, refundable, order.currency);
      return t.askRefund(amount, input.reason ?? 'refund by staff').done();
    }
  }
}

/** A transition being built: each step keeps `order`, `changes` and `events` in agreement. */
class Draft implements Transition {
  order: Order;
  changes: OrderChanges = {};
  move: Transition['move'] = null;
  events: OrderEvent[] = [];
  refund: Transition['refund'] = null;
  refundDone: string | null = null;
  wakeWaiters = false;
  notes: Note[] = [];

  constructor(
    private readonly from: Order,
    private readonly ctx: MoveContext,
  ) {
    this.order = from;
  }

  set(changes: OrderChanges): this {
    this.changes = { ...this.changes, ...changes };
    this.order = { ...this.order, ...changes };
    return this;
  }

  moveTo(to: OrderStatus, changes: OrderChanges, reason: string | null = null): this {
    // The table is the last word: no rule above may take a move it does not list.
    if (!canMove(this.from.status, to)) throw new Error(`order rule error: ${this.from.status} → ${to} is not in the table`);
    this.move = { from: this.from.status, to, reason };
    return this.set({ ...changes, status: to });
  }

  emit(event: OrderEvent): this {
    this.events.push(event);
    return this;
  }

  /** Cancels; `stockReserved` tells inventory whether to expect held stock. Anything captured is asked back. */
  cancel(reason: CancelReason, stockReserved: boolean): this {
    this.moveTo('cancelled', { cancelReason: reason, cancelledAt: this.ctx.at }, reason);
    this.emit({ type: 'OrderCancelled', data: orderCancelled(this.order, reason, stockReserved) });
    const owed = this.order.paidAmount - this.order.refundRequested;
    return owed > 0 ? this.askRefund(owed, `order cancelled (${reason})`) : this;
  }

  askRefund(amount: number, reason: string): this {
    this.refund = { id: this.ctx.refundRequestId, amount, reason };
    this.set({ refundRequested: this.order.refundRequested + amount });
    return this.emit({ type: 'RefundRequested', data: refundRequested(this.order, this.refund.id, amount, reason) });
  }

  note(level: Note['level'], message: string): this {
    this.notes.push({ level, message });
    return this;
  }

  done(): Transition {
    const { order, changes, move, events, refund, refundDone, wakeWaiters, notes } = this;
    return { order, changes, move, events, refund, refundDone, wakeWaiters, notes };
  }
}

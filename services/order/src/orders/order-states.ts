/**
 * The order state machine. The checkout creates orders `pending`; the saga (StockReserved,
 * payment outcomes, the payment timeout) and staff (ship, deliver, refund) move them on; the
 * customer may cancel before shipping. Every move not in this table is refused.
 */
export const ORDER_STATUSES = ['pending', 'awaiting_payment', 'confirmed', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const CANCEL_REASONS = ['out_of_stock', 'payment_declined', 'payment_timeout', 'customer'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['awaiting_payment', 'cancelled'],
  awaiting_payment: ['confirmed', 'cancelled'],
  // cancelled before shipping: the stock goes back, the payment is refunded
  confirmed: ['shipped', 'cancelled', 'refunded'],
  shipped: ['delivered', 'refunded'],
  delivered: ['refunded'],
  // a cancelled order that was charged (cancelled after payment, or paid late) ends refunded
  cancelled: ['refunded'],
  refunded: [],
};

/**
 * Settled: the checkout's outcome is known (`Prefer: wait` stops here). Shipped and delivered
 * come only after confirmed, so they count too.
 */
export function isSettled(status: OrderStatus): boolean {
  return status !== 'pending' && status !== 'awaiting_payment';
}

/** Whether the customer (or staff for them) may still cancel: not once it has shipped. */
export function isCancellable(status: OrderStatus): boolean {
  return canMove(status, 'cancelled');
}

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

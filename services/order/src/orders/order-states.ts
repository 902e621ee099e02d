/**
 * The order state machine. The checkout creates orders `pending`; the saga (to come) moves them
 * on. Every move not in this table is refused.
 */
export const ORDER_STATUSES = ['pending', 'awaiting_payment', 'confirmed', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const CANCEL_REASONS = ['out_of_stock', 'payment_declined', 'payment_timeout', 'customer'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['awaiting_payment', 'cancelled'],
  awaiting_payment: ['confirmed', 'cancelled'],
  confirmed: ['shipped', 'cancelled', 'refunded'],
  shipped: ['delivered', 'refunded'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

/**
 * Settled: the checkout's outcome is known (`Prefer: wait` stops here). Shipped and delivered
 * come only after confirmed, so they count too.
 */
export function isSettled(status: OrderStatus): boolean {
  return status !== 'pending' && status !== 'awaiting_payment';
}

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

import type { EventData } from '@mercato/contracts';
import type { Order } from './order.js';
import type { CancelReason } from './order-states.js';

/** The payloads of the events an order emits, built from the order as it is after the move. */

const money = (o: Pick<Order, 'currency'>, amount: number) => ({ amount, currency: o.currency });
const lines = (o: Pick<Order, 'currency' | 'lines'>) =>
  o.lines.map((l) => ({ sku: l.sku, productId: l.productId, variantId: l.variantId, title: l.title, quantity: l.quantity, unitPrice: money(o, l.unitPrice) }));

/** A guest order's access token goes to its confirmation email only, through this event. */
export const orderPlaced = (o: Pick<Order, 'id' | 'userId' | 'email' | 'lines' | 'currency' | 'totals'>, accessToken: string | null): EventData<'OrderPlaced'> => ({
  orderId: o.id,
  userId: o.userId,
  email: o.email,
  lines: lines(o),
  total: money(o, o.totals.total),
  accessToken,
});

export const paymentRequested = (o: Order): EventData<'PaymentRequested'> => ({
  orderId: o.id,
  userId: o.userId,
  email: o.email,
  amount: money(o, o.totals.total),
  provider: o.payment.provider,
  paymentMethod: o.payment.paymentMethod,
});

export const orderConfirmed = (o: Order): EventData<'OrderConfirmed'> => ({
  orderId: o.id,
  userId: o.userId,
  email: o.email,
  lines: lines(o),
  total: money(o, o.totals.total),
  paymentId: o.paymentId!,
});

export const orderCancelled = (o: Order, reason: CancelReason, stockReserved: boolean): EventData<'OrderCancelled'> => ({
  orderId: o.id,
  userId: o.userId,
  email: o.email,
  reason,
  lines: lines(o),
  stockReserved,
});

export const orderShipped = (o: Order): EventData<'OrderShipped'> => ({
  orderId: o.id,
  userId: o.userId,
  email: o.email,
  carrier: o.carrier!,
  trackingNumber: o.trackingNumber!,
  shippedAt: o.shippedAt!.toISOString(),
});

export const orderDelivered = (o: Order): EventData<'OrderDelivered'> => ({
  orderId: o.id,
  userId: o.userId,
  deliveredAt: o.deliveredAt!.toISOString(),
  lines: o.lines.map((l) => ({ productId: l.productId, sku: l.sku })),
});

export const refundRequested = (o: Order, refundRequestId: string, amount: number, reason: string): EventData<'RefundRequested'> => ({
  orderId: o.id,
  refundRequestId,
  amount: money(o, amount),
  reason,
});

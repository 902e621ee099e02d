import type { CheckoutAnswer } from '../orders/place-order.js';
import type { HistoryEntry, Order } from '../orders/order.js';
import type { CheckoutState } from '../orders/orders.store.js';

/** The checkout's answer: the stored answer, with the order's state now. */
export function presentCheckout(a: CheckoutAnswer, state: CheckoutState) {
  const money = (amount: number) => ({ amount, currency: a.currency });
  return {
    orderId: a.orderId,
    status: state.status,
    nextActionUrl: state.nextActionUrl,
    accessToken: a.accessToken,
    totals: { subtotal: money(a.totals.subtotal), shipping: money(a.totals.shipping), tax: money(a.totals.tax), total: money(a.totals.total) },
  };
}

/** An order as its reader sees it: no payment method reference; the history when it was read. */
export function presentOrder(o: Order & { history?: HistoryEntry[] }) {
  const money = (amount: number) => ({ amount, currency: o.currency });
  return {
    id: o.id,
    status: o.status,
    cancelReason: o.cancelReason,
    email: o.email,
    currency: o.currency,
    items: o.lines.map((l) => ({
      sku: l.sku,
      productId: l.productId,
      variantId: l.variantId,
      title: l.title,
      slug: l.slug,
      quantity: l.quantity,
      unitPrice: money(l.unitPrice),
      lineTotal: money(l.lineTotal),
    })),
    shippingAddress: o.shippingAddress,
    billingAddress: o.billingAddress,
    totals: {
      subtotal: money(o.totals.subtotal),
      shipping: money(o.totals.shipping),
      tax: money(o.totals.tax),
      total: money(o.totals.total),
      taxRate: o.totals.taxRate,
      pricesIncludeTax: o.totals.pricesIncludeTax,
    },
    payment: {
      provider: o.payment.provider,
      paymentId: o.paymentId,
      nextActionUrl: o.nextActionUrl,
      deadline: o.paymentDeadline?.toISOString() ?? null,
      paid: money(o.paidAmount),
      refunded: money(o.refundedAmount),
      refundPending: money(o.refundRequested - Math.min(o.refundRequested, o.refundedAmount)),
    },
    shipment: o.carrier === null ? null : { carrier: o.carrier, trackingNumber: o.trackingNumber!, shippedAt: o.shippedAt!.toISOString(), deliveredAt: o.deliveredAt?.toISOString() ?? null },
    confirmedAt: o.confirmedAt?.toISOString() ?? null,
    cancelledAt: o.cancelledAt?.toISOString() ?? null,
    ...(o.history ? { history: o.history.map((h) => ({ from: h.from, to: h.to, reason: h.reason, at: h.at.toISOString() })) } : {}),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

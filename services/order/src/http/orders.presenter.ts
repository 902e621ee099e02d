import type { CheckoutAnswer } from '../orders/place-order.js';
import type { HistoryEntry, Order } from '../orders/order.js';
import type { OrderStats } from '../orders/order-stats.js';
import type { CheckoutState, RefundRecord } from '../orders/orders.store.js';

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

/** Where the order's money stands, from what the order itself recorded. */
export function paymentStatus(o: Order): 'unpaid' | 'action_required' | 'paid' | 'partially_refunded' | 'refunded' {
  if (o.paidAmount === 0) return o.status === 'awaiting_payment' && o.nextActionUrl !== null ? 'action_required' : 'unpaid';
  if (o.refundedAmount === 0) return 'paid';
  return o.refundedAmount < o.paidAmount ? 'partially_refunded' : 'refunded';
}

/**
 * An order as its reader sees it: no payment method reference; the history when it was read.
 * Staff (`staffView`) also see who made each move and the refunds asked for.
 */
export function presentOrder(o: Order & { history?: HistoryEntry[]; refunds?: RefundRecord[]; staffView?: boolean }) {
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
      status: paymentStatus(o),
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
    ...(o.history
      ? { history: o.history.map((h) => ({ from: h.from, to: h.to, reason: h.reason, ...(o.staffView ? { actor: h.actor } : {}), at: h.at.toISOString() })) }
      : {}),
    ...(o.refunds
      ? {
          refunds: o.refunds.map((r) => ({
            id: r.id,
            amount: money(r.amount),
            reason: r.reason,
            status: r.status,
            requestedBy: r.requestedBy,
            requestedAt: r.requestedAt.toISOString(),
            refundedAt: r.refundedAt?.toISOString() ?? null,
          })),
        }
      : {}),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** The dashboard's figures: money as `{ amount, currency }`. */
export function presentStats(s: OrderStats) {
  return {
    from: s.from,
    to: s.to,
    interval: s.interval,
    timeZone: s.timeZone,
    asOf: s.asOf?.toISOString() ?? null,
    orders: s.orders,
    confirmedOrders: s.confirmedOrders,
    conversionRate: s.conversionRate,
    byStatus: s.byStatus,
    currencies: s.currencies.map((c) => {
      const money = (amount: number) => ({ amount, currency: c.currency });
      return {
        currency: c.currency,
        orders: c.orders,
        confirmedOrders: c.confirmedOrders,
        conversionRate: c.conversionRate,
        revenue: money(c.revenue),
        refunded: money(c.refunded),
        netRevenue: money(c.revenue - c.refunded),
        averageOrderValue: c.averageOrderValue === null ? null : money(c.averageOrderValue),
        series: c.series.map((p) => ({ start: p.start, orders: p.orders, confirmedOrders: p.confirmedOrders, revenue: money(p.revenue), refunded: money(p.refunded) })),
      };
    }),
  };
}

import type { CheckoutAnswer } from '../orders/place-order.js';
import type { Order } from '../orders/order.js';
import type { OrderStatus } from '../orders/order-states.js';

/** The checkout's answer: the stored answer, with the order's status now. */
export function presentCheckout(a: CheckoutAnswer, status: OrderStatus) {
  const money = (amount: number) => ({ amount, currency: a.currency });
  return {
    orderId: a.orderId,
    status,
    accessToken: a.accessToken,
    totals: { subtotal: money(a.totals.subtotal), shipping: money(a.totals.shipping), tax: money(a.totals.tax), total: money(a.totals.total) },
  };
}

/** An order as its reader sees it: no internal ids, no payment method reference. */
export function presentOrder(o: Order) {
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
    payment: { provider: o.payment.provider },
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

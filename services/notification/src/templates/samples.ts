import type { EmailKind } from './templates.js';
import { lineViews, orderCancelledView, orderLink } from './order-templates.js';
import { paymentFailedView, refundedView } from './payment-templates.js';

/** Believable values for each template, for the staff preview. */
export function sampleView(kind: EmailKind, publicUrl: string): Record<string, unknown> {
  const orderId = 'ord_01JSAMPLE0000000000000000';
  const link = orderLink(publicUrl, orderId, null);
  const lines = [
    { sku: 'SHRT-0001-BLU-M', title: 'Blue Linen Shirt', quantity: 1, unitPrice: { amount: 4999, currency: 'USD' } },
    { sku: 'MUG-0002', title: 'Stoneware Mug', quantity: 2, unitPrice: { amount: 1250, currency: 'USD' } },
  ];
  const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
  switch (kind) {
    case 'welcome':
      return { name: 'Ann Example', shopUrl: publicUrl };
    case 'email_verification':
      return { name: 'Ann Example', link: `${publicUrl}/account/verify?token=sample`, expiresAt };
    case 'password_reset':
      return { name: 'Ann Example', link: `${publicUrl}/account/reset?token=sample`, expiresAt };
    case 'password_changed':
      return { name: 'Ann Example', via: 'change', changedAt: new Date().toISOString(), link: `${publicUrl}/account/forgot` };
    case 'order_confirmed':
      return { orderId, link, lines: lineViews(lines), total: '74.99 USD' };
    case 'order_shipped':
      return { orderId, link, carrier: 'DHL', trackingNumber: 'JD014600003SE', shippedAt: new Date().toISOString() };
    case 'order_delivered':
      return { orderId, link, deliveredAt: new Date().toISOString(), reviewLinks: [{ title: 'Blue Linen Shirt', url: `${publicUrl}/products/blue-linen-shirt#write-review` }] };
    case 'order_cancelled':
      return orderCancelledView({ orderId, reason: 'out_of_stock', lines, link, shopUrl: publicUrl });
    case 'payment_failed':
      return paymentFailedView({ orderId, code: 'card_declined', message: 'Your card has insufficient funds.', shopUrl: publicUrl });
    case 'refunded':
      return refundedView({ orderId, amount: { amount: 2500, currency: 'USD' }, totalRefunded: { amount: 2500, currency: 'USD' }, full: false, link });
    case 'back_in_stock':
      return { name: 'Ann', sku: 'SHRT-0001-BLU-M', title: 'Blue Linen Shirt', link: `${publicUrl}/products/blue-linen-shirt` };
    case 'abandoned_cart':
      return { name: 'Ann', count: 3, lines: lineViews(lines).map((l) => ({ title: l.title, quantity: l.quantity, unitPrice: l.unitPrice })), link: `${publicUrl}/cart` };
    case 'low_stock':
      return { sku: 'SHRT-0001-BLU-M', available: 3, threshold: 5, link: `${publicUrl}/admin/inventory/SHRT-0001-BLU-M` };
  }
}

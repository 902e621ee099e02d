import type { EventHandler } from '@mercato/chassis';
import { notify, type NotifyContext } from '../messages/notify.js';
import { orderLinkFor, requireOrderContact } from '../orders/order-contacts.js';

/** The order arrived: a last word, with links to review what was in it (signed-in buyers). */
export function onOrderDelivered(ctx: NotifyContext): EventHandler<'OrderDelivered'> {
  return async (event, { tx }) => {
    const { orderId, userId, deliveredAt, lines } = event.data;
    const contact = await requireOrderContact(tx, orderId, event.type);
    const link = await orderLinkFor(tx, ctx.publicUrl, orderId, userId, event.type);
    const products = [...new Map(lines.map((l) => [l.productId, l])).values()];
    const reviewLinks = userId === null ? [] : products.map((l) => ({ title: l.sku, url: `${ctx.publicUrl}/products/${encodeURIComponent(l.productId)}#write-review` }));
    await notify(tx, ctx, { eventId: event.id, kind: 'order_delivered', userId, email: contact.email, orderId, view: { orderId, deliveredAt, link, reviewLinks } });
  };
}

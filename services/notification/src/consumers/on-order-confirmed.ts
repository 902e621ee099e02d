import type { EventHandler } from '@mercato/chassis';
import { notify, type NotifyContext } from '../messages/notify.js';
import { orderLinkFor } from '../orders/order-contacts.js';
import { orderConfirmedView } from '../templates/order-templates.js';

export function onOrderConfirmed(ctx: NotifyContext): EventHandler<'OrderConfirmed'> {
  return async (event, { tx }) => {
    const { orderId, userId, email, lines, total } = event.data;
    const link = await orderLinkFor(tx, ctx.publicUrl, orderId, userId, event.type);
    await notify(tx, ctx, { eventId: event.id, kind: 'order_confirmed', userId, email, orderId, view: orderConfirmedView({ orderId, lines, total, link }) });
  };
}

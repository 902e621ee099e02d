import type { EventHandler } from '@mercato/chassis';
import { notify, type NotifyContext } from '../messages/notify.js';
import { orderLinkFor } from '../orders/order-contacts.js';

export function onOrderShipped(ctx: NotifyContext): EventHandler<'OrderShipped'> {
  return async (event, { tx }) => {
    const { orderId, userId, email, carrier, trackingNumber, shippedAt } = event.data;
    const link = await orderLinkFor(tx, ctx.publicUrl, orderId, userId, event.type);
    await notify(tx, ctx, { eventId: event.id, kind: 'order_shipped', userId, email, orderId, view: { orderId, carrier, trackingNumber, shippedAt, link } });
  };
}

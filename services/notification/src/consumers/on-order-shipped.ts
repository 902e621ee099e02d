import type { EventHandler } from '@mercato/chassis';
import { queueMessage } from '../messages/queue-message.js';
import { orderLinkFor } from '../orders/order-contacts.js';
import { renderOrderShipped } from '../templates/order-templates.js';

export function onOrderShipped(publicUrl: string): EventHandler<'OrderShipped'> {
  return async (event, { tx }) => {
    const { orderId, userId, email, carrier, trackingNumber, shippedAt } = event.data;
    const link = await orderLinkFor(tx, publicUrl, orderId, userId, event.type);
    await queueMessage(tx, event.id, 'order_shipped', email, renderOrderShipped({ orderId, carrier, trackingNumber, shippedAt, link }));
  };
}

import type { EventHandler } from '@mercato/chassis';
import { queueMessage } from '../messages/queue-message.js';
import { orderLinkFor } from '../orders/order-contacts.js';
import { renderOrderConfirmed } from '../templates/order-templates.js';

export function onOrderConfirmed(publicUrl: string): EventHandler<'OrderConfirmed'> {
  return async (event, { tx }) => {
    const { orderId, userId, email, lines, total } = event.data;
    const link = await orderLinkFor(tx, publicUrl, orderId, userId, event.type);
    await queueMessage(tx, event.id, 'order_confirmed', email, renderOrderConfirmed({ orderId, lines, total, link }));
  };
}

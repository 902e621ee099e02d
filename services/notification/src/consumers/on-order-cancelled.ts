import type { EventHandler } from '@mercato/chassis';
import { queueMessage } from '../messages/queue-message.js';
import { findOrderContact } from '../orders/order-contacts.store.js';
import { orderLink, renderOrderCancelled } from '../templates/order-templates.js';

export function onOrderCancelled(publicUrl: string): EventHandler<'OrderCancelled'> {
  return async (event, { tx, logger }) => {
    const { orderId, userId, email, reason, lines } = event.data;
    if (reason === 'payment_declined') {
      // The PaymentFailed email already told the customer: one email per declined payment.
      logger.debug({ orderId }, 'order cancelled after a declined payment; the payment-failed email covers it');
      return;
    }
    // The link is a convenience here, so a guest order whose token is not known yet goes without
    // it rather than holding the cancellation back.
    const contact = userId === null ? await findOrderContact(tx, orderId) : undefined;
    const link = userId !== null ? orderLink(publicUrl, orderId, null) : contact?.accessToken ? orderLink(publicUrl, orderId, contact.accessToken) : undefined;
    await queueMessage(tx, event.id, 'order_cancelled', email, renderOrderCancelled({ orderId, reason, lines, link, shopUrl: publicUrl }));
  };
}

import type { EventHandler } from '@mercato/chassis';
import { queueMessage } from '../messages/queue-message.js';
import { requireOrderContact } from '../orders/order-contacts.js';
import { renderPaymentFailed } from '../templates/payment-templates.js';

/** The one email about a declined payment (the OrderCancelled that follows sends none). */
export function onPaymentFailed(publicUrl: string): EventHandler<'PaymentFailed'> {
  return async (event, { tx }) => {
    const { orderId, code, message } = event.data;
    const contact = await requireOrderContact(tx, orderId, event.type);
    await queueMessage(tx, event.id, 'payment_failed', contact.email, renderPaymentFailed({ orderId, code, message, shopUrl: publicUrl }));
  };
}

import type { EventHandler } from '@mercato/chassis';
import { queueMessage } from '../messages/queue-message.js';
import { requireOrderContact } from '../orders/order-contacts.js';
import { orderLink } from '../templates/order-templates.js';
import { renderRefunded } from '../templates/payment-templates.js';

export function onRefunded(publicUrl: string): EventHandler<'Refunded'> {
  return async (event, { tx }) => {
    const { orderId, amount, totalRefunded, full } = event.data;
    const contact = await requireOrderContact(tx, orderId, event.type);
    const link = orderLink(publicUrl, orderId, contact.accessToken);
    await queueMessage(tx, event.id, 'refunded', contact.email, renderRefunded({ orderId, amount, totalRefunded, full, link }));
  };
}

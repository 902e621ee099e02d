import type { EventHandler } from '@mercato/chassis';
import { notify, type NotifyContext } from '../messages/notify.js';
import { requireOrderContact } from '../orders/order-contacts.js';
import { orderLink } from '../templates/order-templates.js';
import { refundedView } from '../templates/payment-templates.js';

export function onRefunded(ctx: NotifyContext): EventHandler<'Refunded'> {
  return async (event, { tx }) => {
    const { orderId, amount, totalRefunded, full } = event.data;
    const contact = await requireOrderContact(tx, orderId, event.type);
    const link = orderLink(ctx.publicUrl, orderId, contact.accessToken);
    await notify(tx, ctx, { eventId: event.id, kind: 'refunded', userId: contact.userId, email: contact.email, orderId, view: refundedView({ orderId, amount, totalRefunded, full, link }) });
  };
}

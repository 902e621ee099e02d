import type { EventHandler } from '@mercato/chassis';
import { notify, type NotifyContext } from '../messages/notify.js';
import { requireOrderContact } from '../orders/order-contacts.js';
import { paymentFailedView } from '../templates/payment-templates.js';

/** The one email about a declined payment (the OrderCancelled that follows sends none). */
export function onPaymentFailed(ctx: NotifyContext): EventHandler<'PaymentFailed'> {
  return async (event, { tx }) => {
    const { orderId, code, message } = event.data;
    const contact = await requireOrderContact(tx, orderId, event.type);
    await notify(tx, ctx, {
      eventId: event.id,
      kind: 'payment_failed',
      userId: contact.userId,
      email: contact.email,
      orderId,
      view: paymentFailedView({ orderId, code, message, shopUrl: ctx.publicUrl }),
    });
  };
}

import type { EventHandler } from '@mercato/chassis';
import { notify, type NotifyContext } from '../messages/notify.js';
import { findOrderContact } from '../orders/order-contacts.store.js';
import { orderCancelledView, orderLink } from '../templates/order-templates.js';

export function onOrderCancelled(ctx: NotifyContext): EventHandler<'OrderCancelled'> {
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
    const link = userId !== null ? orderLink(ctx.publicUrl, orderId, null) : contact?.accessToken ? orderLink(ctx.publicUrl, orderId, contact.accessToken) : undefined;
    await notify(tx, ctx, { eventId: event.id, kind: 'order_cancelled', userId, email, orderId, view: orderCancelledView({ orderId, reason, lines, link, shopUrl: ctx.publicUrl }) });
  };
}

import { withBatch, type EventHandler, type HandlerContext } from '@mercato/chassis';
import type { TypedEnvelope } from '@mercato/contracts';
import { notify, type NotifyContext } from '../messages/notify.js';
import { orderLinkFor } from '../orders/order-contacts.js';
import { findOrderContacts, type OrderContact } from '../orders/order-contacts.store.js';
import { orderConfirmedView } from '../templates/order-templates.js';

/**
 * The confirmation. A run of confirmations delivered together is queued in one transaction, the
 * guest orders' contacts (for their links) read in one statement first.
 */
export function onOrderConfirmed(ctx: NotifyContext): EventHandler<'OrderConfirmed'> {
  const confirm = async (event: TypedEnvelope<'OrderConfirmed'>, { tx }: HandlerContext, known?: ReadonlyMap<string, OrderContact>) => {
    const { orderId, userId, email, lines, total } = event.data;
    const link = await orderLinkFor(tx, ctx.publicUrl, orderId, userId, event.type, known);
    await notify(tx, ctx, { eventId: event.id, kind: 'order_confirmed', userId, email, orderId, view: orderConfirmedView({ orderId, lines, total, link }) });
  };
  return withBatch<'OrderConfirmed'>(
    (event, hctx) => confirm(event, hctx),
    async (events, hctx) => {
      const known = await findOrderContacts(hctx.tx, events.filter((e) => e.data.userId === null).map((e) => e.data.orderId));
      for (const event of events) await confirm(event, hctx, known);
    },
  );
}

import { withBatch, type EventHandler, type Queryable } from '@mercato/chassis';
import type { TypedEnvelope } from '@mercato/contracts';
import { notify, notifyMany, type NotifyContext, type NotifyRequest } from '../messages/notify.js';
import { orderLinkFor } from '../orders/order-contacts.js';
import { findOrderContacts, type OrderContact } from '../orders/order-contacts.store.js';
import { orderConfirmedView } from '../templates/order-templates.js';

/**
 * The confirmation. A run of confirmations delivered together is queued in one transaction: the
 * guest orders' contacts (for their links) read in one statement first, the messages written
 * under their caps in one pair of statements for the run.
 */
export function onOrderConfirmed(ctx: NotifyContext): EventHandler<'OrderConfirmed'> {
  const request = async (tx: Queryable, event: TypedEnvelope<'OrderConfirmed'>, known?: ReadonlyMap<string, OrderContact>): Promise<NotifyRequest> => {
    const { orderId, userId, email, lines, total } = event.data;
    const link = await orderLinkFor(tx, ctx.publicUrl, orderId, userId, event.type, known);
    return { eventId: event.id, kind: 'order_confirmed', userId, email, orderId, view: orderConfirmedView({ orderId, lines, total, link }) };
  };
  return withBatch<'OrderConfirmed'>(
    async (event, { tx }) => {
      await notify(tx, ctx, await request(tx, event));
    },
    async (events, { tx }) => {
      const known = await findOrderContacts(tx, events.filter((e) => e.data.userId === null).map((e) => e.data.orderId));
      const requests: NotifyRequest[] = [];
      for (const event of events) requests.push(await request(tx, event, known));
      await notifyMany(tx, ctx, requests);
    },
  );
}

import { formatMinor } from '@mercato/contracts';
import type { EventHandler } from '@mercato/chassis';
import { contactsStore } from '../contacts/contacts.store.js';
import { notify, type NotifyContext } from '../messages/notify.js';

/** A reminder of a cart left behind (marketing: only to customers who opted in), once per cart. */
export function onCartAbandoned(ctx: NotifyContext): EventHandler<'CartAbandoned'> {
  return async (event, { tx }) => {
    const { cartId, userId, lines } = event.data;
    const contact = await contactsStore.get(tx, userId);
    if (!contact) return;
    const view = {
      name: contact.name,
      count: lines.reduce((n, l) => n + l.quantity, 0),
      lines: lines.map((l) => ({ title: l.title, quantity: l.quantity, unitPrice: l.unitPrice ? `${formatMinor(l.unitPrice.amount, l.unitPrice.currency)} ${l.unitPrice.currency}` : null })),
      link: `${ctx.publicUrl}/cart`,
    };
    // Keyed by the cart (and when it last changed), not the event: a second event about the same
    // abandonment, from another replica or a redelivery, queues nothing.
    await notify(tx, ctx, { eventId: event.id, key: `cart:${cartId}:${event.data.lastChangedAt}`, kind: 'abandoned_cart', userId, contact, view });
  };
}

import type { EventHandler } from '@mercato/chassis';
import { contactsStore } from '../contacts/contacts.store.js';
import { notify, type NotifyContext } from '../messages/notify.js';

/** A new account: how to reach its owner, and the welcome email. */
export function onUserRegistered(ctx: NotifyContext): EventHandler<'UserRegistered'> {
  return async (event, { tx }) => {
    const { userId, email, name, roles } = event.data;
    await contactsStore.upsert(tx, { userId, email, name, roles }, event.occurredAt);
    const contact = { userId, email, name, phone: null, locale: null, timeZone: null, roles };
    await notify(tx, ctx, { eventId: event.id, kind: 'welcome', userId, email, contact, view: { name, shopUrl: ctx.publicUrl } });
  };
}

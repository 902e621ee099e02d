import type { EventHandler } from '@mercato/chassis';
import { contactsStore } from '../contacts/contacts.store.js';
import { anonymiseMessages } from '../messages/message.store.js';
import { eraseOrderContacts } from '../orders/order-contacts.store.js';
import { preferencesStore } from '../preferences/preferences.store.js';
import { pushSubscriptionsStore } from '../push/push-subscriptions.store.js';
import { stockSubscriptionsStore } from '../stock/stock-subscriptions.store.js';

/** A profile change: the contact follows (version 2 carries phone, language and time zone). */
export const onUserUpdated: EventHandler<'UserUpdated'> = async (event, { tx }) => {
  const d = event.data;
  const contact = 'phone' in d ? { phone: d.phone, locale: d.locale, timeZone: d.timeZone } : {};
  await contactsStore.upsert(tx, { userId: d.userId, email: d.email, name: d.name, ...contact }, event.occurredAt);
};

/** Staff roles decide who hears about low stock. */
export const onRolesChanged: EventHandler<'RolesChanged'> = async (event, { tx }) => {
  await contactsStore.setRoles(tx, event.data.userId, event.data.roles);
};

/**
 * Erasure (GDPR): the contact, choices, browsers and stock wishes go; the delivery log keeps
 * that messages went, without address or content.
 */
export const onUserDeleted: EventHandler<'UserDeleted'> = async (event, { tx }) => {
  const { userId } = event.data;
  await contactsStore.erase(tx, userId);
  await preferencesStore.erase(tx, userId);
  await pushSubscriptionsStore.erase(tx, userId);
  await stockSubscriptionsStore.erase(tx, userId);
  await anonymiseMessages(tx, userId);
  await eraseOrderContacts(tx, userId);
};

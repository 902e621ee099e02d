import type { Queryable } from '@mercato/chassis';
import { orderLink } from '../templates/order-templates.js';
import { OrderContactUnknown } from './order-contact.errors.js';
import { findOrderContact, type OrderContact } from './order-contacts.store.js';

/** The order's contact, or OrderContactUnknown (retried later) while its OrderPlaced is not recorded. */
export async function requireOrderContact(tx: Queryable, orderId: string, eventType: string, known?: ReadonlyMap<string, OrderContact>): Promise<OrderContact> {
  const contact = known?.get(orderId) ?? (await findOrderContact(tx, orderId));
  if (!contact) throw new OrderContactUnknown(orderId, eventType);
  return contact;
}

/**
 * The link to an order for an event that names its buyer (`userId`, null for a guest). A
 * signed-in buyer's link needs nothing more; a guest's needs the access token from OrderPlaced,
 * so it waits (retried later) until that is recorded. A guest order recorded without a token
 * gets the plain link. `known`: contacts already read (a run of events), looked up first.
 */
export async function orderLinkFor(
  tx: Queryable,
  publicUrl: string,
  orderId: string,
  userId: string | null,
  eventType: string,
  known?: ReadonlyMap<string, OrderContact>,
): Promise<string> {
  if (userId !== null) return orderLink(publicUrl, orderId, null);
  const contact = await requireOrderContact(tx, orderId, eventType, known);
  return orderLink(publicUrl, orderId, contact.accessToken);
}

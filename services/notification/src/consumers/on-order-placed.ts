import { withBatch, type EventHandler } from '@mercato/chassis';
import type { TypedEnvelope } from '@mercato/contracts';
import { recordOrderContacts, type OrderContact } from '../orders/order-contacts.store.js';

function contactOf(event: TypedEnvelope<'OrderPlaced'>): OrderContact {
  const { orderId, userId, email, total, accessToken } = event.data;
  return { orderId, userId, email, accessToken: accessToken ?? null, currency: total.currency, placedAt: new Date(event.occurredAt) };
}

/**
 * Sends nothing: records who to write to about the order (and a guest's link token) for the
 * later events that carry no address. Orders placed together are recorded in one insert.
 */
export const onOrderPlaced: EventHandler<'OrderPlaced'> = withBatch<'OrderPlaced'>(
  async (event, { tx }) => recordOrderContacts(tx, [contactOf(event)]),
  async (events, { tx }) => recordOrderContacts(tx, events.map(contactOf)),
);

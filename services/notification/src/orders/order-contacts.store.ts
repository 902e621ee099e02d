import { prepared, type Queryable } from '@mercato/chassis';

// The only file that runs SQL on the order_contacts table.

/** Who to write to about an order, from its OrderPlaced event. */
export interface OrderContact {
  orderId: string;
  userId: string | null;
  email: string;
  /** A guest order's access token, for its links; null for a signed-in buyer. */
  accessToken: string | null;
  currency: string;
  placedAt: Date;
}

interface OrderContactRow {
  order_id: string;
  user_id: string | null;
  email: string;
  access_token: string | null;
  currency: string;
  placed_at: Date;
  [key: string]: unknown;
}

/**
 * Records the contacts of placed orders, in one statement. The first record of an order wins:
 * a redelivered OrderPlaced (or a second event for the same order) changes nothing.
 */
export async function recordOrderContacts(q: Queryable, contacts: readonly OrderContact[]): Promise<void> {
  if (contacts.length === 0) return;
  await prepared(
    q,
    'notification_record_order_contacts',
    `INSERT INTO order_contacts (order_id, user_id, email, access_token, currency, placed_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
     ON CONFLICT (order_id) DO NOTHING`,
    [
      contacts.map((c) => c.orderId),
      contacts.map((c) => c.userId),
      contacts.map((c) => c.email),
      contacts.map((c) => c.accessToken),
      contacts.map((c) => c.currency),
      contacts.map((c) => c.placedAt.toISOString()),
    ],
  );
}

/** The contacts of these orders that are recorded, by order id (one read for a run of events). */
export async function findOrderContacts(q: Queryable, orderIds: readonly string[]): Promise<Map<string, OrderContact>> {
  if (orderIds.length === 0) return new Map();
  const r = await prepared<OrderContactRow>(
    q,
    'notification_find_order_contacts',
    `SELECT order_id, user_id, email, access_token, currency, placed_at FROM order_contacts WHERE order_id = ANY($1::text[])`,
    [[...new Set(orderIds)]],
  );
  return new Map(r.rows.map((row) => [row.order_id, toContact(row)]));
}

const toContact = (row: OrderContactRow): OrderContact => ({
  orderId: row.order_id,
  userId: row.user_id,
  email: row.email,
  accessToken: row.access_token,
  currency: row.currency,
  placedAt: row.placed_at,
});

export async function findOrderContact(q: Queryable, orderId: string): Promise<OrderContact | undefined> {
  const r = await prepared<OrderContactRow>(
    q,
    'notification_find_order_contact',
    `SELECT order_id, user_id, email, access_token, currency, placed_at FROM order_contacts WHERE order_id = $1`,
    [orderId],
  );
  const row = r.rows[0];
  return row ? toContact(row) : undefined;
}

/** Erasure: a customer's orders keep their row (later events find it) without the address or link token. */
export async function eraseOrderContacts(q: Queryable, userId: string): Promise<void> {
  await q.query(`UPDATE order_contacts SET email = '', access_token = NULL WHERE user_id = $1`, [userId]);
}

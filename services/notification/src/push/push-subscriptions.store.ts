import type { Queryable } from '@mercato/chassis';

// The only file that runs SQL on push_subscriptions.

export interface PushSubscription {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  createdAt: Date;
}

interface Row extends Record<string, unknown> {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: Date;
}

const toSub = (r: Row): PushSubscription => ({ id: r.id, userId: r.user_id, endpoint: r.endpoint, p256dh: r.p256dh, auth: r.auth, createdAt: r.created_at });
const COLUMNS = 'id, user_id, endpoint, p256dh, auth, created_at';

export const pushSubscriptionsStore = {
  /** Saves a browser's subscription; the same endpoint again (a re-subscribe) takes the new keys and owner. */
  async save(q: Queryable, s: { id: string; userId: string; endpoint: string; p256dh: string; auth: string }): Promise<PushSubscription> {
    const r = await q.query<Row>(
      `INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth
       RETURNING ${COLUMNS}`,
      [s.id, s.userId, s.endpoint, s.p256dh, s.auth],
    );
    return toSub(r.rows[0]!);
  },

  async ofUser(q: Queryable, userId: string): Promise<PushSubscription[]> {
    const r = await q.query<Row>(`SELECT ${COLUMNS} FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at LIMIT 20`, [userId]);
    return r.rows.map(toSub);
  },

  async get(q: Queryable, id: string): Promise<PushSubscription | undefined> {
    const r = await q.query<Row>(`SELECT ${COLUMNS} FROM push_subscriptions WHERE id = $1`, [id]);
    return r.rows[0] && toSub(r.rows[0]);
  },

  async delete(q: Queryable, id: string, userId?: string): Promise<boolean> {
    const r = await q.query('DELETE FROM push_subscriptions WHERE id = $1 AND ($2::text IS NULL OR user_id = $2)', [id, userId ?? null]);
    return (r.rowCount ?? 0) > 0;
  },

  /** A customer's browser unsubscribing, named by its endpoint. */
  async deleteByEndpoint(q: Queryable, endpoint: string, userId: string): Promise<boolean> {
    const r = await q.query('DELETE FROM push_subscriptions WHERE endpoint = $1 AND user_id = $2', [endpoint, userId]);
    return (r.rowCount ?? 0) > 0;
  },

  async erase(q: Queryable, userId: string): Promise<void> {
    await q.query('DELETE FROM push_subscriptions WHERE user_id = $1', [userId]);
  },
};

import type { Queryable } from '@mercato/chassis';

// The only file that runs SQL on stock_subscriptions.

export interface StockSubscription {
  id: string;
  userId: string;
  sku: string;
  createdAt: Date;
  notifiedAt: Date | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  user_id: string;
  sku: string;
  created_at: Date;
  notified_at: Date | null;
}

const toSub = (r: Row): StockSubscription => ({ id: r.id, userId: r.user_id, sku: r.sku, createdAt: r.created_at, notifiedAt: r.notified_at });

export const stockSubscriptionsStore = {
  /** A customer's open wish for a SKU; asking twice keeps the first. */
  async open(q: Queryable, s: { id: string; userId: string; sku: string }): Promise<StockSubscription> {
    await q.query(
      `INSERT INTO stock_subscriptions (id, user_id, sku) VALUES ($1, $2, $3) ON CONFLICT (user_id, sku) WHERE notified_at IS NULL DO NOTHING`,
      [s.id, s.userId, s.sku],
    );
    const r = await q.query<Row>('SELECT * FROM stock_subscriptions WHERE user_id = $1 AND sku = $2 AND notified_at IS NULL', [s.userId, s.sku]);
    return toSub(r.rows[0]!);
  },

  async ofUser(q: Queryable, userId: string): Promise<StockSubscription[]> {
    const r = await q.query<Row>('SELECT * FROM stock_subscriptions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 200', [userId]);
    return r.rows.map(toSub);
  },

  /** Withdraws the customer's open wish for a SKU. */
  async cancel(q: Queryable, sku: string, userId: string): Promise<boolean> {
    const r = await q.query('DELETE FROM stock_subscriptions WHERE sku = $1 AND user_id = $2 AND notified_at IS NULL', [sku, userId]);
    return (r.rowCount ?? 0) > 0;
  },

  /**
   * Takes every open wish for the SKU and marks it answered, in the caller's transaction: each
   * subscriber is told once, whatever the redeliveries or later crossings.
   */
  async claimWaiting(q: Queryable, sku: string): Promise<StockSubscription[]> {
    const r = await q.query<Row>(
      `UPDATE stock_subscriptions SET notified_at = now()
        WHERE id IN (SELECT id FROM stock_subscriptions WHERE sku = $1 AND notified_at IS NULL FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [sku],
    );
    return r.rows.map(toSub);
  },

  async erase(q: Queryable, userId: string): Promise<void> {
    await q.query('DELETE FROM stock_subscriptions WHERE user_id = $1', [userId]);
  },
};

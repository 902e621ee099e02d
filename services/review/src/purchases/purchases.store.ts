import type { Queryable } from '@mercato/chassis';

// The only file that runs SQL on purchases (delivered order lines by user and product).

export const purchasesStore = {
  /** Records delivered products of a user; the first delivery of each product is kept. */
  async record(q: Queryable, p: { userId: string; orderId: string; productIds: readonly string[]; deliveredAt: string }): Promise<void> {
    await q.query(
      `INSERT INTO purchases (user_id, product_id, order_id, delivered_at)
       SELECT $1, unnest($2::text[]), $3, $4 ON CONFLICT DO NOTHING`,
      [p.userId, [...new Set(p.productIds)], p.orderId, p.deliveredAt],
    );
  },

  async has(q: Queryable, userId: string, productId: string): Promise<boolean> {
    const r = await q.query('SELECT 1 FROM purchases WHERE user_id = $1 AND product_id = $2', [userId, productId]);
    return (r.rowCount ?? 0) > 0;
  },

  async erase(q: Queryable, userId: string): Promise<void> {
    await q.query('DELETE FROM purchases WHERE user_id = $1', [userId]);
  },
};

import type { Queryable } from '@mercato/chassis';
import { emptySummary, type Summary } from './summary.js';

// The only file that runs SQL on review_summaries.

interface SummaryRow extends Record<string, unknown> {
  product_id: string;
  count: number;
  average: string;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
}

const toSummary = (r: SummaryRow): Summary => ({
  productId: r.product_id,
  count: r.count,
  average: Number(r.average),
  distribution: { 1: r.r1, 2: r.r2, 3: r.r3, 4: r.r4, 5: r.r5 },
});

export const summariesStore = {
  /**
   * Takes the product's summary row lock: every write that can change a product's published set
   * takes it before recomputing, so recomputations of one product run one after another.
   */
  async lock(q: Queryable, productId: string): Promise<void> {
    await q.query('INSERT INTO review_summaries (product_id) VALUES ($1) ON CONFLICT DO NOTHING', [productId]);
    await q.query('SELECT 1 FROM review_summaries WHERE product_id = $1 FOR UPDATE', [productId]);
  },

  /**
   * Recomputes the summary from the published reviews, in one statement run after the lock
   * (so under READ COMMITTED it sees every earlier writer's commit); answers it when it changed.
   */
  async recompute(q: Queryable, productId: string): Promise<Summary | undefined> {
    const r = await q.query<SummaryRow>(
      `WITH s AS (
         SELECT count(*)::int AS count, coalesce(round(avg(rating), 1), 0)::numeric(2, 1) AS average,
                count(*) FILTER (WHERE rating = 1)::int AS r1, count(*) FILTER (WHERE rating = 2)::int AS r2,
                count(*) FILTER (WHERE rating = 3)::int AS r3, count(*) FILTER (WHERE rating = 4)::int AS r4,
                count(*) FILTER (WHERE rating = 5)::int AS r5
           FROM reviews WHERE product_id = $1 AND status = 'published'
       )
       UPDATE review_summaries t SET count = s.count, average = s.average, r1 = s.r1, r2 = s.r2, r3 = s.r3, r4 = s.r4, r5 = s.r5, updated_at = now()
         FROM s
        WHERE t.product_id = $1 AND (t.count, t.average, t.r1, t.r2, t.r3, t.r4, t.r5) IS DISTINCT FROM (s.count, s.average, s.r1, s.r2, s.r3, s.r4, s.r5)
       RETURNING t.product_id, t.count, t.average::text AS average, t.r1, t.r2, t.r3, t.r4, t.r5`,
      [productId],
    );
    return r.rows[0] && toSummary(r.rows[0]);
  },

  async get(q: Queryable, productId: string): Promise<Summary> {
    const r = await q.query<SummaryRow>(
      'SELECT product_id, count, average::text AS average, r1, r2, r3, r4, r5 FROM review_summaries WHERE product_id = $1',
      [productId],
    );
    return r.rows[0] ? toSummary(r.rows[0]) : emptySummary(productId);
  },
};

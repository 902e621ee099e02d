import type { Queryable } from '@mercato/chassis';
import type { ModerationRule } from '../moderation/moderate.js';
import type { ReviewSort } from './cursor.js';
import type { Review } from './review.js';
import type { ReviewStatus } from './review-states.js';

// The only file that runs SQL on reviews, review_votes and review_reports.

interface ReviewRow extends Record<string, unknown> {
  id: string;
  product_id: string;
  user_id: string | null;
  author_name: string | null;
  rating: number;
  title: string;
  body: string;
  pros: string | null;
  cons: string | null;
  status: ReviewStatus;
  moderation_rule: ModerationRule | null;
  moderation_reason: string | null;
  verified_purchase: boolean;
  helpful_count: number;
  report_count: number;
  reply_body: string | null;
  reply_by: string | null;
  replied_at: Date | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  published_us: number | null;
}

// The author's current name comes from the projection; a seeded or erased review keeps its own.
const COLUMNS = `r.id, r.product_id, r.user_id, coalesce(a.name, r.author_name) AS author_name, r.rating, r.title, r.body, r.pros, r.cons,
  r.status, r.moderation_rule, r.moderation_reason, r.verified_purchase, r.helpful_count, r.report_count,
  r.reply_body, r.reply_by, r.replied_at, r.created_at, r.updated_at, r.published_at,
  (extract(epoch FROM r.published_at) * 1000000)::int8 AS published_us`;
const FROM = 'reviews r LEFT JOIN authors a ON a.user_id = r.user_id';

const toReview = (r: ReviewRow): Review => ({
  id: r.id,
  productId: r.product_id,
  userId: r.user_id,
  authorName: r.author_name,
  rating: r.rating,
  title: r.title,
  body: r.body,
  pros: r.pros,
  cons: r.cons,
  status: r.status,
  moderationRule: r.moderation_rule,
  moderationReason: r.moderation_reason,
  verifiedPurchase: r.verified_purchase,
  helpfulCount: r.helpful_count,
  reportCount: r.report_count,
  reply: r.reply_body !== null && r.reply_by !== null && r.replied_at !== null ? { body: r.reply_body, by: r.reply_by, at: r.replied_at } : null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
  publishedUs: r.published_us,
});

export interface NewReview {
  id: string;
  productId: string;
  userId: string | null;
  authorName: string | null;
  rating: number;
  title: string;
  body: string;
  pros: string | null;
  cons: string | null;
  bodyDigest: string;
  status: 'published' | 'pending';
  moderationRule: ModerationRule | null;
  moderationReason: string | null;
  verifiedPurchase: boolean;
  demoKey?: string;
  createdAt?: Date;
}

export interface ListFilter {
  productId: string;
  rating?: number;
  sort: ReviewSort;
  after?: { keys: number[]; id: string };
  limit: number;
}

const ts = (p: string) => `(timestamptz 'epoch' + ${p}::int8 * interval '1 microsecond')`;

export const reviewsStore = {
  /** Inserts a review; false when one with the same demo key exists (a seed run again). */
  async insert(q: Queryable, r: NewReview): Promise<boolean> {
    const res = await q.query(
      `INSERT INTO reviews (id, product_id, user_id, author_name, rating, title, body, pros, cons, body_digest, status,
                            moderation_rule, moderation_reason, verified_purchase, demo_key, created_at, updated_at, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, coalesce($16, now()), coalesce($16, now()),
               CASE WHEN $11 = 'published' THEN coalesce($16, now()) END)
       ON CONFLICT (demo_key) DO NOTHING`,
      [r.id, r.productId, r.userId, r.authorName, r.rating, r.title, r.body, r.pros, r.cons, r.bodyDigest, r.status,
        r.moderationRule, r.moderationReason, r.verifiedPurchase, r.demoKey ?? null, r.createdAt?.toISOString() ?? null],
    );
    return res.rowCount === 1;
  },

  async byId(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<Review | undefined> {
    const r = await q.query<ReviewRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1${opts.forUpdate ? ' FOR UPDATE OF r' : ''}`, [id]);
    return r.rows[0] && toReview(r.rows[0]);
  },

  async byAuthor(q: Queryable, userId: string, productId: string): Promise<Review | undefined> {
    const r = await q.query<ReviewRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.user_id = $1 AND r.product_id = $2`, [userId, productId]);
    return r.rows[0] && toReview(r.rows[0]);
  },

  /** Whether a review by someone other than `userId` has this body digest. */
  async digestTaken(q: Queryable, digest: string, userId: string | null, exceptId: string | null): Promise<boolean> {
    const r = await q.query(
      `SELECT 1 FROM reviews WHERE body_digest = $1 AND user_id IS DISTINCT FROM $2 AND id IS DISTINCT FROM $3 LIMIT 1`,
      [digest, userId, exceptId],
    );
    return (r.rowCount ?? 0) > 0;
  },

  /** The author's new text, re-moderated: a published review whose edit is held leaves the page until approved. */
  async rewrite(
    q: Queryable,
    id: string,
    t: { rating: number; title: string; body: string; pros: string | null; cons: string | null; bodyDigest: string },
    verdict: { status: 'published' | 'pending'; rule: ModerationRule | null; reason: string | null },
  ): Promise<void> {
    await q.query(
      `UPDATE reviews SET rating = $2, title = $3, body = $4, pros = $5, cons = $6, body_digest = $7, status = $8,
              moderation_rule = $9, moderation_reason = $10, moderated_by = NULL, moderated_at = NULL, updated_at = now(),
              published_at = CASE WHEN $8 = 'published' THEN coalesce(published_at, now()) ELSE published_at END
        WHERE id = $1`,
      [id, t.rating, t.title, t.body, t.pros, t.cons, t.bodyDigest, verdict.status, verdict.rule, verdict.reason],
    );
  },

  async setStatus(
    q: Queryable,
    id: string,
    status: ReviewStatus,
    m: { rule: ModerationRule | null; reason: string | null; by: string | null },
  ): Promise<void> {
    await q.query(
      `UPDATE reviews SET status = $2, moderation_rule = $3, moderation_reason = $4, moderated_by = $5,
              moderated_at = CASE WHEN $5::text IS NULL THEN moderated_at ELSE now() END, updated_at = now(),
              published_at = CASE WHEN $2 = 'published' THEN coalesce(published_at, now()) ELSE published_at END
        WHERE id = $1`,
      [id, status, m.rule, m.reason, m.by],
    );
  },

  async delete(q: Queryable, id: string): Promise<void> {
    await q.query('DELETE FROM reviews WHERE id = $1', [id]);
  },

  async setReply(q: Queryable, id: string, reply: { body: string; by: string } | null): Promise<void> {
    await q.query(
      `UPDATE reviews SET reply_body = $2, reply_by = $3, replied_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END WHERE id = $1`,
      [id, reply?.body ?? null, reply?.by ?? null],
    );
  },

  /** Records or withdraws the customer's helpful vote; the count is recounted from the votes. */
  async setVote(q: Queryable, reviewId: string, userId: string, helpful: boolean): Promise<number> {
    if (helpful) await q.query('INSERT INTO review_votes (review_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [reviewId, userId]);
    else await q.query('DELETE FROM review_votes WHERE review_id = $1 AND user_id = $2', [reviewId, userId]);
    const r = await q.query<{ helpful_count: number }>(
      `UPDATE reviews SET helpful_count = (SELECT count(*) FROM review_votes WHERE review_id = $1) WHERE id = $1 RETURNING helpful_count`,
      [reviewId],
    );
    return r.rows[0]!.helpful_count;
  },

  async votedBy(q: Queryable, reviewIds: readonly string[], userId: string): Promise<Set<string>> {
    if (reviewIds.length === 0) return new Set();
    const r = await q.query<{ review_id: string }>('SELECT review_id FROM review_votes WHERE user_id = $1 AND review_id = ANY($2::text[])', [userId, reviewIds]);
    return new Set(r.rows.map((row) => row.review_id));
  },

  /** Adds a report; undefined when this customer had reported it already, else the new count. */
  async addReport(q: Queryable, reviewId: string, userId: string, reason: string): Promise<number | undefined> {
    const ins = await q.query('INSERT INTO review_reports (review_id, user_id, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [reviewId, userId, reason]);
    if (ins.rowCount === 0) return undefined;
    const r = await q.query<{ report_count: number }>(
      `UPDATE reviews SET report_count = (SELECT count(*) FROM review_reports WHERE review_id = $1) WHERE id = $1 RETURNING report_count`,
      [reviewId],
    );
    return r.rows[0]!.report_count;
  },

  /** One page of a product's published reviews in the sort's order, after the cursor. */
  async page(q: Queryable, f: ListFilter): Promise<Review[]> {
    const params: unknown[] = [f.productId];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [`r.product_id = $1`, `r.status = 'published'`];
    if (f.rating !== undefined) where.push(`r.rating = ${p(f.rating)}`);
    let order: string;
    const k = f.after?.keys;
    switch (f.sort) {
      case 'newest':
        order = 'r.published_at DESC, r.id DESC';
        if (f.after && k) where.push(`(r.published_at, r.id) < (${ts(p(k[0]))}, ${p(f.after.id)})`);
        break;
      case 'helpful':
        order = 'r.helpful_count DESC, r.published_at DESC, r.id DESC';
        if (f.after && k) where.push(`(r.helpful_count, r.published_at, r.id) < (${p(k[0])}::int, ${ts(p(k[1]))}, ${p(f.after.id)})`);
        break;
      case 'rating':
        order = 'r.rating DESC, r.published_at DESC, r.id DESC';
        if (f.after && k) where.push(`(r.rating, r.published_at, r.id) < (${p(k[0])}::int, ${ts(p(k[1]))}, ${p(f.after.id)})`);
        break;
    }
    const r = await q.query<ReviewRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${p(f.limit)}`, params);
    return r.rows.map(toReview);
  },

  /** The moderation queue: reviews in `status`, oldest change first (reported ones first among pending). */
  async queue(q: Queryable, f: { status: ReviewStatus; productId?: string; afterId?: string; limit: number }): Promise<Review[]> {
    const r = await q.query<ReviewRow>(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE r.status = $1 AND ($2::text IS NULL OR r.product_id = $2) AND ($3::text IS NULL OR r.id > $3)
        ORDER BY r.id LIMIT $4`,
      [f.status, f.productId ?? null, f.afterId ?? null, f.limit],
    );
    return r.rows.map(toReview);
  },

  /**
   * Erasure of an author: their reviews stay (the shop's content) without their identity, and
   * their votes and reports go (the counts are recounted). Answers the products touched.
   */
  async anonymiseAuthor(q: Queryable, userId: string): Promise<string[]> {
    const touched = await q.query<{ review_id: string }>(
      `WITH v AS (DELETE FROM review_votes WHERE user_id = $1 RETURNING review_id),
            rp AS (DELETE FROM review_reports WHERE user_id = $1 RETURNING review_id)
       SELECT review_id FROM v UNION SELECT review_id FROM rp`,
      [userId],
    );
    const ids = touched.rows.map((r) => r.review_id);
    if (ids.length > 0) {
      await q.query(
        `UPDATE reviews r SET helpful_count = (SELECT count(*) FROM review_votes v WHERE v.review_id = r.id),
                              report_count = (SELECT count(*) FROM review_reports p WHERE p.review_id = r.id)
          WHERE r.id = ANY($1::text[])`,
        [ids],
      );
    }
    const r = await q.query<{ product_id: string }>(
      `UPDATE reviews SET user_id = NULL, author_name = NULL, updated_at = now() WHERE user_id = $1 RETURNING product_id`,
      [userId],
    );
    return [...new Set(r.rows.map((row) => row.product_id))];
  },
};

import type { Identity, Queryable } from '@mercato/chassis';
import { purchasesStore } from '../purchases/purchases.store.js';
import { decodeCursor, encodeCursor, type ReviewSort } from './cursor.js';
import type { Review } from './review.js';
import { ReviewNotFound } from './review.errors.js';
import { reviewsStore } from './reviews.store.js';

export interface ListQuery {
  productId: string;
  rating?: number;
  sort?: ReviewSort;
  cursor?: string;
  limit?: number;
}

/** A page of a product's published reviews, with the caller's own helpful votes marked. */
export async function listReviews(db: Queryable, q: ListQuery, caller: Identity | undefined): Promise<{ items: Review[]; voted: Set<string>; nextCursor: string | null }> {
  const sort = q.sort ?? 'newest';
  const limit = q.limit ?? 20;
  const after = q.cursor ? decodeCursor(q.cursor, sort) : undefined;
  const rows = await reviewsStore.page(db, { productId: q.productId, rating: q.rating, sort, after, limit: limit + 1 });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ sort, id: last.id, keys: sort === 'newest' ? [last.publishedUs!] : [sort === 'helpful' ? last.helpfulCount : last.rating, last.publishedUs!] })
      : null;
  const voted = caller ? await reviewsStore.votedBy(db, items.map((r) => r.id), caller.userId) : new Set<string>();
  return { items, voted, nextCursor };
}

/** One review: published ones for anyone; others for their author and moderators. */
export async function getReview(db: Queryable, id: string, caller: Identity | undefined, isModerator: boolean): Promise<Review> {
  const review = await reviewsStore.byId(db, id);
  if (!review) throw new ReviewNotFound();
  if (review.status !== 'published' && !isModerator && (!caller || caller.userId !== review.userId)) throw new ReviewNotFound();
  return review;
}

/** Whether the caller may review a product now, and their review if they have one. */
export async function eligibility(db: Queryable, caller: Identity, productId: string): Promise<{ canReview: boolean; reason: 'eligible' | 'already_reviewed' | 'purchase_required'; review: Review | null }> {
  const mine = await reviewsStore.byAuthor(db, caller.userId, productId);
  if (mine) return { canReview: false, reason: 'already_reviewed', review: mine };
  const bought = await purchasesStore.has(db, caller.userId, productId);
  return { canReview: bought, reason: bought ? 'eligible' : 'purchase_required', review: null };
}

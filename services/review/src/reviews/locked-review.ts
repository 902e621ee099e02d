import type { Queryable } from '@mercato/chassis';
import type { ReviewDeps } from '../deps.js';
import { lockProducts } from '../summaries/product-changed.js';
import type { Review } from './review.js';
import { ReviewNotFound } from './review.errors.js';
import { reviewsStore } from './reviews.store.js';

/**
 * Runs `fn` on a review in a transaction that holds, in this order, its product's summary lock
 * and the review's row lock (the order every writer takes them in, so none deadlock). A review
 * that is gone, or that `visible` refuses, is 404. Retried on a serialization failure.
 */
export async function withLockedReview<T>(
  deps: Pick<ReviewDeps, 'db'>,
  reviewId: string,
  fn: (tx: Queryable, review: Review) => Promise<T>,
  visible: (review: Review) => boolean = () => true,
): Promise<T> {
  const found = await reviewsStore.byId(deps.db, reviewId);
  if (!found || !visible(found)) throw new ReviewNotFound();
  return deps.db.tx(
    async (tx) => {
      await lockProducts(tx, [found.productId]);
      const current = await reviewsStore.byId(tx, reviewId, { forUpdate: true });
      if (!current || !visible(current)) throw new ReviewNotFound();
      return fn(tx, current);
    },
    { retries: 3 },
  );
}

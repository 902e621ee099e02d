import type { Identity } from '@mercato/chassis';
import type { ReviewDeps } from '../deps.js';
import { lockProducts, publishedSetChanged } from '../summaries/product-changed.js';
import type { Review } from './review.js';
import { moveFor, type ModeratorAction } from './review-states.js';
import { IllegalReviewMove, ReviewNotFound } from './review.errors.js';
import { reviewsStore } from './reviews.store.js';
import { emitPublished } from './write-review.js';

/**
 * A moderator approves, rejects (with the reason the author is told) or hides a review; the
 * events and the recomputed summary go out in the same transaction.
 */
export async function moderateReview(deps: ReviewDeps, moderator: Identity, reviewId: string, action: ModeratorAction, reason: string | null): Promise<Review> {
  const found = await reviewsStore.byId(deps.db, reviewId);
  if (!found) throw new ReviewNotFound();
  return deps.db.tx(
    async (tx) => {
      await lockProducts(tx, [found.productId]);
      const current = await reviewsStore.byId(tx, reviewId, { forUpdate: true });
      if (!current) throw new ReviewNotFound();
      const to = moveFor(current.status, action);
      if (!to) throw new IllegalReviewMove(action, current.status);
      await reviewsStore.setStatus(tx, reviewId, to, { rule: null, reason: action === 'approve' ? null : reason, by: moderator.userId });
      const review = (await reviewsStore.byId(tx, reviewId))!;
      if (to === 'published') await emitPublished(deps, tx, review);
      if (to === 'rejected') {
        await deps.outbox.emit(
          tx,
          'ReviewRejected',
          {
            reviewId,
            productId: review.productId,
            userId: review.userId,
            reason: reason ?? 'Does not follow the review guidelines',
            rejectedBy: moderator.userId,
            rejectedAt: new Date().toISOString(),
          },
          review.productId,
        );
      }
      await publishedSetChanged(tx, deps.outbox, review.productId);
      return review;
    },
    { retries: 3 },
  );
}

/** The author, or an administrator, deletes a review for good (its votes and reports with it); answers its product. */
export async function deleteReview(deps: ReviewDeps, caller: Identity, reviewId: string, anyReview: boolean): Promise<string> {
  const found = await reviewsStore.byId(deps.db, reviewId);
  if (!found) throw new ReviewNotFound();
  await deps.db.tx(
    async (tx) => {
      await lockProducts(tx, [found.productId]);
      const current = await reviewsStore.byId(tx, reviewId, { forUpdate: true });
      if (!current) throw new ReviewNotFound();
      if (current.userId !== caller.userId && !anyReview) throw new ReviewNotFound();
      await reviewsStore.delete(tx, reviewId);
      await publishedSetChanged(tx, deps.outbox, current.productId);
    },
    { retries: 3 },
  );
  return found.productId;
}

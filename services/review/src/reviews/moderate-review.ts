import type { Identity } from '@mercato/chassis';
import type { ReviewDeps } from '../deps.js';
import { publishedSetChanged } from '../summaries/product-changed.js';
import { withLockedReview } from './locked-review.js';
import type { Review } from './review.js';
import { moveFor, type ModeratorAction } from './review-states.js';
import { IllegalReviewMove } from './review.errors.js';
import { reviewsStore } from './reviews.store.js';
import { emitPublished } from './write-review.js';

/**
 * A moderator approves, rejects (with the reason the author is told) or hides a review; the
 * events and the recomputed summary go out in the same transaction.
 */
export async function moderateReview(deps: ReviewDeps, moderator: Identity, reviewId: string, action: ModeratorAction, reason: string | null): Promise<Review> {
  return withLockedReview(deps, reviewId, async (tx, current) => {
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
  });
}

/** The author, or an administrator, deletes a review for good (its votes and reports with it); answers its product. */
export async function deleteReview(deps: ReviewDeps, caller: Identity, reviewId: string, anyReview: boolean): Promise<string> {
  return withLockedReview(
    deps,
    reviewId,
    async (tx, current) => {
      await reviewsStore.delete(tx, reviewId);
      await publishedSetChanged(tx, deps.outbox, current.productId);
      return current.productId;
    },
    (r) => anyReview || r.userId === caller.userId,
  );
}

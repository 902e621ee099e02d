import type { Identity } from '@mercato/chassis';
import type { ReviewDeps } from '../deps.js';
import { publishedSetChanged } from '../summaries/product-changed.js';
import { withLockedReview } from './locked-review.js';
import type { Review } from './review.js';
import { REPORTS_TO_HOLD } from './review-states.js';
import { AlreadyReported, CannotReportOwn, ReviewNotFound } from './review.errors.js';
import { reviewsStore } from './reviews.store.js';

/** "Was this helpful?": sets or withdraws the caller's one vote on a published review. */
export async function voteHelpful(deps: ReviewDeps, caller: Identity, reviewId: string, helpful: boolean): Promise<{ helpful: boolean; helpfulCount: number }> {
  return deps.db.tx(async (tx) => {
    const review = await reviewsStore.byId(tx, reviewId, { forUpdate: true });
    if (!review || review.status !== 'published') throw new ReviewNotFound();
    if (review.userId === caller.userId) throw new CannotReportOwn();
    const helpfulCount = await reviewsStore.setVote(tx, reviewId, caller.userId, helpful);
    return { helpful, helpfulCount };
  });
}

/**
 * A customer reports a published review, once. The third report (from three customers) holds it
 * for a moderator: it leaves the page and the summary until approved again.
 */
export async function reportReview(deps: ReviewDeps, caller: Identity, reviewId: string, reason: string): Promise<{ reportCount: number; held: boolean; productId: string }> {
  return withLockedReview(
    deps,
    reviewId,
    async (tx, review) => {
      if (review.userId === caller.userId) throw new CannotReportOwn();
      const reportCount = await reviewsStore.addReport(tx, reviewId, caller.userId, reason);
      if (reportCount === undefined) throw new AlreadyReported();
      const held = reportCount >= REPORTS_TO_HOLD;
      if (held) {
        await reviewsStore.setStatus(tx, reviewId, 'pending', { rule: 'reported', reason: `Reported by ${reportCount} customers`, by: null });
        await publishedSetChanged(tx, deps.outbox, review.productId);
      }
      return { reportCount, held, productId: review.productId };
    },
    (r) => r.status === 'published',
  );
}

/** Staff answer a review publicly (or remove their answer with null). */
export async function replyToReview(deps: ReviewDeps, staff: Identity, reviewId: string, body: string | null): Promise<Review> {
  return deps.db.tx(async (tx) => {
    const review = await reviewsStore.byId(tx, reviewId, { forUpdate: true });
    if (!review) throw new ReviewNotFound();
    await reviewsStore.setReply(tx, reviewId, body === null ? null : { body: body.trim(), by: staff.userId });
    return (await reviewsStore.byId(tx, reviewId))!;
  });
}

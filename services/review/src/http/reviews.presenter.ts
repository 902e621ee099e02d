import { displayName, type Review } from '../reviews/review.js';
import type { Summary } from '../summaries/summary.js';

/**
 * A review as the public sees it; its author and moderators also see its status and why it is
 * held. Text goes out exactly as stored: clients escape it when they show it.
 */
export function presentReview(r: Review, opts: { voted?: boolean; privileged?: boolean } = {}) {
  return {
    id: r.id,
    productId: r.productId,
    author: displayName(r.authorName),
    rating: r.rating,
    title: r.title,
    body: r.body,
    pros: r.pros,
    cons: r.cons,
    verifiedPurchase: r.verifiedPurchase,
    helpfulCount: r.helpfulCount,
    ...(opts.voted !== undefined ? { votedHelpful: opts.voted } : {}),
    reply: r.reply ? { body: r.reply.body, repliedAt: r.reply.at.toISOString() } : null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    ...(opts.privileged
      ? { status: r.status, moderation: { rule: r.moderationRule, reason: r.moderationReason, reportCount: r.reportCount } }
      : {}),
  };
}

export function presentSummary(s: Summary) {
  return s;
}

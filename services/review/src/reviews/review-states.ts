/**
 * The life of a review. A write by its author is moderated (published, or pending with the rule
 * that held it); moderators move it by the table below; three reports hold a published one.
 */
export const REVIEW_STATUSES = ['pending', 'published', 'rejected', 'hidden'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export type ModeratorAction = 'approve' | 'reject' | 'hide';

/** Which statuses each moderator action may start from, and where it leads. */
export const MODERATOR_MOVES: Readonly<Record<ModeratorAction, { from: readonly ReviewStatus[]; to: ReviewStatus }>> = {
  approve: { from: ['pending', 'hidden', 'rejected'], to: 'published' },
  reject: { from: ['pending', 'published', 'hidden'], to: 'rejected' },
  hide: { from: ['published'], to: 'hidden' },
};

/** The status after `action`, or undefined when the move is not allowed from `from`. */
export function moveFor(from: ReviewStatus, action: ModeratorAction): ReviewStatus | undefined {
  const move = MODERATOR_MOVES[action];
  return move.from.includes(from) ? move.to : undefined;
}

/** Reports from this many different customers hold a published review for a moderator. */
export const REPORTS_TO_HOLD = 3;

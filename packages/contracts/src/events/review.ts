import { Type } from '@sinclair/typebox';
import { Id, Reason, Timestamp } from '../common.js';

// Published by review. ReviewSummaryChanged (consumed by catalog) lives with the catalog events.

const Rating = Type.Integer({ minimum: 1, maximum: 5 });

/** A review became visible on its product page (new, approved, or edited and passed again). */
export const ReviewPublishedV1 = Type.Object(
  {
    reviewId: Id(),
    productId: Id(),
    userId: Type.Union([Id(), Type.Null()], { description: 'null for a review whose author was erased, or a seeded one' }),
    rating: Rating,
    verifiedPurchase: Type.Boolean(),
    publishedAt: Timestamp,
  },
  { additionalProperties: false },
);

/** A moderator rejected a review, with the reason the author is told. */
export const ReviewRejectedV1 = Type.Object(
  {
    reviewId: Id(),
    productId: Id(),
    userId: Type.Union([Id(), Type.Null()]),
    reason: Reason,
    rejectedBy: Id(),
    rejectedAt: Timestamp,
  },
  { additionalProperties: false },
);

import { Id } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';
import { REVIEW_SORTS } from '../reviews/cursor.js';
import { REVIEW_STATUSES } from '../reviews/review-states.js';

const Text = (min: number, max: number, description: string) => Type.String({ minLength: min, maxLength: max, pattern: '\\S', description });
const Optional = (max: number, description: string) => Type.Optional(Type.Union([Type.String({ maxLength: max, description }), Type.Null()]));
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Rating = Type.Integer({ minimum: 1, maximum: 5, description: 'Stars, 1 to 5' });

export const CreateReviewBody = Type.Object(
  {
    productId: Id('The product reviewed'),
    rating: Rating,
    title: Text(1, 120, 'Up to 120 characters'),
    body: Text(1, 5000, 'Up to 5,000 characters; plain text, shown escaped (no HTML is ever rendered from it)'),
    pros: Optional(1000, 'What was good, up to 1,000 characters'),
    cons: Optional(1000, 'What was not, up to 1,000 characters'),
  },
  { additionalProperties: false },
);

export const EditReviewBody = Type.Object(
  {
    rating: Type.Optional(Rating),
    title: Type.Optional(Text(1, 120, 'Up to 120 characters')),
    body: Type.Optional(Text(1, 5000, 'Up to 5,000 characters')),
    pros: Optional(1000, 'null removes it'),
    cons: Optional(1000, 'null removes it'),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ReviewParams = Type.Object({ id: Id('Review id') }, { additionalProperties: false });

export const ListQuery = Type.Object(
  {
    productId: Id('The product'),
    rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: 'Only reviews with this many stars' })),
    sort: Type.Optional(Type.Union(REVIEW_SORTS.map((s) => Type.Literal(s)), { default: 'newest', description: 'newest (default), helpful (most votes), rating (highest)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: "The previous page's nextCursor (same sort)" })),
  },
  { additionalProperties: false },
);

export const ProductQuery = Type.Object({ productId: Id('The product') }, { additionalProperties: false });

export const QueueQuery = Type.Object(
  {
    status: Type.Optional(Type.Union(REVIEW_STATUSES.map((s) => Type.Literal(s)), { default: 'pending' })),
    productId: Type.Optional(Id('Only this product')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Id('The previous page\'s nextCursor')),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object({ reason: Text(1, 500, 'Told to the author (reject) or kept for staff (hide)') }, { additionalProperties: false });
export const OptionalReasonBody = Type.Object({ reason: Type.Optional(Text(1, 500, "Why it is hidden (kept for staff)")) }, { additionalProperties: false });
export const ReportBody = Type.Object(
  {
    reason: Type.Union(
      ['spam', 'offensive', 'off_topic', 'fake', 'personal_information', 'other'].map((r) => Type.Literal(r)),
      { description: 'Why the review should be looked at' },
    ),
  },
  { additionalProperties: false },
);
export const HelpfulBody = Type.Object({ helpful: Type.Boolean({ description: 'true to mark helpful, false to take the vote back' }) }, { additionalProperties: false });
export const ReplyBody = Type.Object({ body: Text(1, 2000, "The shop's public answer, up to 2,000 characters") }, { additionalProperties: false });

export const ReviewSchema = Type.Object(
  {
    id: Id(),
    productId: Id(),
    author: Type.String({ description: 'Display name: first name and initial' }),
    rating: Rating,
    title: Type.String(),
    body: Type.String(),
    pros: Nullable(Type.String()),
    cons: Nullable(Type.String()),
    verifiedPurchase: Type.Boolean({ description: 'The author received this product from the shop' }),
    helpfulCount: Type.Integer({ minimum: 0 }),
    votedHelpful: Type.Optional(Type.Boolean({ description: 'Whether the signed-in caller marked it helpful' })),
    reply: Nullable(Type.Object({ body: Type.String(), repliedAt: Timestamp }, { additionalProperties: false })),
    publishedAt: Nullable(Timestamp),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    status: Type.Optional(Type.Union(REVIEW_STATUSES.map((s) => Type.Literal(s)), { description: 'Shown to the author and moderators' })),
    moderation: Type.Optional(
      Type.Object(
        { rule: Nullable(Type.String()), reason: Nullable(Type.String()), reportCount: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false, description: 'Why it is held or rejected (author and moderators)' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ReviewPage = Type.Object({ items: Type.Array(ReviewSchema), nextCursor: Nullable(Type.String()) }, { additionalProperties: false });

export const SummarySchema = Type.Object(
  {
    productId: Id(),
    count: Type.Integer({ minimum: 0, description: 'Published reviews' }),
    average: Type.Number({ minimum: 0, maximum: 5, description: 'Mean rating to one decimal; 0 with no reviews' }),
    distribution: Type.Object(
      { 1: Type.Integer(), 2: Type.Integer(), 3: Type.Integer(), 4: Type.Integer(), 5: Type.Integer() },
      { additionalProperties: false, description: 'Published reviews per star rating' },
    ),
  },
  { additionalProperties: false },
);

export const EligibilitySchema = Type.Object(
  {
    canReview: Type.Boolean(),
    reason: Type.Union([Type.Literal('eligible'), Type.Literal('already_reviewed'), Type.Literal('purchase_required')]),
    review: Nullable(ReviewSchema),
  },
  { additionalProperties: false },
);

export const HelpfulSchema = Type.Object({ helpful: Type.Boolean(), helpfulCount: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
export const ReportSchema = Type.Object(
  { reportCount: Type.Integer({ minimum: 1 }), held: Type.Boolean({ description: 'The review was held for a moderator' }) },
  { additionalProperties: false },
);

import { accessOf, callerOf, can, type HttpApp, NoBody, operation, optionalIdentity, requires } from '@mercato/chassis';
import type { ReviewDeps } from '../deps.js';
import { replyToReview, reportReview, voteHelpful } from '../reviews/engage-review.js';
import { deleteReview, moderateReview } from '../reviews/moderate-review.js';
import { eligibility, getReview, listReviews } from '../reviews/read-reviews.js';
import { reviewsStore } from '../reviews/reviews.store.js';
import { createReview, editReview } from '../reviews/write-review.js';
import { SUMMARY_MAX_AGE_S } from './fast-summary.js';
import { presentReview } from './reviews.presenter.js';
import {
  CreateReviewBody,
  EditReviewBody,
  EligibilitySchema,
  HelpfulBody,
  HelpfulSchema,
  ListQuery,
  OptionalReasonBody,
  ProductQuery,
  QueueQuery,
  ReasonBody,
  ReplyBody,
  ReportBody,
  ReportSchema,
  ReviewPage,
  ReviewParams,
  ReviewSchema,
  SummarySchema,
} from './reviews.schemas.js';

const tags = ['reviews'];
const staffTags = ['reviews (staff)'];

export function reviewsRoutes(app: HttpApp, deps: ReviewDeps): void {
  const anyone = optionalIdentity(deps);
  const privileged = (req: { identity?: { userId: string; roles: readonly string[] } }, authorId: string | null) =>
    !!req.identity && (req.identity.userId === authorId || can(req.identity.roles, 'reviews:moderate'));

  app.get(
    '/reviews',
    {
      ...anyone,
      schema: {
        tags,
        ...operation('listReviews', 'optional', {}),
        summary: "A product's published reviews, newest, most helpful or highest rated first, by cursor",
        querystring: ListQuery,
        response: { 200: ReviewPage },
      },
    },
    async (req) => {
      const page = await listReviews(deps.db, req.query, req.identity);
      return { items: page.items.map((r) => presentReview(r, req.identity ? { voted: page.voted.has(r.id) } : {})), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/reviews/summary',
    {
      schema: {
        tags,
        ...operation('getReviewSummary', 'public', {}),
        summary: "A product's rating: how many published reviews, the average to one decimal, and how many per star",
        querystring: ProductQuery,
        response: { 200: SummarySchema },
      },
    },
    async (req, reply) => {
      const { json } = await deps.summaries.get(req.query.productId);
      return reply.header('cache-control', `public, max-age=${SUMMARY_MAX_AGE_S}`).type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.get(
    '/reviews/eligibility',
    {
      ...requires(deps, 'reviews:write:own'),
      schema: {
        tags,
        ...operation('getReviewEligibility', accessOf('reviews:write:own'), {}),
        summary: 'Whether I may review this product (I received it and have not reviewed it yet), and my review if I have one',
        querystring: ProductQuery,
        response: { 200: EligibilitySchema },
      },
    },
    async (req) => {
      const e = await eligibility(deps.db, callerOf(req), req.query.productId);
      return { ...e, review: e.review ? presentReview(e.review, { privileged: true }) : null };
    },
  );

  app.get(
    '/reviews/:id',
    {
      ...anyone,
      schema: {
        tags,
        ...operation('getReview', 'optional', { 404: 'not_found' }),
        summary: 'One review (a held or rejected one only for its author and moderators)',
        params: ReviewParams,
        response: { 200: ReviewSchema },
      },
    },
    async (req) => {
      const isModerator = !!req.identity && can(req.identity.roles, 'reviews:moderate');
      const review = await getReview(deps.db, req.params.id, req.identity, isModerator);
      return presentReview(review, { privileged: privileged(req, review.userId) });
    },
  );

  app.post(
    '/reviews',
    {
      ...requires(deps, 'reviews:write:own'),
      schema: {
        tags,
        ...operation('createReview', accessOf('reviews:write:own'), { 403: 'purchase_required', 409: 'already_reviewed' }),
        summary: 'Review a product I received: published at once, or held for a moderator with the rule that held it',
        body: CreateReviewBody,
        response: { 201: ReviewSchema },
      },
    },
    async (req, reply) => {
      const { productId, ...text } = req.body;
      const review = await createReview(deps, callerOf(req), productId, text);
      await deps.summaries.forget(productId);
      return reply.code(201).header('location', `/reviews/${review.id}`).send(presentReview(review, { privileged: true }));
    },
  );

  app.patch(
    '/reviews/:id',
    {
      ...requires(deps, 'reviews:write:own'),
      schema: {
        tags,
        ...operation('editReview', accessOf('reviews:write:own'), { 403: 'forbidden', 404: 'not_found' }),
        summary: 'Edit my review: moderated again like a new one',
        params: ReviewParams,
        body: EditReviewBody,
        response: { 200: ReviewSchema },
      },
    },
    async (req) => {
      const review = await editReview(deps, callerOf(req), req.params.id, req.body);
      await deps.summaries.forget(review.productId);
      return presentReview(review, { privileged: true });
    },
  );

  app.delete(
    '/reviews/:id',
    {
      ...requires(deps, 'reviews:write:own'),
      schema: {
        tags,
        ...operation('deleteReview', accessOf('reviews:write:own'), { 404: 'not_found' }),
        summary: 'Delete my review (administrators: any review)',
        params: ReviewParams,
        response: { 204: NoBody('Deleted') },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const productId = await deleteReview(deps, caller, req.params.id, can(caller.roles, 'reviews:delete:any'));
      await deps.summaries.forget(productId);
      return reply.code(204).send();
    },
  );

  app.put(
    '/reviews/:id/helpful',
    {
      ...requires(deps, 'reviews:vote'),
      schema: {
        tags,
        ...operation('setReviewHelpful', accessOf('reviews:vote'), { 404: 'not_found', 422: 'cannot_report_own' }),
        summary: '"Was this helpful?": my one vote on a published review, set or taken back',
        params: ReviewParams,
        body: HelpfulBody,
        response: { 200: HelpfulSchema },
      },
    },
    async (req) => voteHelpful(deps, callerOf(req), req.params.id, req.body.helpful),
  );

  app.post(
    '/reviews/:id/reports',
    {
      ...requires(deps, 'reviews:report'),
      schema: {
        tags,
        ...operation('reportReview', accessOf('reviews:report'), { 404: 'not_found', 409: 'already_reported', 422: 'cannot_report_own' }),
        summary: 'Report a published review, once; three reports hold it for a moderator',
        params: ReviewParams,
        body: ReportBody,
        response: { 201: ReportSchema },
      },
    },
    async (req, reply) => {
      const outcome = await reportReview(deps, callerOf(req), req.params.id, req.body.reason);
      await deps.summaries.forget(outcome.productId);
      return reply.code(201).send({ reportCount: outcome.reportCount, held: outcome.held });
    },
  );

  // Staff.

  app.get(
    '/reviews/moderation',
    {
      ...requires(deps, 'reviews:moderate'),
      schema: {
        tags: staffTags,
        ...operation('listReviewsForModeration', accessOf('reviews:moderate'), {}),
        summary: 'Moderators: reviews by status (pending by default: held by a rule or by reports), oldest first',
        querystring: QueueQuery,
        response: { 200: ReviewPage },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const rows = await reviewsStore.queue(deps.db, { status: req.query.status ?? 'pending', productId: req.query.productId, afterId: req.query.cursor, limit: limit + 1 });
      const items = rows.slice(0, limit);
      return { items: items.map((r) => presentReview(r, { privileged: true })), nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
    },
  );

  for (const action of ['approve', 'reject', 'hide'] as const) {
    const summary = {
      approve: 'Moderators: publish a held, hidden or rejected review (ReviewPublished)',
      reject: 'Moderators: reject a review with the reason the author is told (ReviewRejected)',
      hide: 'Moderators: take a published review off the page',
    }[action];
    app.post(
      `/reviews/:id/${action}`,
      {
        ...requires(deps, 'reviews:moderate'),
        schema: {
          tags: staffTags,
          ...operation(`${action}Review`, accessOf('reviews:moderate'), { 404: 'not_found', 409: 'illegal_transition' }),
          summary,
          params: ReviewParams,
          ...(action === 'reject' ? { body: ReasonBody } : action === 'hide' ? { body: OptionalReasonBody } : {}),
          response: { 200: ReviewSchema },
        },
      },
      async (req) => {
        const reason = (req.body as { reason?: string } | undefined)?.reason ?? null;
        const review = await moderateReview(deps, callerOf(req), req.params.id, action, reason);
        await deps.summaries.forget(review.productId);
        return presentReview(review, { privileged: true });
      },
    );
  }

  app.put(
    '/reviews/:id/reply',
    {
      ...requires(deps, 'reviews:reply'),
      schema: {
        tags: staffTags,
        ...operation('replyToReview', accessOf('reviews:reply'), { 404: 'not_found' }),
        summary: "Staff: the shop's public answer to a review (replaces an earlier one)",
        params: ReviewParams,
        body: ReplyBody,
        response: { 200: ReviewSchema },
      },
    },
    async (req) => presentReview(await replyToReview(deps, callerOf(req), req.params.id, req.body.body), { privileged: true }),
  );

  app.delete(
    '/reviews/:id/reply',
    {
      ...requires(deps, 'reviews:reply'),
      schema: {
        tags: staffTags,
        ...operation('deleteReviewReply', accessOf('reviews:reply'), { 404: 'not_found' }),
        summary: "Staff: remove the shop's answer",
        params: ReviewParams,
        response: { 200: ReviewSchema },
      },
    },
    async (req) => presentReview(await replyToReview(deps, callerOf(req), req.params.id, null), { privileged: true }),
  );
}

import { BEARER, callerOf, OPTIONAL_BEARER, problemResponses, type HttpApp } from '@mercato/chassis';
import { can } from '../access/permissions.js';
import type { ReviewDeps } from '../deps.js';
import { replyToReview, reportReview, voteHelpful } from '../reviews/engage-review.js';
import { deleteReview, moderateReview } from '../reviews/moderate-review.js';
import { eligibility, getReview, listReviews } from '../reviews/read-reviews.js';
import { reviewsStore } from '../reviews/reviews.store.js';
import { createReview, editReview } from '../reviews/write-review.js';
import { optionalUser, requires } from './authorize.js';
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
  const anyone = optionalUser(deps);
  const privileged = (req: { identity?: { userId: string; roles: readonly string[] } }, authorId: string | null) =>
    !!req.identity && (req.identity.userId === authorId || can(req.identity.roles, 'reviews:moderate'));

  app.get(
    '/reviews',
    {
      ...anyone,
      schema: {
        tags,
        operationId: 'listReviews',
        summary: "A product's published reviews, newest, most helpful or highest rated first, by cursor",
        security: OPTIONAL_BEARER,
        querystring: ListQuery,
        response: { 200: ReviewPage, ...problemResponses(400, 401) },
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
        operationId: 'getReviewSummary',
        summary: "A product's rating: how many published reviews, the average to one decimal, and how many per star",
        security: [],
        querystring: ProductQuery,
        response: { 200: SummarySchema, ...problemResponses(400) },
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
        operationId: 'getReviewEligibility',
        summary: 'Whether I may review this product (I received it and have not reviewed it yet), and my review if I have one',
        security: BEARER,
        querystring: ProductQuery,
        response: { 200: EligibilitySchema, ...problemResponses(400, 401, 403) },
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
        operationId: 'getReview',
        summary: 'One review (a held or rejected one only for its author and moderators)',
        security: OPTIONAL_BEARER,
        params: ReviewParams,
        response: { 200: ReviewSchema, ...problemResponses(400, 401, 404) },
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
        operationId: 'createReview',
        summary: 'Review a product I received: published at once, or held for a moderator with the rule that held it',
        security: BEARER,
        body: CreateReviewBody,
        response: { 201: ReviewSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const { productId, ...text } = req.body;
      const review = await createReview(deps, callerOf(req), productId, text);
      deps.summaries.forget(productId);
      return reply.code(201).header('location', `/reviews/${review.id}`).send(presentReview(review, { privileged: true }));
    },
  );

  app.patch(
    '/reviews/:id',
    {
      ...requires(deps, 'reviews:write:own'),
      schema: {
        tags,
        operationId: 'editReview',
        summary: 'Edit my review: moderated again like a new one',
        security: BEARER,
        params: ReviewParams,
        body: EditReviewBody,
        response: { 200: ReviewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const review = await editReview(deps, callerOf(req), req.params.id, req.body);
      deps.summaries.forget(review.productId);
      return presentReview(review, { privileged: true });
    },
  );

  app.delete(
    '/reviews/:id',
    {
      ...requires(deps, 'reviews:write:own'),
      schema: {
        tags,
        operationId: 'deleteReview',
        summary: 'Delete my review (administrators: any review)',
        security: BEARER,
        params: ReviewParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const productId = await deleteReview(deps, caller, req.params.id, can(caller.roles, 'reviews:delete:any'));
      deps.summaries.forget(productId);
      return reply.code(204).send();
    },
  );

  app.put(
    '/reviews/:id/helpful',
    {
      ...requires(deps, 'reviews:vote'),
      schema: {
        tags,
        operationId: 'setReviewHelpful',
        summary: '"Was this helpful?": my one vote on a published review, set or taken back',
        security: BEARER,
        params: ReviewParams,
        body: HelpfulBody,
        response: { 200: HelpfulSchema, ...problemResponses(400, 401, 403, 404, 422) },
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
        operationId: 'reportReview',
        summary: 'Report a published review, once; three reports hold it for a moderator',
        security: BEARER,
        params: ReviewParams,
        body: ReportBody,
        response: { 201: ReportSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const outcome = await reportReview(deps, callerOf(req), req.params.id, req.body.reason);
      deps.summaries.forget(outcome.productId);
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
        operationId: 'listReviewsForModeration',
        summary: 'Moderators: reviews by status (pending by default: held by a rule or by reports), oldest first',
        security: BEARER,
        querystring: QueueQuery,
        response: { 200: ReviewPage, ...problemResponses(400, 401, 403) },
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
          operationId: `${action}Review`,
          summary,
          security: BEARER,
          params: ReviewParams,
          ...(action === 'reject' ? { body: ReasonBody } : action === 'hide' ? { body: OptionalReasonBody } : {}),
          response: { 200: ReviewSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const reason = (req.body as { reason?: string } | undefined)?.reason ?? null;
        const review = await moderateReview(deps, callerOf(req), req.params.id, action, reason);
        deps.summaries.forget(review.productId);
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
        operationId: 'replyToReview',
        summary: "Staff: the shop's public answer to a review (replaces an earlier one)",
        security: BEARER,
        params: ReviewParams,
        body: ReplyBody,
        response: { 200: ReviewSchema, ...problemResponses(400, 401, 403, 404) },
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
        operationId: 'deleteReviewReply',
        summary: "Staff: remove the shop's answer",
        security: BEARER,
        params: ReviewParams,
        response: { 200: ReviewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => presentReview(await replyToReview(deps, callerOf(req), req.params.id, null), { privileged: true }),
  );
}

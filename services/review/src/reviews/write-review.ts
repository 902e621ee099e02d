import type { Identity, Queryable } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import type { ReviewDeps } from '../deps.js';
import { bodyDigest, COPY_MIN_LENGTH, moderate, type ReviewText, type Verdict } from '../moderation/moderate.js';
import { purchasesStore } from '../purchases/purchases.store.js';
import { lockProducts, publishedSetChanged } from '../summaries/product-changed.js';
import type { Review } from './review.js';
import { withLockedReview } from './locked-review.js';
import { AlreadyReviewed, NotYourReview, PurchaseRequired } from './review.errors.js';
import { reviewsStore } from './reviews.store.js';

export interface ReviewInput extends ReviewText {
  rating: number;
}

/** The text as given, trimmed at the ends only: it is stored as written and escaped wherever shown. */
function clean(t: ReviewInput) {
  const opt = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());
  return { rating: t.rating, title: t.title.trim(), body: t.body.trim(), pros: opt(t.pros), cons: opt(t.cons) };
}

async function verdictFor(tx: Queryable, t: ReturnType<typeof clean>, digest: string, userId: string | null, exceptId: string | null): Promise<Verdict> {
  const copied = t.body.length >= COPY_MIN_LENGTH && (await reviewsStore.digestTaken(tx, digest, userId, exceptId));
  return moderate(t, copied);
}

async function emitPublished(deps: ReviewDeps, tx: Queryable, review: Review): Promise<void> {
  await deps.outbox.emit(
    tx,
    'ReviewPublished',
    {
      reviewId: review.id,
      productId: review.productId,
      userId: review.userId,
      rating: review.rating,
      verifiedPurchase: review.verifiedPurchase,
      publishedAt: (review.publishedAt ?? new Date()).toISOString(),
    },
    review.productId,
  );
}

/**
 * A customer reviews a product they received: one review per customer per product. The text
 * is moderated on write: published at once (ReviewPublished, the summary recomputed) or held
 * `pending` with the rule that held it.
 */
export async function createReview(deps: ReviewDeps, caller: Identity, productId: string, input: ReviewInput): Promise<Review> {
  const t = clean(input);
  const digest = bodyDigest(t.body);
  return deps.db.tx(
    async (tx) => {
      await lockProducts(tx, [productId]);
      const existing = await reviewsStore.byAuthor(tx, caller.userId, productId);
      if (existing) throw new AlreadyReviewed(existing.id);
      if (!(await purchasesStore.has(tx, caller.userId, productId))) throw new PurchaseRequired();
      const verdict = await verdictFor(tx, t, digest, caller.userId, null);
      const id = newId('rev');
      await reviewsStore.insert(tx, {
        id,
        productId,
        userId: caller.userId,
        authorName: null,
        ...t,
        bodyDigest: digest,
        status: verdict.status,
        moderationRule: verdict.status === 'pending' ? verdict.rule : null,
        moderationReason: verdict.status === 'pending' ? verdict.detail : null,
        verifiedPurchase: true,
      });
      const review = (await reviewsStore.byId(tx, id))!;
      if (review.status === 'published') {
        await emitPublished(deps, tx, review);
        await publishedSetChanged(tx, deps.outbox, productId);
      }
      return review;
    },
    { retries: 3 },
  );
}

/** The author edits their review: moderated again, like a new one (a held edit leaves the page). */
export async function editReview(deps: ReviewDeps, caller: Identity, reviewId: string, patch: Partial<ReviewInput>): Promise<Review> {
  return withLockedReview(deps, reviewId, async (tx, current) => {
    if (current.userId !== caller.userId) throw new NotYourReview();
    const t = clean({
      rating: patch.rating ?? current.rating,
      title: patch.title ?? current.title,
      body: patch.body ?? current.body,
      pros: patch.pros === undefined ? current.pros : patch.pros,
      cons: patch.cons === undefined ? current.cons : patch.cons,
    });
    const digest = bodyDigest(t.body);
    const verdict = await verdictFor(tx, t, digest, caller.userId, reviewId);
    await reviewsStore.rewrite(tx, reviewId, { ...t, bodyDigest: digest }, {
      status: verdict.status,
      rule: verdict.status === 'pending' ? verdict.rule : null,
      reason: verdict.status === 'pending' ? verdict.detail : null,
    });
    const review = (await reviewsStore.byId(tx, reviewId))!;
    if (review.status === 'published') await emitPublished(deps, tx, review);
    await publishedSetChanged(tx, deps.outbox, review.productId);
    return review;
  });
}

export { emitPublished };

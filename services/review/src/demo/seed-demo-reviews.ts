import type { Outbox, Queryable } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import { demoReviews } from '@mercato/demo-data';
import { bodyDigest } from '../moderation/moderate.js';
import { reviewsStore } from '../reviews/reviews.store.js';
import { lockProducts, publishedSetChanged } from '../summaries/product-changed.js';

/**
 * The demo shop's reviews of one product, when the catalog creates a demo product (ProductCreated
 * with a demo slug): published at once, dated over the months before, the summary recomputed and
 * announced like any other. Keyed by `<slug>:<n>`, so a repeat inserts nothing.
 */
export async function seedDemoReviews(tx: Queryable, outbox: Outbox, product: { productId: string; slug: string }, now: Date): Promise<number> {
  const reviews = demoReviews(product.slug);
  if (reviews.length === 0) return 0;
  await lockProducts(tx, [product.productId]);
  let inserted = 0;
  for (const r of reviews) {
    const ok = await reviewsStore.insert(tx, {
      id: newId('rev'),
      productId: product.productId,
      userId: null,
      authorName: r.authorName,
      rating: r.rating,
      title: r.title,
      body: r.body,
      pros: r.pros,
      cons: r.cons,
      bodyDigest: bodyDigest(r.body),
      status: 'published',
      moderationRule: null,
      moderationReason: null,
      verifiedPurchase: r.verifiedPurchase,
      demoKey: r.key,
      createdAt: new Date(now.getTime() - r.daysAgo * 86_400_000),
    });
    if (ok) inserted++;
  }
  if (inserted > 0) await publishedSetChanged(tx, outbox, product.productId);
  return inserted;
}

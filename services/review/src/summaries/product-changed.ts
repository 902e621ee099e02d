import type { Outbox, Queryable } from '@mercato/chassis';
import { summariesStore } from './summaries.store.js';
import type { Summary } from './summary.js';

/** The channel on which a committed summary change is announced to every replica's cache. */
export const SUMMARY_CHANNEL = 'review_summary_changed';

/**
 * Locks the summaries of `productIds` (in id order, so writers never deadlock): call before
 * touching any review of these products, then `publishedSetChanged` after.
 */
export async function lockProducts(tx: Queryable, productIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(productIds)].sort()) await summariesStore.lock(tx, id);
}

/**
 * After a write that may have changed a product's published reviews: the summary recomputed in
 * SQL and, when it changed, ReviewSummaryChanged in the outbox and a NOTIFY for the read caches —
 * all in the write's transaction.
 */
export async function publishedSetChanged(tx: Queryable, outbox: Outbox, productId: string): Promise<Summary | undefined> {
  const summary = await summariesStore.recompute(tx, productId);
  if (!summary) return undefined;
  await outbox.emit(tx, 'ReviewSummaryChanged', { productId, ratingAverage: summary.average, ratingCount: summary.count }, productId);
  await tx.query('SELECT pg_notify($1, $2)', [SUMMARY_CHANNEL, productId]);
  return summary;
}

import type { EventHandler } from '@mercato/chassis';
import { productsStore } from '../products/products.store.js';

/**
 * Keeps each product's rating, shown and sortable, in step with the review service. A summary
 * for a product deleted since is dropped; an unchanged one changes nothing (and keeps the ETag).
 * A changed one clears the read cache once this handler's transaction has committed (never
 * before: a read in between would cache the old rating again).
 */
export function onReviewSummaryChanged(invalidateCache: () => Promise<void>): EventHandler<'ReviewSummaryChanged'> {
  return async (event, { tx, logger }) => {
    const { productId, ratingAverage, ratingCount } = event.data;
    const changed = await productsStore.setRating(tx, productId, ratingAverage, ratingCount);
    if (changed) tx.afterCommit(invalidateCache);
    else logger.debug({ productId }, 'rating unchanged or product gone');
  };
}

import type { EventHandler } from '@mercato/chassis';
import { productsStore } from '../products/products.store.js';

/**
 * Keeps each product's rating, shown and sortable, in step with the review service. A summary
 * for a product deleted since is dropped; an unchanged one changes nothing (and keeps the ETag).
 */
export function onReviewSummaryChanged(afterCommit: () => void): EventHandler<'ReviewSummaryChanged'> {
  return async (event, { tx, logger }) => {
    const { productId, ratingAverage, ratingCount } = event.data;
    const changed = await productsStore.setRating(tx, productId, ratingAverage, ratingCount);
    if (changed) afterCommit();
    else logger.debug({ productId }, 'rating unchanged or product gone');
  };
}

import type { ConsumerManifest } from '@mercato/chassis';
import { onReviewSummaryChanged } from './on-review-summary-changed.js';

/** What this service consumes. The chassis wraps each handler in its inbox transaction. */
export function consumers(invalidateCache: () => Promise<void>): ConsumerManifest {
  return {
    ReviewSummaryChanged: onReviewSummaryChanged(invalidateCache),
  };
}

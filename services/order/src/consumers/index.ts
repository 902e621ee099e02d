import type { ConsumerManifest } from '@mercato/chassis';
import { onPriceChanged, onProductCreated, onProductDeleted, onProductUpdated } from './on-catalog-changed.js';

/**
 * What this service consumes. The chassis wraps each handler in its inbox transaction, so a
 * redelivered event is handled once; the projection also ignores events older than what it holds.
 */
export function consumers(): ConsumerManifest {
  return {
    ProductCreated: onProductCreated,
    ProductUpdated: onProductUpdated,
    ProductDeleted: onProductDeleted,
    PriceChanged: onPriceChanged,
  };
}

import type { ConsumerManifest } from '@mercato/chassis';
import { onOrderCancelled } from './on-order-cancelled.js';
import { onOrderConfirmed } from './on-order-confirmed.js';
import { onOrderPlaced } from './on-order-placed.js';
import { onProductCreated, onProductDeleted, onProductUpdated } from './on-product-changed.js';

/**
 * What this service consumes. The chassis wraps each handler in its inbox transaction: the
 * inbox row, the stock change and the outbox events commit together. Each use case is also
 * idempotent per order (or per SKU), so a duplicate under a new event id changes nothing.
 */
export function consumers(opts: { reservationTtlSeconds: number }): ConsumerManifest {
  return {
    OrderPlaced: onOrderPlaced(opts),
    OrderCancelled: onOrderCancelled,
    OrderConfirmed: onOrderConfirmed,
    ProductCreated: onProductCreated,
    ProductUpdated: onProductUpdated,
    ProductDeleted: onProductDeleted,
  };
}

import type { ConsumerManifest } from '@mercato/chassis';
import { onPriceChanged, onProductCreated, onProductDeleted, onProductUpdated } from './on-catalog-changed.js';
import { sagaHandler } from './on-saga-event.js';
import { onUserDeleted } from './on-user-deleted.js';

/**
 * What this service consumes. The chassis wraps each handler in its inbox transaction, so a
 * redelivered event is handled once; the projection also ignores events older than what it holds,
 * and the saga ignores events that no longer fit the order's state.
 */
export function consumers(opts: { paymentTimeoutSeconds: number }): ConsumerManifest {
  return {
    ProductCreated: onProductCreated,
    ProductUpdated: onProductUpdated,
    ProductDeleted: onProductDeleted,
    PriceChanged: onPriceChanged,
    StockReserved: sagaHandler<'StockReserved'>(opts),
    StockRejected: sagaHandler<'StockRejected'>(opts),
    PaymentSucceeded: sagaHandler<'PaymentSucceeded'>(opts),
    PaymentFailed: sagaHandler<'PaymentFailed'>(opts),
    PaymentActionRequired: sagaHandler<'PaymentActionRequired'>(opts),
    Refunded: sagaHandler<'Refunded'>(opts),
    UserDeleted: onUserDeleted,
  };
}

import type { ConsumerManifest } from '@mercato/chassis';
import { onPaymentActionRequired, onPaymentFailed, onPaymentSucceeded, onRefunded, onStockRejected, onStockReserved } from '../saga/checkout-saga.js';
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
    StockReserved: sagaHandler(onStockReserved, opts),
    StockRejected: sagaHandler(onStockRejected, opts),
    PaymentSucceeded: sagaHandler(onPaymentSucceeded, opts),
    PaymentFailed: sagaHandler(onPaymentFailed, opts),
    PaymentActionRequired: sagaHandler(onPaymentActionRequired, opts),
    Refunded: sagaHandler(onRefunded, opts),
    UserDeleted: onUserDeleted,
  };
}

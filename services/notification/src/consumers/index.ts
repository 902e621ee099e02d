import { inRuns, type ConsumerManifest } from '@mercato/chassis';
import type { NotifyContext } from '../messages/notify.js';
import { onCartAbandoned } from './on-cart-abandoned.js';
import { onProductCreated, onProductDeleted, onProductUpdated } from './on-catalog-changed.js';
import { onEmailVerificationRequested } from './on-email-verification-requested.js';
import { onOrderCancelled } from './on-order-cancelled.js';
import { onOrderConfirmed } from './on-order-confirmed.js';
import { onOrderDelivered } from './on-order-delivered.js';
import { onOrderPlaced } from './on-order-placed.js';
import { onOrderShipped } from './on-order-shipped.js';
import { onPasswordChanged } from './on-password-changed.js';
import { onPasswordResetRequested } from './on-password-reset-requested.js';
import { onPaymentFailed } from './on-payment-failed.js';
import { onRefunded } from './on-refunded.js';
import { onLowStock, onStockReplenished } from './on-stock-events.js';
import { onRolesChanged, onUserDeleted, onUserUpdated } from './on-user-changed.js';
import { onUserRegistered } from './on-user-registered.js';

/**
 * The subscription manifest: event → handler. Identity events keep the contacts (how to reach
 * each customer); the rest queue messages through `notify` (OrderPlaced only records the order's
 * contact, for the events that carry no address). Order events come in volume: a run delivered
 * together is queued in one transaction (`inRuns`).
 */
export function consumers(ctx: NotifyContext): ConsumerManifest {
  return {
    UserRegistered: inRuns(onUserRegistered(ctx)),
    UserUpdated: onUserUpdated,
    RolesChanged: onRolesChanged,
    UserDeleted: onUserDeleted,
    EmailVerificationRequested: inRuns(onEmailVerificationRequested(ctx)),
    PasswordResetRequested: inRuns(onPasswordResetRequested(ctx)),
    PasswordChanged: inRuns(onPasswordChanged(ctx)),
    OrderPlaced: onOrderPlaced,
    OrderConfirmed: onOrderConfirmed(ctx),
    OrderShipped: inRuns(onOrderShipped(ctx)),
    OrderDelivered: inRuns(onOrderDelivered(ctx)),
    OrderCancelled: inRuns(onOrderCancelled(ctx)),
    PaymentFailed: inRuns(onPaymentFailed(ctx)),
    Refunded: inRuns(onRefunded(ctx)),
    StockReplenished: onStockReplenished(ctx),
    LowStock: onLowStock(ctx),
    CartAbandoned: onCartAbandoned(ctx),
    ProductCreated: onProductCreated,
    ProductUpdated: onProductUpdated,
    ProductDeleted: onProductDeleted,
  };
}

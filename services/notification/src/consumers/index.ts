import { inRuns, type ConsumerManifest } from '@mercato/chassis';
import { onEmailVerificationRequested } from './on-email-verification-requested.js';
import { onOrderCancelled } from './on-order-cancelled.js';
import { onOrderConfirmed } from './on-order-confirmed.js';
import { onOrderPlaced } from './on-order-placed.js';
import { onOrderShipped } from './on-order-shipped.js';
import { onPasswordResetRequested } from './on-password-reset-requested.js';
import { onPaymentFailed } from './on-payment-failed.js';
import { onRefunded } from './on-refunded.js';
import { onUserRegistered } from './on-user-registered.js';

/**
 * The subscription manifest: event → handler. Each handler only queues a message (OrderPlaced
 * only records the order's contact, for the events that carry no address). Order events come in
 * volume: a run delivered together is queued in one transaction (`inRuns`).
 */
export function consumers(deps: { publicUrl: string }): ConsumerManifest {
  return {
    UserRegistered: onUserRegistered(deps.publicUrl),
    EmailVerificationRequested: onEmailVerificationRequested(deps.publicUrl),
    PasswordResetRequested: onPasswordResetRequested(deps.publicUrl),
    OrderPlaced: onOrderPlaced,
    OrderConfirmed: inRuns(onOrderConfirmed(deps.publicUrl)),
    OrderShipped: inRuns(onOrderShipped(deps.publicUrl)),
    OrderCancelled: inRuns(onOrderCancelled(deps.publicUrl)),
    PaymentFailed: inRuns(onPaymentFailed(deps.publicUrl)),
    Refunded: inRuns(onRefunded(deps.publicUrl)),
  };
}

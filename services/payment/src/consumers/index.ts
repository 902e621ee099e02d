import type { ConsumerManifest } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';
import { onPaymentRequested } from './on-payment-requested.js';
import { onRefundRequested } from './on-refund-requested.js';

/** What this service consumes. The chassis wraps each handler in its inbox transaction. */
export function consumers(deps: PaymentDeps): ConsumerManifest {
  return {
    PaymentRequested: onPaymentRequested(deps),
    RefundRequested: onRefundRequested(deps),
  };
}

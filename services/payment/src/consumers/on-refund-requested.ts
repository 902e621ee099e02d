import type { EventHandler } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';
import { UNSETTLED_STATES } from '../payments/payment-states.js';
import { PaymentNotRefundable } from '../payments/payment.errors.js';
import { paymentsStore } from '../payments/payments.store.js';
import { requestRefund } from '../refunds/request-refund.js';

/** Thrown so that the chassis retries later: the charge's outcome is not settled yet. */
class PaymentNotSettled extends Error {
  constructor(state: string) {
    super(`the payment is ${state}; the refund waits until it is settled`);
    this.name = 'PaymentNotSettled';
  }
}

/**
 * The order service's command: refund this much of the order's payment, capped by what was
 * captured. The same refundRequestId refunds once. A payment still unsettled is retried later
 * (the chassis backs off); one that failed or does not exist has nothing to refund.
 */
export function onRefundRequested(deps: PaymentDeps): EventHandler<'RefundRequested'> {
  return async (event, ctx) => {
    const { tx } = ctx;
    const { orderId, refundRequestId, amount, reason } = event.data;
    const payment = await paymentsStore.byOrder(tx, orderId, { forUpdate: true });
    if (!payment) {
      ctx.logger.warn({ orderId, refundRequestId }, 'RefundRequested for an order without a payment; nothing to refund');
      return;
    }
    if (UNSETTLED_STATES.includes(payment.state)) throw new PaymentNotSettled(payment.state);
    try {
      const r = await requestRefund(tx, payment, { amount, reason, refundRequestId, requestedBy: null, overCapture: 'cap', announce: true }, deps.config.createdGraceSeconds);
      if (!r) ctx.logger.info({ orderId, refundRequestId }, 'nothing left to refund');
      else if (r.refund.amount < amount.amount && r.created) ctx.logger.warn({ orderId, asked: amount.amount, refunded: r.refund.amount }, 'refund capped by the capture');
    } catch (err) {
      if (err instanceof PaymentNotRefundable || (err as { type?: string }).type === 'refund_exceeds_capture' || (err as { type?: string }).type === 'invalid_data') {
        ctx.logger.warn({ orderId, refundRequestId, reason: (err as Error).message }, 'RefundRequested refunds nothing');
        return;
      }
      throw err;
    }
  };
}

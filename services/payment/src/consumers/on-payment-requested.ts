import type { EventHandler } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';
import { requestPayment } from '../payments/request-payment.js';

/** The order service's command: charge this order (its stock is reserved). */
export function onPaymentRequested(deps: PaymentDeps): EventHandler<'PaymentRequested'> {
  // The logger is read only when used: the chassis makes one per event on first use.
  return async (event, ctx) => {
    const { paymentId, created } = await requestPayment(ctx.tx, ctx.outbox, deps.providers, event.data, deps.config.createdGraceSeconds);
    if (!created) ctx.logger.info({ orderId: event.data.orderId, paymentId }, 'the order has a payment already; PaymentRequested changed nothing');
  };
}

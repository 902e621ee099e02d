import { withBatch, type EventHandler } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';
import { requestPayment, requestPayments } from '../payments/request-payment.js';

/** The order service's command: charge this order (its stock is reserved). */
export function onPaymentRequested(deps: PaymentDeps): EventHandler<'PaymentRequested'> {
  // The logger is read only when used: the chassis makes one per event on first use.
  return withBatch<'PaymentRequested'>(
    async (event, ctx) => {
      const { paymentId, created } = await requestPayment(ctx.tx, ctx.outbox, deps.providers, event.data, deps.config.createdGraceSeconds);
      if (!created) ctx.logger.info({ orderId: event.data.orderId, paymentId }, 'the order has a payment already; PaymentRequested changed nothing');
    },
    // Commands delivered together: one insert for all of them.
    async (events, ctx) => {
      const created = await requestPayments(ctx.tx, ctx.outbox, deps.providers, events.map((e) => e.data), deps.config.createdGraceSeconds);
      if (created < events.length) ctx.logger.info({ commands: events.length, created }, 'some orders had a payment already; their PaymentRequested changed nothing');
    },
  );
}

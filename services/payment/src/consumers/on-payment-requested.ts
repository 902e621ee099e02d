import { withBatch, withInboxRuns, type EventHandler } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';
import { requestPayment, requestPayments, requestPaymentsWithInbox } from '../payments/request-payment.js';

/** The order service's command: charge this order (its stock is reserved). */
export function onPaymentRequested(deps: PaymentDeps): EventHandler<'PaymentRequested'> {
  // The logger is read only when used: the chassis makes one per event on first use.
  const handler = withBatch<'PaymentRequested'>(
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
  // A delivered run: its inbox rows and its payments in one statement.
  return withInboxRuns(handler, async (events, ctx, inbox) => {
    const { fresh, created } = await requestPaymentsWithInbox(ctx.tx, ctx.outbox, deps.providers, events, inbox, deps.config.createdGraceSeconds);
    if (created < fresh.size) ctx.logger.info({ commands: fresh.size, created }, 'some orders had a payment already; their PaymentRequested changed nothing');
    return fresh;
  });
}

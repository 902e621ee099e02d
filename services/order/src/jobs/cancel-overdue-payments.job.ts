import type { Job } from '@mercato/chassis';
import type { OrderDeps } from '../deps.js';
import { cancelOverduePayments } from '../saga/checkout-saga.js';

const RUN = 100;

/**
 * The payment timeout: orders still awaiting payment past their deadline are cancelled
 * (`payment_timeout`) and their stock released, a claimed run at a time (`SKIP LOCKED`: safe with
 * several replicas). A payment that succeeds after this is refunded by the saga.
 */
export function cancelOverduePaymentsJob(deps: OrderDeps): Job {
  return {
    name: 'cancel-overdue-payments',
    intervalMs: deps.config.paymentSweepIntervalMs,
    run: async () => {
      for (;;) {
        const cancelled = await deps.db.tx((tx) =>
          cancelOverduePayments({ tx, outbox: deps.outbox, logger: deps.logger, paymentTimeoutSeconds: deps.config.paymentTimeoutSeconds }, RUN),
        );
        if (cancelled > 0) deps.logger.info({ cancelled }, 'orders cancelled: payment timed out');
        if (cancelled < RUN) return;
      }
    },
  };
}

import type { Job } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';
import { paymentsStore } from '../payments/payments.store.js';
import { chargePayments, settlePayment } from '../payments/settle-payment.js';
import { executeRefund } from '../refunds/execute-refund.js';
import { refundsStore } from '../refunds/refunds.store.js';

/**
 * Settles what the in-process work did not: payments whose answer was lost (`unknown`), whose
 * call outlived its lease (`processing`, the process died), or that were never charged
 * (`created`, the process died after the commit); payments waiting for the customer are looked
 * at once a lease (a webhook may have been lost); and refunds still pending. Every row is
 * leased with SKIP LOCKED, so any number of processes can run this side by side; a payment is
 * asked about (by its idempotency key) before anything is sent again, never charged blindly.
 */
export async function reconcilePayments(deps: PaymentDeps): Promise<{ payments: number; refunds: number }> {
  const lease = deps.config.chargeLeaseSeconds;
  const payments = await paymentsStore.leaseUnsettled(deps.db, deps.config.reconcileBatch, lease);
  for (const p of payments) {
    try {
      if (p.state === 'created') await chargePayments(deps, [p.id]);
      else await settlePayment(deps, p, 'lookup');
    } catch (err) {
      deps.logger.error({ err, paymentId: p.id }, 'reconciling a payment failed; it is looked at again after its lease');
    }
  }
  const refunds = await refundsStore.leasePending(deps.db, deps.config.reconcileBatch, lease);
  for (const r of refunds) {
    try {
      await executeRefund(deps, r);
    } catch (err) {
      deps.logger.error({ err, refundId: r.id }, 'reconciling a refund failed; it is looked at again after its lease');
    }
  }
  return { payments: payments.length, refunds: refunds.length };
}

export function reconcileJob(deps: PaymentDeps): Job {
  return {
    name: 'reconcile-payments',
    intervalMs: deps.config.reconcileIntervalMs,
    run: async () => {
      const n = await reconcilePayments(deps);
      if (n.payments + n.refunds > 0) deps.logger.info(n, 'reconciled payments and refunds');
    },
  };
}

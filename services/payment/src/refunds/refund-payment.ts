import type { Money } from '@mercato/contracts';
import type { PaymentDeps } from '../deps.js';
import { PaymentNotFound } from '../payments/payment.errors.js';
import { paymentsStore } from '../payments/payments.store.js';
import { startRefund } from './execute-refund.js';
import type { Refund } from './refunds.store.js';
import { requestRefund } from './request-refund.js';

/**
 * An operator's refund: accepted into the ledger (409 with the numbers past the capture), then
 * sent to the provider at once; a lost answer leaves it pending for the reconciler.
 */
export async function refundPayment(deps: PaymentDeps, paymentId: string, ask: { amount: Money; reason: string; requestedBy: string }): Promise<Refund> {
  const accepted = await deps.db.tx(async (tx) => {
    const p = await paymentsStore.getForUpdate(tx, paymentId);
    if (!p) throw new PaymentNotFound();
    return requestRefund(tx, p, { ...ask, refundRequestId: null, overCapture: 'refuse', announce: false }, deps.config.createdGraceSeconds);
  });
  if (!accepted) throw new Error('an operator refund was accepted for nothing');
  return (await startRefund(deps, accepted.refund.id)) ?? accepted.refund;
}

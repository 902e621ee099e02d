import type { PaymentDeps } from '../deps.js';
import { canTransition } from '../payments/payment-states.js';
import { paymentsStore } from '../payments/payments.store.js';
import { retryDelaySeconds } from '../payments/settle-payment.js';
import { AmbiguousProviderError, type RefundResult } from '../providers/provider.js';
import { refundsStore, type Refund } from './refunds.store.js';

/**
 * Asks the provider for a refund this process holds (claimed or leased), outside any
 * transaction, with the refund id as the idempotency key, then records the answer: the ledger
 * row, the payment's refunded total and state, and Refunded, in one transaction. A lost answer
 * leaves the refund pending for the reconciler to ask again (same key: refunded once).
 */
export async function executeRefund(deps: PaymentDeps, refund: Refund): Promise<Refund> {
  const payment = await paymentsStore.get(deps.db, refund.paymentId);
  if (!payment) throw new Error(`refund ${refund.id} has no payment`);
  const provider = deps.providers.get(payment.provider);
  let result: RefundResult | 'unknown';
  if (!provider) result = 'unknown';
  else {
    try {
      result = await provider.refund({
        refundId: refund.id,
        paymentId: payment.id,
        orderId: payment.orderId,
        providerRef: payment.providerRef,
        chargeRef: payment.chargeRef,
        amount: { amount: refund.amount, currency: refund.currency },
        reason: refund.reason,
        idempotencyKey: refund.id,
      });
    } catch (err) {
      if (!(err instanceof AmbiguousProviderError)) deps.logger.warn({ err, refundId: refund.id }, 'refund call failed unexpectedly; will ask again');
      result = 'unknown';
    }
  }
  return deps.db.tx(async (tx) => {
    const p = await paymentsStore.getForUpdate(tx, refund.paymentId);
    const current = await refundsStore.getForUpdate(tx, refund.id);
    if (!p || !current || current.state !== 'pending') return current ?? refund;
    if (result === 'unknown') {
      await refundsStore.postpone(tx, refund.id, retryDelaySeconds(deps, current.attempts));
      return current;
    }
    if (result.status === 'failed') {
      deps.logger.warn({ refundId: refund.id, code: result.code }, 'the provider refused the refund');
      return refundsStore.settle(tx, refund.id, { state: 'failed', code: result.code.slice(0, 64), message: result.message.slice(0, 500) });
    }
    const settled = await refundsStore.settle(tx, refund.id, { state: 'succeeded', providerRef: result.refundRef });
    const total = p.refundedAmount + refund.amount;
    const full = total >= p.capturedAmount;
    const state = full ? 'refunded' : 'partially_refunded';
    if (canTransition(p.state, state)) await paymentsStore.update(tx, p.id, { state, refundedAmount: total });
    await deps.outbox.emit(
      tx,
      'Refunded',
      {
        orderId: p.orderId,
        paymentId: p.id,
        refundId: refund.id,
        refundRequestId: refund.refundRequestId,
        amount: { amount: refund.amount, currency: refund.currency },
        totalRefunded: { amount: total, currency: p.currency },
        full,
      },
      p.orderId,
    );
    return settled;
  });
}

/** The first attempt, by whichever process claims the refund. */
export async function startRefund(deps: PaymentDeps, refundId: string): Promise<Refund | undefined> {
  const claimed = await refundsStore.claimFirst(deps.db, refundId, deps.config.chargeLeaseSeconds);
  if (!claimed) return undefined;
  return executeRefund(deps, claimed);
}

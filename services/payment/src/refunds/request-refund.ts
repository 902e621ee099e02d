import type { Queryable } from '@mercato/chassis';
import { newId, type Money } from '@mercato/contracts';
import { REFUNDABLE_STATES } from '../payments/payment-states.js';
import { PaymentNotRefundable } from '../payments/payment.errors.js';
import type { Payment } from '../payments/payment.js';
import { WORK_CHANNEL } from '../payments/request-payment.js';
import { RefundCurrencyMismatch, RefundExceedsCapture } from './refund.errors.js';
import { refundsStore, type Refund } from './refunds.store.js';

export interface RefundAsk {
  amount: Money;
  reason: string;
  refundRequestId: string | null;
  requestedBy: string | null;
  /** `refuse` answers 409 past the capture (an operator); `cap` refunds what is left (a command). */
  overCapture: 'refuse' | 'cap';
  /** Announce the refund for the after-commit worker (a command); an endpoint runs it itself. */
  announce: boolean;
}

/**
 * Accepts a refund into the ledger, in the caller's transaction, with the payment locked so
 * that concurrent refunds cannot together exceed the capture. A repeated refund request (same
 * refundRequestId) returns the refund it made the first time. Undefined: nothing to refund.
 */
export async function requestRefund(tx: Queryable, payment: Payment, ask: RefundAsk, graceSeconds: number): Promise<{ refund: Refund; created: boolean } | undefined> {
  if (ask.refundRequestId) {
    const existing = await refundsStore.byRequest(tx, ask.refundRequestId);
    if (existing) return { refund: existing, created: false };
  }
  if (!REFUNDABLE_STATES.includes(payment.state)) throw new PaymentNotRefundable(payment.state);
  if (ask.amount.currency !== payment.currency) throw new RefundCurrencyMismatch(payment.currency, ask.amount.currency);
  const reserved = await refundsStore.reserved(tx, payment.id);
  const refundable = Math.max(0, payment.capturedAmount - reserved);
  let amount = ask.amount.amount;
  if (amount > refundable) {
    if (ask.overCapture === 'refuse' || refundable === 0) {
      throw new RefundExceedsCapture({
        captured: payment.capturedAmount,
        refunded: payment.refundedAmount,
        pending: reserved - payment.refundedAmount,
        refundable,
        requested: amount,
        currency: payment.currency,
      });
    }
    amount = refundable;
  }
  if (amount <= 0) return undefined;
  const refund = await refundsStore.insert(tx, {
    id: newId('rfd'),
    paymentId: payment.id,
    refundRequestId: ask.refundRequestId,
    amount,
    currency: payment.currency,
    reason: ask.reason,
    requestedBy: ask.requestedBy,
    graceSeconds,
  });
  if (ask.announce) await tx.query('SELECT pg_notify($1, $2)', [WORK_CHANNEL, `refund:${refund.id}`]);
  return { refund, created: true };
}

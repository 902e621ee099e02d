import type { Payment } from '../payments/payment.js';
import type { Refund } from '../refunds/refunds.store.js';

/** A refund as the API shows it. */
export const presentRefund = (r: Refund) => ({
  id: r.id,
  paymentId: r.paymentId,
  refundRequestId: r.refundRequestId,
  amount: { amount: r.amount, currency: r.currency },
  reason: r.reason,
  state: r.state,
  failureCode: r.failureCode,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** A payment as the API shows it: provider ids, brand and last four — never card data. */
export const presentPayment = (p: Payment, refunds: readonly Refund[] = []) => ({
  id: p.id,
  orderId: p.orderId,
  userId: p.userId,
  provider: p.provider,
  state: p.state,
  amount: { amount: p.amount, currency: p.currency },
  captured: { amount: p.capturedAmount, currency: p.currency },
  refunded: { amount: p.refundedAmount, currency: p.currency },
  card: p.cardBrand || p.cardLast4 ? { brand: p.cardBrand, last4: p.cardLast4 } : null,
  providerRef: p.providerRef,
  nextActionUrl: p.state === 'requires_action' ? p.nextActionUrl : null,
  failure: p.failureCode ? { code: p.failureCode, message: p.failureMessage ?? '' } : null,
  refunds: refunds.map(presentRefund),
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

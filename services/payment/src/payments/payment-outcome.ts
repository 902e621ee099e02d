import type { EventData } from '@mercato/contracts';
import type { ChargeResult } from '../providers/provider.js';
import { canTransition } from './payment-states.js';
import type { Payment } from './payment.js';

export type Outcome = ChargeResult | { status: 'unknown' };

export type PaymentEvent =
  | { type: 'PaymentSucceeded'; data: EventData<'PaymentSucceeded'> }
  | { type: 'PaymentFailed'; data: EventData<'PaymentFailed'> }
  | { type: 'PaymentActionRequired'; data: EventData<'PaymentActionRequired'> };

/**
 * What deciding an outcome reads of a payment and what it may change: a payment locked only to
 * record an outcome need not be read whole (`Payment` has these and more).
 */
export type OutcomeColumns = Pick<
  Payment,
  'id' | 'orderId' | 'provider' | 'amount' | 'currency' | 'state' | 'providerRef' | 'chargeRef' | 'cardBrand' | 'cardLast4' | 'nextActionUrl' | 'failureCode' | 'failureMessage' | 'capturedAmount' | 'attempts'
>;

export interface Decision<P extends OutcomeColumns = Payment> {
  /** The payment after the outcome. */
  next: P;
  /** Seconds from now before the reconciler may look again; null leaves the lease as it is. */
  leaseSeconds: number | null;
  event: PaymentEvent | null;
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

/**
 * What an answer of the provider does to a payment (pure: no I/O). null when the state table
 * refuses the move — a late or repeated message changes nothing and emits nothing.
 * `retrySeconds`: when the reconciler may look again at a payment left unsettled.
 */
export function decideOutcome<P extends OutcomeColumns>(p: P, outcome: Outcome, retrySeconds: number): Decision<P> | null {
  const refs = outcome.status === 'unknown' ? {} : { providerRef: outcome.providerRef ?? p.providerRef, chargeRef: outcome.chargeRef ?? p.chargeRef };
  const base = { orderId: p.orderId, paymentId: p.id, provider: p.provider };
  switch (outcome.status) {
    case 'succeeded':
      if (!canTransition(p.state, 'succeeded')) return null;
      return {
        next: {
          ...p,
          ...refs,
          state: 'succeeded',
          cardBrand: outcome.card?.brand ?? p.cardBrand,
          cardLast4: outcome.card?.last4 ?? p.cardLast4,
          capturedAmount: p.amount,
          nextActionUrl: null,
        },
        leaseSeconds: null,
        event: { type: 'PaymentSucceeded', data: { ...base, amount: { amount: p.amount, currency: p.currency } } },
      };
    case 'failed': {
      if (!canTransition(p.state, 'failed')) return null;
      const code = clip(outcome.code || 'payment_failed', 64);
      const message = clip(outcome.message, 500);
      return {
        next: { ...p, ...refs, state: 'failed', failureCode: code, failureMessage: message, nextActionUrl: null },
        leaseSeconds: null,
        event: { type: 'PaymentFailed', data: { ...base, code, message } },
      };
    }
    case 'requires_action':
      if (!canTransition(p.state, 'requires_action')) return null;
      return {
        next: { ...p, ...refs, state: 'requires_action', nextActionUrl: outcome.nextActionUrl },
        leaseSeconds: null,
        event: { type: 'PaymentActionRequired', data: { ...base, nextActionUrl: outcome.nextActionUrl } },
      };
    case 'processing':
      // The provider is still at it: wait for a webhook, or look again after the lease.
      if (p.state !== 'processing' && !canTransition(p.state, 'processing')) return null;
      return { next: { ...p, ...refs, state: 'processing' }, leaseSeconds: retrySeconds, event: null };
    case 'unknown':
      if (p.state !== 'unknown' && !canTransition(p.state, 'unknown')) return null;
      return { next: { ...p, state: 'unknown' }, leaseSeconds: retrySeconds, event: null };
  }
}

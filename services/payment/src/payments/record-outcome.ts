import { currentContext, type Outbox, type Queryable } from '@mercato/chassis';
import { buildEvent, type Envelope } from '@mercato/contracts';
import type { Payment } from './payment.js';
import { decideOutcome, type Outcome, type OutcomeColumns } from './payment-outcome.js';
import { paymentsStore } from './payments.store.js';

export type { Outcome } from './payment-outcome.js';

export interface OutcomeOf<P extends OutcomeColumns = Payment> {
  /** Locked by the caller in this transaction. */
  payment: P;
  outcome: Outcome;
  retrySeconds: number;
  /** The trace its event continues (the charge's); else the current context's. */
  traceparent?: string | undefined;
}

/**
 * Applies what the provider said to payments the caller has locked, in the caller's
 * transaction, with their events: each state change and its event commit together. Several at
 * once cost one statement: the payments' update and the outbox insert together. Moves the
 * state table refuses change nothing.
 */
export async function recordOutcomes<P extends OutcomeColumns>(tx: Queryable, outbox: Outbox, items: readonly OutcomeOf<P>[]): Promise<P[]> {
  const changed: { next: P; leaseSeconds: number | null }[] = [];
  const events: Envelope[] = [];
  const traceparent = currentContext()?.traceparent ?? null;
  const result = items.map(({ payment, outcome, retrySeconds, traceparent: own }) => {
    const d = decideOutcome(payment, outcome, retrySeconds);
    if (!d) return payment;
    changed.push({ next: d.next, leaseSeconds: d.leaseSeconds });
    if (d.event) events.push(buildEvent(d.event.type, d.event.data as never, { source: 'payment', subject: payment.orderId, traceparent: own ?? traceparent }));
    return d.next;
  });
  // Validated once, by the outbox.
  if (changed.length > 0) await paymentsStore.saveOutcomes(tx, changed, outbox.insert(tx, events));
  return result;
}

/** One payment's outcome (see recordOutcomes). */
export async function recordOutcome(tx: Queryable, outbox: Outbox, payment: Payment, outcome: Outcome, retrySeconds: number): Promise<Payment> {
  const [next] = await recordOutcomes(tx, outbox, [{ payment, outcome, retrySeconds }]);
  return next!;
}

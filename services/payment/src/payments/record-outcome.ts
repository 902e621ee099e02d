import { currentContext, type Outbox, type Queryable } from '@mercato/chassis';
import { buildEvent, type Envelope } from '@mercato/contracts';
import type { Payment } from './payment.js';
import { decideOutcome, type Outcome } from './payment-outcome.js';
import { paymentsStore } from './payments.store.js';

export type { Outcome } from './payment-outcome.js';

export interface OutcomeOf {
  /** Locked by the caller in this transaction. */
  payment: Payment;
  outcome: Outcome;
  retrySeconds: number;
  /** The trace its event continues (the charge's); else the current context's. */
  traceparent?: string | undefined;
}

/**
 * Applies what the provider said to payments the caller has locked, in the caller's
 * transaction, with their events: each state change and its event commit together. Several at
 * once cost one UPDATE and one outbox INSERT. Moves the state table refuses change nothing.
 */
export async function recordOutcomes(tx: Queryable, outbox: Outbox, items: readonly OutcomeOf[]): Promise<Payment[]> {
  const changed: { next: Payment; leaseSeconds: number | null }[] = [];
  const events: Envelope[] = [];
  const traceparent = currentContext()?.traceparent ?? null;
  const result = items.map(({ payment, outcome, retrySeconds, traceparent: own }) => {
    const d = decideOutcome(payment, outcome, retrySeconds);
    if (!d) return payment;
    changed.push({ next: d.next, leaseSeconds: d.leaseSeconds });
    // Validated once, by the outbox.
    if (d.event) events.push(buildEvent(d.event.type, d.event.data as never, { source: 'payment', subject: payment.orderId, traceparent: own ?? traceparent }));
    return d.next;
  });
  await paymentsStore.saveMany(tx, changed);
  await outbox.add(tx, events);
  return result;
}

/** One payment's outcome (see recordOutcomes). */
export async function recordOutcome(tx: Queryable, outbox: Outbox, payment: Payment, outcome: Outcome, retrySeconds: number): Promise<Payment> {
  const [next] = await recordOutcomes(tx, outbox, [{ payment, outcome, retrySeconds }]);
  return next!;
}

import { childTraceparent, inSpan } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';
import { AmbiguousProviderError, type ChargeRequest, type LookupResult } from '../providers/provider.js';
import type { SandboxProvider } from '../providers/sandbox.provider.js';
import type { OutcomeColumns } from './payment-outcome.js';
import type { Payment } from './payment.js';
import { paymentsStore, type ChargeLock, type ChargeTarget } from './payments.store.js';
import { recordOutcomes, type Outcome } from './record-outcome.js';

export const chargeRequestOf = (p: ChargeTarget): ChargeRequest => ({
  paymentId: p.id,
  orderId: p.orderId,
  amount: { amount: p.amount, currency: p.currency },
  paymentMethod: p.paymentMethod,
  email: p.email,
  idempotencyKey: p.orderId,
  providerRef: p.providerRef,
  chargeRef: p.chargeRef,
});

/** Seconds before an unsettled payment is looked at again: doubling per attempt, capped. */
export function retryDelaySeconds(deps: PaymentDeps, attempts: number): number {
  return Math.min(600, deps.config.unknownRetrySeconds * 2 ** Math.max(0, Math.min(attempts - 1, 10)));
}

/** Asks the provider, outside any transaction; never throws (a lost answer is `unknown`). */
async function askProvider(deps: PaymentDeps, p: ChargeTarget, mode: 'charge' | 'lookup'): Promise<Outcome> {
  const provider = deps.providers.get(p.provider);
  if (!provider) return { status: 'failed', providerRef: null, chargeRef: null, code: 'provider_unavailable', message: `The ${p.provider} provider is not configured` };
  const req = chargeRequestOf(p);
  try {
    let result: LookupResult = mode === 'charge' ? await provider.charge(req) : await provider.retrieve(req);
    if (result.status === 'not_found') result = await provider.charge(req);
    return result;
  } catch (err) {
    if (!(err instanceof AmbiguousProviderError)) deps.logger.warn({ err, paymentId: p.id }, 'provider call failed unexpectedly; the outcome is unknown');
    else deps.logger.info({ paymentId: p.id, reason: err.message }, 'provider answer lost; the payment is unknown until reconciled');
    return { status: 'unknown' };
  }
}

/** Records the answers, all in one transaction with their events (payments locked in id order). */
async function recordAnswers(deps: PaymentDeps, outcomes: ReadonlyMap<string, Outcome>, traces?: ReadonlyMap<string, string>): Promise<Payment[]> {
  return deps.db.tx(async (tx) => {
    const locked = await paymentsStore.getManyForUpdate(tx, [...outcomes.keys()]);
    return recordOutcomes(tx, deps.outbox, locked.map((payment) => {
      const outcome = outcomes.get(payment.id)!;
      return {
        payment,
        outcome,
        retrySeconds: outcome.status === 'processing' ? deps.config.chargeLeaseSeconds : retryDelaySeconds(deps, payment.attempts),
        traceparent: traces?.get(payment.id),
      };
    }));
  });
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Talks to the provider about a payment this process holds (claimed `processing`, or leased
 * by the reconciler), outside any transaction, then records the answer in one. `charge`
 * creates and confirms; `lookup` asks for the provider's truth first and only re-sends the
 * charge — with the same idempotency key, so never a second charge — when the provider has
 * never seen it.
 */
export async function settlePayment(deps: PaymentDeps, p: Payment, mode: 'charge' | 'lookup'): Promise<Payment> {
  const outcome = await askProvider(deps, p, mode);
  const [recorded] = await recordAnswers(deps, new Map([[p.id, outcome]]));
  if (!recorded) throw new Error(`payment ${p.id} vanished`);
  return recorded;
}

/**
 * The first attempt for new payments, by whichever process wins their claim (`created` →
 * `processing`, committed before any provider call). Several at once: one claim, the calls side
 * by side (at most PAYMENT_WORK_CONCURRENCY), one transaction for all the outcomes.
 */
export async function chargePayments(deps: PaymentDeps, ids: readonly string[], parents: ReadonlyMap<string, string> = new Map()): Promise<OutcomeColumns[]> {
  const settled = deps.sandbox ? await chargeSandboxPayments(deps, deps.sandbox, ids, parents) : [];
  if (settled.length === ids.length) return settled;
  const done = new Set(settled.map((p) => p.id));
  const claimed = await paymentsStore.claimForCharge(deps.db, done.size === 0 ? ids : ids.filter((id) => !done.has(id)), deps.config.chargeLeaseSeconds);
  if (claimed.length === 0) return settled;
  const traces = new Map<string, string>();
  const charge = (p: ChargeTarget) => inChargeSpan(p, parents, traces, () => askProvider(deps, p, 'charge'));
  // Each provider's calls at its own pace: a remote API at PAYMENT_WORK_CONCURRENCY, the
  // sandbox all at once (it records the calls of one tick in one statement).
  const byProvider = new Map<string, ChargeTarget[]>();
  for (const p of claimed) {
    const list = byProvider.get(p.provider);
    if (list) list.push(p);
    else byProvider.set(p.provider, [p]);
  }
  const outcomes = new Map<string, Outcome>();
  await Promise.all(
    [...byProvider].map(async ([name, list]) => {
      const limit = deps.providers.get(name as Payment['provider'])?.concurrency ?? deps.config.workConcurrency;
      const answers = await mapLimit(list, limit, charge);
      list.forEach((p, i) => outcomes.set(p.id, answers[i]!));
    }),
  );
  return [...settled, ...(await recordAnswers(deps, new Map(claimed.map((p) => [p.id, outcomes.get(p.id)!])), traces))];
}

/**
 * Each charge is a span in the trace of the PaymentRequested that asked for it; the outcome's
 * event (PaymentSucceeded/Failed) is its child (its traceparent is put in `traces`).
 */
function inChargeSpan<T>(p: ChargeTarget, parents: ReadonlyMap<string, string>, traces: Map<string, string>, call: () => Promise<T>): Promise<T> {
  const parent = parents.get(p.id);
  return inSpan('payment charge', parent ?? null, { kind: 'internal', attributes: { 'mercato.payment.id': p.id, 'mercato.order.id': p.orderId, 'mercato.payment.provider': p.provider } }, (traceparent) => {
    const mine = traceparent ?? (parent ? childTraceparent(parent) : undefined);
    if (mine) traces.set(p.id, mine);
    return call();
  });
}

/**
 * New sandbox payments among `ids`: the claim, the charge and the outcome with its event in
 * one transaction. The sandbox keeps its books in this database, so its charge commits with
 * the payment's outcome or not at all: a crash or an error leaves the payment `created` and
 * nothing charged (the reconciler charges it after its grace), never charged and unrecorded.
 * Rows another transaction holds are skipped; so are methods whose answer does not come at
 * once (`pm_card_timeout`), left to the claim-then-call path. Returns the payments settled.
 */
async function chargeSandboxPayments(deps: PaymentDeps, sandbox: SandboxProvider, ids: readonly string[], parents: ReadonlyMap<string, string>): Promise<OutcomeColumns[]> {
  return deps.db.tx(async (tx) => {
    const locked = (await paymentsStore.lockNewForCharge(tx, ids, 'sandbox')).filter((p) => sandbox.answersAtOnce(p.paymentMethod));
    if (locked.length === 0) return [];
    // Claimed in this transaction: `processing`, one more call to the provider.
    const claimed = locked.map((p): ChargeLock => ({ ...p, state: 'processing', attempts: p.attempts + 1 }));
    const traces = new Map<string, string>();
    // Called in one tick, written in one statement.
    const answers = await Promise.all(claimed.map((p) => inChargeSpan(p, parents, traces, () => sandbox.chargeInTransaction(tx, chargeRequestOf(p)))));
    return recordOutcomes(tx, deps.outbox, claimed.map((payment, i) => ({
      payment,
      outcome: answers[i]!,
      retrySeconds: deps.config.chargeLeaseSeconds,
      traceparent: traces.get(payment.id),
    })));
  });
}

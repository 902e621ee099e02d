import { currentContext, type InboxRun, type Outbox, type Queryable } from '@mercato/chassis';
import { newId, type EventData, type TypedEnvelope } from '@mercato/contracts';
import type { ProviderRegistry } from '../providers/registry.js';
import { paymentsStore, type NewPayment } from './payments.store.js';

/**
 * The channel the charge work is announced on: PostgreSQL delivers it only once the insert
 * commits. Payload `payment:<id>[,<id>…][:<traceparent>]` (a run of commands announces its new
 * payments together): the charge joins the command's trace.
 */
export const WORK_CHANNEL = 'payment_work';

/** The announcement of a new payment's charge, in the trace of the work that asked for it. */
export function chargeWork(paymentId: string): string {
  const traceparent = currentContext()?.traceparent;
  return traceparent ? `payment:${paymentId}:${traceparent}` : `payment:${paymentId}`;
}

/** The order's payment as the command asks for it: `created`, or `failed` at once when its provider is not configured. */
function newPayment(providers: ProviderRegistry, data: EventData<'PaymentRequested'>, graceSeconds: number): NewPayment {
  const available = providers.get(data.provider) !== undefined;
  return {
    id: newId('pay'),
    orderId: data.orderId,
    userId: data.userId,
    email: data.email,
    provider: data.provider,
    paymentMethod: data.paymentMethod,
    amount: data.amount.amount,
    currency: data.amount.currency,
    state: available ? 'created' : 'failed',
    ...(available ? {} : { failureCode: 'provider_unavailable', failureMessage: `The ${data.provider} provider is not available` }),
    graceSeconds,
  };
}

function emitUnavailable(outbox: Outbox, tx: Queryable, p: NewPayment): Promise<unknown> {
  return outbox.emit(tx, 'PaymentFailed', { orderId: p.orderId, paymentId: p.id, provider: p.provider, code: 'provider_unavailable', message: p.failureMessage! }, p.orderId);
}

/**
 * PaymentRequested, in the handler's (inbox) transaction: records the order's one payment.
 * The provider is called after the commit (announced with NOTIFY, delivered on commit only), so
 * no transaction is held open across a network call. An order that has a payment already keeps
 * it: a redelivered or repeated command charges nothing more. A provider that is not configured
 * fails the payment at once.
 */
export async function requestPayment(
  tx: Queryable,
  outbox: Outbox,
  providers: ProviderRegistry,
  data: EventData<'PaymentRequested'>,
  graceSeconds: number,
): Promise<{ paymentId: string | undefined; created: boolean }> {
  const payment = newPayment(providers, data, graceSeconds);
  const created = await paymentsStore.insert(tx, payment, payment.state === 'created' ? { channel: WORK_CHANNEL, payload: chargeWork(payment.id) } : undefined);
  if (!created) return { paymentId: (await paymentsStore.byOrder(tx, data.orderId))?.id, created: false };
  if (payment.state === 'failed') await emitUnavailable(outbox, tx, payment);
  return { paymentId: payment.id, created: true };
}

/**
 * The same for a run of PaymentRequested delivered together: one multi-row insert instead of
 * one per command, with the same outcome as handling them one by one, in order.
 */
export async function requestPayments(
  tx: Queryable,
  outbox: Outbox,
  providers: ProviderRegistry,
  list: ReadonlyArray<EventData<'PaymentRequested'>>,
  graceSeconds: number,
): Promise<number> {
  const rows = list.map((data) => newPayment(providers, data, graceSeconds));
  const inserted = await paymentsStore.insertMany(tx, rows, WORK_CHANNEL, currentContext()?.traceparent);
  for (const row of rows) if (inserted.has(row.id) && row.state === 'failed') await emitUnavailable(outbox, tx, row);
  return inserted.size;
}

/**
 * The same in the statement that records the run's inbox rows (`inbox`): only the commands the
 * inbox did not have count. Returns their event ids and how many payments were created.
 */
export async function requestPaymentsWithInbox(
  tx: Queryable,
  outbox: Outbox,
  providers: ProviderRegistry,
  events: ReadonlyArray<TypedEnvelope<'PaymentRequested'>>,
  inbox: InboxRun,
  graceSeconds: number,
): Promise<{ fresh: Set<string>; created: number }> {
  const rows = events.map((e) => newPayment(providers, e.data, graceSeconds));
  const { inserted, fresh } = await paymentsStore.insertManyWithInbox(tx, rows, events.map((e) => e.id), inbox, WORK_CHANNEL, currentContext()?.traceparent);
  for (const row of rows) if (inserted.has(row.id) && row.state === 'failed') await emitUnavailable(outbox, tx, row);
  return { fresh, created: inserted.size };
}

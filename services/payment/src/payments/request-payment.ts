import type { Outbox, Queryable } from '@mercato/chassis';
import { newId, type EventData } from '@mercato/contracts';
import type { ProviderRegistry } from '../providers/registry.js';
import { paymentsStore } from './payments.store.js';

/** The channel the charge work is announced on: PostgreSQL delivers it only once the insert commits. */
export const WORK_CHANNEL = 'payment_work';

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
  const available = providers.get(data.provider) !== undefined;
  const id = newId('pay');
  const created = await paymentsStore.insert(tx, {
    id,
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
  }, available ? { channel: WORK_CHANNEL, payload: `payment:${id}` } : undefined);
  if (!created) return { paymentId: (await paymentsStore.byOrder(tx, data.orderId))?.id, created: false };
  if (!available) {
    await outbox.emit(
      tx,
      'PaymentFailed',
      { orderId: data.orderId, paymentId: id, provider: data.provider, code: 'provider_unavailable', message: `The ${data.provider} provider is not available` },
      data.orderId,
    );
  }
  return { paymentId: id, created: true };
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
  const rows = list.map((data) => {
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
      state: available ? ('created' as const) : ('failed' as const),
      ...(available ? {} : { failureCode: 'provider_unavailable', failureMessage: `The ${data.provider} provider is not available` }),
      graceSeconds,
    };
  });
  const inserted = await paymentsStore.insertMany(tx, rows, WORK_CHANNEL);
  for (const row of rows) {
    if (!inserted.has(row.id) || row.state !== 'failed') continue;
    await outbox.emit(
      tx,
      'PaymentFailed',
      { orderId: row.orderId, paymentId: row.id, provider: row.provider, code: 'provider_unavailable', message: row.failureMessage! },
      row.orderId,
    );
  }
  return inserted.size;
}

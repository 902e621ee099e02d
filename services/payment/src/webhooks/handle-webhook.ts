import { InvalidData } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';
import { canTransition } from '../payments/payment-states.js';
import { paymentsStore } from '../payments/payments.store.js';
import { recordOutcome } from '../payments/record-outcome.js';
import { settlePayment } from '../payments/settle-payment.js';
import { InvalidWebhookSignature, type ProviderName, type WebhookUpdate } from '../providers/provider.js';
import { InvalidSignature, WebhooksNotConfigured } from './webhook.errors.js';
import { webhookEventsStore } from './webhook-events.store.js';

export interface WebhookReceipt {
  eventId: string;
  duplicate: boolean;
  paymentId: string | null;
  state: string | null;
}

/**
 * A provider's webhook: the signature is checked on the raw bytes first (nothing is read or
 * changed before); then, in one transaction, the event id is recorded (a repeat does nothing)
 * and the payment moves on only where the state table allows (a late `processing` after
 * `succeeded` changes nothing). An authorized Razorpay payment is captured after the commit.
 */
export async function handleWebhook(deps: PaymentDeps, name: ProviderName, rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<WebhookReceipt> {
  const provider = deps.providers.get(name);
  if (!provider?.parseWebhook) throw new WebhooksNotConfigured(name);
  let update: WebhookUpdate;
  try {
    update = provider.parseWebhook(rawBody, headers);
  } catch (err) {
    if (err instanceof InvalidWebhookSignature) throw new InvalidSignature(err.message);
    if (err instanceof SyntaxError) throw new InvalidData('The webhook body is not JSON');
    throw err;
  }
  const outcome = update.outcome;
  const result = await deps.db.tx(async (tx) => {
    const receipt: WebhookReceipt = { eventId: update.eventId, duplicate: false, paymentId: null, state: null };
    if (!(await webhookEventsStore.record(tx, name, update.eventId, update.type))) return { ...receipt, duplicate: true, capture: false };
    if (!outcome) return { ...receipt, capture: false };
    let p = update.orderId ? await paymentsStore.byOrder(tx, update.orderId, { forUpdate: true }) : undefined;
    if (!p && update.providerRef) p = await paymentsStore.byProviderRefForUpdate(tx, name, update.providerRef);
    if (!p && update.chargeRef) p = await paymentsStore.byProviderRefForUpdate(tx, name, update.chargeRef);
    if (!p || p.provider !== name) {
      deps.logger.info({ provider: name, eventId: update.eventId, type: update.type }, 'webhook for a payment this service does not know; recorded and ignored');
      return { ...receipt, capture: false };
    }
    if (outcome.status === 'authorized') {
      // Authorized, not captured: the capture is a provider call, so it happens after this commit.
      const moved =
        p.state === 'processing' || canTransition(p.state, 'processing')
          ? await recordOutcome(tx, deps.outbox, p, { status: 'processing', providerRef: outcome.providerRef, chargeRef: outcome.chargeRef }, deps.config.chargeLeaseSeconds)
          : p;
      return { ...receipt, paymentId: p.id, state: moved.state, capture: moved.state === 'processing' };
    }
    const next = await recordOutcome(tx, deps.outbox, p, outcome, deps.config.chargeLeaseSeconds);
    return { ...receipt, paymentId: p.id, state: next.state, capture: false };
  });
  const { capture, ...receipt } = result;
  if (capture && receipt.paymentId) {
    const leased = await paymentsStore.leaseNow(deps.db, receipt.paymentId, deps.config.chargeLeaseSeconds);
    // Another process holds it (it will capture); or the reconciler does after the lease.
    if (leased?.state === 'processing') {
      try {
        receipt.state = (await settlePayment(deps, leased, 'lookup')).state;
      } catch (err) {
        deps.logger.warn({ err, paymentId: leased.id }, 'capture after webhook failed; the reconciler retries');
      }
    }
  }
  return receipt;
}

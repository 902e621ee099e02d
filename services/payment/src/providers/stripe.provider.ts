import Stripe from 'stripe';
import type { StripeConfig } from '../config.js';
import { headerValue, verifyStripeSignature } from '../webhooks/signatures.js';
import {
  AmbiguousProviderError,
  InvalidWebhookSignature,
  lowerCurrency,
  type ChargeRequest,
  type ChargeResult,
  type LookupResult,
  type PaymentProvider,
  type RefundRequest,
  type RefundResult,
  type WebhookUpdate,
} from './provider.js';

type Intent = Stripe.PaymentIntent;

/**
 * Stripe through the official package: a PaymentIntent created and confirmed in one call, with
 * the order id as the idempotency key (a repeat returns the same intent, never a second
 * charge). `host`/`port`/`protocol` come from STRIPE_API_BASE, so tests point it at a local
 * server that speaks Stripe's protocol.
 */
export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  private readonly stripe: Stripe;
  private readonly config: StripeConfig;

  constructor(config: StripeConfig) {
    this.config = config;
    const base = new URL(config.apiBase);
    const protocol = base.protocol === 'http:' ? 'http' : 'https';
    this.stripe = new Stripe(config.secretKey, {
      host: base.hostname,
      port: base.port ? Number(base.port) : protocol === 'http' ? 80 : 443,
      protocol,
      timeout: config.timeoutMs,
      // Retries are ours (the reconciler), always with the same idempotency key.
      maxNetworkRetries: 0,
      telemetry: false,
    });
  }

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: req.amount.amount,
          currency: lowerCurrency(req.amount),
          payment_method: req.paymentMethod,
          confirm: true,
          return_url: this.config.returnUrl,
          receipt_email: req.email,
          metadata: { order_id: req.orderId, payment_id: req.paymentId },
          expand: ['latest_charge'],
        },
        { idempotencyKey: req.idempotencyKey },
      );
      return this.fromIntent(intent, req.paymentId);
    } catch (err) {
      return this.fromError(err, req);
    }
  }

  async retrieve(req: ChargeRequest): Promise<LookupResult> {
    try {
      if (req.providerRef) return this.fromIntent(await this.stripe.paymentIntents.retrieve(req.providerRef, { expand: ['latest_charge'] }), req.paymentId);
      const found = await this.stripe.paymentIntents.search({ query: `metadata['order_id']:'${req.orderId}'`, limit: 1, expand: ['data.latest_charge'] });
      const intent = found.data[0];
      // Not found: Stripe never made it (or has not indexed it yet — the charge is then re-sent
      // with the same idempotency key, which returns the same intent rather than a new charge).
      return intent ? this.fromIntent(intent, req.paymentId) : { status: 'not_found' };
    } catch (err) {
      if (err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 404) return { status: 'not_found' };
      throw new AmbiguousProviderError(`stripe: ${(err as Error).message}`, { cause: err });
    }
  }

  async refund(req: RefundRequest): Promise<RefundResult> {
    if (!req.providerRef) return { status: 'failed', code: 'charge_not_found', message: 'stripe: the payment has no PaymentIntent' };
    try {
      const refund = await this.stripe.refunds.create(
        { payment_intent: req.providerRef, amount: req.amount.amount, metadata: { refund_id: req.refundId, order_id: req.orderId } },
        { idempotencyKey: req.idempotencyKey },
      );
      if (refund.status === 'failed' || refund.status === 'canceled') return { status: 'failed', code: refund.failure_reason ?? 'refund_failed', message: `stripe: the refund ${refund.status}` };
      return { status: 'succeeded', refundRef: refund.id };
    } catch (err) {
      if (err instanceof Stripe.errors.StripeInvalidRequestError && (err.statusCode ?? 0) < 500) {
        return { status: 'failed', code: err.code ?? 'invalid_request', message: `stripe: ${err.message}` };
      }
      throw new AmbiguousProviderError(`stripe: ${(err as Error).message}`, { cause: err });
    }
  }

  parseWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): WebhookUpdate {
    if (!this.config.webhookSecret) throw new InvalidWebhookSignature('Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)');
    verifyStripeSignature(rawBody, headerValue(headers['stripe-signature']), this.config.webhookSecret);
    const event = JSON.parse(rawBody.toString('utf8')) as { id?: unknown; type?: unknown; data?: { object?: unknown } };
    if (typeof event.id !== 'string' || typeof event.type !== 'string') throw new InvalidWebhookSignature('The Stripe event is malformed');
    const obj = (event.data?.object ?? {}) as Partial<Intent>;
    const update: WebhookUpdate = { eventId: event.id, type: event.type, orderId: null, providerRef: null, chargeRef: null, outcome: null };
    if (!event.type.startsWith('payment_intent.') || obj.object !== 'payment_intent' || typeof obj.id !== 'string') return update;
    const intent = obj as Intent;
    update.orderId = intent.metadata?.order_id ?? null;
    update.providerRef = intent.id;
    const paymentId = intent.metadata?.payment_id ?? '';
    switch (event.type) {
      case 'payment_intent.succeeded':
      case 'payment_intent.payment_failed':
      case 'payment_intent.processing':
      case 'payment_intent.requires_action':
      case 'payment_intent.canceled':
        update.outcome = this.fromIntent(intent, paymentId);
        break;
      default:
        break;
    }
    return update;
  }

  private fromIntent(intent: Intent, paymentId: string): ChargeResult {
    const charge = typeof intent.latest_charge === 'object' && intent.latest_charge ? intent.latest_charge : null;
    const refs = { providerRef: intent.id, chargeRef: charge?.id ?? (typeof intent.latest_charge === 'string' ? intent.latest_charge : null) };
    switch (intent.status) {
      case 'succeeded': {
        const card = charge?.payment_method_details?.card;
        return { status: 'succeeded', ...refs, card: { brand: card?.brand ?? null, last4: card?.last4 ?? null } };
      }
      case 'requires_action':
        return { status: 'requires_action', ...refs, nextActionUrl: this.nextActionUrl(intent, paymentId) };
      case 'processing':
      case 'requires_capture':
      case 'requires_confirmation':
        return { status: 'processing', ...refs };
      case 'canceled':
        return { status: 'failed', ...refs, code: 'canceled', message: intent.cancellation_reason ?? 'The payment was canceled' };
      case 'requires_payment_method':
      default: {
        const e = intent.last_payment_error;
        return { status: 'failed', ...refs, code: e?.decline_code ?? e?.code ?? 'payment_failed', message: e?.message ?? 'The payment failed' };
      }
    }
  }

  /**
   * `redirect_to_url` gives Stripe's own page; `use_stripe_sdk` needs Stripe.js in the
   * browser, so the link is the storefront's page for it (STRIPE_ACTION_URL), which calls
   * `stripe.handleNextAction` with the intent's client secret.
   */
  private nextActionUrl(intent: Intent, paymentId: string): string {
    const redirect = intent.next_action?.redirect_to_url?.url;
    if (redirect) return redirect;
    const u = new URL(this.config.actionUrl);
    u.searchParams.set('payment_id', paymentId);
    u.searchParams.set('payment_intent', intent.id);
    if (intent.client_secret) u.searchParams.set('payment_intent_client_secret', intent.client_secret);
    return u.toString();
  }

  private fromError(err: unknown, req: ChargeRequest): ChargeResult {
    // A decline is an answer: the card was refused (402), with the intent it left behind.
    if (err instanceof Stripe.errors.StripeCardError) {
      const intent = (err.raw as { payment_intent?: Intent } | undefined)?.payment_intent;
      return {
        status: 'failed',
        providerRef: intent?.id ?? null,
        chargeRef: null,
        code: err.decline_code ?? err.code ?? 'card_declined',
        message: err.message,
      };
    }
    // A refused request (400/404) charged nothing; anything else (timeout, connection, 5xx,
    // 409 idempotency, 429, 401) may or may not have: the outcome is unknown.
    if (err instanceof Stripe.errors.StripeInvalidRequestError && (err.statusCode === 400 || err.statusCode === 404)) {
      return { status: 'failed', providerRef: null, chargeRef: null, code: err.code ?? 'invalid_request', message: err.message };
    }
    throw new AmbiguousProviderError(`stripe: ${(err as Error).message ?? 'request failed'} (order ${req.orderId})`, { cause: err });
  }
}

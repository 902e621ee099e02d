// Razorpay's API is called through its official SDK (`razorpay`). The SDK fixes its host
// (https://api.razorpay.com) in its constructor and takes no base URL or timeout; it makes its
// calls with the axios instance it exposes as `api.rq`, whose `baseURL` and `timeout` are set
// here, so `RAZORPAY_API_BASE` (a local server in the tests) and `RAZORPAY_TIMEOUT_MS` hold.
// Webhook signatures stay with `signatures.ts`: the SDK's validateWebhookSignature compares
// with `===`, not in constant time.
import { lazyModule } from '@mercato/chassis';
import type RazorpaySdk from 'razorpay';
import type { RazorpayConfig } from '../config.js';
import { headerValue, verifyRazorpaySignature } from '../webhooks/signatures.js';
import {
  AmbiguousProviderError,
  InvalidWebhookSignature,
  type ChargeRequest,
  type ChargeResult,
  type LookupResult,
  type PaymentProvider,
  type RefundRequest,
  type RefundResult,
  type WebhookUpdate,
} from './provider.js';

// The SDK is CommonJS with `export =`; loaded only by a shop that uses Razorpay (it brings axios).
const loadSdk = lazyModule<typeof RazorpaySdk>(import.meta.url, 'razorpay');

interface RzpOrder {
  id: string;
  entity: 'order';
  amount: number;
  currency: string;
  receipt: string | null;
  status: 'created' | 'attempted' | 'paid';
}
interface RzpPayment {
  id: string;
  entity: 'payment';
  amount: number;
  currency: string;
  status: 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
  order_id: string | null;
  captured?: boolean;
  card?: { network?: string | null; last4?: string | null } | null;
  error_code?: string | null;
  error_description?: string | null;
}
interface RzpRefund {
  id: string;
  entity: 'refund';
  amount: number;
  payment_id: string;
  receipt?: string | null;
  status: 'pending' | 'processed' | 'failed';
}
interface Collection<T> {
  entity: 'collection';
  count: number;
  items: T[];
}

/** A refused request (4xx): Razorpay's `{ error: { code, description } }`. */
class RazorpayRefusal extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, description: string) {
    super(description);
    this.name = 'RazorpayRefusal';
    this.status = status;
    this.code = code;
  }
}

/** The customer's checkout page for a Razorpay payment, reached through the gateway. */
export const razorpayCheckoutPath = (paymentId: string) => `/api/v1/payments/razorpay/checkout/${paymentId}`;

/**
 * Razorpay through its SDK (basic auth with the key id and secret). A charge is a Razorpay
 * order (receipt = our order id, looked up before one is created, so a retry never makes a
 * second); the customer pays it in Razorpay Checkout, on the page this service serves; the
 * payment is captured when Razorpay says it is authorized (webhook or lookup).
 */
export class RazorpayProvider implements PaymentProvider {
  readonly name = 'razorpay' as const;
  private readonly config: RazorpayConfig;
  private readonly publicUrl: string;
  private readonly sdk: RazorpaySdk;

  constructor(config: RazorpayConfig, publicUrl: string) {
    this.config = config;
    this.publicUrl = publicUrl;
    const Razorpay = loadSdk();
    this.sdk = new Razorpay({ key_id: config.keyId, key_secret: config.keySecret });
    const http = (this.sdk.api as unknown as { rq: { defaults: { baseURL?: string; timeout?: number } } }).rq;
    http.defaults.baseURL = config.apiBase;
    http.defaults.timeout = config.timeoutMs;
  }

  get keyId(): string {
    return this.config.keyId;
  }

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    let order = await this.findOrder(req);
    if (!order) {
      try {
        order = await this.call('create an order', () =>
          this.sdk.orders.create({ amount: req.amount.amount, currency: req.amount.currency, receipt: req.orderId, notes: { order_id: req.orderId, payment_id: req.paymentId } }),
        ) as RzpOrder;
      } catch (err) {
        if (err instanceof RazorpayRefusal) return { status: 'failed', providerRef: null, chargeRef: null, code: err.code.toLowerCase(), message: `razorpay: ${err.message}` };
        throw err;
      }
    }
    return this.settleOrder(order, req);
  }

  async retrieve(req: ChargeRequest): Promise<LookupResult> {
    const order = await this.findOrder(req);
    return order ? this.settleOrder(order, req) : { status: 'not_found' };
  }

  async refund(req: RefundRequest): Promise<RefundResult> {
    if (!req.chargeRef) return { status: 'failed', code: 'charge_not_found', message: 'razorpay: the payment has no captured Razorpay payment' };
    try {
      // Looked up first: a refund whose answer was lost is found by its receipt, not made twice.
      const chargeRef = req.chargeRef;
      const existing = (await this.call('list refunds', () => this.sdk.payments.fetchMultipleRefund(chargeRef, { count: 100 }))) as Collection<RzpRefund>;
      let refund = existing.items.find((r) => r.receipt === req.refundId);
      refund ??= (await this.call('refund', () =>
        this.sdk.payments.refund(chargeRef, { amount: req.amount.amount, receipt: req.refundId, notes: { refund_id: req.refundId, order_id: req.orderId } }),
      )) as RzpRefund;
      if (refund.status === 'failed') return { status: 'failed', code: 'refund_failed', message: 'razorpay: the refund failed' };
      return { status: 'succeeded', refundRef: refund.id };
    } catch (err) {
      if (err instanceof RazorpayRefusal) return { status: 'failed', code: err.code.toLowerCase(), message: `razorpay: ${err.message}` };
      throw err;
    }
  }

  parseWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): WebhookUpdate {
    if (!this.config.webhookSecret) throw new InvalidWebhookSignature('Razorpay webhooks are not configured (RAZORPAY_WEBHOOK_SECRET)');
    verifyRazorpaySignature(rawBody, headerValue(headers['x-razorpay-signature']), this.config.webhookSecret);
    const body = JSON.parse(rawBody.toString('utf8')) as {
      event?: unknown;
      created_at?: unknown;
      payload?: { payment?: { entity?: RzpPayment }; order?: { entity?: RzpOrder }; refund?: { entity?: RzpRefund } };
    };
    if (typeof body.event !== 'string' || body.event.length > 60) throw new InvalidWebhookSignature('The Razorpay event is malformed (event)');
    // The event is known by what the signature covers: its type and the entity it is about.
    // X-Razorpay-Event-Id is not signed, so a replay of a signed body under a new id would pass
    // a check on it; the same event about the same entity is one event.
    const entityId = body.payload?.payment?.entity?.id ?? body.payload?.order?.entity?.id ?? body.payload?.refund?.entity?.id;
    const subject = typeof entityId === 'string' ? entityId : typeof body.created_at === 'number' ? String(body.created_at) : undefined;
    if (!subject || subject.length > 60) throw new InvalidWebhookSignature('The Razorpay event is malformed (no entity)');
    const eventId = `${body.event}:${subject}`;
    const payment = body.payload?.payment?.entity;
    const order = body.payload?.order?.entity;
    const update: WebhookUpdate = { eventId, type: body.event, orderId: null, providerRef: payment?.order_id ?? order?.id ?? null, chargeRef: payment?.id ?? null, outcome: null };
    if (!payment) return update;
    const refs = { providerRef: payment.order_id, chargeRef: payment.id };
    switch (body.event) {
      case 'payment.captured':
      case 'order.paid':
        update.outcome = { status: 'succeeded', ...refs, card: cardOf(payment) };
        break;
      case 'payment.authorized':
        update.outcome = { status: 'authorized', ...refs };
        break;
      case 'payment.failed':
        update.outcome = { status: 'failed', ...refs, code: (payment.error_code ?? 'payment_failed').toLowerCase(), message: payment.error_description ?? 'The payment failed' };
        break;
      default:
        break;
    }
    return update;
  }

  private async findOrder(req: ChargeRequest): Promise<RzpOrder | undefined> {
    const ref = req.providerRef;
    if (ref) return (await this.call('fetch an order', () => this.sdk.orders.fetch(ref))) as RzpOrder;
    const list = (await this.call('find an order', () => this.sdk.orders.all({ receipt: req.orderId, count: 100 }))) as Collection<RzpOrder>;
    return list.items.find((o) => o.receipt === req.orderId);
  }

  /** The order's truth: captured → succeeded; authorized → captured now; else waiting for the customer. */
  private async settleOrder(order: RzpOrder, req: ChargeRequest): Promise<ChargeResult> {
    const payments = (await this.call("list an order's payments", () => this.sdk.orders.fetchPayments(order.id))) as Collection<RzpPayment>;
    const captured = payments.items.find((p) => p.status === 'captured' || p.status === 'refunded');
    if (captured) return { status: 'succeeded', providerRef: order.id, chargeRef: captured.id, card: cardOf(captured) };
    const authorized = payments.items.find((p) => p.status === 'authorized');
    if (authorized) {
      try {
        const p = (await this.call('capture', () => this.sdk.payments.capture(authorized.id, authorized.amount, authorized.currency))) as RzpPayment;
        return { status: 'succeeded', providerRef: order.id, chargeRef: p.id, card: cardOf(p) };
      } catch (err) {
        // Captured meanwhile (a webhook, another process): look again rather than guess.
        if (err instanceof RazorpayRefusal) throw new AmbiguousProviderError(`razorpay: capture refused: ${err.message}`, { cause: err });
        throw err;
      }
    }
    return { status: 'requires_action', providerRef: order.id, chargeRef: null, nextActionUrl: `${this.publicUrl}${razorpayCheckoutPath(req.paymentId)}` };
  }

  /**
   * One SDK call, its failure sorted: a refusal (4xx with Razorpay's `{ error: { code,
   * description } }`, rejected by the SDK as `{ statusCode, error }`) or an outcome we cannot
   * know (no answer, a timeout, 5xx, 429, 401), which leaves the payment to the reconciler.
   */
  private async call(what: string, request: () => Promise<unknown>): Promise<unknown> {
    try {
      return await request();
    } catch (err) {
      const status = (err as { statusCode?: unknown }).statusCode;
      if (typeof status !== 'number') throw new AmbiguousProviderError(`razorpay: ${what} failed: ${(err as Error).message ?? 'no answer'}`, { cause: err });
      if (status >= 500 || status === 429 || status === 401) throw new AmbiguousProviderError(`razorpay: ${what} answered ${status}`);
      const e = (err as { error?: { code?: string; description?: string } }).error;
      throw new RazorpayRefusal(status, e?.code ?? 'BAD_REQUEST_ERROR', e?.description ?? `answered ${status}`);
    }
  }
}

function cardOf(p: RzpPayment) {
  const last4 = p.card?.last4 && /^\d{4}$/.test(p.card.last4) ? p.card.last4 : null;
  return { brand: p.card?.network ? p.card.network.toLowerCase() : null, last4 };
}

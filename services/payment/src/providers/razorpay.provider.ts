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
 * Razorpay over its HTTP API (basic auth with the key id and secret). A charge is a Razorpay
 * order (receipt = our order id, looked up before one is created, so a retry never makes a
 * second); the customer pays it in Razorpay Checkout, on the page this service serves; the
 * payment is captured when Razorpay says it is authorized (webhook or lookup).
 */
export class RazorpayProvider implements PaymentProvider {
  readonly name = 'razorpay' as const;
  private readonly config: RazorpayConfig;
  private readonly publicUrl: string;
  private readonly auth: string;

  constructor(config: RazorpayConfig, publicUrl: string) {
    this.config = config;
    this.publicUrl = publicUrl;
    this.auth = `Basic ${Buffer.from(`${config.keyId}:${config.keySecret}`).toString('base64')}`;
  }

  get keyId(): string {
    return this.config.keyId;
  }

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    let order = await this.findOrder(req);
    if (!order) {
      try {
        order = await this.call<RzpOrder>('POST', '/v1/orders', {
          body: { amount: req.amount.amount, currency: req.amount.currency, receipt: req.orderId, notes: { order_id: req.orderId, payment_id: req.paymentId } },
          idempotencyKey: req.idempotencyKey,
        });
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
      const existing = await this.call<Collection<RzpRefund>>('GET', `/v1/payments/${encodeURIComponent(req.chargeRef)}/refunds?count=100`);
      let refund = existing.items.find((r) => r.receipt === req.refundId);
      refund ??= await this.call<RzpRefund>('POST', `/v1/payments/${encodeURIComponent(req.chargeRef)}/refund`, {
        body: { amount: req.amount.amount, receipt: req.refundId, notes: { refund_id: req.refundId, order_id: req.orderId } },
        idempotencyKey: req.idempotencyKey,
      });
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
    const body = JSON.parse(rawBody.toString('utf8')) as { event?: unknown; payload?: { payment?: { entity?: RzpPayment }; order?: { entity?: RzpOrder } } };
    const eventId = headerValue(headers['x-razorpay-event-id']);
    if (typeof body.event !== 'string' || !eventId || eventId.length > 100) throw new InvalidWebhookSignature('The Razorpay event is malformed (event, X-Razorpay-Event-Id)');
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
    if (req.providerRef) return this.call<RzpOrder>('GET', `/v1/orders/${encodeURIComponent(req.providerRef)}`);
    const list = await this.call<Collection<RzpOrder>>('GET', `/v1/orders?receipt=${encodeURIComponent(req.orderId)}`);
    return list.items.find((o) => o.receipt === req.orderId);
  }

  /** The order's truth: captured → succeeded; authorized → captured now; else waiting for the customer. */
  private async settleOrder(order: RzpOrder, req: ChargeRequest): Promise<ChargeResult> {
    const payments = await this.call<Collection<RzpPayment>>('GET', `/v1/orders/${encodeURIComponent(order.id)}/payments`);
    const captured = payments.items.find((p) => p.status === 'captured' || p.status === 'refunded');
    if (captured) return { status: 'succeeded', providerRef: order.id, chargeRef: captured.id, card: cardOf(captured) };
    const authorized = payments.items.find((p) => p.status === 'authorized');
    if (authorized) {
      try {
        const p = await this.call<RzpPayment>('POST', `/v1/payments/${encodeURIComponent(authorized.id)}/capture`, {
          body: { amount: authorized.amount, currency: authorized.currency },
          idempotencyKey: `capture-${authorized.id}`,
        });
        return { status: 'succeeded', providerRef: order.id, chargeRef: p.id, card: cardOf(p) };
      } catch (err) {
        // Captured meanwhile (a webhook, another process): look again rather than guess.
        if (err instanceof RazorpayRefusal) throw new AmbiguousProviderError(`razorpay: capture refused: ${err.message}`, { cause: err });
        throw err;
      }
    }
    return { status: 'requires_action', providerRef: order.id, chargeRef: null, nextActionUrl: `${this.publicUrl}${razorpayCheckoutPath(req.paymentId)}` };
  }

  private async call<T>(method: 'GET' | 'POST', path: string, opts: { body?: unknown; idempotencyKey?: string } = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.config.apiBase}${path}`, {
        method,
        headers: {
          authorization: this.auth,
          accept: 'application/json',
          ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
        },
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (err) {
      throw new AmbiguousProviderError(`razorpay: ${method} ${path.split('?')[0]} failed: ${(err as Error).message}`, { cause: err });
    }
    const text = await res.text().catch(() => '');
    if (res.status >= 500 || res.status === 429 || res.status === 401) throw new AmbiguousProviderError(`razorpay: ${method} ${path.split('?')[0]} answered ${res.status}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AmbiguousProviderError(`razorpay: ${method} ${path.split('?')[0]} answered ${res.status} without JSON`);
    }
    if (res.status >= 400) {
      const e = (json as { error?: { code?: string; description?: string } }).error;
      throw new RazorpayRefusal(res.status, e?.code ?? 'BAD_REQUEST_ERROR', e?.description ?? `answered ${res.status}`);
    }
    return json as T;
  }
}

function cardOf(p: RzpPayment) {
  const last4 = p.card?.last4 && /^\d{4}$/.test(p.card.last4) ? p.card.last4 : null;
  return { brand: p.card?.network ? p.card.network.toLowerCase() : null, last4 };
}

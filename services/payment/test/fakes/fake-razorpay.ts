import { randomBytes } from 'node:crypto';
import { listen, type FakeReply, type FakeRequest } from './http-server.js';

const id = (prefix: string) => `${prefix}_${randomBytes(7).toString('hex')}`;

interface Order {
  id: string;
  entity: 'order';
  amount: number;
  amount_paid: number;
  amount_due: number;
  currency: string;
  receipt: string | null;
  status: 'created' | 'attempted' | 'paid';
  notes: Record<string, string>;
  created_at: number;
}
interface Payment {
  id: string;
  entity: 'payment';
  amount: number;
  currency: string;
  status: 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
  order_id: string;
  method: 'card';
  captured: boolean;
  amount_refunded: number;
  card: { network: string; last4: string };
  error_code: string | null;
  error_description: string | null;
  created_at: number;
}
interface Refund {
  id: string;
  entity: 'refund';
  amount: number;
  payment_id: string;
  receipt: string | null;
  status: 'processed';
  created_at: number;
}

const bad = (description: string, status = 400): FakeReply => ({ status, body: { error: { code: 'BAD_REQUEST_ERROR', description, source: 'business', step: 'payment_initiation', reason: 'input_validation_failed', metadata: {} } } });

/**
 * A local server that speaks the part of Razorpay's HTTP API the payment service uses: orders
 * (create, fetch, by receipt, their payments), payment capture, refunds — basic auth with the
 * key id and secret, `Idempotency-Key` honoured, Razorpay's error bodies.
 */
export class FakeRazorpay {
  url = '';
  readonly orders = new Map<string, Order>();
  readonly payments = new Map<string, Payment>();
  readonly refunds = new Map<string, Refund>();
  captures = 0;
  private readonly idempotency = new Map<string, FakeReply>();
  private closeServer: (() => Promise<void>) | undefined;

  constructor(
    readonly keyId: string,
    readonly keySecret: string,
  ) {}

  async start(): Promise<this> {
    const s = await listen((req) => this.handle(req));
    this.url = s.url;
    this.closeServer = s.close;
    return this;
  }

  async close(): Promise<void> {
    await this.closeServer?.();
  }

  orderOf(receipt: string): Order | undefined {
    return [...this.orders.values()].find((o) => o.receipt === receipt);
  }

  /** The customer pays the order in Razorpay Checkout: an authorized (or already captured) payment. */
  pay(orderId: string, status: 'authorized' | 'captured' | 'failed' = 'authorized'): Payment {
    const order = this.orders.get(orderId)!;
    const p: Payment = {
      id: id('pay'),
      entity: 'payment',
      amount: order.amount,
      currency: order.currency,
      status,
      order_id: order.id,
      method: 'card',
      captured: status === 'captured',
      amount_refunded: 0,
      card: { network: 'Visa', last4: '1111' },
      error_code: status === 'failed' ? 'BAD_REQUEST_ERROR' : null,
      error_description: status === 'failed' ? 'Payment failed' : null,
      created_at: Math.floor(Date.now() / 1000),
    };
    this.payments.set(p.id, p);
    order.status = status === 'captured' ? 'paid' : 'attempted';
    if (status === 'captured') order.amount_paid = order.amount;
    return p;
  }

  private handle(req: FakeRequest): FakeReply {
    const expected = `Basic ${Buffer.from(`${this.keyId}:${this.keySecret}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return bad('The api key provided is invalid', 401);
    const key = typeof req.headers['idempotency-key'] === 'string' ? `${req.path}\u0000${req.headers['idempotency-key']}` : undefined;
    if (req.method === 'POST' && key && this.idempotency.has(key)) return this.idempotency.get(key)!;
    const reply = this.route(req);
    if (req.method === 'POST' && key && reply.status < 500) this.idempotency.set(key, reply);
    return reply;
  }

  private route(req: FakeRequest): FakeReply {
    const body = req.raw ? (JSON.parse(req.raw) as Record<string, unknown>) : {};
    const collection = <T>(items: T[]): FakeReply => ({ status: 200, body: { entity: 'collection', count: items.length, items } });
    let m: RegExpExecArray | null;
    if (req.method === 'POST' && req.path === '/v1/orders') {
      const amount = Number(body.amount);
      if (!Number.isInteger(amount) || amount < 100) return bad('The amount must be atleast INR 1.00');
      const order: Order = {
        id: id('order'),
        entity: 'order',
        amount,
        amount_paid: 0,
        amount_due: amount,
        currency: String(body.currency),
        receipt: typeof body.receipt === 'string' ? body.receipt : null,
        status: 'created',
        notes: (body.notes ?? {}) as Record<string, string>,
        created_at: Math.floor(Date.now() / 1000),
      };
      this.orders.set(order.id, order);
      return { status: 200, body: order };
    }
    if (req.method === 'GET' && req.path === '/v1/orders') {
      const receipt = req.query.get('receipt');
      return collection([...this.orders.values()].filter((o) => receipt === null || o.receipt === receipt));
    }
    if (req.method === 'GET' && (m = /^\/v1\/orders\/([^/]+)$/.exec(req.path))) {
      const order = this.orders.get(m[1]!);
      return order ? { status: 200, body: order } : bad('The id provided does not exist');
    }
    if (req.method === 'GET' && (m = /^\/v1\/orders\/([^/]+)\/payments$/.exec(req.path))) {
      return collection([...this.payments.values()].filter((p) => p.order_id === m![1]));
    }
    if (req.method === 'POST' && (m = /^\/v1\/payments\/([^/]+)\/capture$/.exec(req.path))) {
      const p = this.payments.get(m[1]!);
      if (!p) return bad('The id provided does not exist');
      if (p.status !== 'authorized') return bad('This payment has already been captured');
      if (Number(body.amount) !== p.amount) return bad('Capture amount must be equal to the amount authorized');
      p.status = 'captured';
      p.captured = true;
      this.captures++;
      const order = this.orders.get(p.order_id)!;
      order.status = 'paid';
      order.amount_paid = order.amount;
      return { status: 200, body: p };
    }
    if (req.method === 'POST' && (m = /^\/v1\/payments\/([^/]+)\/refund$/.exec(req.path))) {
      const p = this.payments.get(m[1]!);
      if (!p || !p.captured) return bad('The payment has not been captured');
      const amount = Number(body.amount ?? p.amount - p.amount_refunded);
      if (p.amount_refunded + amount > p.amount) return bad('The refund amount provided is greater than amount captured');
      const refund: Refund = { id: id('rfnd'), entity: 'refund', amount, payment_id: p.id, receipt: typeof body.receipt === 'string' ? body.receipt : null, status: 'processed', created_at: Math.floor(Date.now() / 1000) };
      this.refunds.set(refund.id, refund);
      p.amount_refunded += amount;
      if (p.amount_refunded === p.amount) p.status = 'refunded';
      return { status: 200, body: refund };
    }
    if (req.method === 'GET' && (m = /^\/v1\/payments\/([^/]+)\/refunds$/.exec(req.path))) {
      return collection([...this.refunds.values()].filter((r) => r.payment_id === m![1]));
    }
    return { status: 404, body: { error: { code: 'BAD_REQUEST_ERROR', description: 'The requested URL was not found on the server.' } } };
  }
}

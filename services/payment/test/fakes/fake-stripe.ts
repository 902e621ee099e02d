import { randomBytes } from 'node:crypto';
import { listen, type FakeReply, type FakeRequest } from './http-server.js';

type Params = Record<string, unknown>;

/** Form bodies in Stripe's bracket notation (`metadata[order_id]=…`, `expand[0]=…`) → nested objects. */
export function parseStripeForm(raw: string | URLSearchParams): Params {
  const out: Params = {};
  const entries = typeof raw === 'string' ? new URLSearchParams(raw) : raw;
  for (const [key, value] of entries) {
    const path = key.replace(/\]/g, '').split('[');
    let node = out;
    path.forEach((part, i) => {
      const k = part === '' ? String(Object.keys(node).length) : part;
      if (i === path.length - 1) node[k] = value;
      else node = (node[k] ??= {}) as Params;
    });
  }
  const arrays = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    const o = v as Params;
    const keys = Object.keys(o);
    if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => arrays(o[k]));
    return Object.fromEntries(keys.map((k) => [k, arrays(o[k])]));
  };
  return arrays(out) as Params;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

interface Intent {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  latest_charge: string | null;
  last_payment_error: { type: string; code: string; decline_code?: string; message: string } | null;
  next_action: { type: string; redirect_to_url?: { url: string; return_url: string } } | null;
  cancellation_reason: string | null;
  created: number;
}
interface Charge {
  id: string;
  object: 'charge';
  amount: number;
  payment_intent: string;
  payment_method_details: { type: 'card'; card: { brand: string; last4: string } };
}

const CARDS: Record<string, { brand: string; last4: string }> = {
  pm_card_visa: { brand: 'visa', last4: '4242' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002' },
  pm_card_authenticationRequired: { brand: 'visa', last4: '3184' },
};

export type StripeFault = { kind: 'hang'; ms: number } | { kind: 'server_error' };

/**
 * A local server that speaks the part of Stripe's HTTP API the payment service uses
 * (PaymentIntents create/confirm, retrieve, search; refunds), with Stripe's idempotency rules
 * (same key + same parameters → the same answer, replayed; other parameters → 400) and
 * Stripe's error bodies. It counts the charges it really made per idempotency key.
 */
export class FakeStripe {
  url = '';
  readonly intents = new Map<string, Intent>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, { id: string; object: 'refund'; amount: number; payment_intent: string; status: string; metadata: Record<string, string> }>();
  /** Charges actually created per idempotency key (replays do not count). */
  readonly chargesByKey = new Map<string, number>();
  private readonly idempotency = new Map<string, { params: string; reply: FakeReply }>();
  private faults: StripeFault[] = [];
  requests = 0;
  private closeServer: (() => Promise<void>) | undefined;

  async start(): Promise<this> {
    const s = await listen((req) => this.handle(req));
    this.url = s.url;
    this.closeServer = s.close;
    return this;
  }

  async close(): Promise<void> {
    await this.closeServer?.();
  }

  /** The next PaymentIntent creation is made, then its answer is held (`hang`) or replaced by a 500. */
  failNext(fault: StripeFault): void {
    this.faults.push(fault);
  }

  intentOf(orderId: string): Intent | undefined {
    return [...this.intents.values()].find((i) => i.metadata.order_id === orderId);
  }

  /** Moves an intent on, as the customer's step or Stripe's processing would. */
  settle(intentId: string, status: 'succeeded' | 'requires_payment_method' | 'processing'): Intent {
    const intent = this.intents.get(intentId)!;
    intent.status = status;
    intent.next_action = null;
    if (status === 'succeeded' && !intent.latest_charge) intent.latest_charge = this.makeCharge(intent, CARDS.pm_card_authenticationRequired!).id;
    if (status === 'requires_payment_method') intent.last_payment_error = { type: 'card_error', code: 'authentication_required', message: 'The customer did not authenticate.' };
    return intent;
  }

  private makeCharge(intent: Intent, card: { brand: string; last4: string }): Charge {
    const charge: Charge = { id: id('ch'), object: 'charge', amount: intent.amount, payment_intent: intent.id, payment_method_details: { type: 'card', card } };
    this.charges.set(charge.id, charge);
    return charge;
  }

  private view(intent: Intent, expand: unknown): Intent | (Omit<Intent, 'latest_charge'> & { latest_charge: Charge | string | null }) {
    const list = Array.isArray(expand) ? (expand as string[]) : [];
    if (intent.latest_charge && (list.includes('latest_charge') || list.includes('data.latest_charge'))) {
      return { ...intent, latest_charge: this.charges.get(intent.latest_charge) ?? intent.latest_charge };
    }
    return { ...intent };
  }

  private handle(req: FakeRequest): FakeReply {
    this.requests++;
    if (!/^Bearer sk_test_/.test(String(req.headers.authorization ?? ''))) {
      return { status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } } };
    }
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
    if (req.method === 'POST' && key) {
      const seen = this.idempotency.get(`${req.path}\u0000${key}`);
      if (seen) {
        if (seen.params !== req.raw) {
          return {
            status: 400,
            body: { error: { type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with.` } },
          };
        }
        return { ...seen.reply, delayMs: undefined };
      }
      const reply = this.route(req, key);
      this.idempotency.set(`${req.path}\u0000${key}`, { params: req.raw, reply });
      return reply;
    }
    return this.route(req, key);
  }

  private route(req: FakeRequest, key: string | undefined): FakeReply {
    const params = req.method === 'POST' ? parseStripeForm(req.raw) : parseStripeForm(req.query);
    if (req.method === 'POST' && req.path === '/v1/payment_intents') return this.createIntent(params, key);
    if (req.method === 'GET' && req.path === '/v1/payment_intents/search') {
      const m = /^metadata\['order_id'\]:'([^']+)'$/.exec(String(params.query ?? ''));
      const found = m ? [...this.intents.values()].filter((i) => i.metadata.order_id === m[1]) : [];
      return { status: 200, body: { object: 'search_result', url: '/v1/payment_intents/search', has_more: false, data: found.map((i) => this.view(i, params.expand)) } };
    }
    const get = /^\/v1\/payment_intents\/([^/]+)$/.exec(req.path);
    if (req.method === 'GET' && get) {
      const intent = this.intents.get(get[1]!);
      if (!intent) return { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such payment_intent: '${get[1]}'` } } };
      return { status: 200, body: this.view(intent, params.expand) };
    }
    if (req.method === 'POST' && req.path === '/v1/refunds') {
      const intent = this.intents.get(String(params.payment_intent));
      if (!intent || intent.status !== 'succeeded') return { status: 400, body: { error: { type: 'invalid_request_error', code: 'charge_not_found', message: 'No succeeded charge.' } } };
      const amount = Number(params.amount ?? intent.amount);
      const done = [...this.refunds.values()].filter((r) => r.payment_intent === intent.id).reduce((n, r) => n + r.amount, 0);
      if (done + amount > intent.amount) {
        return { status: 400, body: { error: { type: 'invalid_request_error', code: 'amount_too_large', message: `Refund amount is greater than unrefunded amount on charge.` } } };
      }
      const refund = { id: id('re'), object: 'refund' as const, amount, payment_intent: intent.id, status: 'succeeded', metadata: (params.metadata ?? {}) as Record<string, string> };
      this.refunds.set(refund.id, refund);
      return { status: 200, body: refund };
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${req.path}).` } } };
  }

  private createIntent(params: Params, key: string | undefined): FakeReply {
    const method = String(params.payment_method ?? '');
    const intent: Intent = {
      id: id('pi'),
      object: 'payment_intent',
      amount: Number(params.amount),
      currency: String(params.currency),
      status: 'requires_confirmation',
      client_secret: `${id('pi')}_secret_${randomBytes(8).toString('hex')}`,
      metadata: (params.metadata ?? {}) as Record<string, string>,
      latest_charge: null,
      last_payment_error: null,
      next_action: null,
      cancellation_reason: null,
      created: Math.floor(Date.now() / 1000),
    };
    this.intents.set(intent.id, intent);
    if (key) this.chargesByKey.set(key, (this.chargesByKey.get(key) ?? 0) + 1);
    let reply: FakeReply;
    if (method === 'pm_card_chargeDeclined') {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };
      reply = {
        status: 402,
        body: { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', payment_intent: this.view(intent, []) } },
      };
    } else if (method === 'pm_card_authenticationRequired') {
      intent.status = 'requires_action';
      intent.next_action = { type: 'redirect_to_url', redirect_to_url: { url: `${this.url}/3ds/${intent.id}`, return_url: String(params.return_url ?? '') } };
      reply = { status: 200, body: this.view(intent, params.expand) };
    } else if (CARDS[method]) {
      intent.status = 'succeeded';
      intent.latest_charge = this.makeCharge(intent, CARDS[method]).id;
      reply = { status: 200, body: this.view(intent, params.expand) };
    } else {
      this.intents.delete(intent.id);
      reply = { status: 400, body: { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'payment_method', message: `No such PaymentMethod: '${method}'` } } };
    }
    const fault = params.confirm ? this.faults.shift() : undefined;
    if (fault?.kind === 'hang') return { ...reply, delayMs: fault.ms };
    if (fault?.kind === 'server_error') return { status: 500, body: { error: { type: 'api_error', message: 'An unknown error occurred' } } };
    return reply;
  }
}

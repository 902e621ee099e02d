import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually } from '@mercato/chassis/testing';
import pg from 'pg';

// A shop as its clients see it, through the gateway: an admin stocks products, guests check out,
// orders are read with their access tokens. Money is checked in the payment service's own books.

export interface Shop {
  /** `<gateway>/api/v1`; changes when the platform restarts on other ports. */
  api: string;
  /** JSON headers with an admin's bearer token. */
  admin(): Record<string, string>;
  /** The payment service's database (read directly: what was really charged). */
  paymentDb: string;
  /** The order service's database. */
  orderDb: string;
}

export const SETTLED = new Set(['confirmed', 'cancelled', 'refunded']);

/** Settings of the checkout suites: recovery within seconds (retries, sweeps, reconciles), no rate limits. */
export const QUICK_RECOVERY_ENV: Readonly<NodeJS.ProcessEnv> = {
  EVENT_RETRY_BASE_MS: '200',
  EVENT_RETRY_MAX_MS: '2000',
  GATEWAY_RATE_LIMIT_IP: '1000000/min',
  GATEWAY_RATE_LIMIT_USER: '1000000/min',
  // Long enough for a platform killed mid-run to start again on a loaded machine before the
  // orders it left awaiting payment pass their deadline (their captures would then be refunded,
  // not kept), short enough that an order whose payment never comes is cancelled within the
  // suites' settling waits (60 s).
  ORDER_PAYMENT_TIMEOUT_SECONDS: '40',
  ORDER_PAYMENT_SWEEP_INTERVAL_SECONDS: '1',
  PAYMENT_RECONCILE_INTERVAL_MS: '500',
  PAYMENT_CREATED_GRACE_SECONDS: '1',
  PAYMENT_CHARGE_LEASE_SECONDS: '2',
  PAYMENT_UNKNOWN_RETRY_SECONDS: '1',
  INVENTORY_SWEEP_INTERVAL_MS: '1000',
};
const json = { 'content-type': 'application/json' };
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `fn` over every item, at most `limit` at once; answers in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function sql<R extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export const PRICE = 1000;

/**
 * A published product with one SKU at PRICE USD, `stock` units in the main warehouse, and known
 * to the order service (a cart takes it), all learnt from the catalog's events.
 */
export async function stockedProduct(shop: Shop, sku: string, stock: number, timeoutMs = 15_000): Promise<void> {
  const created = await fetch(`${shop.api}/products`, {
    method: 'POST',
    headers: shop.admin(),
    body: JSON.stringify({
      slug: sku.toLowerCase(),
      title: `Checkout ${sku}`,
      status: 'published',
      options: [{ name: 'Size', values: ['M'] }],
      variants: [{ sku, options: { Size: 'M' }, prices: [{ amount: PRICE, currency: 'USD' }] }],
    }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  await eventually(async () => (await fetch(`${shop.api}/inventory/skus/${sku}`, { headers: shop.admin() })).status === 200, timeoutMs, 100);
  if (stock > 0) {
    const adjusted = await fetch(`${shop.api}/inventory/skus/${sku}/adjustments`, { method: 'POST', headers: shop.admin(), body: JSON.stringify({ warehouse: 'main', delta: stock, reason: 'receipt' }) });
    assert.equal(adjusted.status, 201, await adjusted.clone().text());
  }
  await cartWith(shop, sku, timeoutMs);
}

/** A guest cart holding one unit of the SKU (retried while the order service has not learnt it yet). */
export async function cartWith(shop: Shop, sku: string, timeoutMs = 5_000): Promise<string> {
  const cart = await fetch(`${shop.api}/carts`, { method: 'POST', headers: json, body: JSON.stringify({ currency: 'USD' }) });
  assert.equal(cart.status, 201, await cart.clone().text());
  const { id } = (await cart.json()) as { id: string };
  await eventually(async () => {
    const res = await fetch(`${shop.api}/carts/${id}/items`, { method: 'POST', headers: json, body: JSON.stringify({ sku, quantity: 1 }) });
    return res.status === 201 || res.status === 200;
  }, timeoutMs, 100);
  return id;
}

export const carts = (shop: Shop, sku: string, n: number) => mapLimit(Array.from({ length: n }), 16, () => cartWith(shop, sku));

export interface CheckoutRequest {
  cartId: string;
  email: string;
  paymentMethod?: string;
  key?: string;
}

export function checkoutBody(r: CheckoutRequest): string {
  return JSON.stringify({
    cartId: r.cartId,
    email: r.email,
    shippingAddress: { name: 'Grace Hopper', line1: '1 Navy Way', city: 'Arlington', country: 'US' },
    payment: { provider: 'sandbox', paymentMethod: r.paymentMethod ?? 'pm_card_visa' },
  });
}

export async function postCheckout(shop: Shop, key: string, body: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${shop.api}/checkout`, { method: 'POST', headers: { ...json, 'idempotency-key': key }, body });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

export interface Placed {
  orderId: string;
  accessToken: string;
  total: number;
  key: string;
}

/**
 * A checkout as a careful client makes it: one key per attempt, sent again with the same key
 * while the platform is unreachable, failing (5xx) or still busy with it (409 in flight).
 */
export async function place(shop: Shop, r: CheckoutRequest, timeoutMs = 30_000): Promise<Placed> {
  const key = r.key ?? randomUUID();
  const body = checkoutBody(r);
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const res = await postCheckout(shop, key, body).catch((err: unknown) => ({ status: 0, body: { error: String(err) } as Record<string, unknown> }));
    if (res.status === 200 || res.status === 202) {
      const b = res.body as { orderId: string; accessToken: string; totals: { total: { amount: number } } };
      return { orderId: b.orderId, accessToken: b.accessToken, total: b.totals.total.amount, key };
    }
    last = `${res.status} ${JSON.stringify(res.body)}`;
    const retry = res.status === 0 || res.status >= 500 || res.status === 429 || (res.status === 409 && res.body.code === 'request_in_flight');
    if (!retry) assert.fail(`checkout refused: ${last}`);
    if (Date.now() > deadline) assert.fail(`checkout not answered within ${timeoutMs} ms: ${last}`);
    await sleep(200);
  }
}

export interface OrderView {
  id: string;
  status: string;
  cancelReason: string | null;
  items: Array<{ sku: string; quantity: number }>;
  totals: { total: { amount: number } };
  payment: { paymentId: string | null; paid: { amount: number }; refunded: { amount: number } };
}

export async function readOrder(shop: Shop, p: Placed): Promise<OrderView | undefined> {
  const res = await fetch(`${shop.api}/orders/${p.orderId}?token=${encodeURIComponent(p.accessToken)}`).catch(() => undefined);
  return res?.status === 200 ? ((await res.json()) as OrderView) : undefined;
}

/** Waits until every order is settled (confirmed, cancelled or refunded); answers them by id. */
export async function settled(shop: Shop, placed: readonly Placed[], timeoutMs: number): Promise<Map<string, OrderView>> {
  const seen = new Map<string, OrderView>();
  try {
    await eventually(async () => {
      const open = placed.filter((p) => !SETTLED.has(seen.get(p.orderId)?.status ?? ''));
      await mapLimit(open, 16, async (p) => {
        const o = await readOrder(shop, p);
        if (o) seen.set(p.orderId, o);
      });
      return placed.every((p) => SETTLED.has(seen.get(p.orderId)?.status ?? ''));
    }, timeoutMs, 250);
  } catch (err) {
    const stuck = placed.filter((p) => !SETTLED.has(seen.get(p.orderId)?.status ?? '')).map((p) => `${p.orderId}: ${seen.get(p.orderId)?.status ?? 'unreadable'}`);
    assert.fail(`${stuck.length} orders not settled (${String(err)}):\n${stuck.slice(0, 20).join('\n')}`);
  }
  return seen;
}

export interface Money {
  orderId: string;
  payments: number;
  state: string;
  captured: number;
  /** The sandbox provider's own record of succeeded charges for the order. */
  charges: number;
  /** Succeeded refunds. */
  refunded: number;
  refundsPending: number;
}

/** What the payment service holds for these orders, from its database; orders never charged are absent. */
export async function money(shop: Shop, orderIds: readonly string[]): Promise<Map<string, Money>> {
  const rows = await sql<{ order_id: string; payments: number; state: string; captured: number; charges: number; refunded: number; refunds_pending: number }>(
    shop.paymentDb,
    `SELECT p.order_id, count(*) OVER (PARTITION BY p.order_id)::int AS payments, p.state, p.captured_amount::int AS captured,
            (SELECT count(*) FROM sandbox_charges c WHERE c.payment_id = p.id AND c.status = 'succeeded')::int AS charges,
            (SELECT coalesce(sum(r.amount), 0) FROM refunds r WHERE r.payment_id = p.id AND r.state = 'succeeded')::int AS refunded,
            (SELECT count(*) FROM refunds r WHERE r.payment_id = p.id AND r.state = 'pending')::int AS refunds_pending
       FROM payments p WHERE p.order_id = ANY($1::text[])`,
    [orderIds],
  );
  const out = new Map<string, Money>();
  for (const r of rows) {
    assert.equal(out.has(r.order_id), false, `two payments for ${r.order_id}`);
    out.set(r.order_id, { orderId: r.order_id, payments: r.payments, state: r.state, captured: r.captured, charges: r.charges, refunded: r.refunded, refundsPending: r.refunds_pending });
  }
  return out;
}

const UNSETTLED_PAYMENT = new Set(['created', 'processing', 'unknown', 'requires_action']);

/**
 * Waits until the money is settled too (no payment with an unknown outcome, no refund pending,
 * every capture of an unkept order refunded and the order `refunded`), then checks every order:
 * - confirmed: charged exactly once, the order's total, nothing refunded;
 * - cancelled: never charged;
 * - refunded: charged once and given back in full.
 */
export async function assertMoney(shop: Shop, placed: readonly Placed[], timeoutMs: number): Promise<{ orders: Map<string, OrderView>; books: Map<string, Money> }> {
  let orders = await settled(shop, placed, timeoutMs);
  let books = new Map<string, Money>();
  const problems = () => {
    const out: string[] = [];
    for (const p of placed) {
      const o = orders.get(p.orderId)!;
      const m = books.get(p.orderId);
      const charged = m !== undefined && (m.charges > 0 || m.captured > 0);
      if (m && m.charges > 1) out.push(`${p.orderId} charged ${m.charges} times`);
      if (m && UNSETTLED_PAYMENT.has(m.state)) out.push(`${p.orderId}: payment ${m.state}`);
      if (m && m.refundsPending > 0) out.push(`${p.orderId}: refund pending`);
      if (o.status === 'confirmed' && !(m && m.charges === 1 && m.captured === o.totals.total.amount && m.refunded === 0)) out.push(`${p.orderId} confirmed but ${JSON.stringify(m)}`);
      if (o.status === 'cancelled' && charged) out.push(`${p.orderId} cancelled (${o.cancelReason}) but charged and not refunded: ${JSON.stringify(m)}`);
      if (o.status === 'refunded' && !(m && m.charges === 1 && m.refunded === m.captured && m.captured > 0)) out.push(`${p.orderId} refunded but ${JSON.stringify(m)}`);
    }
    return out;
  };
  try {
    await eventually(async () => {
      orders = await settled(shop, placed, timeoutMs);
      books = await money(shop, placed.map((p) => p.orderId));
      // Re-read the orders the payment books say were charged: a late capture moves them on.
      await mapLimit(placed, 16, async (p) => {
        const o = await readOrder(shop, p);
        if (o) orders.set(p.orderId, o);
      });
      return problems().length === 0;
    }, timeoutMs, 500);
  } catch {
    assert.fail(`the money does not add up:\n${problems().slice(0, 20).join('\n')}`);
  }
  return { orders, books };
}

export interface StockLevels {
  onHand: number;
  reserved: number;
  available: number;
}

export async function stockOf(shop: Shop, sku: string): Promise<StockLevels> {
  const res = await fetch(`${shop.api}/inventory/skus/${sku}`, { headers: shop.admin() });
  assert.equal(res.status, 200, await res.clone().text());
  const { onHand, reserved, available } = (await res.json()) as StockLevels;
  return { onHand, reserved, available };
}

/**
 * Samples the SKUs' stock while the checkouts run (inventory may be down for a while: those
 * samples are skipped): the public availability and on hand − reserved must never go negative.
 */
export function sampleStock(shop: Shop, skus: readonly string[], everyMs = 100) {
  const bad: string[] = [];
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      await Promise.all(
        skus.map(async (sku) => {
          try {
            const [admin, pub] = await Promise.all([
              fetch(`${shop.api}/inventory/skus/${sku}`, { headers: shop.admin() }),
              fetch(`${shop.api}/inventory/availability?sku=${sku}`),
            ]);
            if (admin.status !== 200 || pub.status !== 200) return;
            const s = (await admin.json()) as StockLevels;
            const a = ((await pub.json()) as { items: Array<{ available: number }> }).items[0]!.available;
            samples++;
            if (s.reserved < 0 || s.onHand - s.reserved < 0 || a < 0) bad.push(`${sku}: ${JSON.stringify({ ...s, public: a })}`);
          } catch {
            // the platform is down for a moment
          }
        }),
      );
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      assert.ok(samples > 0, 'stock was sampled during the run');
      assert.deepEqual(bad, [], 'stock never went negative');
      return samples;
    },
  };
}

// One order through a running shop's gateway, as a customer and a shop manager would make it:
// the administrator signs in, creates a product and stocks it; a guest fills a cart and checks
// out with the sandbox's test card; the order must end `confirmed`, paid in full.
// Usage: node smoke-checkout.mjs <gateway base URL> <admin email> <admin password>
// Exit 0 on a confirmed order; 1 with what went wrong otherwise.
import { randomUUID } from 'node:crypto';

const [base, email, password] = process.argv.slice(2);
if (!base || !email || !password) {
  console.error('usage: node smoke-checkout.mjs <gateway URL> <admin email> <admin password>');
  process.exit(2);
}
const api = `${base.replace(/\/+$/, '')}/api/v1`;
const json = { 'content-type': 'application/json' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(method, path, body, headers = {}) {
  const res = await fetch(`${api}${path}`, { method, headers: { ...json, ...headers }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
  const text = await res.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

async function expect(what, method, path, body, headers, ok = [200, 201, 202]) {
  const res = await call(method, path, body, headers);
  if (!ok.includes(res.status)) throw new Error(`${what}: ${method} ${path} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Retries `fn` until it returns a value other than undefined, or fails after `ms`. */
async function until(what, ms, fn) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`${what} within ${ms} ms${last ? `: ${last.message}` : ''}`);
    await sleep(250);
  }
}

const started = Date.now();
process.on('exit', (code) => {
  if (code === 13) console.error('smoke checkout: a step never finished');
});
const keepAlive = setInterval(() => undefined, 1_000);
const login = await until('the administrator could not sign in', 60_000, async () => {
  const r = await call('POST', '/auth/login', { email, password });
  return r.status === 200 ? r.body : undefined;
});
const admin = { authorization: `Bearer ${login.accessToken}` };
const sku = `SMOKE-${randomUUID().slice(0, 8).toUpperCase()}`;
await expect('creating a product', 'POST', '/products', {
  slug: sku.toLowerCase(),
  title: `Smoke test ${sku}`,
  status: 'published',
  options: [{ name: 'Size', values: ['M'] }],
  variants: [{ sku, options: { Size: 'M' }, prices: [{ amount: 1500, currency: 'USD' }] }],
}, admin);
// ProductCreated travels catalog → bus → inventory (a stock record) and order (a price).
await until('inventory did not learn the product', 30_000, async () => ((await call('GET', `/inventory/skus/${sku}`, undefined, admin)).status === 200 ? true : undefined));
await expect('stocking the product', 'POST', `/inventory/skus/${sku}/adjustments`, { warehouse: 'main', delta: 5, reason: 'receipt' }, admin);
const cart = await expect('creating a cart', 'POST', '/carts', { currency: 'USD' });
await until('the cart did not take the product', 30_000, async () => {
  const r = await call('POST', `/carts/${cart.id}/items`, { sku, quantity: 1 });
  return r.status === 200 || r.status === 201 ? true : undefined;
});
const placed = await expect('checking out', 'POST', '/checkout', {
  cartId: cart.id,
  email: 'smoke@shop.example',
  shippingAddress: { name: 'Grace Hopper', line1: '1 Navy Way', city: 'Arlington', country: 'US' },
  payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' },
}, { 'idempotency-key': randomUUID() });
const order = await until('the order was not confirmed', 60_000, async () => {
  const r = await call('GET', `/orders/${placed.orderId}?token=${encodeURIComponent(placed.accessToken)}`);
  if (r.status !== 200) return undefined;
  if (r.body.status === 'cancelled') throw new Error(`the order was cancelled: ${r.body.cancelReason}`);
  return r.body.status === 'confirmed' ? r.body : undefined;
});
if (order.payment.paid.amount !== order.totals.total.amount) {
  console.error(`order ${order.id} confirmed but paid ${order.payment.paid.amount} of ${order.totals.total.amount}`);
  process.exit(1);
}
console.log(`order ${order.id} confirmed, paid ${order.payment.paid.amount} ${order.payment.paid.currency ?? 'USD'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
clearInterval(keepAlive);

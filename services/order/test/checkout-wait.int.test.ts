import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { createEvent, newId, type EventData, type EventType } from '@mercato/contracts';
import { catalogEvent, productFacts, startOrder, type OrderUnderTest, type Reply } from './support.js';

// What a checkout answers about its order: the order's state now, never the `pending` stored
// under its Idempotency-Key; under Prefer: wait, until it settles or waits for its customer (a
// 3-D Secure step, whose URL the answer carries), within the service's limit.

interface CheckoutJson {
  orderId: string;
  status: string;
  nextActionUrl: string | null;
}

const address = { name: 'Ada Lovelace', line1: '1 Main St', city: 'Boston', country: 'US' };
const THREE_DS = 'https://pay.example.com/3ds/session_1';

describe('the checkout answer under Prefer: wait and on a replayed key', { skip: skipUnless('postgres') }, () => {
  let o: OrderUnderTest;
  let keys = 0;

  const event = <T extends EventType>(type: T, data: EventData<T>, source: string) => createEvent(type, data, { source, subject: (data as { orderId: string }).orderId });
  const reserved = (orderId: string) =>
    event(
      'StockReserved',
      { orderId, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), lines: [{ sku: 'MUG', quantity: 1, allocations: [{ warehouseId: newId('whs'), quantity: 1 }] }] },
      'inventory',
    );
  const actionRequired = (orderId: string) => event('PaymentActionRequired', { orderId, paymentId: newId('pay'), provider: 'sandbox', nextActionUrl: THREE_DS }, 'payment');
  const succeeded = (orderId: string) => event('PaymentSucceeded', { orderId, paymentId: newId('pay'), provider: 'sandbox', amount: { amount: 1499, currency: 'USD' } }, 'payment');

  /** A checkout of one mug; resolves with its answer. `onPlaced` runs once the order exists (the saga's events). */
  async function checkout(headers: Record<string, string>, onPlaced?: (orderId: string) => Promise<void>, key = `wait-${++keys}`): Promise<Reply & { key: string; request: unknown }> {
    const cart = (await o.anonymous('POST', '/carts', { currency: 'USD' })).json<{ id: string }>();
    assert.equal((await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'MUG', quantity: 1 })).statusCode, 200);
    const known = new Set((await o.svc.db.query<{ id: string }>('SELECT id FROM orders')).rows.map((r) => r.id));
    const request = { cartId: cart.id, shippingAddress: address, email: 'ada@example.com', payment: { provider: 'sandbox', paymentMethod: 'pm_card_authenticationRequired' } };
    const answer = o.anonymous('POST', '/checkout', request, { 'idempotency-key': key, ...headers });
    if (onPlaced) {
      let orderId: string | undefined;
      while (!orderId) {
        orderId = (await o.svc.db.query<{ id: string }>('SELECT id FROM orders')).rows.find((r) => !known.has(r.id))?.id;
        if (!orderId) await new Promise((r) => setTimeout(r, 20));
      }
      await onPlaced(orderId);
    }
    return { ...(await answer), key, request };
  }

  before(async () => {
    o = await startOrder({ ORDER_SHIPPING_RATES: JSON.stringify({ '*': { USD: 499 } }), ORDER_CHECKOUT_MAX_WAIT_SECONDS: '5' });
    await o.deliver(catalogEvent('ProductCreated', productFacts({ productId: newId('prd'), variants: [{ sku: 'MUG', prices: { USD: 1000 } }] }), new Date()));
  });
  after(async () => {
    await o?.stop();
  });

  it('stops waiting when a 3-D Secure step is required, and answers awaiting_payment with its URL', async () => {
    const started = Date.now();
    const res = await checkout({ prefer: 'wait=5' }, async (orderId) => {
      await o.deliver(reserved(orderId));
      await o.deliver(actionRequired(orderId));
    });
    assert.equal(res.statusCode, 202, res.body);
    const body = res.json<CheckoutJson>();
    assert.equal(body.status, 'awaiting_payment');
    assert.equal(body.nextActionUrl, THREE_DS);
    assert.equal(res.headers['preference-applied'], 'wait=5');
    assert.ok(Date.now() - started < 4_500, 'answered when the step was known, not at the end of the wait');
  });

  it('reads the order again at the end of a short wait: never the status it had when the wait began', async () => {
    const res = await checkout({ prefer: 'wait=1' }, async (orderId) => {
      // Reserved (awaiting payment): nothing settles, nothing is asked of the customer yet.
      await o.deliver(reserved(orderId));
    });
    assert.equal(res.statusCode, 202, res.body);
    const body = res.json<CheckoutJson>();
    assert.deepEqual([body.status, body.nextActionUrl], ['awaiting_payment', null]);
  });

  it("answers a replayed Idempotency-Key with the order's state now", async () => {
    const first = await checkout({});
    assert.equal(first.statusCode, 202);
    const { orderId, status } = first.json<CheckoutJson>();
    assert.equal(status, 'pending');
    await o.deliver(reserved(orderId));
    await o.deliver(actionRequired(orderId));
    const replay = await o.anonymous('POST', '/checkout', first.request, { 'idempotency-key': first.key });
    assert.equal(replay.statusCode, 202, replay.body);
    assert.deepEqual([replay.json<CheckoutJson>().orderId, replay.json<CheckoutJson>().status, replay.json<CheckoutJson>().nextActionUrl], [orderId, 'awaiting_payment', THREE_DS]);
    await o.deliver(succeeded(orderId));
    const settled = await o.anonymous('POST', '/checkout', first.request, { 'idempotency-key': first.key });
    assert.equal(settled.statusCode, 200, settled.body);
    assert.equal(settled.json<CheckoutJson>().status, 'confirmed');
  });

  it('lowers a longer wait to the service limit and says so', async () => {
    const res = await checkout({ prefer: 'respond-async, wait=30' });
    assert.equal(res.statusCode, 202);
    assert.equal(res.headers['preference-applied'], 'wait=5');
  });
});

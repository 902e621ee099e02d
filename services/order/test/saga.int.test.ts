import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { createEvent, newId, type EventData, type EventType } from '@mercato/contracts';
import { cancelOverduePayments } from '../src/saga/checkout-saga.js';
import { bearer, catalogEvent, productFacts, startOrder, type OrderUnderTest } from './support.js';

interface Money {
  amount: number;
  currency: string;
}
interface OrderJson {
  id: string;
  status: string;
  cancelReason: string | null;
  payment: { paymentId: string | null; nextActionUrl: string | null; deadline: string | null; paid: Money; refunded: Money; refundPending: Money };
  shipment: { carrier: string; trackingNumber: string; shippedAt: string; deliveredAt: string | null } | null;
  history?: Array<{ from: string | null; to: string; reason: string | null }>;
}
interface Emitted {
  type: string;
  data: Record<string, unknown>;
}

const address = { name: 'Ada Lovelace', line1: '1 Main St', city: 'Boston', country: 'US' };
const usd = (amount: number) => ({ amount, currency: 'USD' });
const admin = bearer(newId('usr'), ['admin']);
let keys = 0;

describe('the checkout saga on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let o: OrderUnderTest;
  const tee = newId('prd');

  /** A guest (or `userId`'s) order of `quantity` tees at 1000: total 1000 × quantity + 499 shipping. */
  const place = async (opts: { quantity?: number; userId?: string; paymentMethod?: string } = {}) => {
    const call = o.as(opts.userId);
    const cart = (await call('POST', '/carts', { currency: 'USD' })).json<{ id: string }>();
    assert.equal((await call('POST', `/carts/${cart.id}/items`, { sku: 'TEE', quantity: opts.quantity ?? 1 })).statusCode, 200);
    const res = await call(
      'POST',
      '/checkout',
      { cartId: cart.id, shippingAddress: address, email: 'ada@example.com', payment: { provider: 'sandbox', paymentMethod: opts.paymentMethod ?? 'pm_card_visa' } },
      { 'idempotency-key': `saga-${++keys}` },
    );
    assert.equal(res.statusCode, 202, res.body);
    return res.json<{ orderId: string; accessToken: string | null }>();
  };
  const event = <T extends EventType>(type: T, data: EventData<T>, source: string) => createEvent(type, data, { source, subject: (data as { orderId: string }).orderId });
  const reserved = (orderId: string, expiresInMs = 15 * 60_000) =>
    event('StockReserved', { orderId, expiresAt: new Date(Date.now() + expiresInMs).toISOString(), lines: [{ sku: 'TEE', quantity: 1, allocations: [{ warehouseId: newId('whs'), quantity: 1 }] }] }, 'inventory');
  const succeeded = (orderId: string, amount: number, paymentId = newId('pay')) => event('PaymentSucceeded', { orderId, paymentId, provider: 'sandbox', amount: usd(amount) }, 'payment');
  const refunded = (orderId: string, paymentId: string, amount: number, total: number, full: boolean, refundRequestId: string | null) =>
    event('Refunded', { orderId, paymentId, refundId: newId('ref'), refundRequestId, amount: usd(amount), totalRefunded: usd(total), full }, 'payment');
  const read = async (orderId: string) => {
    const res = await o.anonymous('GET', `/orders/${orderId}`, undefined, admin);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<OrderJson>();
  };
  const emitted = async (orderId: string, type?: string): Promise<Emitted[]> =>
    (
      await o.svc.db.query<{ payload: Emitted }>(`SELECT payload FROM outbox WHERE subject = $1 ${type ? 'AND type = $2' : ''} ORDER BY id`, type ? [orderId, type] : [orderId])
    ).rows.map((r) => r.payload);
  const types = async (orderId: string) => (await emitted(orderId)).map((e) => e.type);

  before(async () => {
    o = await startOrder({ ORDER_SHIPPING_RATES: JSON.stringify({ '*': { USD: 499 } }), ORDER_PAYMENT_TIMEOUT_SECONDS: '600' });
    await o.deliver(catalogEvent('ProductCreated', productFacts({ productId: tee, variants: [{ sku: 'TEE', prices: { USD: 1000 } }] }), new Date()));
  });
  after(async () => {
    await o?.stop();
  });

  it('reserved → PaymentRequested with the stored choice → paid → confirmed with OrderConfirmed', async () => {
    const { orderId } = await place({ quantity: 2, paymentMethod: 'pm_card_visa' });
    await o.deliver(reserved(orderId));
    let order = await read(orderId);
    assert.equal(order.status, 'awaiting_payment');
    const deadline = Date.parse(order.payment.deadline!);
    assert.ok(deadline > Date.now() + 590_000 && deadline <= Date.now() + 600_000, 'the deadline is the payment timeout');
    const [request] = await emitted(orderId, 'PaymentRequested');
    assert.deepEqual(request!.data, { orderId, userId: null, email: 'ada@example.com', amount: usd(2499), provider: 'sandbox', paymentMethod: 'pm_card_visa' });

    const paymentId = newId('pay');
    const success = succeeded(orderId, 2499, paymentId);
    await o.deliver(success);
    await o.deliver(success); // a redelivery changes nothing
    await o.deliver(succeeded(orderId, 2499, paymentId)); // nor does a copy under another event id
    order = await read(orderId);
    assert.equal(order.status, 'confirmed');
    assert.equal(order.payment.paymentId, paymentId);
    assert.deepEqual(order.payment.paid, usd(2499));
    assert.deepEqual(
      order.history!.map((h) => h.to),
      ['pending', 'awaiting_payment', 'confirmed'],
    );
    assert.deepEqual(await types(orderId), ['OrderPlaced', 'PaymentRequested', 'OrderConfirmed']);
    const [confirmed] = await emitted(orderId, 'OrderConfirmed');
    assert.equal(confirmed!.data.paymentId, paymentId);
    assert.deepEqual(confirmed!.data.total, usd(2499));
  });

  it('stock rejected → cancelled: out_of_stock, nothing to release; a late StockReserved changes nothing', async () => {
    const { orderId } = await place();
    await o.deliver(event('StockRejected', { orderId, lines: [{ sku: 'TEE', requested: 1, available: 0 }] }, 'inventory'));
    const order = await read(orderId);
    assert.equal(order.status, 'cancelled');
    assert.equal(order.cancelReason, 'out_of_stock');
    const [cancelled] = await emitted(orderId, 'OrderCancelled');
    assert.equal(cancelled!.data.reason, 'out_of_stock');
    assert.equal(cancelled!.data.stockReserved, false);
    await o.deliver(reserved(orderId));
    assert.equal((await read(orderId)).status, 'cancelled');
    assert.deepEqual(await types(orderId), ['OrderPlaced', 'OrderCancelled']);
  });

  it('payment declined → cancelled: payment_declined with the stock released', async () => {
    const { orderId } = await place({ paymentMethod: 'pm_card_chargeDeclined' });
    await o.deliver(reserved(orderId));
    assert.equal((await emitted(orderId, 'PaymentRequested'))[0]!.data.paymentMethod, 'pm_card_chargeDeclined');
    await o.deliver(event('PaymentFailed', { orderId, paymentId: newId('pay'), provider: 'sandbox', code: 'card_declined', message: 'Your card was declined.' }, 'payment'));
    const order = await read(orderId);
    assert.equal(order.status, 'cancelled');
    assert.equal(order.cancelReason, 'payment_declined');
    const [cancelled] = await emitted(orderId, 'OrderCancelled');
    assert.equal(cancelled!.data.stockReserved, true);
    assert.deepEqual(await types(orderId), ['OrderPlaced', 'PaymentRequested', 'OrderCancelled']);
  });

  it('shows the next action while awaiting payment', async () => {
    const { orderId } = await place();
    await o.deliver(reserved(orderId));
    const url = 'https://pay.example.com/3ds/abc';
    await o.deliver(event('PaymentActionRequired', { orderId, paymentId: newId('pay'), provider: 'sandbox', nextActionUrl: url }, 'payment'));
    const order = await read(orderId);
    assert.equal(order.status, 'awaiting_payment');
    assert.equal(order.payment.nextActionUrl, url);
  });

  it('never waits for payment past the reservation: the deadline comes 30 s before it expires', async () => {
    const { orderId } = await place();
    await o.deliver(reserved(orderId, 90_000));
    const deadline = Date.parse((await read(orderId)).payment.deadline!);
    assert.ok(deadline <= Date.now() + 60_000 && deadline > Date.now() + 50_000);
    // A reservation about to lapse: no payment is asked for at all.
    const late = await place();
    await o.deliver(reserved(late.orderId, 10_000));
    const order = await read(late.orderId);
    assert.equal(order.status, 'cancelled');
    assert.equal(order.cancelReason, 'payment_timeout');
    assert.deepEqual(await types(late.orderId), ['OrderPlaced', 'OrderCancelled']);
  });

  it('payment timeout: the sweeper cancels overdue orders once; a late success is refunded and the order ends refunded', async () => {
    const { orderId } = await place();
    await o.deliver(reserved(orderId));
    const other = await place();
    await o.deliver(reserved(other.orderId));
    await o.svc.db.query(`UPDATE orders SET payment_deadline = now() - interval '1 second' WHERE id = $1`, [orderId]);
    const sweep = () => o.svc.db.tx((tx) => cancelOverduePayments({ tx, outbox: o.svc.outbox, logger: o.svc.logger, paymentTimeoutSeconds: 600 }, 100));
    assert.equal(await sweep(), 1);
    assert.equal(await sweep(), 0);
    let order = await read(orderId);
    assert.equal(order.status, 'cancelled');
    assert.equal(order.cancelReason, 'payment_timeout');
    assert.equal((await read(other.orderId)).status, 'awaiting_payment', 'an order within its deadline is left alone');
    const [cancelled] = await emitted(orderId, 'OrderCancelled');
    assert.equal(cancelled!.data.stockReserved, true);

    const paymentId = newId('pay');
    await o.deliver(succeeded(orderId, 1499, paymentId));
    order = await read(orderId);
    assert.equal(order.status, 'cancelled', 'a late capture does not confirm');
    assert.deepEqual(order.payment.paid, usd(1499));
    assert.deepEqual(order.payment.refundPending, usd(1499));
    const [refund] = await emitted(orderId, 'RefundRequested');
    assert.deepEqual(refund!.data.amount, usd(1499));
    await o.deliver(succeeded(orderId, 1499, paymentId));
    assert.equal((await emitted(orderId, 'RefundRequested')).length, 1, 'asked back once');

    await o.deliver(refunded(orderId, paymentId, 1499, 1499, true, refund!.data.refundRequestId as string));
    order = await read(orderId);
    assert.equal(order.status, 'refunded');
    assert.equal(order.cancelReason, 'payment_timeout', 'the reason stays');
    assert.deepEqual(order.payment.refunded, usd(1499));
    assert.deepEqual(order.payment.refundPending, usd(0));
    assert.equal(await o.count(`SELECT count(*) AS n FROM order_refunds WHERE order_id = $1 AND status = 'refunded'`, [orderId]), 1);
  });

  it('a success the sweeper has not caught yet is refunded too, not confirmed', async () => {
    const { orderId } = await place();
    await o.deliver(reserved(orderId));
    await o.svc.db.query(`UPDATE orders SET payment_deadline = now() - interval '1 second' WHERE id = $1`, [orderId]);
    await o.deliver(succeeded(orderId, 1499));
    const order = await read(orderId);
    assert.equal(order.status, 'cancelled');
    assert.equal(order.cancelReason, 'payment_timeout');
    assert.deepEqual(await types(orderId), ['OrderPlaced', 'PaymentRequested', 'OrderCancelled', 'RefundRequested']);
  });

  it('a Refunded ahead of its capture is retried, not recorded', async () => {
    const { orderId } = await place();
    await o.deliver(reserved(orderId));
    const early = refunded(orderId, newId('pay'), 1499, 1499, true, null);
    await o.svc.bus.publish([early]);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await o.count('SELECT count(*) AS n FROM inbox WHERE event_id = $1', [early.id]), 0);
    assert.equal((await read(orderId)).status, 'awaiting_payment');
  });

  it('customer cancel: pending and confirmed orders (refunded), 409 once shipped, 404 for strangers', async () => {
    const userId = newId('usr');
    const pending = await place({ userId });
    assert.equal((await o.as(newId('usr'))('POST', `/orders/${pending.orderId}/cancel`)).statusCode, 404);
    const res = await o.as(userId)('POST', `/orders/${pending.orderId}/cancel`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<OrderJson>().status, 'cancelled');
    assert.equal(res.json<OrderJson>().cancelReason, 'customer');
    assert.equal((await emitted(pending.orderId, 'OrderCancelled'))[0]!.data.stockReserved, false);
    const again = await o.as(userId)('POST', `/orders/${pending.orderId}/cancel`);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'illegal_transition');
    assert.equal(again.json().state, 'cancelled');

    // A guest cancels a paid order with its token: the stock goes back and the money too.
    const guest = await place();
    await o.deliver(reserved(guest.orderId), succeeded(guest.orderId, 1499));
    assert.equal((await o.anonymous('POST', `/orders/${guest.orderId}/cancel`)).statusCode, 404);
    const cancelled = await o.anonymous('POST', `/orders/${guest.orderId}/cancel?token=${guest.accessToken}`);
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.deepEqual(cancelled.json<OrderJson>().payment.refundPending, usd(1499));
    assert.deepEqual(await types(guest.orderId), ['OrderPlaced', 'PaymentRequested', 'OrderConfirmed', 'OrderCancelled', 'RefundRequested']);

    const shipped = await place({ userId });
    await o.deliver(reserved(shipped.orderId), succeeded(shipped.orderId, 1499));
    assert.equal((await o.anonymous('POST', `/orders/${shipped.orderId}/ship`, { carrier: 'UPS', trackingNumber: '1Z999' }, admin)).statusCode, 200);
    const late = await o.as(userId)('POST', `/orders/${shipped.orderId}/cancel`);
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().state, 'shipped');
    assert.equal((await read(shipped.orderId)).status, 'shipped', 'nothing changed');
  });

  it('admin: ship → OrderShipped, deliver → OrderDelivered, partial then full refund → refunded; illegal moves 409; customers 403', async () => {
    const userId = newId('usr');
    const { orderId } = await place({ userId });
    const ship = (headers: Record<string, string>, body: unknown = { carrier: 'DHL', trackingNumber: 'JD0142' }) => o.anonymous('POST', `/orders/${orderId}/ship`, body, headers);
    const early = await ship(admin);
    assert.equal(early.statusCode, 409, 'a pending order cannot ship');
    assert.equal(early.json().state, 'pending');
    const paymentId = newId('pay');
    await o.deliver(reserved(orderId), succeeded(orderId, 1499, paymentId));
    assert.equal((await ship(bearer(userId, ['customer']))).statusCode, 403);
    assert.equal((await ship({})).statusCode, 401);
    assert.equal((await ship(admin, { carrier: 'DHL' })).statusCode, 400);
    // No body at all: the answer names each missing field, not "body must be object".
    const bare = await o.anonymous('POST', `/orders/${orderId}/ship`, undefined, admin);
    assert.equal(bare.statusCode, 400);
    assert.deepEqual(bare.json<{ errors: { pointer: string; message: string }[] }>().errors.map((e) => `${e.pointer} ${e.message}`), ['/carrier is required', '/trackingNumber is required']);
    assert.equal((await ship(admin, { carrier: 'DHL', trackingNumber: 'x', extra: 1 })).statusCode, 400);
    const shipped = await ship(admin);
    assert.equal(shipped.statusCode, 200, shipped.body);
    assert.equal(shipped.json<OrderJson>().shipment!.trackingNumber, 'JD0142');
    const [shippedEvent] = await emitted(orderId, 'OrderShipped');
    assert.equal(shippedEvent!.data.carrier, 'DHL');
    assert.equal(shippedEvent!.data.email, 'ada@example.com');
    assert.equal((await ship(admin)).statusCode, 409);

    const delivered = await o.anonymous('POST', `/orders/${orderId}/deliver`, undefined, admin);
    assert.equal(delivered.statusCode, 200, delivered.body);
    assert.ok(delivered.json<OrderJson>().shipment!.deliveredAt);
    assert.deepEqual((await emitted(orderId, 'OrderDelivered'))[0]!.data.lines, [{ productId: tee, sku: 'TEE' }]);

    const refund = (body: unknown) => o.anonymous('POST', `/orders/${orderId}/refund`, body, admin);
    // Money as everywhere else: { amount, currency } in minor units.
    assert.equal((await refund({ amount: usd(2000) })).statusCode, 409);
    assert.equal((await refund({ amount: usd(2000) })).json().code, 'refund_exceeds_payment');
    assert.equal((await refund({ amount: usd(-1) })).statusCode, 400);
    assert.equal((await refund({ amount: 500 })).statusCode, 400, 'a bare number is not money');
    const otherCurrency = await refund({ amount: { amount: 500, currency: 'EUR' } });
    assert.equal(otherCurrency.statusCode, 400);
    assert.deepEqual(otherCurrency.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer), ['/amount/currency']);
    assert.equal((await emitted(orderId, 'RefundRequested')).length, 0, 'refused refunds ask for nothing');
    const part = await refund({ amount: usd(500), reason: 'damaged box' });
    assert.equal(part.statusCode, 202, part.body);
    const [first] = await emitted(orderId, 'RefundRequested');
    assert.deepEqual(first!.data, { orderId, refundRequestId: first!.data.refundRequestId, amount: usd(500), reason: 'damaged box' });
    await o.deliver(refunded(orderId, paymentId, 500, 500, false, first!.data.refundRequestId as string));
    let order = await read(orderId);
    assert.equal(order.status, 'delivered', 'a partial refund keeps the order');
    assert.deepEqual(order.payment.refunded, usd(500));

    assert.equal((await o.anonymous('POST', `/orders/${orderId}/refund`, undefined, admin)).statusCode, 202, 'the rest (no body at all)');
    const second = (await emitted(orderId, 'RefundRequested'))[1]!;
    assert.deepEqual(second.data.amount, usd(999));
    assert.equal((await refund({})).statusCode, 409, 'nothing left to refund');
    await o.deliver(refunded(orderId, paymentId, 999, 1499, true, second.data.refundRequestId as string));
    order = await read(orderId);
    assert.equal(order.status, 'refunded');
    assert.deepEqual(order.payment.refunded, usd(1499));
    assert.deepEqual(
      order.history!.map((h) => h.to),
      ['pending', 'awaiting_payment', 'confirmed', 'shipped', 'delivered', 'refunded'],
    );
    assert.equal((await o.anonymous('POST', `/orders/${orderId}/deliver`, undefined, admin)).statusCode, 409);
  });

  it('lists my orders newest first by cursor; staff see anyone’s', async () => {
    const userId = newId('usr');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await place({ userId })).orderId);
    const mine = o.as(userId);
    const first = await mine('GET', '/orders?limit=2');
    assert.equal(first.statusCode, 200, first.body);
    const page1 = first.json<{ items: OrderJson[]; nextCursor: string | null }>();
    assert.deepEqual(
      page1.items.map((i) => i.id),
      [ids[2], ids[1]],
    );
    const page2 = (await mine('GET', `/orders?limit=2&cursor=${page1.nextCursor}`)).json<{ items: OrderJson[]; nextCursor: string | null }>();
    assert.deepEqual(
      page2.items.map((i) => i.id),
      [ids[0]],
    );
    assert.equal(page2.nextCursor, null);
    assert.equal(page2.items[0]!.history, undefined, 'lists carry no history');
    assert.deepEqual((await o.as(newId('usr'))('GET', '/orders')).json<{ items: unknown[] }>().items, []);
    // A customer cannot look at someone else's by asking for them.
    assert.deepEqual((await o.as(newId('usr'))('GET', `/orders?userId=${userId}`)).json<{ items: unknown[] }>().items, []);
    const staff = (await o.anonymous('GET', `/orders?userId=${userId}&status=pending`, undefined, bearer(newId('usr'), ['support']))).json<{ items: OrderJson[] }>();
    assert.equal(staff.items.length, 3);
    assert.equal((await o.anonymous('GET', '/orders')).statusCode, 401);
    assert.equal((await mine('GET', '/orders?cursor=not-a-cursor')).statusCode, 400);
    assert.equal((await mine('GET', '/orders?limit=101')).statusCode, 400);
    assert.equal((await mine('GET', '/orders?colour=red')).statusCode, 400);
  });

  it('takes a run of events delivered together in one transaction, each order as on its own', async () => {
    const orders = await Promise.all(Array.from({ length: 12 }, () => place()));
    await o.deliver(...orders.map((p) => reserved(p.orderId)));
    await o.deliver(...orders.map((p, i) => (i % 3 === 0 ? event('PaymentFailed', { orderId: p.orderId, paymentId: newId('pay'), provider: 'sandbox', code: 'card_declined', message: 'no' }, 'payment') : succeeded(p.orderId, 1499))));
    const statuses = await Promise.all(orders.map(async (p) => (await read(p.orderId)).status));
    assert.deepEqual(statuses, orders.map((_, i) => (i % 3 === 0 ? 'cancelled' : 'confirmed')));
  });

  it('a run moves its orders together as each on its own: late captures asked back, refunds done, an order named twice', async () => {
    const orders = await Promise.all(Array.from({ length: 4 }, () => place()));
    await o.deliver(...orders.map((p) => reserved(p.orderId)));
    await o.svc.db.query(`UPDATE orders SET payment_deadline = now() - interval '1 second' WHERE id = ANY($1::text[])`, [orders.map((p) => p.orderId)]);
    const sweep = () => o.svc.db.tx((tx) => cancelOverduePayments({ tx, outbox: o.svc.outbox, logger: o.svc.logger, paymentTimeoutSeconds: 600 }, 100));
    assert.equal(await sweep(), 4);
    // Late captures in one run, the first order's twice (its second under another event id, the
    // same payment): each order asks its capture back once.
    const paymentIds = orders.map(() => newId('pay'));
    await o.deliver(...orders.map((p, i) => succeeded(p.orderId, 1499, paymentIds[i])), succeeded(orders[0]!.orderId, 1499, paymentIds[0]));
    for (const [i, p] of orders.entries()) {
      const order = await read(p.orderId);
      assert.equal(order.status, 'cancelled');
      assert.deepEqual(order.payment.paid, usd(1499));
      assert.deepEqual(order.payment.refundPending, usd(1499));
      const asked = await emitted(p.orderId, 'RefundRequested');
      assert.equal(asked.length, 1, `order ${i} asked back once`);
      assert.equal(order.payment.paymentId, paymentIds[i]);
      assert.deepEqual(asked[0]!.data.amount, usd(1499));
      assert.equal(await o.count(`SELECT count(*) AS n FROM order_refunds WHERE order_id = $1 AND status = 'requested' AND amount = 1499`, [p.orderId]), 1);
      assert.equal(await o.count(`SELECT count(*) AS n FROM order_history WHERE order_id = $1`, [p.orderId]), 3, 'placed, awaiting payment, cancelled: no history for the capture');
    }
    // Their refunds done, in one run: every order ends refunded with its request marked done.
    const requests = await Promise.all(orders.map(async (p) => (await emitted(p.orderId, 'RefundRequested'))[0]!.data.refundRequestId as string));
    await o.deliver(...orders.map((p, i) => refunded(p.orderId, paymentIds[i]!, 1499, 1499, true, requests[i]!)));
    for (const p of orders) {
      const order = await read(p.orderId);
      assert.equal(order.status, 'refunded');
      assert.equal(order.cancelReason, 'payment_timeout');
      assert.deepEqual(order.payment.refunded, usd(1499));
      assert.deepEqual(order.payment.refundPending, usd(0));
      assert.equal(await o.count(`SELECT count(*) AS n FROM order_refunds WHERE order_id = $1 AND status = 'refunded' AND refunded_at IS NOT NULL`, [p.orderId]), 1);
      assert.deepEqual(await types(p.orderId), ['OrderPlaced', 'PaymentRequested', 'OrderCancelled', 'RefundRequested']);
      const history = await o.svc.db.query<{ from_status: string | null; to_status: string; actor: string }>('SELECT from_status, to_status, actor FROM order_history WHERE order_id = $1 ORDER BY id', [p.orderId]);
      assert.deepEqual(history.rows.map((h) => [h.from_status, h.to_status]), [[null, 'pending'], ['pending', 'awaiting_payment'], ['awaiting_payment', 'cancelled'], ['cancelled', 'refunded']]);
      assert.match(history.rows[3]!.actor, /^event:Refunded:/);
    }
  });

  it('a run names an order twice: the second event is decided on the order the first left', async () => {
    const [a, b] = await Promise.all([place(), place()]);
    // StockReserved, then in one run both orders paid and the first paid again by another payment.
    await o.deliver(reserved(a!.orderId), reserved(b!.orderId));
    const first = newId('pay');
    await o.deliver(succeeded(a!.orderId, 1499, first), succeeded(b!.orderId, 1499), succeeded(a!.orderId, 1499, newId('pay')));
    const order = await read(a!.orderId);
    assert.equal(order.status, 'confirmed');
    assert.equal((await read(b!.orderId)).status, 'confirmed');
    // The second capture met the order the first had paid (not the one locked at the run's
    // start): refused for an operator, the first payment kept, one confirmation.
    assert.equal(order.payment.paymentId, first);
    assert.deepEqual(order.payment.paid, usd(1499));
    assert.equal(await o.count(`SELECT count(*) AS n FROM order_history WHERE order_id = $1 AND to_status = 'confirmed'`, [a!.orderId]), 1);
    assert.deepEqual(await types(a!.orderId), ['OrderPlaced', 'PaymentRequested', 'OrderConfirmed']);
    assert.deepEqual(await types(b!.orderId), ['OrderPlaced', 'PaymentRequested', 'OrderConfirmed']);
  });

  it('Prefer: wait answers as soon as the order settles', async () => {
    const cart = (await o.anonymous('POST', '/carts', { currency: 'USD' })).json<{ id: string }>();
    await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'TEE', quantity: 1 });
    const known = new Set((await o.svc.db.query<{ id: string }>('SELECT id FROM orders')).rows.map((r) => r.id));
    const started = Date.now();
    const answer = o.anonymous(
      'POST',
      '/checkout',
      { cartId: cart.id, shippingAddress: address, email: 'ada@example.com', payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' } },
      { 'idempotency-key': `saga-wait-${++keys}`, prefer: 'wait=20' },
    );
    const orderId = await (async () => {
      for (;;) {
        const fresh = (await o.svc.db.query<{ id: string }>('SELECT id FROM orders')).rows.find((r) => !known.has(r.id));
        if (fresh) return fresh.id;
        await new Promise((res) => setTimeout(res, 20));
      }
    })();
    await o.deliver(reserved(orderId), succeeded(orderId, 1499));
    const res = await answer;
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'confirmed');
    // The wait asked for is lowered to the service's limit (8 s by default), and said so.
    assert.equal(res.headers['preference-applied'], 'wait=8');
    assert.ok(Date.now() - started < 7_000, 'woken by the settlement, not by the end of the wait');
  });

  it('UserDeleted keeps the customer\'s orders for the books, anonymised, and deletes their carts', async () => {
    const userId = newId('usr');
    const { orderId } = await place({ userId });
    await o.deliver(reserved(orderId), succeeded(orderId, 1499));
    const cart = (await o.as(userId)('POST', '/carts', { currency: 'USD' })).json<{ id: string }>();
    await o.as(userId)('POST', `/carts/${cart.id}/items`, { sku: 'TEE', quantity: 1 });
    const erased = createEvent('UserDeleted', { userId, deletedBy: null, deletedAt: new Date().toISOString() }, { source: 'user', subject: userId });
    await o.deliver(erased);
    await o.deliver(erased);
    const order = (await read(orderId)) as unknown as { status: string; email: string; shippingAddress: unknown; totals: { total: { amount: number } } };
    assert.equal(order.status, 'confirmed');
    assert.equal(order.email, 'erased@erased.invalid');
    assert.deepEqual(order.shippingAddress, { name: 'erased', line1: 'erased', city: 'erased', country: 'US' });
    assert.equal(order.totals.total.amount, 1499, 'the amounts stay');
    assert.equal(await o.count('SELECT count(*) AS n FROM orders WHERE user_id = $1', [userId]), 0);
    assert.equal(await o.count('SELECT count(*) AS n FROM carts WHERE owner_user_id = $1', [userId]), 0);
    assert.equal((await o.as(userId)('GET', `/orders/${orderId}`)).statusCode, 404, 'the erased account no longer reaches it');
  });
});

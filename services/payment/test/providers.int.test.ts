import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eventually, skipUnless } from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';
import Stripe from 'stripe';
import { FakeRazorpay } from './fakes/fake-razorpay.js';
import { FakeStripe } from './fakes/fake-stripe.js';
import { startPayment } from './support.js';

const STRIPE_WEBHOOK_SECRET = 'whsec_test_payment';
const RAZORPAY_WEBHOOK_SECRET = 'rzp_webhook_secret';

describe('Stripe and Razorpay providers against local fakes, on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let t: Awaited<ReturnType<typeof startPayment>>;
  let stripe: FakeStripe;
  let rzp: FakeRazorpay;
  const settled = (orderId: string) =>
    eventually(async () => {
      const p = await t.payment(orderId);
      return p && !['created', 'processing', 'unknown'].includes(p.state) ? p : undefined;
    });
  const stripeHook = (event: object, opts: { secret?: string; timestamp?: number; tamper?: boolean; header?: string | null } = {}) => {
    const payload = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? STRIPE_WEBHOOK_SECRET, ...(opts.timestamp ? { timestamp: opts.timestamp } : {}) });
    return t.svc.app.inject({
      method: 'POST',
      url: '/payments/webhooks/stripe',
      headers: { 'content-type': 'application/json; charset=utf-8', ...(opts.header === null ? {} : { 'stripe-signature': opts.header ?? signature }) },
      payload: opts.tamper ? payload.replace('"succeeded"', '"succeeded" ') : payload,
    });
  };
  const intentEvent = (type: string, intent: object, id = `evt_${newId('x').slice(2)}`) => ({ id, object: 'event', type, data: { object: intent } });
  const rzpHook = (event: string, payload: object, eventId: string, opts: { tamper?: boolean } = {}) => {
    const body = JSON.stringify({ entity: 'event', account_id: 'acc_test', event, contains: Object.keys(payload), payload, created_at: Math.floor(Date.now() / 1000) });
    const signature = createHmac('sha256', RAZORPAY_WEBHOOK_SECRET).update(body).digest('hex');
    return t.svc.app.inject({
      method: 'POST',
      url: '/payments/webhooks/razorpay',
      headers: { 'content-type': 'application/json', 'x-razorpay-signature': signature, 'x-razorpay-event-id': eventId },
      payload: opts.tamper ? body.replace('"captured"', '"authorized"') : body,
    });
  };

  before(async () => {
    stripe = await new FakeStripe().start();
    rzp = await new FakeRazorpay('rzp_test_key', 'rzp_test_secret').start();
    t = await startPayment({
      STRIPE_API_BASE: stripe.url,
      STRIPE_SECRET_KEY: 'sk_test_payment',
      STRIPE_WEBHOOK_SECRET,
      STRIPE_TIMEOUT_MS: '300',
      RAZORPAY_API_BASE: rzp.url,
      RAZORPAY_KEY_ID: 'rzp_test_key',
      RAZORPAY_KEY_SECRET: 'rzp_test_secret',
      RAZORPAY_WEBHOOK_SECRET,
    });
  });
  after(async () => {
    await t?.stop();
    await stripe?.close();
    await rzp?.close();
  });

  it('Stripe: a PaymentIntent created and confirmed with the order id as idempotency key', async () => {
    const event = t.requested({ provider: 'stripe', paymentMethod: 'pm_card_visa', amount: { amount: 4200, currency: 'USD' } });
    await t.bus.publish([event]);
    const p = await settled(event.data.orderId);
    assert.equal(p.state, 'succeeded');
    assert.equal(stripe.chargesByKey.get(event.data.orderId), 1);
    const intent = stripe.intentOf(event.data.orderId)!;
    assert.equal(intent.amount, 4200);
    assert.equal(intent.currency, 'usd');
    assert.equal(p.provider_ref, intent.id);
    assert.match(String(p.charge_ref), /^ch_/);
    assert.deepEqual([p.card_brand, p.card_last4], ['visa', '4242']);
    assert.equal((await t.outbox('PaymentSucceeded', event.data.orderId)).length, 1);
  });

  it('Stripe: a decline (402 card_error) fails the payment with its code', async () => {
    const event = t.requested({ provider: 'stripe', paymentMethod: 'pm_card_chargeDeclined' });
    await t.bus.publish([event]);
    const p = await settled(event.data.orderId);
    assert.equal(p.state, 'failed');
    assert.equal(p.failure_code, 'generic_decline');
    assert.equal((await t.outbox('PaymentFailed', event.data.orderId))[0]!.payload.data.code, 'generic_decline');
  });

  it('Stripe: a timeout, then the charge is found by the reconciler — one charge at Stripe, one PaymentSucceeded', async () => {
    stripe.failNext({ kind: 'hang', ms: 1500 });
    const event = t.requested({ provider: 'stripe', paymentMethod: 'pm_card_visa' });
    const orderId = event.data.orderId;
    await t.bus.publish([event]);
    // The answer is lost: `unknown` until the reconciler asks (which may be at once, so either
    // state may be the one seen first).
    await eventually(async () => ['unknown', 'succeeded'].includes((await t.payment(orderId))?.state ?? ''), 15_000);
    const p = await settled(orderId);
    assert.equal(p.state, 'succeeded');
    assert.ok(Number((await t.q<{ attempts: number }>('SELECT attempts FROM payments WHERE order_id = $1', [orderId]))[0]!.attempts) >= 2, 'the reconciler asked again');
    assert.equal(stripe.chargesByKey.get(orderId), 1, 'charged once');
    assert.equal((await t.outbox('PaymentSucceeded', orderId)).length, 1);
    assert.equal(p.provider_ref, stripe.intentOf(orderId)!.id);
  });

  it('Stripe: a 500 after the charge was made → unknown → reconciled, still one charge', async () => {
    stripe.failNext({ kind: 'server_error' });
    const event = t.requested({ provider: 'stripe', paymentMethod: 'pm_card_visa' });
    await t.bus.publish([event]);
    const p = await settled(event.data.orderId);
    assert.equal(p.state, 'succeeded');
    assert.equal(stripe.chargesByKey.get(event.data.orderId), 1);
    assert.equal((await t.outbox('PaymentSucceeded', event.data.orderId)).length, 1);
  });

  it('Stripe: 20 concurrent deliveries → one charge at the provider, one PaymentSucceeded', async () => {
    const first = t.requested({ provider: 'stripe', paymentMethod: 'pm_card_visa' });
    const orderId = first.data.orderId;
    const events = [first, ...Array.from({ length: 19 }, () => t.requested({ orderId, provider: 'stripe', paymentMethod: 'pm_card_visa' }))];
    await Promise.all(events.map((e) => t.svc.consumer.deliver([e])));
    await settled(orderId);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(stripe.chargesByKey.get(orderId), 1);
    assert.equal([...stripe.intents.values()].filter((i) => i.metadata.order_id === orderId).length, 1);
    assert.equal((await t.outbox('PaymentSucceeded', orderId)).length, 1);
  });

  it('Stripe: requires_action → PaymentActionRequired; signed webhooks settle it once, never backwards', async () => {
    const event = t.requested({ provider: 'stripe', paymentMethod: 'pm_card_authenticationRequired', userId: newId('usr') });
    const orderId = event.data.orderId;
    await t.bus.publish([event]);
    const p = await settled(orderId);
    assert.equal(p.state, 'requires_action');
    const intent = stripe.intentOf(orderId)!;
    const action = await t.outbox('PaymentActionRequired', orderId);
    assert.equal(action.length, 1);
    assert.equal(action[0]!.payload.data.nextActionUrl, `${stripe.url}/3ds/${intent.id}`);

    // The customer authenticates at Stripe; Stripe says so by webhook.
    const succeeded = intentEvent('payment_intent.succeeded', stripe.settle(intent.id, 'succeeded'));
    const before = await t.count('SELECT count(*) AS n FROM webhook_events');

    // Refused, and nothing changed: tampered body, wrong secret, missing header, stale signature.
    for (const [what, res] of [
      ['tampered', await stripeHook(succeeded, { tamper: true })],
      ['wrong secret', await stripeHook(succeeded, { secret: 'whsec_other' })],
      ['missing', await stripeHook(succeeded, { header: null })],
      ['stale', await stripeHook(succeeded, { timestamp: Math.floor(Date.now() / 1000) - 301 })],
    ] as const) {
      assert.equal(res.statusCode, 400, what);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/, what);
      assert.equal(res.json<{ code: string }>().code, 'invalid_signature', what);
    }
    assert.equal((await t.payment(orderId))!.state, 'requires_action');
    assert.equal(await t.count('SELECT count(*) AS n FROM webhook_events'), before);
    assert.equal((await t.outbox('PaymentSucceeded', orderId)).length, 0);

    const ok = await stripeHook(succeeded);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { received: true, duplicate: false, paymentId: p.id, state: 'succeeded' });
    const again = await stripeHook(succeeded);
    assert.equal(again.json<{ duplicate: boolean }>().duplicate, true);
    // Out of order: an older `processing` arriving after `succeeded` changes nothing.
    const late = await stripeHook(intentEvent('payment_intent.processing', { ...stripe.intents.get(intent.id)!, status: 'processing' }));
    assert.equal(late.statusCode, 200);
    assert.equal(late.json<{ state: string }>().state, 'succeeded');
    const lateFail = await stripeHook(intentEvent('payment_intent.payment_failed', { ...stripe.intents.get(intent.id)!, status: 'requires_payment_method' }));
    assert.equal(lateFail.json<{ state: string }>().state, 'succeeded');
    const row = (await t.payment(orderId))!;
    assert.equal(row.state, 'succeeded');
    assert.deepEqual([row.card_brand, row.card_last4], [null, null], 'the webhook object carried no expanded charge');
    assert.equal((await t.outbox('PaymentSucceeded', orderId)).length, 1);
    assert.equal((await t.outbox('PaymentFailed', orderId)).length, 0);
    assert.equal(await t.count('SELECT count(*) AS n FROM webhook_events'), before + 3);
  });

  it('Stripe: refunds through the API, never past the capture (409 and nothing sent to Stripe)', async () => {
    const event = t.requested({ provider: 'stripe', paymentMethod: 'pm_card_mastercard', amount: { amount: 5000, currency: 'USD' } });
    await t.bus.publish([event]);
    const p = await settled(event.data.orderId);
    const admin = t.as(newId('usr'), ['admin']);
    const r = await admin('POST', `/payments/${p.id}/refunds`, { amount: { amount: 2000, currency: 'USD' }, reason: 'partial' });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json<{ state: string }>().state, 'succeeded');
    const refunds = [...stripe.refunds.values()].filter((x) => x.payment_intent === p.provider_ref);
    assert.equal(refunds.length, 1);
    assert.equal(refunds[0]!.amount, 2000);
    const over = await admin('POST', `/payments/${p.id}/refunds`, { amount: { amount: 3001, currency: 'USD' }, reason: 'too much' });
    assert.equal(over.statusCode, 409);
    assert.equal(over.json<{ refundable: number }>().refundable, 3000);
    assert.equal([...stripe.refunds.values()].filter((x) => x.payment_intent === p.provider_ref).length, 1);
    assert.equal((await t.payment(event.data.orderId))!.state, 'partially_refunded');
    assert.equal((await t.outbox('Refunded', event.data.orderId)).length, 1);
  });

  it('offers the configured providers with what a storefront needs, and no secret', async () => {
    const res = await t.as(undefined)('GET', '/payments/providers');
    const { providers } = res.json<{ providers: { name: string; live: boolean; publishableKey: string | null }[] }>();
    assert.deepEqual(providers.map((p) => [p.name, p.live]), [['sandbox', false], ['stripe', false], ['razorpay', false]]);
    assert.equal(providers.find((p) => p.name === 'razorpay')!.publishableKey, 'rzp_test_key');
    assert.doesNotMatch(res.body, /sk_test_payment|rzp_test_secret|whsec_|rzp_webhook_secret/);
  });

  it('Razorpay: an order created, paid by the customer, captured on the webhook, then refunded', async () => {
    const event = t.requested({ provider: 'razorpay', paymentMethod: 'card', amount: { amount: 49900, currency: 'INR' } });
    const orderId = event.data.orderId;
    await t.bus.publish([event]);
    const p = await settled(orderId);
    assert.equal(p.state, 'requires_action');
    const order = rzp.orderOf(orderId)!;
    assert.equal(order.amount, 49900);
    assert.equal(p.provider_ref, order.id);
    const link = String((await t.outbox('PaymentActionRequired', orderId))[0]!.payload.data.nextActionUrl);
    assert.equal(link, `http://127.0.0.1:8080/api/v1/payments/razorpay/checkout/${p.id}`);
    const page = await t.svc.app.inject({ url: `/payments/razorpay/checkout/${p.id}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(order.id));
    assert.match(page.body, /rzp_test_key/);
    assert.doesNotMatch(page.body, /rzp_test_secret/);

    // The customer pays in Razorpay Checkout; Razorpay reports the authorization.
    const payment = rzp.pay(order.id, 'authorized');
    const tampered = await rzpHook('payment.captured', { payment: { entity: { ...payment, status: 'captured' } } }, 'evt_rzp_0', { tamper: true });
    assert.equal(tampered.statusCode, 400);
    assert.equal((await t.payment(orderId))!.state, 'requires_action');
    const hook = await rzpHook('payment.authorized', { payment: { entity: payment } }, 'evt_rzp_1');
    assert.equal(hook.statusCode, 200, hook.body);
    assert.equal(hook.json<{ state: string }>().state, 'succeeded');
    assert.equal(rzp.captures, 1);
    // Razorpay redelivers, then sends payment.captured: no second capture, one PaymentSucceeded.
    assert.equal((await rzpHook('payment.authorized', { payment: { entity: payment } }, 'evt_rzp_1')).json<{ duplicate: boolean }>().duplicate, true);
    // A signed body replayed under a made-up event id (the header is not signed) is the same event.
    const replay = await rzpHook('payment.authorized', { payment: { entity: payment } }, 'evt_rzp_forged_99');
    assert.equal(replay.statusCode, 200);
    assert.equal(replay.json<{ duplicate: boolean }>().duplicate, true);
    assert.equal((await rzpHook('payment.captured', { payment: { entity: rzp.payments.get(payment.id)! } }, 'evt_rzp_2')).statusCode, 200);
    assert.equal(rzp.captures, 1);
    const row = (await t.payment(orderId))!;
    assert.equal(row.state, 'succeeded');
    assert.equal(row.charge_ref, payment.id);
    assert.deepEqual([row.card_brand, row.card_last4], ['visa', '1111']);
    assert.equal((await t.outbox('PaymentSucceeded', orderId)).length, 1);

    await t.bus.publish([t.refundRequested(orderId, 10000, undefined, 'INR')]);
    await eventually(async () => (await t.payment(orderId))!.state === 'partially_refunded');
    const refunds = [...rzp.refunds.values()].filter((r) => r.payment_id === payment.id);
    assert.equal(refunds.length, 1);
    assert.equal(refunds[0]!.amount, 10000);
    const refunded = await t.outbox('Refunded', orderId);
    assert.equal(refunded.length, 1);
    assert.deepEqual(refunded[0]!.payload.data.totalRefunded, { amount: 10000, currency: 'INR' });
  });

  it('Razorpay: a payment captured at Razorpay is found by the reconciler when its webhook is lost', async () => {
    const event = t.requested({ provider: 'razorpay', paymentMethod: 'card', amount: { amount: 1500, currency: 'INR' } });
    const orderId = event.data.orderId;
    await t.bus.publish([event]);
    await settled(orderId);
    rzp.pay(rzp.orderOf(orderId)!.id, 'captured');
    // The payment waits for the customer; once its lease runs out the reconciler looks.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await t.payment(orderId))!.state, 'requires_action', 'not before its lease');
    await t.q(`UPDATE payments SET lease_until = now() WHERE order_id = $1`, [orderId]);
    const p = await eventually(async () => ((await t.payment(orderId))?.state === 'succeeded' ? t.payment(orderId) : undefined));
    assert.equal(p!.state, 'succeeded');
    assert.equal(rzp.captures, 1, 'nothing more to capture');
    assert.equal([...rzp.orders.values()].filter((o) => o.receipt === orderId).length, 1, 'no second Razorpay order');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually, skipUnless } from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';
import { SandboxProvider } from '../src/providers/sandbox.provider.js';
import { startPayment } from './support.js';

interface PaymentJson {
  id: string;
  orderId: string;
  state: string;
  card: { brand: string | null; last4: string | null } | null;
  refunded: { amount: number };
  refunds: { id: string; amount: { amount: number } }[];
}

describe('payment service with the sandbox provider, on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let t: Awaited<ReturnType<typeof startPayment>>;
  const ann = newId('usr');
  const bob = newId('usr');
  const settled = (orderId: string) => eventually(async () => {
    const p = await t.payment(orderId);
    return p && !['created', 'processing', 'unknown'].includes(p.state) ? p : undefined;
  });

  before(async () => {
    t = await startPayment();
  });
  after(async () => {
    await t?.stop();
  });

  it('charges pm_card_visa once: the row, the card summary and one PaymentSucceeded', async () => {
    const event = t.requested({ userId: ann });
    await t.bus.publish([event]);
    const p = await settled(event.data.orderId);
    assert.equal(p.state, 'succeeded');
    assert.equal(p.card_brand, 'visa');
    assert.equal(p.card_last4, '4242');
    assert.equal(Number(p.captured_amount), 2599);
    const events = await t.outbox('PaymentSucceeded', event.data.orderId);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.payload.data, { orderId: event.data.orderId, paymentId: p.id, provider: 'sandbox', amount: { amount: 2599, currency: 'EUR' } });
    assert.equal(await t.count('SELECT count(*) AS n FROM sandbox_charges WHERE idempotency_key = $1', [event.data.orderId]), 1);
    // No card number, nor the method id, anywhere but the method column the order sent.
    const row = JSON.stringify(p);
    assert.doesNotMatch(row, /4242424242424242/);
  });

  it('declines pm_card_chargeDeclined with PaymentFailed card_declined', async () => {
    const event = t.requested({ paymentMethod: 'pm_card_chargeDeclined' });
    await t.bus.publish([event]);
    const p = await settled(event.data.orderId);
    assert.equal(p.state, 'failed');
    assert.equal(p.failure_code, 'card_declined');
    const failed = await t.outbox('PaymentFailed', event.data.orderId);
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.payload.data.code, 'card_declined');
    assert.equal((await t.outbox('PaymentSucceeded', event.data.orderId)).length, 0);
  });

  it('refuses a provider that is not configured: PaymentFailed provider_unavailable, nothing charged', async () => {
    const event = t.requested({ provider: 'stripe' });
    await t.bus.publish([event]);
    const p = await settled(event.data.orderId);
    assert.equal(p.state, 'failed');
    const failed = await t.outbox('PaymentFailed', event.data.orderId);
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.payload.data.code, 'provider_unavailable');
    assert.equal(await t.count('SELECT count(*) AS n FROM sandbox_charges WHERE idempotency_key = $1', [event.data.orderId]), 0);
  });

  it('lists the providers it takes, publicly: the sandbox with its test cards and what each does', async () => {
    const res = await t.as(undefined)('GET', '/payments/providers');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=60');
    const { providers } = res.json<{ providers: { name: string; live: boolean; paymentMethods: { id: string; outcome: string; last4: string }[] }[] }>();
    assert.deepEqual(providers.map((p) => p.name), ['sandbox'], 'an unconfigured Stripe is not offered');
    const cards = Object.fromEntries(providers[0]!.paymentMethods.map((m) => [m.id, m]));
    assert.equal(providers[0]!.live, false);
    assert.equal(cards.pm_card_visa!.outcome, 'succeeds');
    assert.equal(cards.pm_card_visa!.last4, '4242');
    assert.equal(cards.pm_card_chargeDeclined!.outcome, 'declines');
    assert.equal(cards.pm_card_authenticationRequired!.outcome, 'needs_action');
    assert.equal(cards.pm_card_timeout!.outcome, 'answer_lost');
  });

  it('20 concurrent deliveries of PaymentRequested (distinct event ids) → one charge, one PaymentSucceeded', async () => {
    const first = t.requested();
    const orderId = first.data.orderId;
    const events = [first, ...Array.from({ length: 19 }, () => t.requested({ orderId }))];
    assert.equal(new Set(events.map((e) => e.id)).size, 20);
    // Straight into the consumer, all at once (the in-process bus would serialize them).
    await Promise.all(events.map((e) => t.svc.consumer.deliver([e])));
    await settled(orderId);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await t.count('SELECT count(*) AS n FROM payments WHERE order_id = $1', [orderId]), 1);
    assert.equal(await t.count('SELECT count(*) AS n FROM sandbox_charges WHERE idempotency_key = $1', [orderId]), 1);
    assert.equal((await t.outbox('PaymentSucceeded', orderId)).length, 1);
    assert.equal(await t.count(`SELECT count(*) AS n FROM inbox WHERE consumer = 'payment.PaymentRequested' AND event_id = ANY($1)`, [events.map((e) => e.id)]), 20);
    assert.equal((await t.payment(orderId))!.state, 'succeeded');
  });

  it('commands delivered together are recorded in one go, with the same outcome as one by one', async () => {
    const a = t.requested();
    const b = t.requested({ paymentMethod: 'pm_card_chargeDeclined' });
    const c = t.requested({ provider: 'razorpay' });
    const again = t.requested({ orderId: a.data.orderId });
    const announced: string[] = [];
    const listening = await t.svc.db.listen('payment_work', (payload) => announced.push(payload));
    try {
      await t.svc.consumer.deliver([a, b, c, again]);
      for (const e of [a, b, c]) await settled(e.data.orderId);
    } finally {
      await listening.close();
    }
    // One announcement for the run's new payments; the one failed at once is not announced.
    assert.equal(announced.length, 1, `one notification for the run: ${announced.join(' | ')}`);
    const [kind, ids] = announced[0]!.split(':');
    assert.equal(kind, 'payment');
    assert.deepEqual(ids!.split(',').sort(), [(await t.payment(a.data.orderId))!.id, (await t.payment(b.data.orderId))!.id].sort());
    assert.equal((await t.payment(a.data.orderId))!.state, 'succeeded');
    assert.equal((await t.payment(b.data.orderId))!.state, 'failed');
    assert.equal((await t.payment(c.data.orderId))!.failure_code, 'provider_unavailable');
    assert.equal(await t.count('SELECT count(*) AS n FROM payments WHERE order_id = $1', [a.data.orderId]), 1, 'a repeated command in the same run changes nothing');
    assert.equal(await t.count('SELECT count(*) AS n FROM sandbox_charges WHERE idempotency_key = $1', [a.data.orderId]), 1);
    assert.equal((await t.outbox('PaymentSucceeded', a.data.orderId)).length, 1);
    assert.equal((await t.outbox('PaymentFailed', c.data.orderId)).length, 1);
    assert.equal(await t.count(`SELECT count(*) AS n FROM inbox WHERE event_id = ANY($1)`, [[a, b, c, again].map((e) => e.id)]), 4);

    // The run delivered again beside a new command (and one twice): only the new one is handled.
    const d = t.requested();
    await t.svc.consumer.deliver([a, d, b, d, c]);
    assert.equal((await settled(d.data.orderId)).state, 'succeeded');
    assert.equal(await t.count(`SELECT count(*) AS n FROM inbox WHERE event_id = ANY($1)`, [[a, b, c, d].map((e) => e.id)]), 4);
    for (const e of [a, b, c, d]) assert.equal(await t.count('SELECT count(*) AS n FROM payments WHERE order_id = $1', [e.data.orderId]), 1);
    for (const e of [a, d]) assert.equal(await t.count('SELECT count(*) AS n FROM sandbox_charges WHERE idempotency_key = $1', [e.data.orderId]), 1);
    assert.equal((await t.outbox('PaymentFailed', c.data.orderId)).length, 1, 'a redelivered command fails nothing again');
  });

  it('settles a sandbox batch in three statements: a lock of what the charge needs, the charge, the outcomes with their events', async () => {
    const a = t.requested();
    const b = t.requested({ paymentMethod: 'pm_card_chargeDeclined' });
    // Every statement any connection of this process sends while the batch is settled.
    const sent: string[] = [];
    const client = await t.svc.db.pool.connect();
    const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
    client.release();
    const query = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
      if (text) sent.push(text.replace(/\s+/g, ' ').trim());
      return query.apply(this, args);
    };
    try {
      await t.svc.consumer.deliver([a, b]);
      assert.equal((await settled(a.data.orderId)).state, 'succeeded');
      assert.equal((await settled(b.data.orderId)).state, 'failed');
    } finally {
      proto.query = query;
    }
    const locks = sent.filter((text) => /^SELECT .* FROM payments .*FOR UPDATE/.test(text));
    assert.ok(locks.length > 0 && locks.every((text) => !text.startsWith('SELECT *')), `the lock reads only what it needs: ${locks.join(' | ')}`);
    const writes = sent.filter((text) => text.includes('INSERT INTO outbox'));
    assert.ok(writes.length > 0, 'the outcomes have events');
    assert.ok(writes.every((text) => text.includes('UPDATE payments')), `each outcome's event is written in the statement that writes the outcome: ${writes.join(' | ')}`);
    const p = (await t.payment(b.data.orderId))!;
    assert.equal(p.failure_code, 'card_declined');
    assert.equal(p.card_brand, null);
    assert.equal((await t.outbox('PaymentSucceeded', a.data.orderId)).length, 1);
    assert.equal((await t.outbox('PaymentFailed', b.data.orderId)).length, 1);
  });

  it('the sandbox charges an idempotency key once, whether it is sent twice at once or again later', async () => {
    const sandbox = new SandboxProvider({ db: t.svc.db, publicUrl: 'http://127.0.0.1:8080', delayMs: 20 });
    const orderId = newId('ord');
    const req = (paymentMethod: string) => ({
      paymentId: newId('pay'),
      orderId,
      amount: { amount: 1500, currency: 'EUR' },
      paymentMethod,
      email: 'buyer@example.com',
      idempotencyKey: orderId,
      providerRef: null,
      chargeRef: null,
    });
    // Same tick (one statement), then later with another card: the charge recorded first answers.
    const [first, second] = await Promise.all([sandbox.charge(req('pm_card_visa')), sandbox.charge(req('pm_card_visa'))]);
    const later = await sandbox.charge(req('pm_card_chargeDeclined'));
    assert.equal(first.status, 'succeeded');
    for (const r of [second, later]) assert.deepEqual(r, first);
    assert.equal(await t.count('SELECT count(*) AS n FROM sandbox_charges WHERE idempotency_key = $1', [orderId]), 1);
  });

  it('a charge whose answer is lost is left unknown, and the reconciler finds the success: one charge, one event', async () => {
    const event = t.requested({ paymentMethod: 'pm_card_timeout', userId: bob });
    await t.bus.publish([event]);
    const orderId = event.data.orderId;
    await eventually(async () => (await t.payment(orderId))?.state === 'unknown' || (await t.payment(orderId))?.state === 'succeeded');
    const p = await settled(orderId);
    assert.equal(p.state, 'succeeded');
    assert.equal(await t.count('SELECT count(*) AS n FROM sandbox_charges WHERE idempotency_key = $1', [orderId]), 1);
    assert.equal((await t.outbox('PaymentSucceeded', orderId)).length, 1);
    assert.ok(Number((await t.q<{ attempts: number }>('SELECT attempts FROM payments WHERE order_id = $1', [orderId]))[0]!.attempts) >= 2, 'the reconciler asked again');
  });

  it('pm_card_authenticationRequired: PaymentActionRequired with a link; the page completes or fails it', async () => {
    const event = t.requested({ paymentMethod: 'pm_card_authenticationRequired', userId: ann });
    await t.bus.publish([event]);
    const p = await settled(event.data.orderId);
    assert.equal(p.state, 'requires_action');
    const action = await t.outbox('PaymentActionRequired', event.data.orderId);
    assert.equal(action.length, 1);
    const link = String(action[0]!.payload.data.nextActionUrl);
    assert.match(link, new RegExp(`^http://127\\.0\\.0\\.1:8080/api/v1/payments/sandbox/authenticate/${p.id}\\?token=[A-Za-z0-9_-]{43}$`));
    const path = link.replace('http://127.0.0.1:8080/api/v1', '');
    const token = new URL(link).searchParams.get('token')!;

    const page = await t.svc.app.inject({ url: path });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /Complete/);
    assert.match(page.body, /Fail/);
    assert.match(page.body, /25\.99/);
    assert.equal((await t.svc.app.inject({ url: path.replace(token, `${token.slice(0, -2)}xx`) })).statusCode, 404, 'a wrong token');

    const post = (what: string, tok: string) =>
      t.svc.app.inject({ method: 'POST', url: `/payments/sandbox/authenticate/${p.id}/${what}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${tok}` });
    assert.equal((await post('complete', 'x'.repeat(43))).statusCode, 404);
    const done = await post('complete', token);
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /complete/);
    assert.equal((await t.payment(event.data.orderId))!.state, 'succeeded');
    assert.equal((await t.outbox('PaymentSucceeded', event.data.orderId)).length, 1);
    assert.equal((await post('fail', token)).statusCode, 404, 'a used token');
    assert.equal((await t.payment(event.data.orderId))!.state, 'succeeded');

    const other = t.requested({ paymentMethod: 'pm_card_authenticationRequired' });
    await t.bus.publish([other]);
    await settled(other.data.orderId);
    const link2 = String((await t.outbox('PaymentActionRequired', other.data.orderId))[0]!.payload.data.nextActionUrl);
    const p2 = (await t.payment(other.data.orderId))!;
    assert.equal((await post('fail', new URL(link2).searchParams.get('token')!)).statusCode, 404, 'the token belongs to another payment');
    assert.equal((await t.payment(other.data.orderId))!.state, 'requires_action');
    const failed = await t.svc.app.inject({
      method: 'POST',
      url: `/payments/sandbox/authenticate/${p2.id}/fail`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${new URL(link2).searchParams.get('token')}`,
    });
    assert.equal(failed.statusCode, 200);
    assert.equal((await t.payment(other.data.orderId))!.state, 'failed');
    assert.equal((await t.outbox('PaymentFailed', other.data.orderId))[0]!.payload.data.code, 'authentication_failed');
  });

  it('shows a payment to its owner, admin and support only', async () => {
    const event = t.requested({ userId: ann });
    await t.bus.publish([event]);
    const p = await settled(event.data.orderId);
    const mine = await t.as(ann)('GET', `/payments/${p.id}`);
    assert.equal(mine.statusCode, 200);
    const body = mine.json<PaymentJson>();
    assert.equal(body.orderId, event.data.orderId);
    assert.deepEqual(body.card, { brand: 'visa', last4: '4242' });
    assert.equal((await t.as(bob)('GET', `/payments/${p.id}`)).statusCode, 404);
    assert.equal((await t.as(bob)('GET', `/payments/${p.id}`)).json<{ code: string }>().code, 'not_found');
    assert.equal((await t.as(undefined)('GET', `/payments/${p.id}`)).statusCode, 401);
    assert.equal((await t.as(newId('usr'), ['admin'])('GET', `/payments/${p.id}`)).statusCode, 200);
    assert.equal((await t.as(newId('usr'), ['support'])('GET', `/payments/${p.id}`)).statusCode, 200);
    assert.equal((await t.as(ann)('GET', `/payments?orderId=${event.data.orderId}`)).json<{ items: unknown[] }>().items.length, 1);
    assert.equal((await t.as(bob)('GET', `/payments?orderId=${event.data.orderId}`)).json<{ items: unknown[] }>().items.length, 0);
    assert.equal((await t.as(ann)('GET', '/payments/not-an-id')).statusCode, 400);
  });

  it('refunds partially and fully, never past the capture (409, nothing changed), a redelivered RefundRequested once', async () => {
    const event = t.requested({ userId: ann, amount: { amount: 1000, currency: 'EUR' } });
    const orderId = event.data.orderId;
    await t.bus.publish([event]);
    const p = await settled(orderId);
    const admin = t.as(newId('usr'), ['admin']);

    assert.equal((await t.as(ann)('POST', `/payments/${p.id}/refunds`, { amount: { amount: 100, currency: 'EUR' }, reason: 'mine' })).statusCode, 403);
    // One rule for refunds, here as on the order: the admin's. Support reads, it does not refund.
    const bySupport = await t.as(newId('usr'), ['support'])('POST', `/payments/${p.id}/refunds`, { amount: { amount: 100, currency: 'EUR' }, reason: 'support' });
    assert.equal(bySupport.statusCode, 403);
    const partial = await admin('POST', `/payments/${p.id}/refunds`, { amount: { amount: 300, currency: 'EUR' }, reason: 'damaged item' });
    assert.equal(partial.statusCode, 201, partial.body);
    assert.equal(partial.json<{ state: string }>().state, 'succeeded');
    assert.equal((await t.payment(orderId))!.state, 'partially_refunded');
    const first = await t.outbox('Refunded', orderId);
    assert.equal(first.length, 1);
    assert.deepEqual({ ...first[0]!.payload.data, refundId: undefined }, {
      orderId, paymentId: p.id, refundId: undefined, refundRequestId: null, amount: { amount: 300, currency: 'EUR' }, totalRefunded: { amount: 300, currency: 'EUR' }, full: false,
    });

    const over = await admin('POST', `/payments/${p.id}/refunds`, { amount: { amount: 701, currency: 'EUR' }, reason: 'too much' });
    assert.equal(over.statusCode, 409);
    assert.match(String(over.headers['content-type']), /application\/problem\+json/);
    const problem = over.json<Record<string, unknown>>();
    assert.equal(problem.code, 'refund_exceeds_capture');
    assert.equal(problem.captured, 1000);
    assert.equal(problem.refunded, 300);
    assert.equal(problem.refundable, 700);
    assert.equal(problem.requested, 701);
    assert.equal(await t.count('SELECT count(*) AS n FROM refunds WHERE payment_id = $1', [p.id]), 1);
    assert.equal(Number((await t.payment(orderId))!.refunded_amount), 300);
    assert.equal((await t.outbox('Refunded', orderId)).length, 1);
    assert.equal((await admin('POST', `/payments/${p.id}/refunds`, { amount: { amount: 10, currency: 'USD' }, reason: 'wrong currency' })).statusCode, 400);

    // The order service asks for more than is left: capped by the capture; a redelivery refunds nothing more.
    const ask = t.refundRequested(orderId, 900);
    await t.bus.publish([ask]);
    await eventually(async () => (await t.payment(orderId))!.state === 'refunded');
    await t.bus.publish([{ ...t.refundRequested(orderId, 900, ask.data.refundRequestId) }]);
    await t.bus.publish([ask]);
    await new Promise((r) => setTimeout(r, 200));
    const refunds = await t.q<{ amount: string; state: string; refund_request_id: string | null }>('SELECT amount, state, refund_request_id FROM refunds WHERE payment_id = $1 ORDER BY created_at', [p.id]);
    assert.deepEqual(refunds.map((r) => [Number(r.amount), r.state, r.refund_request_id]), [[300, 'succeeded', null], [700, 'succeeded', ask.data.refundRequestId]]);
    const all = await t.outbox('Refunded', orderId);
    assert.equal(all.length, 2);
    assert.deepEqual(all[1]!.payload.data.totalRefunded, { amount: 1000, currency: 'EUR' });
    assert.equal(all[1]!.payload.data.full, true);
    assert.equal(Number(await t.count(`SELECT coalesce(sum(r.amount), 0) AS n FROM sandbox_refunds r JOIN sandbox_charges c ON c.id = r.charge_id WHERE c.idempotency_key = $1`, [orderId])), 1000);
    const shown = (await t.as(ann)('GET', `/payments/${p.id}`)).json<PaymentJson>();
    assert.equal(shown.state, 'refunded');
    assert.equal(shown.refunds.length, 2);
    assert.equal((await admin('POST', `/payments/${p.id}/refunds`, { amount: { amount: 1, currency: 'EUR' }, reason: 'more' })).statusCode, 409);
  });
});

describe('the sandbox outside the embedded demo', { skip: skipUnless('postgres') }, () => {
  let t: Awaited<ReturnType<typeof startPayment>>;
  before(async () => {
    // The distributed mode (a broker URL), with no PAYMENT_SANDBOX: the sandbox is off.
    t = await startPayment({ BUS_URL: 'amqp://guest:guest@127.0.0.1:5672' });
  });
  after(async () => {
    await t?.stop();
  });

  it('is not offered, and a sandbox payment fails as provider_unavailable with nothing confirmed', async () => {
    const res = await t.as(undefined)('GET', '/payments/providers');
    assert.deepEqual(res.json<{ providers: unknown[] }>().providers, []);
    const event = t.requested({ provider: 'sandbox', paymentMethod: 'pm_card_visa' });
    await t.bus.publish([event]);
    const p = await eventually(async () => {
      const row = await t.payment(event.data.orderId);
      return row && row.state !== 'created' && row.state !== 'processing' ? row : undefined;
    });
    assert.equal(p.state, 'failed');
    assert.equal((await t.outbox('PaymentSucceeded', event.data.orderId)).length, 0);
    assert.equal(await t.count('SELECT count(*) AS n FROM sandbox_charges'), 0);
  });
});

describe('a sandbox batch that fails before its outcomes commit', { skip: skipUnless('postgres') }, () => {
  let t: Awaited<ReturnType<typeof startPayment>>;
  before(async () => {
    // The reconciler takes a payment the in-process charge did not settle after a second.
    t = await startPayment({ PAYMENT_CREATED_GRACE_SECONDS: '1', PAYMENT_CHARGE_LEASE_SECONDS: '1' });
  });
  after(async () => {
    await t?.stop();
  });

  it('charges nothing, keeps the payments, and the reconciler charges each once later', async () => {
    const a = t.requested();
    const b = t.requested();
    // The outbox refuses a's PaymentSucceeded (a failure after the sandbox wrote the batch's
    // charges, in the same transaction); a sequence, outside any transaction, counts the refusals.
    await t.q('CREATE SEQUENCE test_refused_outcomes');
    await t.q(`CREATE FUNCTION test_refuse_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.type = 'PaymentSucceeded' AND NEW.subject = '${a.data.orderId}' THEN
          PERFORM nextval('test_refused_outcomes');
          RAISE EXCEPTION 'refused for the test';
        END IF;
        RETURN NEW;
      END $$`);
    await t.q('CREATE TRIGGER test_refuse_outcome BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION test_refuse_outcome()');
    try {
      // Delivered together: one insert, one charge batch for both.
      await t.svc.consumer.deliver([a, b]);
      await eventually(async () => (await t.q<{ is_called: boolean }>('SELECT is_called FROM test_refused_outcomes'))[0]!.is_called);
      for (const e of [a, b]) {
        assert.equal((await t.payment(e.data.orderId))!.state, 'created', 'the batch left its payments as they were');
        assert.equal(await t.count('SELECT count(*) AS n FROM sandbox_charges WHERE idempotency_key = $1', [e.data.orderId]), 0, 'and charged nothing');
        assert.equal((await t.outbox('PaymentSucceeded', e.data.orderId)).length, 0);
      }
    } finally {
      await t.q('DROP TRIGGER test_refuse_outcome ON outbox');
    }
    for (const e of [a, b]) {
      const p = await eventually(async () => {
        const row = await t.payment(e.data.orderId);
        return row?.state === 'succeeded' ? row : undefined;
      });
      assert.equal(Number(p.captured_amount), 2599);
      assert.equal(await t.count('SELECT count(*) AS n FROM sandbox_charges WHERE idempotency_key = $1', [e.data.orderId]), 1);
      assert.equal((await t.outbox('PaymentSucceeded', e.data.orderId)).length, 1);
    }
  });
});

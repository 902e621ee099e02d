import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { eventually } from '@mercato/chassis/testing';
import { CLIENT, CONSUMER, PRODUCER, SERVER, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';
import { checkoutBody, settled, type Shop } from './shop.js';

/** A checkout sent with a traceparent of the client's own; its order, confirmed. */
export async function tracedCheckout(shop: Shop, cartId: string): Promise<{ traceId: string; clientSpanId: string; orderId: string }> {
  const traceId = randomBytes(16).toString('hex');
  const clientSpanId = randomBytes(8).toString('hex');
  const res = await fetch(`${shop.api}/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(8).toString('hex'), traceparent: `00-${traceId}-${clientSpanId}-01` },
    body: checkoutBody({ cartId, email: 'traced@example.com' }),
  });
  const body = (await res.json()) as { orderId: string; accessToken: string; totals: { total: { amount: number } } };
  assert.ok(res.status === 200 || res.status === 202, JSON.stringify(body));
  // The gateway answers in the client's trace, under a span of its own.
  assert.equal(res.headers.get('traceparent')?.split('-')[1], traceId);
  const orders = await settled(shop, [{ orderId: body.orderId, accessToken: body.accessToken, total: body.totals.total.amount, key: '' }], 30_000);
  assert.equal(orders.get(body.orderId)?.status, 'confirmed');
  return { traceId, clientSpanId, orderId: body.orderId };
}

const show = (spans: readonly ReceivedSpan[]) =>
  spans.map((s) => `${s.service} ${s.name} kind=${s.kind} ${s.spanId}<-${s.parentSpanId} ${JSON.stringify(s.attributes['mercato.service'] ?? '')}`).join('\n');

/**
 * One checkout is one trace: the gateway's span (child of the client's), its call to the order
 * service, the order's handler, the inventory reservation, the payment command and its charge,
 * and the order's confirmation, each parented on the span that caused it; the database queries
 * inside them; with `distributed`, one process per service (service.name) and the broker's
 * publish spans.
 */
export async function assertCheckoutTrace(receiver: OtlpReceiver, t: { traceId: string; clientSpanId: string; orderId: string }, distributed: boolean): Promise<void> {
  const find = (spans: ReceivedSpan[], what: string, pred: (s: ReceivedSpan) => boolean): ReceivedSpan => {
    const found = spans.filter(pred);
    assert.equal(found.length, 1, `${what}: ${found.length} spans in the trace\n${show(spans)}`);
    return found[0]!;
  };
  const processing = (spans: ReceivedSpan[], type: string, service: string) =>
    find(spans, `${service} handling ${type}`, (s) => s.name === `process ${type}` && s.attributes['mercato.service'] === service && s.attributes['mercato.event.subject'] === t.orderId);
  // Spans arrive in batches from every process, each on its own clock: the payment's can come in
  // after the order's and the inventory's, and a child's before its parent's. Check the trace as
  // it is until every point holds, and fail with the last point that did not.
  await eventually(() => {
    check(receiver.trace(t.traceId));
    return true;
  }, 20_000, 100);
  assert.deepEqual(receiver.refused, []);

  function check(spans: ReceivedSpan[]): void {
    const gateway = find(spans, 'the gateway span', (s) => s.parentSpanId === t.clientSpanId);
    assert.equal(gateway.kind, SERVER);
    const call = find(spans, "the gateway's call to the order service", (s) => s.parentSpanId === gateway.spanId && s.kind === CLIENT);
    const order = find(spans, "the order service's checkout handler", (s) => s.parentSpanId === call.spanId);
    assert.equal(order.kind, SERVER);
    const reserve = processing(spans, 'OrderPlaced', 'inventory');
    assert.equal(reserve.kind, CONSUMER);
    assert.equal(reserve.parentSpanId, order.spanId, 'the reservation is caused by the checkout request');
    const reserved = processing(spans, 'StockReserved', 'order');
    assert.equal(reserved.parentSpanId, reserve.spanId, "the order's saga step is caused by the reservation");
    const command = processing(spans, 'PaymentRequested', 'payment');
    assert.equal(command.parentSpanId, reserved.spanId);
    const charge = find(spans, 'the payment charge', (s) => s.name === 'payment charge' && s.attributes['mercato.order.id'] === t.orderId);
    assert.equal(charge.parentSpanId, command.spanId, 'the charge runs for the command');
    const paid = processing(spans, 'PaymentSucceeded', 'order');
    assert.equal(paid.parentSpanId, charge.spanId, 'the confirmation is caused by the charge');
    const confirmed = processing(spans, 'OrderConfirmed', 'inventory');
    assert.equal(confirmed.parentSpanId, paid.spanId);

    // The database work of the reservation is inside its span.
    const queries = spans.filter(
      (s) => s.parentSpanId === reserve.spanId && s.name.startsWith('pg.query:') && (s.attributes['db.system.name'] ?? s.attributes['db.system']) === 'postgresql',
    );
    assert.ok(queries.length > 0, `no query under the reservation\n${show(spans)}`);
    // Nothing in the trace is parented on a span that is not in it, but the client's.
    const ids = new Set(spans.map((s) => s.spanId));
    const orphans = spans.filter((s) => s.parentSpanId !== '' && s.parentSpanId !== t.clientSpanId && !ids.has(s.parentSpanId));
    assert.deepEqual(orphans.map((s) => `${s.service} ${s.name}`), [], 'every parent is in the trace');

    if (distributed) {
      assert.equal(gateway.service, 'gateway');
      assert.equal(call.service, 'gateway');
      assert.equal(order.service, 'order');
      assert.equal(reserve.service, 'inventory');
      assert.equal(command.service, 'payment');
      assert.equal(charge.service, 'payment');
      // The outbox relay publishes OrderPlaced to RabbitMQ in the trace of the request.
      const publish = spans.filter((s) => s.kind === PRODUCER && s.service === 'order' && s.parentSpanId === order.spanId);
      assert.ok(publish.length > 0, `no publish span under the checkout\n${show(spans)}`);
    }
  }
}

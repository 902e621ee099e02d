import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freePort, skipUnless } from '@mercato/chassis/testing';
import { startCluster, type Cluster } from '@mercato/platform/testing';
import { assertCheckoutTrace, tracedCheckout } from './support/checkout-trace.js';
import { startOtlpReceiver, type OtlpReceiver } from './support/otlp-receiver.js';
import { cartWith, QUICK_RECOVERY_ENV, stockedProduct, type Shop } from './support/shop.js';

// Traces and metrics in the distributed mode: every process exports its spans over OTLP to a
// receiver in this test, and serves /metrics on a port of its own; the event hops go through the
// outbox and RabbitMQ.

const SERVICES = ['catalog', 'inventory', 'order', 'payment'] as const;
const METRICS_TOKEN = 'metrics-token-of-at-least-24-chars';

/** The value of the first sample of `name` whose labels include every one of `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => have.includes(`${k}="${v}"`))) return Number(m[3]);
  }
  return undefined;
}

describe('one checkout, traced and counted, in the distributed mode', { skip: skipUnless('postgres', 'rabbitmq', 'redis') }, () => {
  let receiver: OtlpReceiver;
  let cluster: Cluster;
  let shop: Shop;
  let checkout: Awaited<ReturnType<typeof tracedCheckout>>;
  const metricsPorts: Record<string, number> = {};

  before(async () => {
    receiver = await startOtlpReceiver();
    for (const name of SERVICES) metricsPorts[name] = await freePort();
    cluster = await startCluster({
      services: SERVICES,
      // Starting with the OpenTelemetry SDK loaded takes longer on a busy machine.
      readyTimeoutMs: 240_000,
      env: {
        ...QUICK_RECOVERY_ENV,
        // Patience with a busy machine: this test is about the trace, not the time.
        GATEWAY_UPSTREAM_TIMEOUT_MS: '20000',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '200',
        METRICS_TOKEN,
      },
      serviceEnv: Object.fromEntries(SERVICES.map((name) => [name, { METRICS_PORT: String(metricsPorts[name]) }])),
    });
    shop = { api: cluster.api, admin: () => cluster.as(['admin']), paymentDb: cluster.dbs.payment!.url, orderDb: cluster.dbs.order!.url };
    await stockedProduct(shop, 'TRACE-1', 5);
    checkout = await tracedCheckout(shop, await cartWith(shop, 'TRACE-1'));
  });

  after(async () => {
    await cluster?.close();
    await receiver?.close();
  });

  it('is one trace: the gateway span, the order handler, the reservation and the charge, each parented on its cause', async () => {
    await assertCheckoutTrace(receiver, checkout, true);
  });

  it("shows on each service's /metrics: the saga, the outbox and the payment", async () => {
    const scrape = async (name: string) => {
      const res = await fetch(`http://127.0.0.1:${metricsPorts[name]}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      assert.equal(res.status, 200, `${name} /metrics`);
      return res.text();
    };
    const unauthorized = await fetch(`http://127.0.0.1:${metricsPorts.order}/metrics`);
    assert.equal(unauthorized.status, 401, 'the token is required');
    const order = await scrape('order');
    assert.equal(sample(order, 'mercato_orders', { service: 'order', status: 'confirmed' }), 1, 'the saga: one order confirmed');
    assert.equal(sample(order, 'mercato_order_time_to_confirm_seconds_count', { service: 'order' }), 1, 'and its time to confirm');
    assert.ok((sample(order, 'mercato_events_published_total', { service: 'order', type: 'OrderPlaced' }) ?? 0) >= 1, 'the outbox published OrderPlaced');
    assert.equal(sample(order, 'mercato_outbox_backlog_events', { service: 'order' }), 0, 'and nothing waits in it');
    assert.equal(sample(order, 'mercato_outbox_oldest_unpublished_age_seconds', { service: 'order' }), 0);
    assert.ok((sample(order, 'mercato_events_consumed_total', { service: 'order', type: 'PaymentSucceeded', outcome: 'handled' }) ?? 0) >= 1);
    const payment = await scrape('payment');
    assert.ok((sample(payment, 'mercato_events_published_total', { service: 'payment', type: 'PaymentSucceeded' }) ?? 0) >= 1, 'the payment succeeded');
    assert.equal(sample(payment, 'mercato_events_published_total', { service: 'payment', type: 'PaymentFailed' }) ?? 0, 0);
    assert.ok((sample(payment, 'mercato_events_consumed_total', { service: 'payment', type: 'PaymentRequested', outcome: 'handled' }) ?? 0) >= 1);
    const inventory = await scrape('inventory');
    assert.ok((sample(inventory, 'mercato_events_consumed_total', { service: 'inventory', type: 'OrderPlaced', outcome: 'handled' }) ?? 0) >= 1);
    for (const text of [order, payment, inventory]) assert.equal(sample(text, 'mercato_event_failures', { status: 'dead' }) ?? 0, 0, 'no dead letters');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertCheckoutTrace, tracedCheckout } from './support/checkout-trace.js';
import { startEmbedded, type EmbeddedPlatform } from './support/embedded.js';
import { startOtlpReceiver, type OtlpReceiver } from './support/otlp-receiver.js';
import { cartWith, QUICK_RECOVERY_ENV, stockedProduct, type Shop } from './support/shop.js';

// Traces in the embedded mode: every service in one process, the events through the outbox and
// the in-process bus; the process exports its spans over OTLP to a receiver in this test.

const ADMIN = { email: 'owner@example.com', password: 'correct horse battery staple' };

describe('one checkout is one trace in the embedded mode', () => {
  let receiver: OtlpReceiver;
  let platform: EmbeddedPlatform;
  let shop: Shop;

  before(async () => {
    receiver = await startOtlpReceiver();
    platform = await startEmbedded({
      MERCATO_DEMO_DATA: 'false',
      PAYMENT_SANDBOX: 'true',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      AUTH_SCRYPT_N: '1024',
      OUTBOX_POLL_MS: '100',
      ...QUICK_RECOVERY_ENV,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
    const res = await fetch(`${platform.api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    assert.equal(res.status, 200, await res.clone().text());
    const token = ((await res.json()) as { accessToken: string }).accessToken;
    shop = {
      api: platform.api,
      admin: () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' }),
      paymentDb: await platform.databaseUrl('payment'),
      orderDb: await platform.databaseUrl('order'),
    };
  });

  after(async () => {
    await platform?.close();
    await receiver?.close();
  });

  it('holds the gateway span, the order handler, the reservation and the charge, each parented on its cause', async () => {
    await stockedProduct(shop, 'TRACE-E', 5);
    const cartId = await cartWith(shop, 'TRACE-E');
    const traced = await tracedCheckout(shop, cartId);
    await assertCheckoutTrace(receiver, traced, false);
    // One process: every span names it.
    assert.ok(receiver.trace(traced.traceId).every((s) => s.service === 'mercato'));
  });
});

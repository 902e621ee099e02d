import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { startCluster, type Cluster } from '@mercato/platform/testing';
import { newSku } from './support/checkout-cases.js';
import { carts, checkoutBody, sleep, stockedProduct, type Shop } from './support/shop.js';

// One client cannot take ordering offline. It checks out with `Prefer: wait=30` on orders that do
// not settle (the sandbox's `pm_card_timeout`, its answer held here for 10 s: they stay awaiting
// payment; the payment service runs, as checkout reads the providers it takes), which before held every
// answer past the gateway's upstream timeout; the 504s opened the order service's circuit and
// every client's checkout got 503. The gateway lowers the wait below its timeout, and a slow
// answer of a ready service never counts against it.

const SERVICES = ['catalog', 'inventory', 'order', 'payment'] as const;
const ATTACKS = 50;

describe('a client asking for long waits does not take ordering offline', { skip: skipUnless('postgres', 'rabbitmq', 'redis') }, () => {
  let cluster: Cluster;
  let shop: Shop;

  before(async () => {
    cluster = await startCluster({
      services: SERVICES,
      env: {
        GATEWAY_RATE_LIMIT_IP: '1000000/min',
        GATEWAY_RATE_LIMIT_USER: '1000000/min',
        // A short upstream timeout, so that holding answers past it takes seconds, not minutes.
        GATEWAY_UPSTREAM_TIMEOUT_MS: '3000',
        ORDER_CHECKOUT_MAX_WAIT_SECONDS: '30',
        PAYMENT_SANDBOX_DELAY_MS: '10000',
      },
    });
    shop = { api: cluster.api, admin: () => cluster.as(['admin']), paymentDb: '', orderDb: cluster.dbs.order!.url };
  });

  after(async () => {
    await cluster?.close();
  });

  it(`answers ${ATTACKS} checkouts with Prefer: wait=30 from one client, and everyone else's checkouts go on`, async () => {
    const sku = newSku('wait');
    await stockedProduct(shop, sku, ATTACKS + 20);
    const attackerCarts = await carts(shop, sku, ATTACKS);
    const otherCarts = await carts(shop, sku, 10);
    const checkout = async (cartId: string, headers: Record<string, string> = {}, paymentMethod?: string) => {
      const res = await fetch(`${shop.api}/checkout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
        body: checkoutBody({ cartId, email: 'someone@example.com', paymentMethod }),
      });
      return { status: res.status, applied: res.headers.get('preference-applied'), body: (await res.json()) as { status?: string; code?: string } };
    };

    const attack = Promise.all(attackerCarts.map((cartId) => checkout(cartId, { prefer: 'wait=30' }, 'pm_card_timeout')));
    // While the long waits are held, and after they are answered, the others check out.
    await sleep(500);
    const during = await Promise.all(otherCarts.slice(0, 5).map((cartId) => checkout(cartId)));
    const answered = await attack;
    const afterwards = await Promise.all(otherCarts.slice(5).map((cartId) => checkout(cartId)));

    // The waits were lowered below the gateway's 3 s timeout and answered, not cut off at 504.
    assert.deepEqual(
      answered.map((a) => `${a.status} ${a.applied}`),
      Array(ATTACKS).fill('202 wait=2'),
    );
    for (const a of answered) assert.ok(['pending', 'awaiting_payment'].includes(a.body.status!), JSON.stringify(a.body));
    assert.deepEqual(
      [...during, ...afterwards].map((a) => `${a.status} ${a.body.code ?? a.body.status}`),
      Array(10).fill('202 pending'),
      "every other client's checkout was taken",
    );
  });
});

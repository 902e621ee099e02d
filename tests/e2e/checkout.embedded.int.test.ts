import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAfterCrashes, checkoutsThroughCrash, declined, oversell, sameKey } from './support/checkout-cases.js';
import { startEmbedded, type EmbeddedPlatform } from './support/embedded.js';
import { QUICK_RECOVERY_ENV, type Shop } from './support/shop.js';

// The checkout saga in the embedded mode (`npm start`): every service in one process on an
// embedded PostgreSQL and the in-process bus. Needs no server of the machine. The whole process
// is killed (SIGKILL) mid-run and started again on the same data folder.

const ADMIN = { email: 'owner@example.com', password: 'correct horse battery staple' };

describe('checkout invariants in the embedded mode', () => {
  let platform: EmbeddedPlatform;
  let shop: Shop;
  let token = '';

  const login = async () => {
    const res = await fetch(`${platform.api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    assert.equal(res.status, 200, await res.clone().text());
    token = ((await res.json()) as { accessToken: string }).accessToken;
  };

  before(async () => {
    platform = await startEmbedded({
      MERCATO_DEMO_DATA: 'false',
      // An empty shop takes no sandbox payments unless asked: this one is a test shop.
      PAYMENT_SANDBOX: 'true',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      AUTH_SCRYPT_N: '1024',
      OUTBOX_POLL_MS: '100',
      ...QUICK_RECOVERY_ENV,
    });
    await login();
    shop = {
      api: platform.api,
      admin: () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' }),
      paymentDb: await platform.databaseUrl('payment'),
      orderDb: await platform.databaseUrl('order'),
    };
  });

  after(async () => {
    await platform?.close();
  });

  it('sells exactly the stock to 200 concurrent checkouts of 10 units, each sale charged once', async () => {
    await oversell(shop, { orders: 200, stock: 10, settleMs: 60_000 });
  });

  it('cancels an order whose card is declined and puts its unit back on sale', async () => {
    await declined(shop, 30_000);
  });

  it('places one order and charges once for one Idempotency-Key sent ten times at once', async () => {
    await sameKey(shop, 30_000);
  });

  it('loses no order and charges none twice when the whole platform is killed mid-run', async (t) => {
    const batch = await checkoutsThroughCrash(shop, {
      what: 'kill-platform',
      stock: 25,
      orders: 40,
      // Killed once every checkout is answered: the saga is in the middle of them.
      crashWhen: (a) => a.length === 40,
      crash: async () => {
        await platform.crashAndRestart();
        // Same data, new ports: the clients follow the new gateway.
        shop.api = platform.api;
        shop.paymentDb = await platform.databaseUrl('payment');
        shop.orderDb = await platform.databaseUrl('order');
        await login();
      },
    });
    const summary = await assertAfterCrashes(shop, [batch], 60_000);
    t.diagnostic(`outcomes after the crash: ${JSON.stringify(summary)}`);
  });
});

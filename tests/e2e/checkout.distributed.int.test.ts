import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { startCluster, type Cluster } from '@mercato/platform/testing';
import { assertAfterCrashes, checkoutsThroughCrash, declined, oversell, sameKey } from './support/checkout-cases.js';
import { QUICK_RECOVERY_ENV, sleep, sql, type Placed, type Shop } from './support/shop.js';

// The checkout saga across processes: gateway, catalog, inventory, order, payment and
// notification each in its own process with its own database, RabbitMQ between them, Redis for
// the gateway's counters. Processes are killed (SIGKILL) mid-run and started again.

const SERVICES = ['catalog', 'inventory', 'order', 'payment', 'notification'] as const;

describe('checkout invariants in the distributed mode', { skip: skipUnless('postgres', 'rabbitmq', 'redis') }, () => {
  let cluster: Cluster;
  let shop: Shop;
  let mailbox: string;

  before(async () => {
    mailbox = await mkdtemp(join(tmpdir(), 'mercato-mailbox-'));
    cluster = await startCluster({
      services: SERVICES,
      env: {
        // Recovery within seconds rather than minutes.
        ...QUICK_RECOVERY_ENV,
        GATEWAY_BREAKER_RESET_MS: '200',
        NOTIFICATION_MAILBOX_DIR: mailbox,
      },
    });
    shop = { api: cluster.api, admin: () => cluster.as(['admin']), paymentDb: cluster.dbs.payment!.url, orderDb: cluster.dbs.order!.url };
  });

  after(async () => {
    await cluster?.close();
    if (mailbox) await rm(mailbox, { recursive: true, force: true });
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

  it('loses no order and charges none twice when the order, inventory and payment processes are killed mid-run', async (t) => {
    const restart = (name: string) => async () => {
      await cluster.kill(name);
      await sleep(1000);
      await cluster.start(name);
    };
    const paymentsFor = async (placed: Placed[]) =>
      (await sql<{ n: number }>(shop.paymentDb, 'SELECT count(*)::int AS n FROM payments WHERE order_id = ANY($1::text[])', [placed.map((p) => p.orderId)]))[0]!.n;
    // The order process dies once every checkout is answered: its saga is in the middle of them.
    const order = await checkoutsThroughCrash(shop, { what: 'kill-order', stock: 25, orders: 40, crashWhen: (a) => a.length === 40, crash: restart('order') });
    // Inventory dies while checkouts are still coming in and its reservations are being made.
    const inventory = await checkoutsThroughCrash(shop, { what: 'kill-inventory', stock: 25, orders: 40, crashWhen: (a) => a.length >= 10, crash: restart('inventory') });
    // Payment dies while it is charging the batch.
    const payment = await checkoutsThroughCrash(shop, { what: 'kill-payment', stock: 25, orders: 40, crashWhen: async (a) => (await paymentsFor(a)) >= 5, crash: restart('payment') });
    const summary = await assertAfterCrashes(shop, [order, inventory, payment], 60_000);
    for (const [name, p] of Object.entries(cluster.procs)) assert.equal(p.child.exitCode, null, `${name} still runs:\n${p.err()}`);
    t.diagnostic(`outcomes after the crashes: ${JSON.stringify(summary)}`);
  });
});

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort, skipUnless } from '@mercato/chassis/testing';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@mercato/embedded-pg';
import { startCluster, type Cluster } from '@mercato/platform/testing';
import { assertAfterCrashes, checkoutsThroughCrash } from './support/checkout-cases.js';
import { QUICK_RECOVERY_ENV, sleep, sql, type Shop } from './support/shop.js';

// The database goes away under load: every session of every service is killed, then the
// PostgreSQL server itself restarts. No process may exit, no answer may be a 500 (an outage is a
// 503 with Retry-After), and every order placed meanwhile ends as the checkout invariants say.
// The server is a PostgreSQL of the test's own (the embedded one, on a free port): the shared
// server is in use by every other suite.

const SERVICES = ['catalog', 'inventory', 'order', 'payment', 'notification'] as const;

describe('the distributed mode through a database outage', { skip: skipUnless('rabbitmq', 'redis') }, () => {
  let dir: string;
  let server: EmbeddedPostgres;
  let port: number;
  let cluster: Cluster;
  let shop: Shop;
  let mailbox: string;

  const startServer = async () => {
    server = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port, maxConnections: 300 });
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mercato-outage-'));
    mailbox = join(dir, 'mailbox');
    port = await freePort();
    await startServer();
    cluster = await startCluster({
      services: SERVICES,
      pgUrl: server.adminUrl,
      readyTimeoutMs: 90_000,
      env: {
        ...QUICK_RECOVERY_ENV,
        // Orders wait out the restart without being cancelled for it.
        ORDER_PAYMENT_TIMEOUT_SECONDS: '60',
        NOTIFICATION_MAILBOX_DIR: mailbox,
        DB_POOL_MAX: '5',
      },
    });
    shop = { api: cluster.api, admin: () => cluster.as(['admin']), paymentDb: cluster.dbs.payment!.url, orderDb: cluster.dbs.order!.url };
  });

  after(async () => {
    await cluster?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps every process up, answers 503 (never 500) while the database is away, and loses no order', async (t) => {
    const databases = Object.values(cluster.dbs).map((d) => d.name);
    // What clients see meanwhile, on routes that write to a database (a cart; stock levels).
    const seen = new Map<number, number>();
    let observing = true;
    const observer = (async () => {
      while (observing) {
        const answers = await Promise.all([
          fetch(`${shop.api}/carts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"currency":"USD"}' }).catch(() => undefined),
          fetch(`${shop.api}/inventory/availability?sku=NONE`).catch(() => undefined),
        ]);
        for (const a of answers) {
          if (!a) continue;
          seen.set(a.status, (seen.get(a.status) ?? 0) + 1);
          if (a.status === 503 && !a.headers.get('retry-after')) seen.set(-503, (seen.get(-503) ?? 0) + 1);
          await a.body?.cancel();
        }
        await sleep(50);
      }
    })();

    const killSessions = async () => {
      for (let i = 0; i < 3; i++) {
        const killed = await sql<{ n: number }>(
          server.adminUrl,
          'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = ANY($1::text[]) AND pid <> pg_backend_pid()',
          [databases],
        );
        assert.ok(killed[0]!.n > 0, 'sessions were killed');
        await sleep(700);
      }
    };
    const restartServer = async () => {
      await server.stop();
      await sleep(2_000);
      await startServer();
    };
    const killed = await checkoutsThroughCrash(shop, { what: 'sessions', stock: 20, orders: 30, crashWhen: (a) => a.length >= 5, crash: killSessions });
    const restarted = await checkoutsThroughCrash(shop, { what: 'restart', stock: 20, orders: 30, crashWhen: (a) => a.length >= 5, crash: restartServer });
    const summary = await assertAfterCrashes(shop, [killed, restarted], 120_000);
    observing = false;
    await observer;

    for (const [name, p] of Object.entries(cluster.procs)) {
      assert.deepEqual([p.child.exitCode, p.child.signalCode], [null, null], `${name} still runs:\n${p.err()}`);
    }
    const statuses = Object.fromEntries(seen);
    t.diagnostic(`outcomes: ${JSON.stringify(summary)}; answers seen meanwhile: ${JSON.stringify(statuses)}`);
    assert.equal(seen.get(500) ?? 0, 0, `no 500 while the database was away: ${JSON.stringify(statuses)}`);
    assert.ok((seen.get(503) ?? 0) > 0, `the outage was seen, as 503: ${JSON.stringify(statuses)}`);
    assert.equal(seen.get(-503) ?? 0, 0, 'every 503 said when to retry');
  });
});

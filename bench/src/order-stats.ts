// The back office's dashboard figures, `GET /orders/stats` over 100,000 orders placed in the last
// 30 days (every one in the range: the worst case), at 10 connections on the order service, while
// the roll-up's refresh job runs every second. Target: p99 < 50 ms. Baselines in the same run: a
// trivial route of the same service (`/healthz`: the floor of HTTP, routing and hooks on this
// machine now), and the same figures aggregated from the orders table at every request (the
// query the roll-up replaces, on its covering index, sent straight to PostgreSQL from 10 clients:
// no HTTP in its figure).
//
//   npm run bench:order-stats [-- --orders 100000 --connections 10 --duration 5 --warmup 3 --rounds 2]
//
// Processes: the order service (on a fresh database on the PostgreSQL server, the orders written
// straight into its table with SQL, then VACUUM ANALYZE as autovacuum would), autocannon, and this
// script coordinating.
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createLogger, MemoryBus, startService } from '@mercato/chassis';
import { createTestDatabase, createTestSigner, eventually, listenJwks, type TestDatabase } from '@mercato/chassis/testing';
import { orderService } from '@mercato/order';
import { argText as arg } from './support/args.js';
import { child, flagFailures, load, mean, serveRole, stopServers, type Result, type Server } from './support/load.js';

const ORDERS = Number(arg('orders', '100000'));
const CONNECTIONS = Number(arg('connections', '10'));
const DURATION_S = Number(arg('duration', '5'));
const WARMUP_S = Number(arg('warmup', '3'));
const ROUNDS = Number(arg('rounds', '2'));
const ROLE = arg('role', 'bench');
const P99_TARGET_MS = 50;
const SCRIPT = fileURLToPath(import.meta.url);

/**
 * `count` orders over the last 30 days (written now, so `updated_at` is now: the order service's
 * roll-up runs every second and takes in what changed since its last run, which may come before
 * this insert commits), in three currencies, with two lines each, in the mix of
 * states a live shop has (mostly confirmed and after, some cancelled, a few refunded or unpaid).
 */
async function generateOrders(dbUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO orders (id, cart_id, user_id, email, status, cancel_reason, currency, lines, shipping_address, subtotal, shipping, tax, total,
                           tax_rate, prices_include_tax, payment, created_at, updated_at, confirmed_at, paid_amount, refunded_amount, refund_requested)
       SELECT 'ord_' || lpad(g::text, 26, '0'), 'cart_' || lpad(g::text, 26, '0'), 'usr_' || lpad((g % 20000)::text, 26, '0'),
              'customer' || (g % 20000) || '@example.com', s.status, s.reason, c.currency,
              jsonb_build_array(
                jsonb_build_object('sku', 'TEE-' || (g % 500), 'productId', 'prod_1', 'variantId', 'var_1', 'title', 'Plain Tee', 'slug', 'plain-tee',
                                   'quantity', 1 + g % 3, 'unitPrice', 1500, 'lineTotal', 1500 * (1 + g % 3)),
                jsonb_build_object('sku', 'MUG-' || (g % 300), 'productId', 'prod_2', 'variantId', 'var_2', 'title', 'Mug', 'slug', 'mug',
                                   'quantity', 1, 'unitPrice', 900, 'lineTotal', 900)),
              '{"name": "Ada Lovelace", "line1": "1 Main St", "city": "Berlin", "postalCode": "10115", "country": "DE"}',
              t.total, 499, 0, t.total + 499, 0, false, '{"provider": "sandbox", "paymentMethod": "pm_card_visa"}',
              o.at, now(), CASE WHEN s.confirmed THEN o.at + interval '2 minutes' END,
              CASE WHEN s.confirmed THEN t.total + 499 ELSE 0 END,
              CASE WHEN s.status = 'refunded' THEN t.total + 499 ELSE 0 END,
              CASE WHEN s.status = 'refunded' THEN t.total + 499 ELSE 0 END
         FROM generate_series(1, $1::int) g
        CROSS JOIN LATERAL (SELECT now() - interval '10 minutes' - random() * (interval '30 days' - interval '20 minutes') AS at) o
        CROSS JOIN LATERAL (SELECT (ARRAY['USD', 'USD', 'EUR', 'JPY'])[1 + g % 4] AS currency) c
        CROSS JOIN LATERAL (SELECT 1500 * (1 + g % 3) + 900 AS total) t
        CROSS JOIN LATERAL (SELECT CASE g % 20 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'cancelled' WHEN 2 THEN 'refunded' WHEN 19 THEN 'awaiting_payment'
                                              WHEN 3 THEN 'confirmed' WHEN 4 THEN 'confirmed' WHEN 5 THEN 'confirmed'
                                              WHEN 6 THEN 'shipped' WHEN 7 THEN 'shipped' WHEN 8 THEN 'shipped' ELSE 'delivered' END AS status,
                                   CASE g % 20 WHEN 0 THEN 'payment_declined' WHEN 1 THEN 'out_of_stock' END AS reason,
                                   g % 20 NOT IN (0, 1, 19) AS confirmed) s`,
      [count],
    );
    await client.query('VACUUM ANALYZE orders');
    // As in a shop that has just upgraded: the next refresh reads every order. Under the refresh's
    // own lock: a refresh running meanwhile (the service is up) would otherwise write its state
    // back after the DELETE, and the orders inserted here, changed over 10 minutes ago, would
    // never be taken in by the incremental refreshes after it.
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('mercato.order_stats_refresh'))`);
    await client.query('DELETE FROM order_stats_state');
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/**
 * The figures the route answers, aggregated from the orders at every call as a roll-up-less route
 * would (the last 30 days in UTC, per day, currency and status), from 10 clients for `seconds`.
 */
async function rawAggregation(dbUrl: string, seconds: number): Promise<Result> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: CONNECTIONS });
  const times: number[] = [];
  const until = Date.now() + seconds * 1000;
  const cpuBefore = process.cpuUsage();
  try {
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < until) {
          const began = performance.now();
          await pool.query(
            `SELECT (created_at AT TIME ZONE 'UTC')::date AS day, currency, status, count(*)::int,
                    count(*) FILTER (WHERE confirmed_at IS NOT NULL)::int,
                    COALESCE(sum(total) FILTER (WHERE confirmed_at IS NOT NULL), 0),
                    COALESCE(sum(refunded_amount) FILTER (WHERE confirmed_at IS NOT NULL), 0)
               FROM orders WHERE created_at >= now() - interval '30 days' GROUP BY 1, 2, 3`,
          );
          times.push(performance.now() - began);
        }
      }),
    );
  } finally {
    await pool.end();
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const cpu = process.cpuUsage(cpuBefore);
  return { rps: times.length / seconds, total: times.length, p50: at(0.5), p99: at(0.99), failed: 0, cpu: [(cpu.user + cpu.system) / times.length] };
}

/** The order service on `dbUrl`, listening; reports [its URL, an admin's access token]. */
async function startOrderRole(dbUrl: string): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  const signer = createTestSigner();
  const jwks = await listenJwks([signer.jwk]);
  const bus = new MemoryBus();
  const svc = await startService(orderService, {
    env: {
      LOG_LEVEL: 'silent',
      ORDER_PORT: '0',
      ORDER_DATABASE_URL: dbUrl,
      AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
      OUTBOX_POLL_MS: '60000',
      ORDER_STATS_REFRESH_SECONDS: '1',
    },
    bus,
    logger: createLogger({ service: 'order', level: 'silent' }),
  });
  bus.open();
  const token = signer.sign({ sub: 'usr_01HBENCH0000000000000000000', roles: ['admin'], exp: Math.floor(Date.now() / 1000) + 3600 });
  return {
    urls: [svc.url, token],
    stop: async () => {
      await svc.stop();
      await jwks.close();
    },
  };
}

async function bench(): Promise<void> {
  let db: TestDatabase | undefined;
  const servers: Server[] = [];
  try {
    db = await createTestDatabase('bench_order_stats');
    const order = await child(SCRIPT, 'order', ['--db', db.url]);
    servers.push(order);
    const began = Date.now();
    await generateOrders(db.url, ORDERS);
    console.log(`generated ${ORDERS} orders over the last 30 days in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    const [base, token] = order.urls as [string, string];
    const headers = { authorization: `Bearer ${token}` };
    const statsUrl = `${base}/orders/stats?interval=day`;
    // The refresh job takes the new orders in within a second or two (the first refresh reads all).
    const body = await eventually(async () => {
      const res = await fetch(statsUrl, { headers });
      if (!res.ok) throw new Error(`stats answered ${res.status}`);
      const b = (await res.json()) as { orders: number; currencies: unknown[] };
      return b.orders === ORDERS && b;
    }, 120_000, 500);
    console.log(
      `order stats: ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} at start), ${CONNECTIONS} connections, ` +
        `${ROUNDS} × ${DURATION_S} s per path after ${WARMUP_S} s warm-up; every order in the range, ${body.currencies.length} currencies, 30 daily points each`,
    );
    const measure = async (name: string, url: string, auth: boolean): Promise<[string, Result[]]> => {
      if (!url) {
        if (WARMUP_S > 0) await rawAggregation(db!.url, WARMUP_S);
        const rs: Result[] = [];
        for (let i = 0; i < ROUNDS; i++) rs.push(await rawAggregation(db!.url, DURATION_S));
        return [name, rs];
      }
      const opts = { connections: CONNECTIONS, servers: [order], ...(auth ? { headers } : {}) };
      if (WARMUP_S > 0) await load(url, { ...opts, seconds: WARMUP_S });
      const rs: Result[] = [];
      for (let i = 0; i < ROUNDS; i++) rs.push(await load(url, { ...opts, seconds: DURATION_S }));
      return [name, rs];
    };
    const runs = new Map<string, Result[]>();
    runs.set(...(await measure('trivial route /healthz', `${base}/healthz`, false)));
    runs.set(...(await measure('stats (roll-up)', statsUrl, true)));
    runs.set(...(await measure('raw aggregation, SQL', '', false)));
    console.log('');
    for (const [name, rs] of runs) {
      console.log(
        `  ${name.padEnd(24)} ${mean(rs, (r) => r.rps).toFixed(0).padStart(6)} req/s  p50 ${mean(rs, (r) => r.p50).toFixed(1)} ms  p99 ${mean(rs, (r) => r.p99).toFixed(1)} ms` +
          `  (rounds ${rs.map((r) => r.rps.toFixed(0)).join(' / ')})  CPU µs/request ${mean(rs, (r) => r.cpu[0]!).toFixed(0)}`,
      );
    }
    const p99 = mean(runs.get('stats (roll-up)')!, (r) => r.p99);
    const raw = mean(runs.get('raw aggregation, SQL')!, (r) => r.p99);
    const floor = mean(runs.get('trivial route /healthz')!, (r) => r.p99);
    console.log('');
    console.log(`  p99 stats (roll-up)        ${p99.toFixed(1)} ms (target < ${P99_TARGET_MS} ms: ${p99 < P99_TARGET_MS ? 'met' : 'NOT met'})`);
    console.log(`  p99 raw aggregation / stats     ${(raw / p99).toFixed(1)}`);
    console.log(`  p99 stats / trivial route      ${(p99 / Math.max(floor, 0.1)).toFixed(1)}`);
    flagFailures(runs.values());
  } finally {
    await stopServers(servers);
    await db?.drop();
  }
}

if (ROLE === 'bench') {
  await bench();
} else {
  const o = await startOrderRole(arg('db', ''));
  serveRole(o.urls, o.stop);
}

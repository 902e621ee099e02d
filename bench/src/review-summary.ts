// Rating summaries read through the gateway: `GET /reviews/summary?productId=…` at 50
// connections, against a bare Fastify route answering the same JSON body, in the same run. The
// gateway keeps summaries at its edge (in Redis, as in the distributed mode, purged by the review
// service's generation); beside it the same read through a gateway with its edge cache off (the
// review service answers from its own memory), and with both caches off (every read a PostgreSQL
// query).
// Target: ≥ 0.35 × bare (like catalog reads).
//
//   npm run bench:reviews [-- --products 2000 --connections 50 --duration 5 --warmup 3 --rounds 2]
//
// Processes: the review service (fresh database on the PostgreSQL server, summaries of
// `--products` products with reviews), the gateway with its edge cache in Redis, a second one with
// it off, the bare server, a second review process with the cache off and its gateway, a bare Node proxy in front of the bare route (the ceiling of
// any route behind one hop on this machine), autocannon, and this script coordinating.
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { createLogger, MemoryBus, startService } from '@mercato/chassis';
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';
import { startGateway } from '@mercato/gateway';
import { reviewService } from '@mercato/review';
import { readFile } from 'node:fs/promises';
import { argText as arg } from './support/args.js';
import { startBareProxy } from './support/bare-proxy.js';
import { child, flagFailures, measurePaths, serveRole, stopServers, type Server } from './support/load.js';

const PRODUCTS = Number(arg('products', '2000'));
const CONNECTIONS = Number(arg('connections', '50'));
const DURATION_S = Number(arg('duration', '5'));
const WARMUP_S = Number(arg('warmup', '3'));
const ROUNDS = Number(arg('rounds', '2'));
const ROLE = arg('role', 'bench');
const TARGET = 0.35;
const silent = (service: string) => createLogger({ service, level: 'silent' });
const SCRIPT = fileURLToPath(import.meta.url);
// This run's own Redis keys: the review service's generation (left behind, one key) and the
// gateway's kept answers (which expire on their own).
const PREFIX = `bench-reviews-${process.ppid}:review:`;

/** The review service on `dbUrl`; with `--load N`, N products with 1–8 published reviews each and their summaries. */
async function startReviewRole(dbUrl: string, cacheMs: string, products: number): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  const bus = new MemoryBus();
  const svc = await startService(reviewService, {
    env: {
      LOG_LEVEL: 'silent',
      REVIEW_PORT: '0',
      REVIEW_DATABASE_URL: dbUrl,
      REVIEW_SUMMARY_CACHE_MS: cacheMs,
      OUTBOX_POLL_MS: '60000',
      REDIS_URL: TEST_REDIS_URL,
      REVIEW_CACHE_PREFIX: PREFIX,
    },
    bus,
    logger: silent('review'),
    background: false,
  });
  bus.open();
  if (products > 0) {
    const ids = Array.from({ length: products }, () => newId('prd'));
    const rows = ids.flatMap((p, i) => Array.from({ length: 1 + (i % 8) }, (_, n) => ({ p, rating: 1 + ((i + n) % 5), id: newId('rev') })));
    await svc.db.query(
      `INSERT INTO reviews (id, product_id, author_name, rating, title, body, body_digest, status, verified_purchase, published_at)
       SELECT id, p, 'Bench Reader', rating, 'Fine', 'A review written for the benchmark.', id, 'published', true, now()
         FROM unnest($1::text[], $2::text[], $3::int[]) AS x(id, p, rating)`,
      [rows.map((r) => r.id), rows.map((r) => r.p), rows.map((r) => r.rating)],
    );
    await svc.db.query(
      `INSERT INTO review_summaries (product_id, count, average, r1, r2, r3, r4, r5)
       SELECT product_id, count(*), round(avg(rating), 1), count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2),
              count(*) FILTER (WHERE rating = 3), count(*) FILTER (WHERE rating = 4), count(*) FILTER (WHERE rating = 5)
         FROM reviews GROUP BY product_id`,
    );
    await svc.db.query('VACUUM ANALYZE');
    await writeFile(join(tmpdir(), `bench-reviews-product-${process.ppid}.txt`), ids[Math.floor(products / 2)]!);
  }
  return { urls: [svc.url], stop: () => svc.stop() };
}

async function startBare(bodyFile: string): Promise<string> {
  const body = await readFile(bodyFile, 'utf8');
  const app = Fastify({ logger: false });
  app.get('/summary', async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

async function startGatewayFor(reviewUrl: string, edge: string): Promise<string> {
  const gw = await startGateway({
    logger: silent('gateway'),
    env: {
      GATEWAY_PORT: '0',
      LOG_LEVEL: 'silent',
      GATEWAY_RATE_LIMIT_IP: '0',
      GATEWAY_RATE_LIMIT_USER: '0',
      GATEWAY_CACHE: edge,
      REDIS_URL: TEST_REDIS_URL,
      GATEWAY_RATE_LIMIT_PREFIX: `${PREFIX}rl:`,
      REVIEW_CACHE_PREFIX: PREFIX,
    },
    upstreams: { review: reviewUrl },
  });
  return gw.url;
}

async function bench(): Promise<void> {
  const dbs: TestDatabase[] = [];
  const servers: Server[] = [];
  try {
    const db = await createTestDatabase('bench_reviews');
    dbs.push(db);
    const review = await child(SCRIPT, 'review', ['--db', db.url, '--cache', '60000', '--load', String(PRODUCTS)]);
    servers.push(review);
    const gateway = await child(SCRIPT, 'gateway', ['--review', review.urls[0]!, '--edge', 'redis']);
    servers.push(gateway);
    const noEdge = await child(SCRIPT, 'gateway', ['--review', review.urls[0]!, '--edge', 'off']);
    servers.push(noEdge);
    const uncached = await child(SCRIPT, 'review', ['--db', db.url, '--cache', '0', '--load', '0']);
    servers.push(uncached);
    const uncachedGateway = await child(SCRIPT, 'gateway', ['--review', uncached.urls[0]!, '--edge', 'off']);
    servers.push(uncachedGateway);
    const productId = (await readFile(join(tmpdir(), `bench-reviews-product-${process.pid}.txt`), 'utf8')).trim();
    const path = `/api/v1/reviews/summary?productId=${productId}`;
    const body = await (await fetch(`${gateway.urls[0]}${path}`)).text();
    if (!body.includes('"count"')) throw new Error(`the summary answered ${body}`);
    const bodyFile = join(tmpdir(), `bench-reviews-body-${process.pid}.json`);
    await writeFile(bodyFile, body);
    const bare = await child(SCRIPT, 'bare', ['--body-file', bodyFile]);
    servers.push(bare);
    // The yardstick for the hop itself: the bare route behind the least a Node proxy can do.
    const bareProxy = await child(SCRIPT, 'bare-proxy', ['--upstream', bare.urls[0]!]);
    servers.push(bareProxy);

    const paths: Array<[string, string, number[]]> = [
      ['bare /summary', `${bare.urls[0]}/summary`, [5]],
      ['bare /summary, proxied', `${bareProxy.urls[0]}/api/v1/summary`, [5, 6]],
      ['summary via gateway', `${gateway.urls[0]}${path}`, [0, 1]],
      ['summary, edge cache off', `${noEdge.urls[0]}${path}`, [0, 2]],
      ['summary, caches off', `${uncachedGateway.urls[0]}${path}`, [3, 4]],
    ];
    const names = ['review', 'gateway', 'gateway (no edge)', 'review (no cache)', 'gateway (no cache)', 'bare', 'bare proxy'];
    console.log(
      `review summaries, ${PRODUCTS} products: ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} at start), ${CONNECTIONS} connections, ` +
        `${ROUNDS} × ${DURATION_S} s per path after ${WARMUP_S} s warm-up; body ${body.length} B`,
    );
    const { runs, rps } = await measurePaths(paths, { servers, names, connections: CONNECTIONS, seconds: DURATION_S, warmupSeconds: WARMUP_S, rounds: ROUNDS });
    const ratio = rps('summary via gateway') / rps('bare /summary');
    console.log('');
    console.log(`  ratio summary via gateway / bare   ${ratio.toFixed(2)}  (target ≥ ${TARGET}: ${ratio >= TARGET ? 'met' : 'NOT met'})`);
    console.log(`  ratio bare route behind a bare Node proxy / bare  ${(rps('bare /summary, proxied') / rps('bare /summary')).toFixed(2)}  (the ceiling for any route behind one proxy hop here)`);
    console.log(`  with the edge cache off (the review service's memory answers): ${(rps('summary, edge cache off') / rps('bare /summary')).toFixed(2)} × bare`);
    console.log(`  with both caches off: ${(rps('summary, caches off') / rps('bare /summary')).toFixed(2)} × bare`);
    flagFailures(runs.values());
  } finally {
    await stopServers(servers);
    for (const db of dbs) await db.drop();

  }
}

if (ROLE === 'bench') {
  await bench();
} else if (ROLE === 'review') {
  const r = await startReviewRole(arg('db', ''), arg('cache', '60000'), Number(arg('load', '0')));
  serveRole(r.urls, r.stop);
} else if (ROLE === 'bare') {
  serveRole([await startBare(arg('body-file', ''))]);
} else if (ROLE === 'bare-proxy') {
  serveRole([await startBareProxy(arg('upstream', ''))]);
} else {
  serveRole([await startGatewayFor(arg('review', ''), arg('edge', 'redis'))]);
}

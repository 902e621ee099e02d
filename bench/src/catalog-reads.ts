// Catalog reads with 10,000 products in 20 categories, through the gateway, each against a bare
// Fastify route answering a fixed JSON body of the same size, in the same run: a product by slug,
// the first page of a category listing, and a search.
//
//   npm run bench:catalog [-- --products 10000 --connections 50 --duration 5 --warmup 3 --rounds 2]
//
// The gateway keeps the catalog's public reads (its edge cache), so these are the figures of a
// shop in front of which nothing else caches. Measured in both shapes:
//   - embedded: the catalog (read cache in memory) and the gateway (edge cache in memory, purged
//     by the catalog's change signal) in one process, as the embedded launcher runs them;
//   - distributed: a second catalog on the same database with its read cache in Redis, and a
//     gateway of its own whose edge cache is in that Redis (one Lua round trip per read);
// and, for the hop itself, the embedded catalog behind a gateway with its edge cache off (the
// figure before the edge cache), and the bare route behind the least a Node proxy can do.
// Targets: slug and category page via the gateway ≥ 0.6 × bare, p99 < 20 ms at 50 connections.
//
// `--against <another checkout>` (with its own `npm ci`) also runs that checkout's embedded shape
// on a database of its own, loaded alike, and measures its slug and category reads in the same
// rounds, in turn with this code's: a change measured against the previous code in one run.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { catalogService } from '@mercato/catalog';
import { createLogger, MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { createTestDatabase, createTestSigner, listenJwks, TEST_REDIS_URL, type TestDatabase } from '@mercato/chassis/testing';
import { startGateway } from '@mercato/gateway';
import { argText as arg } from './support/args.js';
import { startBareProxy } from './support/bare-proxy.js';
import { child, flagFailures, measurePaths, serveRole, stopServers, type Server } from './support/load.js';
import { SYNTHETIC_CATEGORIES, syntheticProducts } from './support/synthetic-catalog.js';

const PRODUCTS = Number(arg('products', '10000'));
const CONNECTIONS = Number(arg('connections', '50'));
const DURATION_S = Number(arg('duration', '5'));
const WARMUP_S = Number(arg('warmup', '3'));
const ROUNDS = Number(arg('rounds', '2'));
const ROLE = arg('role', 'bench');
const TARGETS = { slug: 0.6, category: 0.6 };
const P99_TARGET_MS = 20;
const silent = (service: string) => createLogger({ service, level: 'silent' });
const SCRIPT = fileURLToPath(import.meta.url);
/** Redis keys of this run only. */
const PREFIX = arg('prefix', `bench:${process.pid}:`);
const AGAINST = arg('against', '');

// ── server roles ──────────────────────────────────────────────────────────────────────────────

/** The catalog on `dbUrl`; with `load` > 0 it first creates the categories and imports that many synthetic products through its API. */
async function startCatalog(dbUrl: string, cache: string, loadCount: number): Promise<{ svc: RunningService; stop: () => Promise<void> }> {
  const signer = createTestSigner();
  const jwks = await listenJwks([signer.jwk]);
  const bus = new MemoryBus();
  const svc = await startService(catalogService, {
    env: {
      LOG_LEVEL: 'silent',
      CATALOG_PORT: '0',
      CATALOG_DATABASE_URL: dbUrl,
      CATALOG_CACHE: cache,
      CATALOG_CACHE_PREFIX: `${PREFIX}catalog:`,
      REDIS_URL: cache === 'redis' ? TEST_REDIS_URL : '',
      AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
      OUTBOX_POLL_MS: '60000',
    },
    bus,
    logger: silent('catalog'),
    // Reads only: the import's outbox rows are not relayed during the measurement.
    background: false,
  });
  bus.open();
  if (loadCount > 0) {
    const token = signer.sign({ sub: 'usr_01HBENCH0000000000000000000', roles: ['catalog_manager'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (const c of SYNTHETIC_CATEGORIES) {
      const res = await svc.app.inject({ method: 'POST', url: '/categories', headers, payload: JSON.stringify(c) });
      if (res.statusCode !== 201) throw new Error(`category answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
    }
    const all = syntheticProducts(loadCount, { categories: true });
    const began = Date.now();
    for (let i = 0; i < all.length; i += 500) {
      const res = await svc.app.inject({ method: 'POST', url: '/products/import', headers, payload: JSON.stringify({ products: all.slice(i, i + 500) }) });
      if (res.statusCode !== 201) throw new Error(`import answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
    }
    process.stderr.write(`  loaded ${all.length} products in ${((Date.now() - began) / 1000).toFixed(1)} s\n`);
    await svc.db.query('VACUUM ANALYZE');
  }
  return {
    svc,
    stop: async () => {
      await svc.stop();
      await jwks.close();
    },
  };
}

/** A bare Fastify app answering fixed bodies read from files: no hooks, no validation, no logging. */
async function startBare(files: Record<string, string>): Promise<string> {
  const app = Fastify({ logger: false });
  for (const [name, file] of Object.entries(files)) {
    const body = await readFile(file, 'utf8');
    app.get(`/${name}`, async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address() as { port: number };
  return `http://127.0.0.1:${addr.port}`;
}

function gatewayEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { GATEWAY_PORT: '0', LOG_LEVEL: 'silent', GATEWAY_RATE_LIMIT_IP: '0', GATEWAY_RATE_LIMIT_USER: '0', REDIS_URL: '', ...extra };
}

/** The embedded shape: the catalog and the gateway in one process, the edge cache purged by the catalog's signal. */
async function startEmbedded(dbUrl: string, loadCount: number): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  const catalog = await startCatalog(dbUrl, 'memory', loadCount);
  const gw = await startGateway({ logger: silent('gateway'), env: gatewayEnv({}), upstreams: { catalog: catalog.svc.url }, catalogChanges: catalog.svc.changes });
  return {
    urls: [gw.url, catalog.svc.url],
    stop: async () => {
      await gw.stop();
      await catalog.stop();
    },
  };
}

/** A gateway alone: its edge cache in Redis (`redis`) or off. */
async function startGatewayFor(catalogUrl: string, cache: string): Promise<string> {
  const env = cache === 'redis' ? { REDIS_URL: TEST_REDIS_URL, GATEWAY_CACHE: 'redis', CATALOG_CACHE_PREFIX: `${PREFIX}catalog:` } : { GATEWAY_CACHE: 'off' };
  const gw = await startGateway({ logger: silent('gateway'), env: gatewayEnv(env), upstreams: { catalog: catalogUrl } });
  return gw.url;
}

// ── the coordinator ───────────────────────────────────────────────────────────────────────────

async function bench(): Promise<void> {
  const dbs: TestDatabase[] = [];
  const servers: Server[] = [];
  try {
    const db = await createTestDatabase('bench_catalog');
    dbs.push(db);
    console.log(`loading ${PRODUCTS} products…`);
    const embedded = await child(SCRIPT, 'embedded', ['--db', db.url, '--load', String(PRODUCTS), '--prefix', PREFIX]);
    servers.push(embedded);
    const [gatewayUrl, catalogUrl] = embedded.urls as [string, string];
    const redisCatalog = await child(SCRIPT, 'catalog', ['--db', db.url, '--cache', 'redis', '--prefix', PREFIX]);
    servers.push(redisCatalog);
    const redisGateway = await child(SCRIPT, 'gateway', ['--catalog', redisCatalog.urls[0]!, '--cache', 'redis', '--prefix', PREFIX]);
    servers.push(redisGateway);
    const plainGateway = await child(SCRIPT, 'gateway', ['--catalog', catalogUrl, '--cache', 'off']);
    servers.push(plainGateway);
    let against: Server | undefined;
    if (AGAINST) {
      const otherDb = await createTestDatabase('bench_catalog_against');
      dbs.push(otherDb);
      console.log(`loading ${PRODUCTS} products into the embedded shape of ${AGAINST}…`);
      against = await child(join(AGAINST, 'bench/src/catalog-reads.ts'), 'embedded', ['--db', otherDb.url, '--load', String(PRODUCTS), '--prefix', `${PREFIX}against:`]);
      servers.push(against);
    }

    // A product from the middle of the catalog, the first page of a category, and a query with typical results.
    const slug = syntheticProducts(PRODUCTS)[Math.floor(PRODUCTS / 2)]!.slug;
    const category = SYNTHETIC_CATEGORIES[3]!.slug;
    const reads = { slug: `/products/${slug}`, category: `/products?category=${category}`, search: '/products?q=blue+cotton+shirt' };
    const api = `${gatewayUrl}/api/v1`;
    const dir = tmpdir();
    const files: Record<string, string> = {};
    const bodies: Record<string, string> = {};
    for (const [name, path] of Object.entries(reads)) {
      const res = await fetch(`${api}${path}`);
      bodies[name] = await res.text();
      if (!res.ok) throw new Error(`${path} answered ${res.status}: ${bodies[name]}`);
      files[name] = join(dir, `bench-catalog-${name}-${process.pid}.json`);
      await writeFile(files[name], bodies[name]);
    }
    const listed = (JSON.parse(bodies.category!) as { items: unknown[] }).items.length;
    const found = (JSON.parse(bodies.search!) as { items: unknown[] }).items.length;
    const bare = await child(SCRIPT, 'bare', ['--files', JSON.stringify(files)]);
    servers.push(bare);
    // The yardstick for the hop itself: the bare route behind the least a Node proxy can do.
    const bareProxy = await child(SCRIPT, 'bare-proxy', ['--upstream', bare.urls[0]!]);
    servers.push(bareProxy);

    const redisApi = `${redisGateway.urls[0]}/api/v1`;
    const paths: Array<[string, string, number[]]> = [
      ['bare /slug', `${bare.urls[0]}/slug`, [4]],
      ['bare /slug, proxied', `${bareProxy.urls[0]}/api/v1/slug`, [4, 5]],
      ['slug via gateway', `${api}${reads.slug}`, [0]],
      ['slug via gateway, Redis', `${redisApi}${reads.slug}`, [1, 2]],
      ['slug, edge cache off', `${plainGateway.urls[0]}/api/v1${reads.slug}`, [0, 3]],
      ['bare /category', `${bare.urls[0]}/category`, [4]],
      ['category via gateway', `${api}${reads.category}`, [0]],
      ['category via gateway, Redis', `${redisApi}${reads.category}`, [1, 2]],
      ['bare /search', `${bare.urls[0]}/search`, [4]],
      ['search via gateway', `${api}${reads.search}`, [0]],
    ];
    const names = ['catalog+gateway', 'catalog (Redis)', 'gateway (Redis)', 'gateway (no edge cache)', 'bare', 'bare proxy'];
    if (against) {
      servers.push(servers.splice(servers.indexOf(against), 1)[0]!); // last: index 6
      names.push('the other checkout');
      const other = `${against.urls[0]}/api/v1`;
      paths.splice(3, 0, ['slug via gateway, against', `${other}${reads.slug}`, [6]]);
      paths.splice(paths.findIndex(([n]) => n === 'category via gateway') + 1, 0, ['category via gateway, against', `${other}${reads.category}`, [6]]);
    }
    console.log(
      `catalog reads, ${PRODUCTS} products: ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} at start), ${CONNECTIONS} connections, ` +
        `${ROUNDS} × ${DURATION_S} s per path after ${WARMUP_S} s warm-up; slug body ${bodies.slug!.length} B, ` +
        `category page ${bodies.category!.length} B (${listed} items), search ${bodies.search!.length} B (${found} items + facets)`,
    );
    const { runs, rps, p99 } = await measurePaths(paths, { servers, names, connections: CONNECTIONS, seconds: DURATION_S, warmupSeconds: WARMUP_S, rounds: ROUNDS });
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log('');
    const ratio = (name: string, base: string, target?: number) => {
      const r = rps(name) / rps(base);
      console.log(`  ratio ${`${name} / ${base}`.padEnd(52)} ${r.toFixed(2)}${target === undefined ? '' : `  (target ≥ ${target}: ${verdict(r >= target)})`}`);
    };
    ratio('slug via gateway', 'bare /slug', TARGETS.slug);
    ratio('category via gateway', 'bare /category', TARGETS.category);
    ratio('slug via gateway, Redis', 'bare /slug', TARGETS.slug);
    ratio('category via gateway, Redis', 'bare /category', TARGETS.category);
    ratio('search via gateway', 'bare /search');
    if (against) {
      ratio('slug via gateway, against', 'bare /slug');
      ratio('category via gateway, against', 'bare /category');
    }
    ratio('slug, edge cache off', 'bare /slug');
    ratio('bare /slug, proxied', 'bare /slug');
    for (const name of ['slug via gateway', 'category via gateway', 'slug via gateway, Redis', 'category via gateway, Redis']) {
      console.log(`  p99 ${name.padEnd(30)} ${p99(name).toFixed(1)} ms (target < ${P99_TARGET_MS} ms: ${verdict(p99(name) < P99_TARGET_MS)})`);
    }
    flagFailures(runs.values());
  } finally {
    await stopServers(servers);
    for (const db of dbs) await db.drop();
  }
}

if (ROLE === 'bench') {
  await bench();
} else if (ROLE === 'embedded') {
  const e = await startEmbedded(arg('db', ''), Number(arg('load', '0')));
  serveRole(e.urls, e.stop);
} else if (ROLE === 'catalog') {
  const c = await startCatalog(arg('db', ''), arg('cache', 'memory'), Number(arg('load', '0')));
  serveRole([c.svc.url], c.stop);
} else if (ROLE === 'bare') {
  serveRole([await startBare(JSON.parse(arg('files', '{}')) as Record<string, string>)]);
} else if (ROLE === 'bare-proxy') {
  serveRole([await startBareProxy(arg('upstream', ''))]);
} else {
  serveRole([await startGatewayFor(arg('catalog', ''), arg('cache', 'off'))]);
}

// Catalog reads with 10,000 products loaded: `GET /products/{slug}` and `GET /products?q=…`
// through the gateway, each against a bare Fastify route answering a fixed JSON body of the
// same size, in the same run. Targets: slug ≥ 0.35 × bare, search ≥ 0.15 × bare, p99 < 50 ms at
// 50 connections.
//
//   npm run bench:catalog [-- --products 10000 --connections 50 --duration 5 --warmup 3 --rounds 2]
//
// Processes: the catalog (on a fresh database on the PostgreSQL server, its read cache in
// memory as in the embedded mode), the gateway, the bare Fastify server, autocannon, and this
// script coordinating. The read cache is part of the product (reads are cached and invalidated
// by writes), so the headline figures are with it; the same paths are also measured against a
// second catalog process on the same database with the cache off, to show what a miss costs.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { catalogService } from '@mercato/catalog';
import { createLogger, MemoryBus, startService } from '@mercato/chassis';
import { createTestDatabase, createTestSigner, listenJwks, type TestDatabase } from '@mercato/chassis/testing';
import { startGateway } from '@mercato/gateway';
import { argText as arg } from './support/args.js';
import { startBareProxy } from './support/bare-proxy.js';
import { child, flagFailures, measurePaths, serveRole, stopServers, type Server } from './support/load.js';
import { syntheticProducts } from './support/synthetic-catalog.js';

const PRODUCTS = Number(arg('products', '10000'));
const CONNECTIONS = Number(arg('connections', '50'));
const DURATION_S = Number(arg('duration', '5'));
const WARMUP_S = Number(arg('warmup', '3'));
const ROUNDS = Number(arg('rounds', '2'));
const ROLE = arg('role', 'bench');
const TARGETS = { slug: 0.35, search: 0.15 };
const P99_TARGET_MS = 50;
const silent = (service: string) => createLogger({ service, level: 'silent' });
const SCRIPT = fileURLToPath(import.meta.url);

// ── server roles ──────────────────────────────────────────────────────────────────────────────

/** The catalog on `dbUrl`; with `--load N` it first imports N synthetic products through its API. */
async function startCatalogRole(dbUrl: string, cache: string, loadCount: number): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  const signer = createTestSigner();
  const jwks = await listenJwks([signer.jwk]);
  const bus = new MemoryBus();
  const svc = await startService(catalogService, {
    env: { LOG_LEVEL: 'silent', CATALOG_PORT: '0', CATALOG_DATABASE_URL: dbUrl, CATALOG_CACHE: cache, AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`, OUTBOX_POLL_MS: '60000' },
    bus,
    logger: silent('catalog'),
    // Reads only: the import's outbox rows are not relayed during the measurement.
    background: false,
  });
  bus.open();
  if (loadCount > 0) {
    const token = signer.sign({ sub: 'usr_01HBENCH0000000000000000000', roles: ['catalog_manager'] });
    const all = syntheticProducts(loadCount);
    const began = Date.now();
    for (let i = 0; i < all.length; i += 500) {
      const res = await svc.app.inject({
        method: 'POST',
        url: '/products/import',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ products: all.slice(i, i + 500) }),
      });
      if (res.statusCode !== 201) throw new Error(`import answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
    }
    // The bench measures reads: the outbox rows written by the import are not relayed here.
    process.stderr.write(`  loaded ${all.length} products in ${((Date.now() - began) / 1000).toFixed(1)} s\n`);
    await svc.db.query('VACUUM ANALYZE');
  }
  return {
    urls: [svc.url],
    stop: async () => {
      await svc.stop();
      await jwks.close();
    },
  };
}

/** A bare Fastify app answering fixed bodies read from files: no hooks, no validation, no logging. */
async function startBare(slugFile: string, searchFile: string): Promise<string> {
  const [slugBody, searchBody] = await Promise.all([readFile(slugFile, 'utf8'), readFile(searchFile, 'utf8')]);
  const app = Fastify({ logger: false });
  app.get('/slug', async (_req, reply) => reply.type('application/json; charset=utf-8').send(slugBody));
  app.get('/search', async (_req, reply) => reply.type('application/json; charset=utf-8').send(searchBody));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address() as { port: number };
  return `http://127.0.0.1:${addr.port}`;
}

async function startGatewayFor(catalogUrl: string): Promise<string> {
  const gw = await startGateway({
    logger: silent('gateway'),
    env: { GATEWAY_PORT: '0', LOG_LEVEL: 'silent', GATEWAY_RATE_LIMIT_IP: '0', GATEWAY_RATE_LIMIT_USER: '0' },
    upstreams: { catalog: catalogUrl },
  });
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
    const catalog = await child(SCRIPT, 'catalog', ['--db', db.url, '--cache', 'memory', '--load', String(PRODUCTS)]);
    servers.push(catalog);
    const gateway = await child(SCRIPT, 'gateway', ['--catalog', catalog.urls[0]!]);
    servers.push(gateway);
    const uncached = await child(SCRIPT, 'catalog', ['--db', db.url, '--cache', 'off', '--load', '0']);
    servers.push(uncached);
    const uncachedGateway = await child(SCRIPT, 'gateway', ['--catalog', uncached.urls[0]!]);
    servers.push(uncachedGateway);

    // A product from the middle of the catalog, and a query with typical results.
    const slug = syntheticProducts(PRODUCTS)[Math.floor(PRODUCTS / 2)]!.slug;
    const query = 'q=blue+cotton+shirt';
    const api = `${gateway.urls[0]}/api/v1`;
    const slugBody = await (await fetch(`${api}/products/${slug}`)).text();
    const searchRes = await fetch(`${api}/products?${query}`);
    const searchBody = await searchRes.text();
    if (!searchRes.ok) throw new Error(`search answered ${searchRes.status}: ${searchBody}`);
    const found = (JSON.parse(searchBody) as { items: unknown[] }).items.length;
    const dir = tmpdir();
    const slugFile = join(dir, `bench-catalog-slug-${process.pid}.json`);
    const searchFile = join(dir, `bench-catalog-search-${process.pid}.json`);
    await writeFile(slugFile, slugBody);
    await writeFile(searchFile, searchBody);
    const bare = await child(SCRIPT, 'bare', ['--slug-file', slugFile, '--search-file', searchFile]);
    servers.push(bare);
    // The yardstick for the hop itself: the bare route behind the least a Node proxy can do.
    const bareProxy = await child(SCRIPT, 'bare-proxy', ['--upstream', bare.urls[0]!]);
    servers.push(bareProxy);

    const paths: Array<[string, string, number[]]> = [
      ['bare /slug', `${bare.urls[0]}/slug`, [4]],
      ['bare /slug, proxied', `${bareProxy.urls[0]}/api/v1/slug`, [4, 5]],
      ['slug via gateway', `${api}/products/${slug}`, [0, 1]],
      ['bare /search', `${bare.urls[0]}/search`, [4]],
      ['search via gateway', `${api}/products?${query}`, [0, 1]],
      ['slug, cache off', `${uncachedGateway.urls[0]}/api/v1/products/${slug}`, [2, 3]],
      ['search, cache off', `${uncachedGateway.urls[0]}/api/v1/products?${query}`, [2, 3]],
    ];
    const names = ['catalog', 'gateway', 'catalog (no cache)', 'gateway (no cache)', 'bare', 'bare proxy'];
    console.log(
      `catalog reads, ${PRODUCTS} products: ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} at start), ${CONNECTIONS} connections, ` +
        `${ROUNDS} × ${DURATION_S} s per path after ${WARMUP_S} s warm-up; slug body ${slugBody.length} B, search body ${searchBody.length} B (${found} items + facets)`,
    );
    const { runs, rps, p99 } = await measurePaths(paths, { servers, names, connections: CONNECTIONS, seconds: DURATION_S, warmupSeconds: WARMUP_S, rounds: ROUNDS });
    const slugRatio = rps('slug via gateway') / rps('bare /slug');
    const searchRatio = rps('search via gateway') / rps('bare /search');
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log('');
    console.log(`  ratio slug via gateway / bare      ${slugRatio.toFixed(2)}  (target ≥ ${TARGETS.slug}: ${verdict(slugRatio >= TARGETS.slug)})`);
    console.log(`  ratio search via gateway / bare    ${searchRatio.toFixed(2)}  (target ≥ ${TARGETS.search}: ${verdict(searchRatio >= TARGETS.search)})`);
    for (const name of ['slug via gateway', 'search via gateway']) {
      console.log(`  p99 ${name.padEnd(30)} ${p99(name).toFixed(1)} ms (target < ${P99_TARGET_MS} ms: ${verdict(p99(name) < P99_TARGET_MS)})`);
    }
    console.log(`  ratio bare route behind a bare Node proxy / bare  ${(rps('bare /slug, proxied') / rps('bare /slug')).toFixed(2)}  (the ceiling for any route behind one proxy hop here)`);
    console.log(
      `  with the cache off: slug ${(rps('slug, cache off') / rps('bare /slug')).toFixed(2)} × bare, search ${(rps('search, cache off') / rps('bare /search')).toFixed(2)} × bare`,
    );
    flagFailures(runs.values());
  } finally {
    await stopServers(servers);
    for (const db of dbs) await db.drop();
  }
}

if (ROLE === 'bench') {
  await bench();
} else if (ROLE === 'catalog') {
  const c = await startCatalogRole(arg('db', ''), arg('cache', 'memory'), Number(arg('load', '0')));
  serveRole(c.urls, c.stop);
} else if (ROLE === 'bare') {
  serveRole([await startBare(arg('slug-file', ''), arg('search-file', ''))]);
} else if (ROLE === 'bare-proxy') {
  serveRole([await startBareProxy(arg('upstream', ''))]);
} else {
  serveRole([await startGatewayFor(arg('catalog', ''))]);
}

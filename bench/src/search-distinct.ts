// Search that is never a cache hit: every request a new pair of words and a new price filter, over
// a synthetic catalog of 10,000 products in 20 categories, through the gateway, facets included.
// Beside it, in the same run: a bare Fastify route answering a search body of the same size, the
// same bare route answering the same distinct URLs after one plain full-text count over the same
// products (the floor of a search through HTTP and PostgreSQL on this machine today: the ratio to
// it is the figure to compare across machines), and the same search repeated (answered by the
// edge cache).
// Targets: ≥ 600 requests/s and p99 < 50 ms at 10 connections.
//
//   npm run bench:search [-- --products 10000 --connections 10 --duration 5 --warmup 3 --rounds 2 --explain 1 --index off]
//   node --conditions=source --import tsx bench/src/search-distinct.ts --role compare --db <url> [--load 10000] --out <file>
//     (the answers of a fixed set of listings, to compare before and after a change, and CPU per search one at a time;
//     `--index off` answers every listing from PostgreSQL, the catalog's search index off)
//
// Processes: the catalog and the gateway in one (the embedded shape: read cache and edge cache in
// memory), the bare server, the load driver (autocannon, with a request builder that never
// repeats a URL), and this script coordinating. Each path's figures come with the CPU time per
// request of its server process and, for the shop, of the PostgreSQL backends of its database.
// `--explain 1` first prints EXPLAIN (ANALYZE, BUFFERS) of every statement of four distinct searches.
import { writeFile, readFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import { catalogService } from '@mercato/catalog';
import { createLogger, MemoryBus, startService } from '@mercato/chassis';
import { createTestDatabase, createTestSigner, listenJwks, type TestDatabase } from '@mercato/chassis/testing';
import { startGateway } from '@mercato/gateway';
import pg from 'pg';
import { argText as arg } from './support/args.js';
import { cpuMs } from './support/distributed.js';
import { child, serveRole, stopServers, type Server } from './support/load.js';
import { SYNTHETIC_CATEGORIES, syntheticProducts } from './support/synthetic-catalog.js';

const PRODUCTS = Number(arg('products', '10000'));
const CONNECTIONS = Number(arg('connections', '10'));
const DURATION_S = Number(arg('duration', '5'));
const WARMUP_S = Number(arg('warmup', '3'));
const ROUNDS = Number(arg('rounds', '2'));
const ROLE = arg('role', 'bench');
/** `--explain 1`: before the load, print EXPLAIN (ANALYZE, BUFFERS) of every statement of a few distinct searches. */
const EXPLAIN = arg('explain', '') !== '';
// `--index off`: the catalog answers every listing from PostgreSQL (its in-process search index off), to compare.
const INDEX_PRODUCTS = arg('index', 'on') === 'off' ? '0' : '50000';
const TARGET_RPS = 600;
const P99_TARGET_MS = 50;
const SCRIPT = fileURLToPath(import.meta.url);
const silent = (service: string) => createLogger({ service, level: 'silent' });
/** autocannon's programmatic API (it ships no types): what this script uses of it. */
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests?: Array<{ setupRequest: (req: Record<string, unknown>) => Record<string, unknown> }>;
}) => Promise<{ requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number }>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// Words shoppers type for this catalog: its colours, materials, styles and kinds, some misspelt.
const WORDS = [
  'blue', 'navy', 'red', 'green', 'black', 'white', 'grey', 'olive', 'sand', 'rust', 'teal', 'plum',
  'cotton', 'linen', 'wool', 'denim', 'leather', 'silk', 'canvas', 'suede', 'bamboo', 'cashmere', 'ceramic', 'oak', 'steel',
  'classic', 'slim', 'relaxed', 'everyday', 'heritage', 'urban', 'coastal', 'alpine', 'studio', 'vintage', 'modern', 'essential',
  'shirt', 'jacket', 'sweater', 'trousers', 'shorts', 'dress', 'skirt', 'hoodie', 'coat', 'sneakers', 'boots', 'backpack',
  'tote', 'scarf', 'beanie', 'mug', 'lamp', 'blanket', 'cushion', 'travel', 'office', 'summer', 'weekend',
  'jaket', 'swetter', 'lether', 'cotten', 'sneaker', 'blanket', 'bootz',
];

/** The i-th search: never the same URL twice (the price bound moves with i), a filter of each kind in turn. */
export function distinctSearch(i: number): string {
  const a = WORDS[(i * 7) % WORDS.length]!;
  const b = WORDS[(i * 13 + 5) % WORDS.length]!;
  const q = i % 3 === 0 ? a : `${a}+${b}`;
  const bound = 2_000 + i;
  switch (i % 4) {
    case 0:
      return `/api/v1/products?q=${q}&maxPrice=${bound * 10}`;
    case 1:
      return `/api/v1/products?q=${q}&minPrice=${i % 5000}`;
    case 2:
      return `/api/v1/products?q=${q}&category=${SYNTHETIC_CATEGORIES[i % SYNTHETIC_CATEGORIES.length]!.slug}&maxPrice=${bound * 10}`;
    default:
      return `/api/v1/products?q=${q}&currency=EUR&maxPrice=${bound * 10}`;
  }
}

// ── roles ─────────────────────────────────────────────────────────────────────────────────────

async function startCatalog(dbUrl: string, loadCount: number) {
  const signer = createTestSigner();
  const jwks = await listenJwks([signer.jwk]);
  const bus = new MemoryBus();
  const svc = await startService(catalogService, {
    env: { LOG_LEVEL: 'silent', CATALOG_PORT: '0', CATALOG_DATABASE_URL: dbUrl, CATALOG_CACHE: 'memory', REDIS_URL: '', AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`, OUTBOX_POLL_MS: '60000', CATALOG_SEARCH_INDEX_PRODUCTS: INDEX_PRODUCTS },
    bus,
    logger: silent('catalog'),
    background: false,
  });
  bus.open();
  const headers = { authorization: `Bearer ${signer.sign({ sub: 'usr_01HBENCH0000000000000000000', roles: ['catalog_manager'] })}`, 'content-type': 'application/json' };
  for (const c of loadCount === 0 ? [] : SYNTHETIC_CATEGORIES) {
    const res = await svc.app.inject({ method: 'POST', url: '/categories', headers, payload: JSON.stringify(c) });
    if (res.statusCode !== 201) throw new Error(`category answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  }
  const all = syntheticProducts(loadCount, { categories: true });
  if (loadCount > 0) {
    for (let i = 0; i < all.length; i += 500) {
      const res = await svc.app.inject({ method: 'POST', url: '/products/import', headers, payload: JSON.stringify({ products: all.slice(i, i + 500) }) });
      if (res.statusCode !== 201) throw new Error(`import answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    }
    await svc.db.query('VACUUM ANALYZE');
  }
  // The search index loads in the background after the first public listing: give it the time.
  await svc.app.inject({ method: 'GET', url: '/products?q=warm' });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return { svc, jwks, headers };
}

async function startShop(dbUrl: string, loadCount: number): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  const { svc, jwks } = await startCatalog(dbUrl, loadCount);
  if (EXPLAIN) await explainSearches(svc.db, (url) => svc.app.inject({ method: 'GET', url }).then((r) => r.statusCode));
  const gw = await startGateway({
    logger: silent('gateway'),
    env: { GATEWAY_PORT: '0', LOG_LEVEL: 'silent', GATEWAY_RATE_LIMIT_IP: '0', GATEWAY_RATE_LIMIT_USER: '0', REDIS_URL: '' },
    upstreams: { catalog: svc.url },
    catalogChanges: svc.changes,
  });
  return {
    urls: [gw.url],
    stop: async () => {
      await gw.stop();
      await svc.stop();
      await jwks.close();
    },
  };
}

type QueryFn = (text: unknown, values?: unknown) => Promise<unknown>;

/**
 * Runs a few distinct searches with every statement they issue explained first (EXPLAIN ANALYZE
 * runs the statement, so the plans carry real timings and buffers), and prints the plans.
 */
async function explainSearches(db: { query: unknown; pool: unknown }, get: (url: string) => Promise<number>): Promise<void> {
  const original = db.query as QueryFn;
  const plain: QueryFn = original.bind(db);
  const explain = async (sql: string, params: unknown) => {
    const { rows } = (await plain(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)) as { rows: Array<{ 'QUERY PLAN': string }> };
    console.log(`\n── ${sql.replace(/\s+/g, ' ').slice(0, 160)}…\n   ${JSON.stringify(params).slice(0, 300)}`);
    for (const r of rows) console.log(`   ${r['QUERY PLAN']}`);
  };
  const explained: QueryFn = async (text, values) => {
    const sql = typeof text === 'string' ? text : (text as { text: string }).text;
    await explain(sql, typeof text === 'string' ? values : (text as { values: unknown }).values);
    return plain(text, values);
  };
  // Prepared statements go to the pool as ready queries (with a callback): explained there (as
  // fresh statements, so with a custom plan).
  const pool = db.pool as unknown as { query: (...args: unknown[]) => unknown };
  const poolQuery = pool.query;
  pool.query = (...args: unknown[]) => {
    const [query, callback] = args;
    if (!(query instanceof pg.Query) || typeof callback !== 'function') return poolQuery.apply(pool, args);
    const { text, values } = query as unknown as { text: string; values: unknown[] };
    void explain(text, values).then(
      () => poolQuery.apply(pool, args),
      (err: unknown) => (callback as (err: unknown) => void)(err),
    );
    return undefined;
  };
  (db as { query: QueryFn }).query = explained;
  try {
    for (const i of [4, 5, 6, 7]) {
      const url = distinctSearch(i).replace('/api/v1', '');
      console.log(`\n═══ GET ${url}`);
      const t = Date.now();
      const status = await get(url);
      console.log(`═══ ${status} in ${Date.now() - t} ms (explains included)`);
    }
  } finally {
    (db as { query: QueryFn }).query = original;
    pool.query = poolQuery;
  }
}

/**
 * `--role compare --db <url> [--load 10000] --out <file> [--serial 600]`: the answers of a fixed
 * set of listings (distinct searches, every sort, cursors to the 4th page, stop words, typos, no
 * match, a manager's SKU search, an unknown category) written to `out`, one per line, to compare
 * byte for byte before and after a change over the same database (`--load` fills it once); then
 * `serial` distinct searches one at a time in the service (no gateway), with the CPU per search
 * of this process and of its PostgreSQL backends: steadier than a run under load.
 */
async function compare(dbUrl: string, loadCount: number, out: string, serial: number): Promise<void> {
  const { svc, jwks, headers } = await startCatalog(dbUrl, loadCount);
  try {
    const lines: string[] = [];
    const get = async (url: string, manager = false) => {
      const res = await svc.app.inject({ method: 'GET', url, headers: manager ? { authorization: headers.authorization } : {} });
      lines.push(`${url} ${res.statusCode} ${res.body.replace(/"instance":"req_[0-9A-Z]+"/, '"instance":"req"')}`);
      return res;
    };
    const urls: string[] = [];
    for (let i = 0; i < 300; i++) urls.push(distinctSearch(i).replace('/api/v1', ''));
    for (const sort of ['relevance', 'newest', 'price_asc', 'price_desc', 'rating']) {
      for (const i of [0, 1, 2, 3, 10, 11, 12, 13]) urls.push(`${distinctSearch(i).replace('/api/v1', '')}&sort=${sort}`);
      urls.push(`/products?sort=${sort === 'relevance' ? 'newest' : sort}&category=shirt`);
    }
    for (const q of ['the', 'the+and', 'the+blue', 'for+the+weekend', 'zzzqqq', 'jaket', 'swetter+wol', 'cotten+shrt', 'blu', 'b', 't-shirt', "o'neil", 'built+to+last']) {
      urls.push(`/products?q=${q}`, `/products?q=${q}&category=jacket`, `/products?q=${q}&minPrice=3000&maxPrice=9000&limit=5`);
    }
    urls.push('/products?q=dress&category=no-such-category', '/products?category=sneakers&currency=EUR&minPrice=2000');
    for (const url of urls) {
      let res = await get(url);
      // Later pages, to the 4th.
      for (let page = 2; page <= 4 && res.statusCode === 200; page++) {
        const next = (JSON.parse(res.body) as { nextCursor?: string | null }).nextCursor;
        if (!next) break;
        res = await get(`${url}&cursor=${next}`);
      }
    }
    for (const q of ['SYN-12', 'syn-4', 'SYN-999-XL', 'blue']) await get(`/products?q=${q}&status=any`, true);
    await writeFile(out, `${lines.join('\n')}\n`);
    console.log(`${lines.length} answers written to ${out}`);
    if (serial > 0) {
      const admin = new pg.Client({ connectionString: dbUrl });
      await admin.connect();
      const pids = async () => (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')).rows.map((r) => r.pid);
      const run = async (from: number, n: number) => {
        for (let i = from; i < from + n; i++) {
          const res = await svc.app.inject({ method: 'GET', url: distinctSearch(i).replace('/api/v1', '') });
          if (res.statusCode !== 200) throw new Error(`search answered ${res.statusCode}`);
        }
      };
      await run(2_000_000, 200);
      const before = new Map((await pids()).map((pid) => [pid, cpuMs(pid)]));
      const app0 = cpuMs(process.pid);
      const t0 = Date.now();
      await run(3_000_000, serial);
      const ms = Date.now() - t0;
      const app = ((cpuMs(process.pid) - app0) * 1000) / serial;
      let pgMs = 0;
      for (const pid of await pids()) pgMs += cpuMs(pid) - (before.get(pid) ?? 0);
      console.log(
        `${serial} distinct searches one at a time (load average ${loadavg()[0]!.toFixed(1)}): ${((ms * 1000) / serial).toFixed(0)} µs each; ` +
          `CPU µs per search: catalog ${app.toFixed(0)}, PostgreSQL ${((pgMs * 1000) / serial).toFixed(0)}`,
      );
      await admin.end();
    }
  } finally {
    await svc.stop();
    await jwks.close();
  }
}

async function startBare(file: string, dbUrl: string): Promise<string> {
  const body = await readFile(file, 'utf8');
  const app = Fastify({ logger: false });
  app.get('/search', async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
  // The same distinct URLs answered by one plain full-text count over the same products (a
  // statement of the kind a search runs, without the catalog), with the same body: what a
  // search costs at least through HTTP and PostgreSQL on this machine today.
  const pool = new pg.Pool({ connectionString: dbUrl, max: 10, options: '-c jit=off' });
  app.get('/api/v1/products', async (req, reply) => {
    const q = String((req.query as { q?: string }).q ?? '').split(/[^a-z]+/)[0] || 'shirt';
    await pool.query("SELECT count(*)::int AS n FROM products WHERE status = 'published' AND search @@ to_tsquery('english', $1)", [`${q}:*`]);
    return reply.type('application/json; charset=utf-8').send(body);
  });
  app.addHook('onClose', () => pool.end());
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

interface Figures {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU µs per request: the catalog's process (catalog and gateway in one) and its PostgreSQL backends. */
  cpuApp: number;
  cpuPg: number;
}

/** The load driver: autocannon in this process, `distinct` requests never repeating a URL. */
async function drive(url: string, seconds: number, distinct: boolean, offset: number): Promise<Figures> {
  let i = offset;
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: distinct ? [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: distinctSearch(i++) }) }] : undefined,
  });
  return { rps: r.requests.average, total: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors, cpuApp: 0, cpuPg: 0 };
}

/** CPU ms so far of each PostgreSQL backend connected to the bench database (by pid). */
async function backendsCpu(admin: pg.Client, dbName: string): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName]);
  return new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
}

/** One run of the driver, with the CPU the catalog process (`app`) and its database backends spent on it. */
async function driverRun(url: string, seconds: number, distinct: boolean, offset: number, app?: { pid: number; admin: pg.Client; db: string }): Promise<Figures> {
  const appBefore = app ? cpuMs(app.pid) : 0;
  const pgBefore = app ? await backendsCpu(app.admin, app.db) : new Map<number, number>();
  const s = await child(SCRIPT, 'driver', ['--url', url, '--seconds', String(seconds), '--distinct', String(distinct), '--offset', String(offset)]);
  const f = await new Promise<Figures>((resolve) => s.proc.once('exit', () => resolve(JSON.parse(s.urls[0]!) as Figures)));
  if (!app) return f;
  const pgAfter = await backendsCpu(app.admin, app.db);
  let pgMs = 0;
  for (const [pid, ms] of pgAfter) pgMs += ms - (pgBefore.get(pid) ?? 0);
  const total = Math.max(1, f.total);
  return { ...f, cpuApp: ((cpuMs(app.pid) - appBefore) * 1000) / total, cpuPg: (pgMs * 1000) / total };
}

// ── the coordinator ───────────────────────────────────────────────────────────────────────────

async function bench(): Promise<void> {
  const servers: Server[] = [];
  let db: TestDatabase | undefined;
  let admin: pg.Client | undefined;
  try {
    db = await createTestDatabase('bench_search');
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    console.log(`loading ${PRODUCTS} products…`);
    const shop = await child(SCRIPT, 'shop', ['--db', db.url, '--load', String(PRODUCTS), ...(EXPLAIN ? ['--explain', '1'] : []), '--index', arg('index', 'on')]);
    servers.push(shop);
    const app = { pid: shop.proc.pid!, admin, db: db.name };
    const sample = await fetch(`${shop.urls[0]}${distinctSearch(1)}`);
    const body = await sample.text();
    if (!sample.ok) throw new Error(`search answered ${sample.status}: ${body}`);
    const file = join(tmpdir(), `bench-search-${process.pid}.json`);
    await writeFile(file, body);
    const bare = await child(SCRIPT, 'bare', ['--file', file, '--db', db.url]);
    servers.push(bare);
    console.log(
      `search, ${PRODUCTS} products: ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} at start), ${CONNECTIONS} connections, ` +
        `${ROUNDS} × ${DURATION_S} s per path after ${WARMUP_S} s warm-up; a search body is ~${body.length} B (items + facets)`,
    );
    let offset = 1_000_000;
    const paths: Array<[string, string, boolean]> = [
      ['bare /search', `${bare.urls[0]}/search`, false],
      ['bare route + one full-text count', bare.urls[0]!, true],
      ['distinct searches via gateway', shop.urls[0]!, true],
      ['one search repeated (edge hit)', `${shop.urls[0]}${distinctSearch(1)}`, false],
    ];
    for (const [, url, distinct] of paths) {
      await driverRun(url, WARMUP_S, distinct, offset);
      offset += 1_000_000;
    }
    const runs = new Map<string, Figures[]>(paths.map(([name]) => [name, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, url, distinct] of paths) {
        // The pools close connections idle for 10 s (as while the other paths run): the warm-up
        // again first, so that a round measures connections that have prepared (and cached the
        // plans of) their statements, as a shop's connections under steady traffic have.
        if (r > 0) {
          await driverRun(url, WARMUP_S, distinct, offset);
          offset += 1_000_000;
        }
        runs.get(name)!.push(await driverRun(url, DURATION_S, distinct, offset, name.startsWith('bare') ? { ...app, pid: bare.proc.pid! } : app));
        offset += 1_000_000;
      }
    }
    const mean = (name: string, f: (x: Figures) => number) => runs.get(name)!.reduce((s, x) => s + f(x), 0) / runs.get(name)!.length;
    console.log('');
    for (const [name] of paths) {
      console.log(
        `  ${name.padEnd(32)} ${mean(name, (x) => x.rps).toFixed(0).padStart(6)} req/s  p50 ${mean(name, (x) => x.p50).toFixed(1)} ms  p99 ${mean(name, (x) => x.p99).toFixed(1)} ms` +
          (name === 'bare /search' ? `  CPU µs/request: bare ${mean(name, (x) => x.cpuApp).toFixed(0)}`
          : name.startsWith('bare') ? `  CPU µs/request: bare ${mean(name, (x) => x.cpuApp).toFixed(0)}, PostgreSQL ${mean(name, (x) => x.cpuPg).toFixed(0)}`
          : `  CPU µs/request: catalog ${mean(name, (x) => x.cpuApp).toFixed(0)}, PostgreSQL ${mean(name, (x) => x.cpuPg).toFixed(0)}`) +
          `  (rounds ${runs.get(name)!.map((x) => x.rps.toFixed(0)).join(' / ')})` +
          (runs.get(name)!.some((x) => x.failed > 0) ? `  ${runs.get(name)!.reduce((s, x) => s + x.failed, 0)} FAILED` : ''),
      );
    }
    const rps = mean('distinct searches via gateway', (x) => x.rps);
    const p99 = mean('distinct searches via gateway', (x) => x.p99);
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log('');
    console.log(`  distinct searches: ${rps.toFixed(0)} req/s (target ≥ ${TARGET_RPS}: ${verdict(rps >= TARGET_RPS)}), p99 ${p99.toFixed(1)} ms (target < ${P99_TARGET_MS}: ${verdict(p99 < P99_TARGET_MS)})`);
    console.log(`  ratio distinct / bare: ${(rps / mean('bare /search', (x) => x.rps)).toFixed(2)}`);
    const floor = 'bare route + one full-text count';
    const cpu = (name: string) => mean(name, (x) => x.cpuApp + x.cpuPg);
    console.log(
      `  ratio distinct / bare route + one full-text count: ${(rps / mean(floor, (x) => x.rps)).toFixed(2)} in req/s; ` +
        `CPU per request ${(cpu('distinct searches via gateway') / cpu(floor)).toFixed(2)} × (${cpu('distinct searches via gateway').toFixed(0)} against ${cpu(floor).toFixed(0)} µs)`,
    );
    const failed = [...runs.values()].flat().reduce((s, x) => s + x.failed, 0);
    if (failed > 0) {
      console.error(`  ${failed} requests failed or answered non-2xx: the figures above are not valid`);
      process.exitCode = 1;
    }
  } finally {
    await stopServers(servers);
    await admin?.end();
    await db?.drop();
  }
}

if (ROLE === 'bench') {
  await bench();
} else if (ROLE === 'shop') {
  const s = await startShop(arg('db', ''), Number(arg('load', '0')));
  serveRole(s.urls, s.stop);
} else if (ROLE === 'compare') {
  await compare(arg('db', ''), Number(arg('load', '0')), arg('out', ''), Number(arg('serial', '600')));
} else if (ROLE === 'bare') {
  serveRole([await startBare(arg('file', ''), arg('db', ''))]);
} else if (ROLE === 'driver') {
  const figures = await drive(arg('url', ''), Number(arg('seconds', '1')), arg('distinct', 'false') === 'true', Number(arg('offset', '0')));
  process.send!({ ready: [JSON.stringify(figures)] }, () => process.exit(0));
}

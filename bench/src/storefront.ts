// The storefront's server-side rendering through the gateway, beside a baseline in the same run:
// the product page as anonymous visitors get it (rendered at most once per 2 s window and shared,
// each answer with its own CSP nonce) and as a visitor with a cart gets it (rendered for every
// request: the product, its stock and reviews from the API, the currency, the cart), against a
// static Next.js page of about the same size served by the same web server through the same
// gateway. Also the JavaScript the product page sends.
// Targets: product ≥ 0.5 × static at 20 connections, p99 < 150 ms; product page JS ≤ 120 KB
// compressed.
//
//   npm run bench:storefront [-- --seconds 10 --connections 20 --warmup 2]
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { argNumber as arg } from './support/args.js';
import { load } from './support/load.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 20);
const WARMUP_S = arg('warmup', 2);
const PRODUCT = '/p/artisan-electric-kettle';
const STATIC = '/static/benchmark';
const NAMES = ['gateway', 'auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RunningShop {
  gateway: string;
  stop(): Promise<void>;
}

/** `npm start` with the demo shop on a fresh data folder and free ports; resolves when the shop answers. */
export async function startShop(): Promise<RunningShop> {
  const dir = await mkdtemp(join(tmpdir(), 'mercato-bench-web-'));
  await chmod(dir, 0o755);
  const readyFile = join(dir, 'ready.json');
  const ports = Object.fromEntries([...NAMES, 'web'].map((n) => [`${n.toUpperCase()}_PORT`, '0']));
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'apps/platform/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...ports, MERCATO_DATA_DIR: join(dir, 'data'), MERCATO_PG_PORT: String(40000 + Math.floor(Math.random() * 20000)), MERCATO_READY_FILE: readyFile, LOG_LEVEL: 'warn', GATEWAY_RATE_LIMIT_IP: '0', GATEWAY_RATE_LIMIT_USER: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const began = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the platform exited with ${child.exitCode}`);
    const ready = await readFile(readyFile, 'utf8').then((t) => JSON.parse(t) as { gateway: string }, () => undefined);
    if (ready && (await fetch(`${ready.gateway}/`).then((r) => r.ok, () => false))) {
      return {
        gateway: ready.gateway,
        async stop() {
          child.kill('SIGTERM');
          await new Promise((r) => child.once('exit', r));
          // A platform that had to be stopped hard may leave PostgreSQL's files a moment longer.
          await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 }).catch(() => undefined);
        },
      };
    }
    if (Date.now() - began > 300_000) throw new Error('the platform did not start within 300 s');
    await sleep(200);
  }
}

/** The JavaScript a page makes the browser load: every script of its HTML, gzip-compressed as served. */
export async function pageScripts(url: string): Promise<{ files: number; raw: number; gzip: number }> {
  const html = await (await fetch(url)).text();
  // Scripts marked noModule (polyfills for browsers without modules) are never loaded by a current browser.
  const srcs = [...new Set([...html.matchAll(/<script([^>]*)>/g)].filter((m) => !/noModule/i.test(m[1]!)).map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1]).filter((x): x is string => Boolean(x)))];
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 6 }).length;
  }
  return { files: srcs.length, raw, gzip };
}

async function main(): Promise<void> {
  const shop = await startShop();
  try {
    const product = `${shop.gateway}${PRODUCT}`;
    const baseline = `${shop.gateway}${STATIC}`;
    const [pSize, sSize] = await Promise.all([product, baseline].map(async (u) => (await (await fetch(u)).arrayBuffer()).byteLength));
    console.log(`product page ${(pSize! / 1024).toFixed(1)} KB, static page ${(sSize! / 1024).toFixed(1)} KB of HTML`);
    // A visitor with a cart (a cookie) gets the page rendered for them on every request: the
    // cost without the anonymous micro-cache.
    const withCart = { cookie: 'mercato_cart=crt_benchmarkbenchmarkbenchmarkbench' };
    // Warm each (the web server's caches, the JIT), unless --warmup 0, then measure each.
    if (WARMUP_S > 0) {
      await load(product, { seconds: WARMUP_S, connections: CONNECTIONS, servers: [] });
      await load(baseline, { seconds: WARMUP_S, connections: CONNECTIONS, servers: [] });
      await load(product, { seconds: WARMUP_S, connections: CONNECTIONS, servers: [], headers: withCart });
    }
    const s = await load(baseline, { seconds: SECONDS, connections: CONNECTIONS, servers: [] });
    const p = await load(product, { seconds: SECONDS, connections: CONNECTIONS, servers: [] });
    const r = await load(product, { seconds: SECONDS, connections: CONNECTIONS, servers: [], headers: withCart });
    const ratio = p.rps / s.rps;
    console.log(`\nthrough the gateway, ${CONNECTIONS} connections, ${SECONDS} s each:`);
    console.log(`  static Next.js page (baseline)             ${s.rps.toFixed(0).padStart(6)} req/s  p50 ${s.p50} ms  p99 ${s.p99} ms  failed ${s.failed}`);
    console.log(`  product page, anonymous visitors           ${p.rps.toFixed(0).padStart(6)} req/s  p50 ${p.p50} ms  p99 ${p.p99} ms  failed ${p.failed}`);
    console.log(`  product page, rendered per request (cart)  ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  failed ${r.failed}  (ratio ${(r.rps / s.rps).toFixed(2)})`);
    console.log(`  ratio ${ratio.toFixed(2)} (target ≥ 0.5): ${ratio >= 0.5 ? 'met' : 'NOT met'}; p99 ${p.p99} ms (target < 150 ms): ${p.p99 < 150 ? 'met' : 'NOT met'}`);
    const js = await pageScripts(product);
    console.log(`\nproduct page JavaScript: ${js.files} files, ${(js.raw / 1024).toFixed(1)} KB, ${(js.gzip / 1024).toFixed(1)} KB gzip (target ≤ 120 KB): ${js.gzip <= 120 * 1024 ? 'met' : 'NOT met'}`);
    if (p.failed > 0 || s.failed > 0 || r.failed > 0) process.exitCode = 1;
  } finally {
    await shop.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

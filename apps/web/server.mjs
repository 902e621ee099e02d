// The web app's server: Next.js behind a plain node:http server.
//   node server.mjs           production (needs `next build` first; the platform launcher makes it)
//   node server.mjs --dev     development, with hot reload
// Settings (environment): WEB_PORT (8089; 0 picks one), WEB_HOST (127.0.0.1), MERCATO_API_URL
// (the gateway the server side calls, e.g. http://gateway:8080), GATEWAY_FRONTEND_KEY (the key
// the gateway knows the web app by). Started by the launcher with an IPC channel, it reports its
// URL and takes the gateway's URL once the gateway listens.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer, request as httpRequest } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';

const dev = process.argv.includes('--dev');
const dir = dirname(fileURLToPath(import.meta.url));
// PORT is the name the container image uses.
const port = Number(process.env.WEB_PORT ?? process.env.PORT ?? 8089);
const host = process.env.WEB_HOST || '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Configuration error: WEB_PORT is invalid (got ${JSON.stringify(process.env.WEB_PORT)}); expected an integer from 0 to 65535`);
  process.exit(1);
}
if (!dev) process.env.NODE_ENV = 'production';
// The container image runs this server in Next's standalone tree, which has no next.config.mjs
// and only the parts of Next that serving needs: the configuration is the build's, as Next's own
// standalone server takes it.
if (!dev && !process.env.__NEXT_PRIVATE_STANDALONE_CONFIG && !existsSync(new URL('./next.config.mjs', import.meta.url))) {
  const built = JSON.parse(readFileSync(new URL('./.next/required-server-files.json', import.meta.url), 'utf8'));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(built.config);
}

// Per request, what the page told this server: whether a service it needed was unavailable (the
// error page Next answers 500 goes out as 503 with Retry-After instead), and whether it called
// pageNotFound() (see replaceAnswer).
const requests = new AsyncLocalStorage();
globalThis[Symbol.for('mercato.web.requests')] = requests;

// The page a shopper gets when a service the page needs is down, or the page failed (500): plain
// HTML (no script, so it shows whatever failed), the words from the message file, the same as
// the shop's error page says.
const messages = JSON.parse(readFileSync(new URL('./src/messages/en.json', import.meta.url), 'utf8'));
const escape = (t) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const unavailablePage = (nonce) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(messages['error.unavailable.title'])}</title><style${nonce ? ` nonce="${nonce}"` : ''}>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}@media (prefers-color-scheme:dark){body{background:#121412;color:#ecece6}a{color:#7fd1b4}}</style></head><body><h1>${escape(messages['error.unavailable.title'])}</h1><p>${escape(messages['error.unavailable.body'])}</p><p><a href="">${escape(messages['error.retry'])}</a></p></body></html>`;

let handle;
let upgrade;

// Micro-cache of the pages every anonymous visitor sees alike (home, categories, products without
// a query), for WEB_PAGE_CACHE_MS (2 s; 0 turns it off): a busy product page is rendered once per
// window, not once per visitor. Only for visitors with no session, cart or order cookie, keyed by
// path, currency and host; never for a response that sets a cookie. Each answer still gets a
// fresh CSP nonce: the cached nonce is replaced in the page and in the policy.
const PAGE_CACHE_MS = Number(process.env.WEB_PAGE_CACHE_MS ?? 2000);
const CACHEABLE = /^\/(?:(?:p|c)\/[a-z0-9-]{1,200})?$/;
const PERSONAL = /(?:^|;\s*)(?:mercato_at|mercato_rt|mercato_cart|mercato_checkout|mercato_order_[A-Za-z0-9_]+)=/;
const pageCache = new Map();

function pageCacheKey(req) {
  if (!(PAGE_CACHE_MS > 0) || req.method !== 'GET' || !CACHEABLE.test(req.url)) return undefined;
  const h = req.headers;
  if (h.rsc || h['next-router-state-tree'] || h['next-router-prefetch'] || h['next-action'] || h.authorization) return undefined;
  const cookie = h.cookie ?? '';
  if (PERSONAL.test(cookie)) return undefined;
  const currency = /(?:^|;\s*)mercato_currency=([A-Z]{3})/.exec(cookie)?.[1] ?? '';
  return `${req.url}|${currency}|${h['x-forwarded-proto'] ?? ''}|${h['x-forwarded-host'] ?? h.host ?? ''}`;
}

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/** Serves a cached page with a fresh nonce; false when there is none for the key. */
function serveCached(key, req, res) {
  const hit = pageCache.get(key);
  if (!hit || Date.now() - hit.at > PAGE_CACHE_MS) return false;
  const nonce = randomBytes(16).toString('base64');
  let body = Buffer.from(hit.nonce ? hit.body.replaceAll(hit.nonce, nonce) : hit.body);
  const headers = { ...hit.headers };
  if (hit.nonce) headers['content-security-policy'] = String(headers['content-security-policy']).replaceAll(hit.nonce, nonce);
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    body = gzipSync(body, { level: 4 });
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  res.writeHead(200, headers).end(body);
  return true;
}

/** Records the page Next renders for `key` (asked for uncompressed), if it may be shared. */
function recordPage(key, req, res) {
  delete req.headers['accept-encoding'];
  const chunks = [];
  const { write, end } = res;
  res.write = function (chunk, ...rest) {
    if (chunk) chunks.push(Buffer.from(chunk));
    return write.call(this, chunk, ...rest);
  };
  res.end = function (chunk, ...rest) {
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
    const type = String(res.getHeader('content-type') ?? '');
    if (res.statusCode === 200 && type.startsWith('text/html') && !res.getHeader('set-cookie') && !res.getHeader('content-encoding')) {
      const headers = {};
      for (const [k, v] of Object.entries(res.getHeaders())) if (!['content-length', 'date', 'etag', 'connection', 'keep-alive', 'transfer-encoding', 'x-request-id'].includes(k)) headers[k] = v;
      if (pageCache.size > 5000) pageCache.clear();
      pageCache.set(key, { at: Date.now(), headers, body: Buffer.concat(chunks).toString('utf8'), nonce: NONCE.exec(String(headers['content-security-policy'] ?? ''))?.[1] });
    }
    return end.call(this, chunk, ...rest);
  };
}

// Next answers a page that failed, and a page's own notFound() (an unknown product, category or
// order), with its error document: an <html> without lang and without content, which the browser
// fills in only once the scripts have run. A crawler, a reader without scripts, or an
// accessibility check that comes first gets an empty page. Both go out as whole pages instead:
// - a failure: the friendly page above, 503 with Retry-After when the page marked a service
//   unavailable, else the 500 it was;
// - a 404 from a page that called pageNotFound() (src/lib/runtime.ts): the not-found page Next
//   renders for an address no route matches (the root layout, its language and the page's
//   words), asked for over loopback;
// - a 403 from a page that called pageForbidden(): the back office's 403 page
//   (src/app/admin/no-access, rendered for this server's own request only), asked for over
//   loopback with the cookies the page saw, so that it is in the frame of the same user.
const VIEW_TOKEN = randomBytes(16).toString('hex');
const NOT_FOUND_PATH = '/_mercato/not-found';
const FORBIDDEN_PATH = '/admin/no-access';
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length', 'content-encoding']);

/**
 * One of this server's own pages, asked for over loopback for the shopper's host: `view` names it
 * (its path is chosen on arrival, from the token), `expected` is the status it answers with,
 * `status` the one it goes out with.
 */
function ownPage(req, view, expected, status, extra = {}) {
  const headers = { accept: 'text/html', 'x-mercato-view': `${VIEW_TOKEN} ${view}`, ...extra };
  for (const name of ['host', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-for', 'accept-language', 'user-agent']) {
    if (req.headers[name]) headers[name] = req.headers[name];
  }
  return new Promise((resolve, reject) => {
    const ask = httpRequest(url, { headers, timeout: 10_000 }, (page) => {
      const chunks = [];
      page.on('data', (c) => chunks.push(c));
      page.on('end', () => (page.statusCode === expected ? resolve({ status, headers: page.headers, body: Buffer.concat(chunks) }) : reject(new Error(`the ${view} page answered ${page.statusCode}`))));
      page.on('error', reject);
    });
    ask.on('timeout', () => ask.destroy(new Error(`the ${view} page timed out`)));
    ask.on('error', reject);
    ask.end();
  });
}

/** The friendly page, over the answer's own headers (the security headers, the policy's nonce). */
function friendlyPage(res, unavailable) {
  const headers = { ...res.getHeaders(), 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8' };
  delete headers.etag;
  delete headers['set-cookie'];
  if (unavailable) headers['retry-after'] = '5';
  const nonce = NONCE.exec(String(headers['content-security-policy'] ?? ''))?.[1];
  return { status: unavailable ? 503 : 500, headers, body: Buffer.from(unavailablePage(nonce)) };
}

/**
 * Watches an answer: once `instead(status)` gives a replacement for its status, the answer's
 * headers and body (which Next's compression layer may already have compressed) are held, and
 * the replacement goes out in its place, with its status and headers, the cookies the answer set,
 * and its body gzipped for a client that takes it. Should it not come, the answer goes out as it
 * was.
 */
function replaceAnswer(req, res, instead) {
  const { writeHead, flushHeaders, write, end } = res;
  const held = [];
  let replacement;
  const replacing = (status) => (replacement ??= res.headersSent ? undefined : instead(status)) !== undefined;
  res.writeHead = function (status, ...rest) {
    return replacing(status) ? this : writeHead.call(this, status, ...rest);
  };
  res.flushHeaders = function () {
    if (!replacing(res.statusCode)) flushHeaders.call(this);
  };
  res.write = function (chunk, ...rest) {
    if (!replacing(res.statusCode)) return write.call(this, chunk, ...rest);
    if (chunk?.length) held.push(Buffer.from(chunk));
    return true;
  };
  res.end = function (chunk, ...rest) {
    if (!replacing(res.statusCode)) return end.call(this, chunk, ...rest);
    const done = typeof chunk === 'function' ? chunk : rest.find((a) => typeof a === 'function');
    if (typeof chunk !== 'function' && chunk?.length) held.push(Buffer.from(chunk));
    replacement().then(
      ({ status, headers, body }) => {
        const cookies = res.getHeader('set-cookie');
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        for (const [k, v] of Object.entries(headers)) if (!HOP_BY_HOP.has(k) && v !== undefined) res.setHeader(k, v);
        if (cookies) res.setHeader('set-cookie', [...[headers['set-cookie'] ?? []].flat(), ...[cookies].flat()]);
        if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
          body = gzipSync(body, { level: 4 });
          res.setHeader('content-encoding', 'gzip');
        }
        res.setHeader('content-length', body.length);
        writeHead.call(res, status);
        end.call(res, req.method === 'HEAD' ? undefined : body, done);
      },
      (err) => {
        console.error(JSON.stringify({ service: 'web', msg: 'replacement page unavailable', err: String(err?.message ?? err) }));
        writeHead.call(res, res.statusCode);
        end.call(res, Buffer.concat(held), done);
      },
    );
    return this;
  };
}

// What this server leaves out of the console, in one filter:
// - the warm-up below renders pages while the platform is still starting: what fails in them for
//   want of the API is expected, not worth an error line. Its requests carry this process's token;
// - Next warns that `next start` does not fit `output: standalone`; this server is not `next start`
//   (the standalone tree is the container image's), so that one warning is left out.
const WARM_UP_TOKEN = randomBytes(16).toString('hex');
const NOT_NEXT_START = 'does not work with "output: standalone"';
const leftOut = (args) => requests.getStore()?.warmUp === true || args.some((a) => typeof a === 'string' && a.includes(NOT_NEXT_START));
for (const level of ['error', 'warn']) {
  const write = console[level].bind(console);
  console[level] = (...args) => {
    if (!leftOut(args)) write(...args);
  };
}

// The methods the pages (GET, HEAD), their forms and server actions (POST) take. Any other
// (TRACE made Next fail with a 500, PUT, DELETE …) is refused here, before Next, with what is allowed.
const METHODS = new Set(['GET', 'HEAD', 'POST']);
const ALLOW = 'GET, HEAD, POST';

const server = createServer((req, res) => {
  if (!METHODS.has(req.method)) {
    const headers = { allow: ALLOW, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    if (req.method === 'OPTIONS') res.writeHead(204, headers).end();
    else res.writeHead(405, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end(`${req.method} is not allowed here; allowed: ${ALLOW}\n`);
    return;
  }
  if (!handle) {
    res.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain' }).end('starting');
    return;
  }
  // Only this server asks for its own pages (ownPage); from outside the header is dropped. The
  // 403 page renders only when the request state says it is this server's (see runtime.ts).
  const view = req.headers['x-mercato-view'];
  delete req.headers['x-mercato-view'];
  const forbiddenView = view === `${VIEW_TOKEN} forbidden`;
  if (view === `${VIEW_TOKEN} not-found`) req.url = NOT_FOUND_PATH;
  else if (forbiddenView) req.url = FORBIDDEN_PATH;
  const key = pageCacheKey(req);
  if (key && serveCached(key, req, res)) return;
  const state = { unavailable: false, forbiddenView, warmUp: req.headers['x-mercato-warm-up'] === WARM_UP_TOKEN };
  if (key) recordPage(key, req, res);
  const page = (req.method === 'GET' || req.method === 'HEAD') && !req.headers.rsc && !req.headers['next-action'];
  replaceAnswer(req, res, (status) => {
    if (status >= 500 && (state.unavailable || (page && status === 500))) return async () => friendlyPage(res, state.unavailable);
    if (status === 404 && state.notFound === true && page && req.method === 'GET') return () => ownPage(req, 'not-found', 404, 404);
    if (status === 403 && state.forbidden && page && req.method === 'GET') return () => ownPage(req, 'forbidden', 200, 403, state.forbidden.cookie ? { cookie: state.forbidden.cookie } : {});
    return undefined;
  });
  requests.run(state, () => {
    handle(req, res).catch((err) => {
      console.error(JSON.stringify({ service: 'web', msg: 'request failed', err: String(err?.message ?? err) }));
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
});
server.keepAliveTimeout = 72_000;
server.on('upgrade', (req, socket, headOf) => (upgrade ? upgrade(req, socket, headOf) : socket.destroy()));

// Next is made once the port is known: it calls itself on it (e.g. for a server action's redirect).
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, host, resolve);
});
const bound = server.address();
const url = `http://${bound.address === '0.0.0.0' ? '127.0.0.1' : bound.address}:${bound.port}`;
const app = next({ dev, dir, hostname: bound.address, port: bound.port, quiet: false });
await app.prepare();
handle = app.getRequestHandler();
if (dev) upgrade = app.getUpgradeHandler();
// Load the code of the pages shoppers open first now, while the platform is still starting,
// rather than on the first shopper's request (what they render without the API is discarded).
if (!dev) {
  for (const path of ['/', '/p/warm-up', '/c/warm-up']) {
    fetch(`${url}${path}`, { headers: { 'x-mercato-warm-up': WARM_UP_TOKEN } }).then((r) => r.arrayBuffer(), () => undefined).catch(() => undefined);
  }
}
if (process.send) process.send({ type: 'listening', url });
else console.log(`mercato web ${dev ? '(development) ' : ''}listening on ${url}; API at ${process.env.MERCATO_API_URL ?? '(MERCATO_API_URL not set)'}`);

process.on('message', (m) => {
  if (m && m.type === 'api' && typeof m.url === 'string') process.env.MERCATO_API_URL = m.url;
  if (m && m.type === 'stop') stop();
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The launcher's death ends this process too (no orphan holding the port).
process.on('disconnect', stop);

import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createHttpApp, createLogger, parseTraceparent, type HttpApp } from '@mercato/chassis';
import { eventually } from '@mercato/chassis/testing';
import { Type } from '@sinclair/typebox';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { bytes, deadUrl, listenGarbage, listenHttp, raw, readAll, sha256, withDeadline, type Listening } from './upstreams.js';

const LIMIT = 4 * 1024 * 1024;
const UPSTREAM_TIMEOUT_MS = 600;
const CONNECT_TIMEOUT_MS = 1_000;
const logger = createLogger({ service: 'test', level: process.env.LOG_LEVEL ?? 'silent' });

/** A chassis service (so it serves /openapi.json) with the routes the tests call. */
async function chassisUpstream(service: string, routes: (app: HttpApp) => void): Promise<{ app: HttpApp; url: string }> {
  const app = await createHttpApp({ service, logger, requireOperations: false });
  routes(app);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

describe('gateway', () => {
  let gw: RunningGateway;
  let catalog: { app: HttpApp; url: string };
  let order: { app: HttpApp; url: string };
  let review: Listening;
  let inventory: Listening;
  let notification: Listening;
  let auth: Listening;
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  let notificationCalls = 0;
  let releaseStream: () => void = () => {};
  let uploadFirstChunk: () => void = () => {};
  const firstChunkSeen = new Promise<void>((r) => (uploadFirstChunk = r));

  before(async () => {
    catalog = await chassisUpstream('catalog', (app) => {
      app.get('/products/ping', { schema: { response: { 200: Type.Object({ pong: Type.Boolean() }) } } }, async () => ({ pong: true }));
      app.get('/categories', async (req) => ({ url: req.url, headers: req.headers }));
    });
    order = await chassisUpstream('order', (app) => {
      app.post(
        '/orders',
        { schema: { body: Type.Object({ cartId: Type.String({ maxLength: 40 }) }, { additionalProperties: false }) } },
        async (req, reply) => reply.code(201).send({ id: 'ord_1', cartId: req.body.cartId }),
      );
      app.get('/orders/slow', async () => {
        await new Promise((r) => setTimeout(r, UPSTREAM_TIMEOUT_MS * 3));
        return { late: true };
      });
    });
    // A plain server for what a framework would smooth over: streams, odd headers.
    review = await listenHttp(async (req, res) => {
      seen.push({ url: req.url!, headers: req.headers });
      if (req.url === '/reviews/upload') {
        let n = 0;
        const hash = (await import('node:crypto')).createHash('sha256');
        for await (const c of req) {
          if (n === 0) uploadFirstChunk();
          n += (c as Buffer).length;
          hash.update(c as Buffer);
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes: n, sha256: hash.digest('hex') }));
      } else if (req.url?.startsWith('/reviews/download')) {
        const size = Number(new URL(req.url, 'http://x').searchParams.get('bytes'));
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const data = bytes(size);
        for (let off = 0; off < size; off += 64 * 1024) {
          if (!res.write(data.subarray(off, off + 64 * 1024))) await new Promise((r) => res.once('drain', r));
        }
        res.end();
      } else if (req.url === '/reviews/stream') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first-chunk;');
        releaseStream = () => res.end('rest');
      } else if (req.url === '/reviews/headers') {
        await readAll(req);
        res.writeHead(200, {
          'content-type': 'application/json',
          connection: 'keep-alive, x-hop-res',
          'keep-alive': 'timeout=5',
          'x-hop-res': 'secret',
          'proxy-authenticate': 'Basic',
          'x-kept': 'yes',
        });
        res.end(JSON.stringify({ headers: req.headers }));
      } else {
        res.writeHead(404).end();
      }
    });
    inventory = await listenGarbage();
    notification = await listenHttp((req, res) => {
      if (req.url !== '/readyz') notificationCalls++;
      res.writeHead(503, { 'content-type': 'application/problem+json' }).end('{"code":"not_ready","title":"x","status":503}');
    });
    auth = await listenHttp((req, res) => {
      if (req.url === '/.well-known/jwks.json') res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":[]}');
      else res.writeHead(404).end();
    });
    const stopped = await deadUrl();
    gw = await startGateway({
      logger,
      env: {
        GATEWAY_PORT: '0',
        HTTP_BODY_LIMIT_BYTES: String(LIMIT),
        GATEWAY_UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
        GATEWAY_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
        GATEWAY_BREAKER_FAILURES: '3',
        GATEWAY_BREAKER_FIRST_RETRY_MS: '60000',
        GATEWAY_BREAKER_RESET_MS: '60000',
        // Every upstream named, so nothing on the default ports of this machine is called.
        AUTH_URL: auth.url,
        USER_URL: stopped,
        CATALOG_URL: catalog.url,
        INVENTORY_URL: inventory.url,
        ORDER_URL: order.url,
        PAYMENT_URL: stopped,
        REVIEW_URL: review.url,
        NOTIFICATION_URL: notification.url,
      },
    });
  });

  after(async () => {
    releaseStream();
    // As the launcher does: the HTTP side first, then everything.
    await gw?.closeHttp();
    await gw?.stop();
    await Promise.all([catalog?.app.close(), order?.app.close(), review?.close(), inventory?.close(), notification?.close(), auth?.close()]);
  });

  it('routes by segment and strips the /api/v1 prefix', async () => {
    const ping = await fetch(`${gw.url}/api/v1/products/ping`);
    assert.equal(ping.status, 200);
    assert.deepEqual(await ping.json(), { pong: true });
    const cats = await fetch(`${gw.url}/api/v1/categories?depth=2&x=a%20b`);
    const body = (await cats.json()) as { url: string };
    assert.equal(body.url, '/categories?depth=2&x=a%20b');
    const created = await fetch(`${gw.url}/api/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"cartId":"cart_9"}' });
    assert.equal(created.status, 201);
    assert.deepEqual(await created.json(), { id: 'ord_1', cartId: 'cart_9' });
    const jwks = await fetch(`${gw.url}/.well-known/jwks.json`);
    assert.deepEqual(await jwks.json(), { keys: [] });
    // The upstream's own validation answers through the gateway untouched.
    const invalid = await fetch(`${gw.url}/api/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"nope":1}' });
    assert.equal(invalid.status, 400);
    assert.equal(((await invalid.json()) as { code: string }).code, 'invalid_data');
  });

  it('answers 404 for an unknown segment and 400 for a path that tries to leave its service', async () => {
    const unknown = await fetch(`${gw.url}/api/v1/ops/dead-letters`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    const escape = await raw(gw.url, { path: '/api/v1/reviews/../ops/dead-letters' });
    assert.equal(escape.status, 400);
    assert.equal(JSON.parse(escape.body.toString()).code, 'bad_path');
    assert.ok(!seen.some((s) => s.url.includes('ops')));
  });

  it('streams a large request body to the upstream as it arrives', async () => {
    const data = bytes(3 * 1024 * 1024, 11);
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const u = new URL(`${gw.url}/api/v1/reviews/upload`);
      const req = httpRequest({ host: u.hostname, port: u.port, method: 'POST', path: u.pathname, headers: { 'content-type': 'application/octet-stream' } }, (r) => {
        void readAll(r).then((b) => resolve({ status: r.statusCode!, body: b.toString() }), reject);
      });
      req.on('error', reject);
      // Chunked, and the rest only once the upstream has the first part: a buffering proxy would stall here.
      req.write(data.subarray(0, 64 * 1024));
      withDeadline(firstChunkSeen, 5_000, 'upload streaming').then(() => req.end(data.subarray(64 * 1024)), reject);
    });
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), { bytes: data.length, sha256: sha256(data) });
  });

  it('streams a large response body back, starting before the upstream has finished', async () => {
    const size = 20 * 1024 * 1024;
    const big = await fetch(`${gw.url}/api/v1/reviews/download?bytes=${size}`);
    const buf = Buffer.from(await big.arrayBuffer());
    assert.equal(buf.length, size);
    assert.equal(sha256(buf), sha256(bytes(size)));

    const res = await fetch(`${gw.url}/api/v1/reviews/stream`);
    const reader = res.body!.getReader();
    const first = await withDeadline(reader.read(), 5_000, 'download streaming');
    assert.equal(Buffer.from(first.value!).toString(), 'first-chunk;');
    releaseStream();
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += Buffer.from(r.value).toString();
    assert.equal(rest, 'rest');
  });

  it('strips hop-by-hop headers both ways and sets X-Forwarded-*', async () => {
    const res = await raw(gw.url, {
      method: 'POST',
      path: '/api/v1/reviews/headers',
      headers: {
        host: 'shop.example:8080',
        connection: 'keep-alive, x-hop-req',
        'keep-alive': 'timeout=5',
        'x-hop-req': 'secret',
        te: 'trailers',
        'proxy-authorization': 'Basic eDp5',
        'x-forwarded-for': '6.6.6.6',
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
      body: '{}',
    });
    assert.equal(res.status, 200);
    const up = (JSON.parse(res.body.toString()) as { headers: IncomingHttpHeaders }).headers;
    for (const h of ['x-hop-req', 'te', 'proxy-authorization', 'keep-alive']) assert.equal(up[h], undefined, h);
    assert.notEqual(up.host, 'shop.example:8080');
    assert.equal(up['x-forwarded-for'], '127.0.0.1');
    assert.equal(up['x-forwarded-proto'], 'http');
    assert.equal(up['x-forwarded-host'], 'shop.example:8080');
    for (const h of ['x-hop-res', 'proxy-authenticate']) assert.equal(res.headers[h], undefined, h);
    // The gateway's own connection may be kept alive; the upstream's terms are not passed on.
    assert.notEqual(res.headers['keep-alive'], 'timeout=5');
    assert.equal(res.headers['x-kept'], 'yes');
  });

  it('propagates the trace (same trace id, new span) and the request id', async () => {
    const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const res = await raw(gw.url, { method: 'POST', path: '/api/v1/reviews/headers', headers: { traceparent: incoming, 'x-request-id': 'req_trace_1' } });
    const up = (JSON.parse(res.body.toString()) as { headers: IncomingHttpHeaders }).headers;
    const sent = parseTraceparent(up.traceparent as string);
    assert.ok(sent);
    assert.equal(sent.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.notEqual(sent.parentId, '00f067aa0ba902b7');
    assert.equal(up['x-request-id'], 'req_trace_1');
    assert.equal(res.headers['x-request-id'], 'req_trace_1');
    assert.equal(parseTraceparent(res.headers.traceparent as string)?.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('answers 413 for a body over the limit, declared or streamed, without sending it on', async () => {
    const before = seen.length;
    // Only the declared length is sent in full: the gateway answers from the header alone.
    const declared = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const u = new URL(`${gw.url}/api/v1/reviews/upload`);
      const req = httpRequest({ host: u.hostname, port: u.port, method: 'POST', path: u.pathname, headers: { 'content-length': LIMIT + 1 } }, (r) => {
        void readAll(r).then((b) => {
          resolve({ status: r.statusCode!, body: b.toString() });
          req.destroy();
        }, reject);
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    assert.equal(declared.status, 413);
    assert.equal(JSON.parse(declared.body).code, 'payload_too_large');
    assert.equal(seen.length, before);
    const streamed = await raw(gw.url, { method: 'POST', path: '/api/v1/reviews/upload', headers: { 'transfer-encoding': 'chunked' }, body: Buffer.alloc(LIMIT + 1024) });
    assert.equal(streamed.status, 413);
    assert.equal(JSON.parse(streamed.body.toString()).code, 'payload_too_large');
  });

  it('answers 503 problem+json at once for a stopped service', async () => {
    const started = performance.now();
    const res = await fetch(`${gw.url}/api/v1/payments/pay_1`);
    const elapsed = performance.now() - started;
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    const body = (await res.json()) as { code: string; detail: string; instance: string };
    assert.equal(body.code, 'upstream_unavailable');
    assert.match(body.detail, /payment is unreachable/);
    assert.equal(body.instance, res.headers.get('x-request-id'));
    assert.ok(elapsed < CONNECT_TIMEOUT_MS, `took ${elapsed} ms`);
  });

  it('answers 504 for a slow upstream at the upstream timeout', async () => {
    const started = performance.now();
    const res = await fetch(`${gw.url}/api/v1/orders/slow`);
    const elapsed = performance.now() - started;
    assert.equal(res.status, 504);
    assert.equal(((await res.json()) as { code: string }).code, 'upstream_timeout');
    // The HTTP client's timers are coarse (they may fire somewhat before a sub-second limit):
    // what matters is that the gateway waited for the upstream, then answered, and did not hang.
    assert.ok(elapsed >= UPSTREAM_TIMEOUT_MS * 0.75 && elapsed < UPSTREAM_TIMEOUT_MS * 2, `took ${elapsed} ms`);
  });

  it('answers 502 for an upstream that does not speak HTTP', async () => {
    const res = await fetch(`${gw.url}/api/v1/inventory/availability?sku=a`);
    assert.equal(res.status, 502);
    assert.equal(((await res.json()) as { code: string }).code, 'bad_gateway');
  });

  it('opens the breaker after repeated failures and then answers 503 without calling', async () => {
    // Its 503s count: its own readiness fails too (the stand-in answers 503 to everything).
    for (let i = 0; i < 3; i++) assert.equal((await fetch(`${gw.url}/api/v1/notifications/preferences`)).status, 503);
    assert.equal(notificationCalls, 3);
    await eventually(() => gw.breakers().find((b) => b.name === 'notification (notifications)')?.state === 'open', 3_000, 10);
    const started = performance.now();
    const res = await fetch(`${gw.url}/api/v1/notifications/preferences`);
    assert.ok(performance.now() - started < 200);
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '60');
    const body = (await res.json()) as { code: string; detail: string };
    assert.equal(body.code, 'upstream_unavailable');
    assert.match(body.detail, /circuit open/);
    assert.equal(notificationCalls, 3);
  });

  it('merges the services’ OpenAPI documents under /api/v1 and notes the missing ones', async () => {
    const res = await fetch(`${gw.url}/api/v1/openapi.json`);
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { paths: Record<string, unknown>; tags: { name: string }[]; 'x-unavailable': { service: string }[] };
    assert.ok(doc.paths['/api/v1/products/ping'], 'catalog path');
    assert.ok(doc.paths['/api/v1/orders'], 'order path');
    assert.ok(doc.paths['/api/v1/openapi.json'], "the gateway's own route");
    assert.ok(!Object.keys(doc.paths).some((p) => !p.startsWith('/api/v1/') && p !== '/.well-known/jwks.json'));
    assert.deepEqual(doc.tags.map((t) => t.name), ['gateway', 'catalog', 'order']);
    const missing = doc['x-unavailable'].map((u) => u.service);
    for (const s of ['auth', 'user', 'inventory', 'payment', 'review', 'notification']) assert.ok(missing.includes(s), s);
  });

  it('serves the API reference page and its assets from the gateway itself', async () => {
    const page = await fetch(`${gw.url}/docs`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    assert.match(html, /swagger-ui-bundle\.js/);
    assert.doesNotMatch(html, /https?:\/\//);
    const bundle = await fetch(`${gw.url}/docs/static/swagger-ui-bundle.js`);
    assert.equal(bundle.status, 200);
    assert.ok((await bundle.arrayBuffer()).byteLength > 100_000);
    const spec = (await (await fetch(`${gw.url}/docs/json`)).json()) as { paths: Record<string, unknown> };
    assert.ok(spec.paths['/api/v1/products/ping']);
  });
});

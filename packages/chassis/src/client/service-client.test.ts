import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { childTraceparent, parseTraceparent, runWithContext } from '../context.js';
import { DomainError, UpstreamError } from '../errors.js';
import { CircuitOpenError } from './circuit-breaker.js';
import { createServiceClient } from './service-client.js';
import { eventually } from '../testing/index.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A real upstream on a free local port whose behaviour each test sets (readiness probes counted apart). */
function upstream() {
  const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const probes = { count: 0, ready: true };
  let handler: Handler = (_req, res) => res.end();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url === '/readyz') {
        probes.count++;
        return json(res, probes.ready ? 200 : 503, {});
      }
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  return {
    seen,
    probes,
    set: (h: Handler) => (handler = h),
    async start() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

describe('createServiceClient', () => {
  const up = upstream();
  let baseUrl = '';
  before(async () => {
    baseUrl = await up.start();
  });
  after(() => up.stop());
  beforeEach(() => {
    up.seen.length = 0;
    up.probes.ready = true;
  });

  it('returns status, headers and the parsed body, with the query serialised', async () => {
    up.set((_req, res) => json(res, 200, { items: [1, 2] }));
    const client = createServiceClient({ name: 'catalog', baseUrl: `${baseUrl}/` });
    const res = await client.get<{ items: number[] }>('/products', { query: { sku: ['a', 'b'], limit: 2, cursor: undefined } });
    assert.equal(res.ok, true);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { items: [1, 2] });
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.equal(up.seen[0]!.url, '/products?sku=a&sku=b&limit=2');
  });

  it('times out with a 504 within the time limit, and does not retry the timeout', async () => {
    up.set(() => {}); // never answers
    const client = createServiceClient({ name: 'catalog', baseUrl, timeoutMs: 200, retries: 2, retryBaseMs: 1 });
    const started = performance.now();
    const err = await client.get('/slow').catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    assert.ok(err instanceof UpstreamError);
    assert.equal(err.status, 504);
    assert.equal(err.type, 'upstream_timeout');
    assert.ok(elapsed >= 190 && elapsed < 1_000, `took ${elapsed} ms`);
    assert.equal(up.seen.length, 1);
  });

  it('retries an idempotent GET after two 503s and succeeds', async () => {
    let calls = 0;
    up.set((_req, res) => (++calls <= 2 ? json(res, 503, { code: 'not_ready', title: 'x', status: 503 }) : json(res, 200, { id: 'p1' })));
    const client = createServiceClient({ name: 'catalog', baseUrl, retries: 2, retryBaseMs: 1 });
    const res = await client.get<{ id: string }>('/products/p1');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { id: 'p1' });
    assert.equal(up.seen.length, 3);
    // Each attempt is its own span.
    assert.equal(new Set(up.seen.map((s) => s.headers.traceparent)).size, 3);
  });

  it('does not retry a POST, and hands its 503 back as a result', async () => {
    up.set((_req, res) => json(res, 503, { type: 'urn:mercato:problem:shutting_down', code: 'shutting_down', title: 'Service unavailable', status: 503 }, 'application/problem+json'));
    const client = createServiceClient({ name: 'order', baseUrl, retries: 3, retryBaseMs: 1 });
    const res = await client.post('/orders', { cartId: 'c1' });
    assert.equal(res.ok, false);
    assert.equal(res.status, 503);
    if (!res.ok) assert.equal(res.body.code, 'shutting_down');
    assert.equal(up.seen.length, 1);
    assert.deepEqual(JSON.parse(up.seen[0]!.body), { cartId: 'c1' });
    assert.equal(up.seen[0]!.headers['content-type'], 'application/json');
  });

  it('retries a POST that carries an idempotency key, with the same key each time', async () => {
    let calls = 0;
    up.set((_req, res) => (++calls === 1 ? json(res, 502, {}) : json(res, 201, { id: 'o1' })));
    const client = createServiceClient({ name: 'order', baseUrl, retries: 2, retryBaseMs: 1 });
    const res = await client.post('/checkout', { cartId: 'c1' }, { idempotencyKey: 'key-1' });
    assert.equal(res.status, 201);
    assert.deepEqual(
      up.seen.map((s) => s.headers['idempotency-key']),
      ['key-1', 'key-1'],
    );
  });

  it('opens the breaker after N failures and then fails fast without calling the upstream', async () => {
    // Unavailable, and not ready either: its 503s are the upstream's own (its /readyz says so).
    up.set((_req, res) => json(res, 503, {}));
    up.probes.ready = false;
    const client = createServiceClient({ name: 'payment', baseUrl, retries: 0, breaker: { failureThreshold: 3, firstRetryMs: 60_000 } });
    for (let i = 0; i < 3; i++) assert.equal((await client.get('/payments/x')).status, 503);
    await eventually(() => client.breaker.state === 'open', 2_000, 5);
    up.seen.length = 0;
    const started = performance.now();
    const err = await client.get('/payments/x').catch((e: unknown) => e);
    assert.ok(performance.now() - started < 50);
    assert.ok(err instanceof CircuitOpenError);
    assert.equal(err.status, 503);
    assert.equal(err.type, 'upstream_unavailable');
    assert.equal(up.seen.length, 0);
  });

  it("does not count 503s against the upstream while its /readyz says it is ready (the call's own doing)", async () => {
    up.set((_req, res) => json(res, 503, { code: 'busy', title: 'Busy', status: 503 }));
    const client = createServiceClient({ name: 'auth', baseUrl, retries: 0, breaker: { failureThreshold: 2 } });
    for (let i = 0; i < 6; i++) assert.equal((await client.get('/auth/login')).status, 503);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(client.breaker.state, 'closed');
    assert.ok(up.probes.count > 0, 'the readiness was asked');
  });

  it('maps a refused connection to 503 upstream_unavailable', async () => {
    const dead = upstream();
    const deadUrl = await dead.start();
    await dead.stop();
    const client = createServiceClient({ name: 'review', baseUrl: deadUrl, retries: 1, retryBaseMs: 1 });
    const err = await client.get('/reviews').catch((e: unknown) => e);
    assert.ok(err instanceof UpstreamError);
    assert.equal(err.status, 503);
    assert.equal(err.type, 'upstream_unavailable');
    assert.match(err.message, /review is unreachable \(ECONNREFUSED\)/);
    assert.equal(client.breaker.snapshot().consecutiveFailures, 2);
  });

  it('maps malformed JSON and an oversized body to 502 bad_gateway', async () => {
    up.set((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url === '/big' ? `"${'x'.repeat(2048)}"` : '{"half":');
    });
    const client = createServiceClient({ name: 'user', baseUrl, maxResponseBytes: 1024 });
    const malformed = await client.get('/bad').catch((e: unknown) => e);
    assert.ok(malformed instanceof UpstreamError);
    assert.equal(malformed.status, 502);
    assert.equal(malformed.type, 'bad_gateway');
    const big = await client.get('/big').catch((e: unknown) => e);
    assert.ok(big instanceof UpstreamError);
    assert.equal(big.status, 502);
    assert.match(big.message, /over the 1024-byte limit/);
  });

  it('surfaces a 4xx problem as a typed result, and json() throws it as a DomainError', async () => {
    const notFound = { type: 'urn:mercato:problem:not_found', code: 'not_found', title: 'Not found', status: 404, detail: 'No product p9', instance: 'req_up' };
    up.set((_req, res) => json(res, 404, notFound, 'application/problem+json'));
    const client = createServiceClient({ name: 'catalog', baseUrl });
    const res = await client.get('/products/p9');
    assert.equal(res.ok, false);
    assert.equal(res.status, 404);
    if (!res.ok) assert.deepEqual(res.body, notFound);
    assert.equal(up.seen.length, 1);
    const err = await client.json('GET', '/products/p9').catch((e: unknown) => e);
    assert.ok(err instanceof DomainError);
    assert.equal(err.status, 404);
    assert.equal(err.type, 'not_found');
    assert.equal(err.detail, 'No product p9');
    // A 4xx is the caller's mistake, not the upstream's sickness.
    assert.equal(client.breaker.snapshot().consecutiveFailures, 0);
  });

  it('json() returns the body of a 2xx and turns a 500 into a 502 that leaks nothing', async () => {
    up.set((req, res) => (req.url === '/ok' ? json(res, 200, { a: 1 }) : json(res, 500, { code: 'internal_error', title: 'secret', status: 500 })));
    const client = createServiceClient({ name: 'inventory', baseUrl });
    assert.deepEqual(await client.json('GET', '/ok'), { a: 1 });
    const err = await client.json('GET', '/boom').catch((e: unknown) => e);
    assert.ok(err instanceof UpstreamError);
    assert.equal(err.status, 502);
    assert.doesNotMatch(err.message, /secret/);
  });

  it('propagates the trace (same trace id, new span id) and the request id', async () => {
    up.set((_req, res) => json(res, 200, {}));
    const client = createServiceClient({ name: 'user', baseUrl });
    const incoming = childTraceparent();
    await runWithContext({ kind: 'http', requestId: 'req_abc123', traceparent: incoming }, () => client.get('/users/me'));
    const sent = parseTraceparent(up.seen[0]!.headers.traceparent as string);
    const ours = parseTraceparent(incoming)!;
    assert.ok(sent);
    assert.equal(sent.traceId, ours.traceId);
    assert.notEqual(sent.parentId, ours.parentId);
    assert.equal(up.seen[0]!.headers['x-request-id'], 'req_abc123');
  });

  it("rethrows the caller's abort as is and does not count it against the upstream", async () => {
    up.set(() => {});
    const client = createServiceClient({ name: 'order', baseUrl, timeoutMs: 5_000, breaker: { failureThreshold: 1 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await assert.rejects(client.get('/orders', { signal: controller.signal }), /caller gave up/);
    assert.equal(client.breaker.state, 'closed');
  });
});

import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '@mercato/chassis';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { deadUrl, listenHttp, raw, readAll, withDeadline, type Listening } from './upstreams.js';

/** The gateway's own server: what the fast path answers, what Fastify answers, and closing. */

const PROBLEM = 'application/problem+json; charset=utf-8';

interface Upstream extends Listening {
  /** Resolves when the upstream has received a request for this path. */
  arrived(path: string): Promise<void>;
  /** Ends the answer held for this path. */
  release(path: string): void;
  /** Resolves when the gateway dropped its call for this path before the answer ended. */
  abandoned(path: string): Promise<void>;
}

/**
 * Answers /products/ping at once; holds /products/held/… (body read, first chunk sent) until
 * released; reads /products/upload/…; cuts /products/cut off after its headers.
 */
async function catalogUpstream(): Promise<Upstream> {
  const waiters = new Map<string, { arrived: () => void; abandoned: () => void; release?: () => void }>();
  const signals = new Map<string, { arrived: Promise<void>; abandoned: Promise<void> }>();
  const entry = (path: string) => {
    if (!signals.has(path)) {
      const w = {} as { arrived: () => void; abandoned: () => void };
      signals.set(path, { arrived: new Promise<void>((r) => (w.arrived = r)), abandoned: new Promise<void>((r) => (w.abandoned = r)) });
      waiters.set(path, w);
    }
    return waiters.get(path)!;
  };
  const l = await listenHttp(async (req, res) => {
    const path = req.url!.split('?')[0]!;
    const w = entry(path);
    if (path.startsWith('/products/held/')) {
      res.on('close', () => {
        if (!res.writableFinished) w.abandoned();
      });
      if (req.method === 'POST') await readAll(req);
      w.release = () => res.end('last');
      w.arrived();
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first;');
      return;
    }
    w.arrived();
    if (path.startsWith('/products/upload/')) {
      req.on('close', () => {
        if (!req.complete) w.abandoned();
      });
      await readAll(req);
      res.writeHead(200).end();
      return;
    }
    if (path === '/products/cut') {
      // Status and headers, then the connection is gone before any of the promised body.
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' }).flushHeaders();
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"pong":true}');
  });
  return {
    ...l,
    arrived: (path) => (entry(path), signals.get(path)!.arrived),
    abandoned: (path) => (entry(path), signals.get(path)!.abandoned),
    release: (path) => waiters.get(path)?.release?.(),
  };
}

/** A request written by hand on its own connection, read until the connection ends. */
function openRequest(url: string, head: string): { socket: Socket; response: Promise<string> } {
  const u = new URL(url);
  const socket = connect(Number(u.port), u.hostname);
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  const response = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', () => {});
  });
  socket.write(head);
  return { socket, response };
}

async function start(catalogUrl: string, logger = createLogger({ service: 'test', level: 'silent' })): Promise<RunningGateway> {
  const stopped = await deadUrl();
  const env: NodeJS.ProcessEnv = { GATEWAY_PORT: '0', GATEWAY_UPSTREAM_TIMEOUT_MS: '5000' };
  for (const s of ['AUTH', 'USER', 'INVENTORY', 'ORDER', 'PAYMENT', 'REVIEW', 'NOTIFICATION']) env[`${s}_URL`] = stopped;
  env.CATALOG_URL = catalogUrl;
  return startGateway({ logger, env });
}

describe('gateway server', () => {
  let catalog: Upstream;
  let gw: RunningGateway;
  const lines: Record<string, unknown>[] = [];

  before(async () => {
    catalog = await catalogUpstream();
    const destination = new Writable({
      write(chunk: Buffer, _enc, cb) {
        for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
        cb();
      },
    });
    gw = await start(catalog.url, createLogger({ service: 'gateway', level: 'info', destination }));
  });

  after(async () => {
    await gw?.stop();
    await catalog?.close();
  });

  it('answers 404 and 405 as problem+json through Fastify, and 405 on a proxied route with its methods', async () => {
    const missing = await fetch(`${gw.url}/nowhere`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('content-type'), PROBLEM);
    assert.equal(((await missing.json()) as { instance: string }).instance, missing.headers.get('x-request-id'));
    const health = await fetch(`${gw.url}/healthz`, { method: 'POST' });
    assert.equal(health.status, 405);
    assert.equal(health.headers.get('allow'), 'GET, HEAD');
    assert.equal(health.headers.get('content-type'), PROBLEM);
    const proxied = await raw(gw.url, { method: 'TRACE', path: '/api/v1/products/ping' });
    assert.equal(proxied.status, 405);
    assert.equal(proxied.headers.allow, 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');
    assert.equal(JSON.parse(proxied.body.toString()).code, 'method_not_allowed');
    const jwks = await fetch(`${gw.url}/.well-known/jwks.json`, { method: 'POST' });
    assert.equal(jwks.status, 405);
    assert.equal(jwks.headers.get('allow'), 'GET, HEAD');
    for (const headers of [missing.headers, health.headers, new Headers(proxied.headers as Record<string, string>)]) {
      assert.equal(headers.get('x-content-type-options'), 'nosniff');
      assert.equal(headers.get('referrer-policy'), 'no-referrer');
    }
  });

  it('answers headers too large with 431 problem+json, as every service does', async () => {
    const res = await fetch(`${gw.url}/api/v1/products/ping`, { headers: { 'x-big': 'a'.repeat(20_000) } });
    assert.equal(res.status, 431);
    assert.equal(res.headers.get('content-type'), PROBLEM);
    assert.equal(((await res.json()) as { code: string }).code, 'headers_too_large');
  });

  it('keeps a well-formed request id, on the answer and in problems, and makes one otherwise', async () => {
    const kept = await fetch(`${gw.url}/api/v1/products/ping`, { headers: { 'x-request-id': 'req-from.client:1' } });
    assert.equal(kept.status, 200);
    assert.equal(kept.headers.get('x-request-id'), 'req-from.client:1');
    const refused = await raw(gw.url, { path: '/api/v1/products/%2e%2e/x', headers: { 'x-request-id': 'req-from.client:2' } });
    assert.equal(refused.status, 400);
    assert.equal(refused.headers['x-request-id'], 'req-from.client:2');
    assert.equal(JSON.parse(refused.body.toString()).instance, 'req-from.client:2');
    const made = await fetch(`${gw.url}/api/v1/products/ping`, { headers: { 'x-request-id': 'not a valid id' } });
    assert.match(made.headers.get('x-request-id') ?? '', /^req_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('refuses a body whose Content-Type is not a media type, as before', async () => {
    const res = await raw(gw.url, { method: 'POST', path: '/api/v1/products/ping', headers: { 'content-type': 'json' }, body: '{}' });
    assert.equal(res.status, 415);
    assert.equal(JSON.parse(res.body.toString()).code, 'unsupported_media_type');
  });

  it('logs each proxied request and each of its own with request id and trace bound', async () => {
    lines.length = 0;
    await (await fetch(`${gw.url}/api/v1/products/ping`, { headers: { 'x-request-id': 'req_log_1' } })).text();
    await (await fetch(`${gw.url}/healthz`, { headers: { 'x-request-id': 'req_log_2' } })).text();
    await new Promise((r) => setTimeout(r, 20));
    for (const id of ['req_log_1', 'req_log_2']) {
      const mine = lines.filter((l) => l.requestId === id);
      assert.deepEqual(mine.map((l) => l.msg), ['incoming request', 'request completed'], id);
      for (const l of mine) assert.match(String(l.traceparent), new RegExp(`^00-${String(l.traceId)}-[0-9a-f]{16}-01$`));
      assert.deepEqual(mine[1]!.res, { statusCode: 200 });
      assert.equal(typeof mine[1]!.responseTime, 'number');
    }
  });

  it('answers 502 for an answer that breaks off before its body has started', async () => {
    const res = await fetch(`${gw.url}/api/v1/products/cut`);
    assert.equal(res.status, 502);
    assert.equal(((await res.json()) as { code: string }).code, 'bad_gateway');
  });

  it('abandons the upstream call when the client goes away mid-download or mid-upload', async () => {
    const download = openRequest(gw.url, 'GET /api/v1/products/held/d1 HTTP/1.1\r\nHost: gw\r\n\r\n');
    await withDeadline(catalog.arrived('/products/held/d1'), 2_000, 'download request');
    await new Promise((r) => setTimeout(r, 50));
    download.socket.destroy();
    await withDeadline(catalog.abandoned('/products/held/d1'), 2_000, 'download abandoned');

    const upload = openRequest(gw.url, 'POST /api/v1/products/upload/u1 HTTP/1.1\r\nHost: gw\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\npart');
    await withDeadline(catalog.arrived('/products/upload/u1'), 2_000, 'upload request');
    upload.socket.destroy();
    await withDeadline(catalog.abandoned('/products/upload/u1'), 2_000, 'upload abandoned');
  });
});

describe('gateway server closing', () => {
  it('drains in-flight requests (answers closing their connections), refuses new ones with 503 and closes idle connections', async () => {
    const catalog = await catalogUpstream();
    const gw = await start(catalog.url);
    try {
      // In flight, its answer not started: it finishes, with `connection: close`.
      const inFlight = openRequest(gw.url, 'POST /api/v1/products/held/a HTTP/1.1\r\nHost: gw\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n\r\n');
      // In flight, its answer started: it finishes, and its idle connection is closed.
      const started = openRequest(gw.url, 'GET /api/v1/products/held/b HTTP/1.1\r\nHost: gw\r\n\r\n');
      await withDeadline(catalog.arrived('/products/held/b'), 2_000, 'request b');
      // A request still arriving (headers half sent) when the closing begins.
      const late = openRequest(gw.url, 'GET /api/v1/products/ping HTTP/1.1\r\nHost: gw\r\n');
      const lateHealth = openRequest(gw.url, 'GET /healthz HTTP/1.1\r\nHost: gw\r\n');
      await new Promise((r) => setTimeout(r, 100));

      let closed = false;
      const closing = gw.closeHttp().then(() => (closed = true));
      await new Promise((r) => setTimeout(r, 50));
      late.socket.write('\r\n');
      lateHealth.socket.write('\r\n');
      for (const answer of [await withDeadline(late.response, 2_000, 'late answer'), await withDeadline(lateHealth.response, 2_000, 'late health')]) {
        assert.match(answer, /^HTTP\/1\.1 503 /);
        assert.match(answer, /\r\nconnection: close\r\n/i);
        assert.match(answer, /"code":"shutting_down"/);
        assert.match(answer, /\r\nx-request-id: req_/);
      }
      assert.equal(closed, false, 'closed with requests in flight');

      inFlight.socket.write('x');
      await withDeadline(catalog.arrived('/products/held/a'), 2_000, 'request a');
      catalog.release('/products/held/a');
      const a = await withDeadline(inFlight.response, 2_000, 'answer a');
      assert.match(a, /^HTTP\/1\.1 200 /);
      assert.match(a, /\r\nconnection: close\r\n/i);

      catalog.release('/products/held/b');
      const b = await withDeadline(started.response, 2_000, 'answer b');
      assert.match(b, /^HTTP\/1\.1 200 /);
      assert.match(b, /first;/);
      await withDeadline(closing, 2_000, 'closeHttp');
      await assert.rejects(fetch(`${gw.url}/healthz`));
    } finally {
      await gw.stop();
      await catalog.close();
    }
  });
});

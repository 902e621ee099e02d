import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '@mercato/chassis';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { MemoryRateStore } from '../src/rate-limit.js';
import { isWebPath } from '../src/web.js';

// One origin: pages go to the web app, the API stays the API; CORS only for listed origins; the
// web app's own calls are rate-limited per shopper when it proves itself with its key.

const logger = createLogger({ service: 'test', level: process.env.LOG_LEVEL ?? 'silent' });
const ALLOWED = 'https://shop.example';
const KEY = 'frontend-key-0123456789abcdef';

async function listen(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('isWebPath', () => {
  it('sends pages to the web app and keeps the API and the gateway’s own routes', () => {
    for (const p of ['/', '/p/kettle', '/c/shoes', '/_next/static/chunks/a.js', '/admin', '/sitemap.xml', '/docsy']) assert.equal(isWebPath(p), true, p);
    for (const p of ['/api/v1/products', '/api/v1', '/api/other', '/docs', '/docs/static/x.js', '/healthz', '/readyz', '/.well-known/jwks.json']) assert.equal(isWebPath(p), false, p);
  });
});

describe('gateway in front of the web app', () => {
  let gw: RunningGateway;
  let web: { server: Server; url: string };
  let catalog: { server: Server; url: string };
  const webSeen: { url: string; headers: IncomingHttpHeaders }[] = [];

  before(async () => {
    web = await listen((req, res) => {
      webSeen.push({ url: req.url!, headers: req.headers });
      if (req.method === 'POST') {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(`posted ${body}`));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': ['a=1; HttpOnly', 'b=2; HttpOnly'] }).end(`<h1>page ${req.url}</h1>`);
    });
    catalog = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}'));
    gw = await startGateway({
      env: { GATEWAY_PORT: '0', GATEWAY_CORS_ORIGINS: `${ALLOWED}, https://m.shop.example`, GATEWAY_RATE_LIMIT_IP: '3/min', LOG_LEVEL: 'silent' },
      logger,
      upstreams: { catalog: catalog.url },
      web: { url: web.url, frontendKey: KEY },
      rateStore: new MemoryRateStore(),
    });
  });

  after(async () => {
    await gw?.stop();
    web?.server.close();
    catalog?.server.close();
  });

  it('sends every non-API path to the web app, with its cookies and forwarded headers', async () => {
    const res = await fetch(`${gw.url}/p/kettle?x=1`, { headers: { 'x-mercato-frontend-key': KEY, 'x-verified-user-id': 'usr_forged' } });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '<h1>page /p/kettle?x=1</h1>');
    assert.deepEqual(res.headers.getSetCookie(), ['a=1; HttpOnly', 'b=2; HttpOnly']);
    const seen = webSeen.at(-1)!;
    assert.equal(seen.headers['x-forwarded-for'], '127.0.0.1');
    assert.ok(seen.headers['x-request-id']);
    assert.equal(seen.headers['x-verified-user-id'], undefined, 'identity headers never come from a client');
    assert.equal(seen.headers['x-mercato-frontend-key'], undefined, 'the key is never passed on to the web app');
    const posted = await fetch(`${gw.url}/checkout`, { method: 'POST', body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(await posted.text(), 'posted a=b');
    // The API and the gateway's own routes are not the web app's.
    assert.equal((await fetch(`${gw.url}/api/v1/products`)).status, 200);
    assert.equal((await fetch(`${gw.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${gw.url}/api/v1/nope`)).status, 404);
  });

  it('answers CORS for listed origins only: preflight 204, nothing for others', async () => {
    const pre = await fetch(`${gw.url}/api/v1/products`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'Authorization, Content-Type, X-Evil' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(pre.headers.get('access-control-allow-methods')!, /POST/);
    assert.equal(pre.headers.get('access-control-allow-headers'), 'authorization, content-type');
    assert.match(pre.headers.get('vary')!, /Origin/);
    const get = await fetch(`${gw.url}/api/v1/products`, { headers: { origin: 'https://m.shop.example' } });
    assert.equal(get.headers.get('access-control-allow-origin'), 'https://m.shop.example');
    assert.match(get.headers.get('access-control-expose-headers')!, /Retry-After/);
    const other = await fetch(`${gw.url}/api/v1/products`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.notEqual(other.status, 204);
    const otherGet = await fetch(`${gw.url}/api/v1/products`, { headers: { origin: 'https://evil.example' } });
    assert.equal(otherGet.headers.get('access-control-allow-origin'), null);
    // Pages are same-origin only: no CORS on them.
    const page = await fetch(`${gw.url}/`, { headers: { origin: ALLOWED } });
    assert.equal(page.headers.get('access-control-allow-origin'), null);
  });

  it('limits the web app’s calls per shopper (its X-Forwarded-For) only when it sends its key', async () => {
    const call = (ip: string, key?: string) =>
      fetch(`${gw.url}/api/v1/categories`, { headers: { 'x-forwarded-for': ip, ...(key ? { 'x-mercato-frontend-key': key } : {}) } }).then((r) => r.status);
    // Three per minute per address: shoppers A and B each get their own three through the web app.
    for (let i = 0; i < 3; i++) assert.equal(await call('10.0.0.1', KEY), 200);
    assert.equal(await call('10.0.0.1', KEY), 429);
    assert.equal(await call('10.0.0.2', KEY), 200);
    // Without the key (or with a wrong one) the header is not believed: the peer's address counts.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await call(`10.0.1.${i}`, i % 2 ? 'wrong-key-0123456789abcdef0' : undefined));
    assert.ok(statuses.includes(429), `the peer address is limited: ${statuses.join(',')}`);
  });
});

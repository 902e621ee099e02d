import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ChangeSignal, createLogger } from '@mercato/chassis';
import { createTestSigner, listenJwks, type TestJwksServer } from '@mercato/chassis/testing';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { listenHttp, raw, type Listening } from './upstreams.js';

// The gateway's edge cache in memory (the embedded mode), in front of a catalog stand-in that
// counts what reaches it: what is kept, what never is, Vary, If-None-Match and the purge.

const logger = createLogger({ service: 'test', level: process.env.LOG_LEVEL ?? 'silent' });
const PUBLIC = 'public, max-age=30';

describe('gateway edge cache (in memory)', () => {
  const signer = createTestSigner();
  const changes = new ChangeSignal();
  let auth: TestJwksServer;
  let catalog: Listening;
  let gw: RunningGateway;
  /** Requests that reached the catalog, by path. */
  const calls = new Map<string, number>();
  let version = 1;

  before(async () => {
    auth = await listenJwks([signer.jwk]);
    catalog = await listenHttp((req, res) => {
      const path = req.url!.split('?')[0]!;
      calls.set(path, (calls.get(path) ?? 0) + 1);
      const n = calls.get(path)!;
      const who = req.headers['x-verified-user-id'] ?? 'anonymous';
      const json = (headers: Record<string, string | string[]>, body: unknown) =>
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
      switch (path) {
        case '/products/plain':
          return json({ 'cache-control': PUBLIC, etag: `"v${version}"`, vary: 'Authorization' }, { version, n });
        case '/products/for-you':
          // What a signed-in caller sees: the upstream marks it public by mistake; the gateway must still not keep it.
          return json({ 'cache-control': PUBLIC, vary: 'Authorization' }, { who, n });
        case '/products/cookie':
          return json({ 'cache-control': PUBLIC, 'set-cookie': 'visitor=abc; Path=/; HttpOnly' }, { n });
        case '/products/private':
          return json({ 'cache-control': 'private, max-age=30' }, { n });
        case '/products/none':
          return json({}, { n });
        case '/products/lang':
          return json({ 'cache-control': PUBLIC, vary: 'Accept-Language' }, { lang: req.headers['accept-language'] ?? '', n });
        case '/products/star':
          return json({ 'cache-control': PUBLIC, vary: '*' }, { n });
        case '/products/aged':
          return json({ 'cache-control': 'public, max-age=30', age: '30' }, { n });
        default:
          res.writeHead(404).end();
      }
    });
    gw = await startGateway({
      logger,
      env: { GATEWAY_PORT: '0', GATEWAY_RATE_LIMIT_IP: '0', GATEWAY_RATE_LIMIT_USER: '0', METRICS_PORT: '0' },
      upstreams: { auth: auth.url, catalog: catalog.url },
      catalogChanges: changes,
    });
  });
  after(async () => {
    await gw?.stop();
    await catalog?.close();
    await auth?.close();
  });
  beforeEach(() => {
    changes.changed();
    calls.clear();
  });

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => raw(`${gw.url}/api/v1${path}`, { method, headers });
  const bearer = () => `Bearer ${signer.sign({ sub: 'usr_01HEDGE0000000000000000000', roles: ['customer'] })}`;

  it('is in memory when the catalog runs in the same process', () => {
    assert.equal(gw.cache, 'memory');
  });

  it('keeps a public answer: the second read never reaches the catalog, with the same bytes, ETag and an Age', async () => {
    const first = await get('/products/plain');
    assert.equal(first.status, 200);
    assert.equal(first.headers['cache-status'], 'mercato-gateway; fwd=miss');
    const second = await get('/products/plain');
    assert.equal(second.status, 200);
    assert.equal(second.headers['cache-status'], 'mercato-gateway; hit');
    assert.deepEqual(second.body, first.body);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal(second.headers['cache-control'], PUBLIC);
    assert.equal(second.headers.vary, 'Authorization');
    assert.match(String(second.headers.age), /^\d+$/);
    assert.notEqual(second.headers['x-request-id'], first.headers['x-request-id']);
    assert.equal(calls.get('/products/plain'), 1);
  });

  it('counts the answers it gives from the cache in the request metrics, 200 and 304 alike', async () => {
    const count = async (status: number): Promise<number> => {
      const text = await (await fetch(gw.metricsUrl!)).text();
      const line = text.split('\n').find((l) => l.startsWith('mercato_http_server_request_duration_seconds_count{') && l.includes('route="/api/v1/products"') && l.includes(`status_code="${status}"`) && l.includes('method="GET"'));
      return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
    };
    await get('/products/plain');
    const [ok, notModified] = [await count(200), await count(304)];
    assert.equal((await get('/products/plain')).headers['cache-status'], 'mercato-gateway; hit');
    assert.equal((await get('/products/plain', { 'if-none-match': `"v${version}"` })).status, 304);
    assert.equal(await count(200), ok + 1);
    assert.equal(await count(304), notModified + 1);
  });

  it('answers If-None-Match itself: 304 with the ETag, no body, the catalog not asked', async () => {
    await get('/products/plain');
    const res = await get('/products/plain', { 'if-none-match': `"v${version}"` });
    assert.equal(res.status, 304);
    assert.equal(res.headers.etag, `"v${version}"`);
    assert.equal(res.body.length, 0);
    const other = await get('/products/plain', { 'if-none-match': '"v0"' });
    assert.equal(other.status, 200);
    assert.equal(calls.get('/products/plain'), 1);
  });

  it('serves HEAD from a kept GET', async () => {
    const full = await get('/products/plain');
    const head = await get('/products/plain', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(full.body.length));
    assert.equal(head.body.length, 0);
    assert.equal(calls.get('/products/plain'), 1);
  });

  it('never serves a request with an Authorization header from the cache', async () => {
    await get('/products/plain');
    const res = await get('/products/plain', { authorization: bearer() });
    assert.equal(res.status, 200);
    assert.equal(res.headers['cache-status'], undefined);
    assert.equal(calls.get('/products/plain'), 2);
  });

  it('never keeps the answer to a request with an Authorization header', async () => {
    const mine = await get('/products/for-you', { authorization: bearer() });
    assert.equal(JSON.parse(mine.body.toString()).who, 'usr_01HEDGE0000000000000000000');
    const again = await get('/products/for-you', { authorization: bearer() });
    assert.equal(JSON.parse(again.body.toString()).n, 2);
    // An anonymous reader gets its own answer, never the signed-in one.
    const anonymous = await get('/products/for-you');
    assert.equal(JSON.parse(anonymous.body.toString()).who, 'anonymous');
    assert.equal(calls.get('/products/for-you'), 3);
  });

  it('never serves nor keeps for a request with a cookie (a session cookie is a credential)', async () => {
    await get('/products/plain');
    const withCookie = await get('/products/plain', { cookie: 'mercato_at=token' });
    assert.equal(withCookie.headers['cache-status'], undefined);
    assert.equal(calls.get('/products/plain'), 2);
    await get('/products/for-you', { cookie: 'mercato_at=token' });
    await get('/products/for-you');
    assert.equal(calls.get('/products/for-you'), 2);
  });

  it('never keeps an answer that sets a cookie', async () => {
    const first = await get('/products/cookie');
    assert.equal(first.headers['set-cookie']?.[0], 'visitor=abc; Path=/; HttpOnly');
    const second = await get('/products/cookie');
    assert.equal(second.headers['set-cookie']?.[0], 'visitor=abc; Path=/; HttpOnly');
    assert.equal(JSON.parse(second.body.toString()).n, 2);
    assert.equal(calls.get('/products/cookie'), 2);
  });

  it('never keeps a private answer, one without Cache-Control, one that varies on everything, or one already as old as its max-age', async () => {
    for (const path of ['/products/private', '/products/none', '/products/star', '/products/aged']) {
      await get(path);
      await get(path);
      assert.equal(calls.get(path), 2, path);
    }
  });

  it('honours Vary: one kept answer per Accept-Language, each served to its own', async () => {
    const en = await get('/products/lang', { 'accept-language': 'en' });
    const de = await get('/products/lang', { 'accept-language': 'de' });
    assert.equal(JSON.parse(en.body.toString()).lang, 'en');
    assert.equal(JSON.parse(de.body.toString()).lang, 'de');
    assert.equal(calls.get('/products/lang'), 2);
    const enAgain = await get('/products/lang', { 'accept-language': 'en' });
    const deAgain = await get('/products/lang', { 'accept-language': 'de' });
    const none = await get('/products/lang');
    assert.equal(JSON.parse(enAgain.body.toString()).lang, 'en');
    assert.equal(JSON.parse(deAgain.body.toString()).lang, 'de');
    assert.equal(enAgain.headers['cache-status'], 'mercato-gateway; hit');
    assert.equal(JSON.parse(none.body.toString()).lang, '');
    assert.equal(calls.get('/products/lang'), 3);
  });

  it('asks the catalog again when the client says no-cache, and keeps the fresh answer', async () => {
    await get('/products/plain');
    const refreshed = await get('/products/plain', { 'cache-control': 'no-cache' });
    assert.equal(refreshed.headers['cache-status'], 'mercato-gateway; fwd=request');
    assert.equal(JSON.parse(refreshed.body.toString()).n, 2);
    const next = await get('/products/plain');
    assert.equal(JSON.parse(next.body.toString()).n, 2);
    assert.equal(calls.get('/products/plain'), 2);
  });

  it('is purged at once when the catalog signals a change', async () => {
    await get('/products/plain');
    version++;
    changes.changed();
    const res = await get('/products/plain');
    assert.equal(JSON.parse(res.body.toString()).version, version);
    assert.equal(res.headers.etag, `"v${version}"`);
    assert.equal(calls.get('/products/plain'), 2);
  });

  it('keeps only the catalog: another service is always asked', async () => {
    const others = await startGateway({
      logger,
      env: { GATEWAY_PORT: '0', GATEWAY_RATE_LIMIT_IP: '0' },
      upstreams: { auth: auth.url, catalog: catalog.url, review: catalog.url },
      catalogChanges: changes,
    });
    try {
      // The review route reaches the stand-in at /reviews/…, which it does not know: nothing kept, 404 twice.
      assert.equal((await raw(`${others.url}/api/v1/reviews/plain`)).headers['cache-status'], undefined);
    } finally {
      await others.stop();
    }
  });
});

describe('gateway edge cache settings', () => {
  it('refuses an in-memory cache that nothing would purge, and is off by default without Redis or a catalog in process', async () => {
    const env = { GATEWAY_PORT: '0', GATEWAY_CACHE: 'memory' };
    await assert.rejects(startGateway({ logger, env, upstreams: {} }), /GATEWAY_CACHE=memory needs the catalog in the same process/);
    const gw = await startGateway({ logger, env: { GATEWAY_PORT: '0' }, upstreams: {} });
    try {
      assert.equal(gw.cache, undefined);
    } finally {
      await gw.stop();
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { catalogService } from '@mercato/catalog';
import { createLogger, MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { createTestDatabase, createTestSigner, eventually, listenJwks, skipUnless, TEST_REDIS_URL, uniqueName, type TestDatabase, type TestJwksServer } from '@mercato/chassis/testing';
import { Redis } from 'ioredis';
import { startGateway, type RunningGateway } from '../src/gateway.js';

// The distributed mode: a real catalog (its read cache in Redis) behind two gateway replicas whose
// edge caches share that Redis. A write through one replica is seen through the other at the next
// read; a commit whose purge was lost (the catalog stopped in between) is served stale for at
// most CATALOG_CACHE_TTL_SECONDS + GATEWAY_CACHE_MAX_TTL_SECONDS.

const logger = createLogger({ service: 'test', level: process.env.LOG_LEVEL ?? 'silent' });
const CATALOG_TTL_S = 2;
const EDGE_TTL_S = 1;
/** The longest a lost purge can leave a product stale. */
const STALE_BOUND_MS = (CATALOG_TTL_S + EDGE_TTL_S) * 1000;

describe('gateway edge cache in Redis, two replicas', { skip: skipUnless('postgres', 'redis') }, () => {
  const signer = createTestSigner();
  const prefix = `${uniqueName('edge')}:`;
  let db: TestDatabase;
  let auth: TestJwksServer;
  let catalog: RunningService;
  let a: RunningGateway;
  let b: RunningGateway;
  const manager = () => `Bearer ${signer.sign({ sub: 'usr_01HEDGE0000000000000000000', roles: ['catalog_manager'] })}`;

  const catalogEnv = () => ({
    CATALOG_PORT: '0',
    CATALOG_DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    CATALOG_CACHE: 'redis',
    CATALOG_CACHE_PREFIX: `${prefix}catalog:`,
    CATALOG_CACHE_TTL_SECONDS: String(CATALOG_TTL_S),
    OUTBOX_POLL_MS: '60000',
    AUTH_JWKS_URL: `${auth.url}/.well-known/jwks.json`,
  });
  const startCatalog = () => startService(catalogService, { env: catalogEnv(), bus: new MemoryBus(), logger, background: false });
  const startReplica = (catalogUrl: string) =>
    startGateway({
      logger,
      env: {
        GATEWAY_PORT: '0',
        GATEWAY_RATE_LIMIT_IP: '0',
        GATEWAY_RATE_LIMIT_USER: '0',
        GATEWAY_RATE_LIMIT_PREFIX: `${prefix}rl:`,
        REDIS_URL: TEST_REDIS_URL,
        CATALOG_CACHE_PREFIX: `${prefix}catalog:`,
        GATEWAY_CACHE_MAX_TTL_SECONDS: String(EDGE_TTL_S),
      },
      upstreams: { auth: auth.url, catalog: catalogUrl },
    });

  before(async () => {
    db = await createTestDatabase('edge');
    auth = await listenJwks([signer.jwk]);
    catalog = await startCatalog();
    (catalog.bus as MemoryBus).open();
    [a, b] = await Promise.all([startReplica(catalog.url), startReplica(catalog.url)]);
  });
  after(async () => {
    await a?.stop();
    await b?.stop();
    await catalog?.stop();
    await auth?.close();
    await db?.drop();
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  async function createProduct(slug: string): Promise<string> {
    const res = await fetch(`${a.url}/api/v1/products`, {
      method: 'POST',
      headers: { authorization: manager(), 'content-type': 'application/json' },
      body: JSON.stringify({
        slug,
        title: 'Plain Tee',
        status: 'published',
        options: [{ name: 'Size', values: ['S'] }],
        variants: [{ sku: `${slug.toUpperCase()}-S`, options: { Size: 'S' }, prices: [{ amount: 1500, currency: 'USD' }] }],
      }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { id: string }).id;
  }

  async function read(gw: RunningGateway, slug: string): Promise<{ title: string; cache: string | null }> {
    const res = await fetch(`${gw.url}/api/v1/products/${slug}`);
    assert.equal(res.status, 200);
    return { title: ((await res.json()) as { title: string }).title, cache: res.headers.get('cache-status') };
  }

  it('uses Redis', () => {
    assert.equal(a.cache, 'redis');
    assert.equal(b.cache, 'redis');
  });

  it('a write through one replica is seen through the other at the next read', async () => {
    const slug = `tee-${uniqueName('p').slice(-8)}`;
    const id = await createProduct(slug);
    for (const gw of [a, b]) await read(gw, slug);
    // Both replicas now answer from the shared edge cache.
    assert.equal((await read(a, slug)).cache, 'mercato-gateway; hit');
    assert.equal((await read(b, slug)).cache, 'mercato-gateway; hit');
    const current = await fetch(`${a.url}/api/v1/products/${id}`, { headers: { authorization: manager() } });
    const patch = await fetch(`${a.url}/api/v1/products/${id}`, {
      method: 'PATCH',
      headers: { authorization: manager(), 'content-type': 'application/json', 'if-match': current.headers.get('etag')! },
      body: JSON.stringify({ title: 'Renamed Tee' }),
    });
    assert.equal(patch.status, 200, await patch.text());
    assert.deepEqual(await read(b, slug), { title: 'Renamed Tee', cache: 'mercato-gateway; fwd=miss' });
    assert.equal((await read(a, slug)).title, 'Renamed Tee');
    assert.equal((await read(b, slug)).cache, 'mercato-gateway; hit');
  });

  it(`a commit whose purge was lost is served stale for at most ${STALE_BOUND_MS} ms`, async () => {
    const slug = `tee-${uniqueName('p').slice(-8)}`;
    await createProduct(slug);
    await read(a, slug);
    await read(b, slug);
    // The catalog committed and stopped before it could invalidate: the row changes, nothing is told.
    await catalog.db.query(`UPDATE products SET title = 'Committed Tee', version = version + 1 WHERE slug = $1`, [slug]);
    const committed = performance.now();
    assert.equal((await read(a, slug)).title, 'Plain Tee', 'the lost purge leaves the edge stale at first');
    await eventually(async () => (await read(a, slug)).title === 'Committed Tee' && (await read(b, slug)).title === 'Committed Tee', STALE_BOUND_MS + 2_000, 100);
    const fresh = performance.now() - committed;
    assert.ok(fresh <= STALE_BOUND_MS + 500, `fresh after ${fresh.toFixed(0)} ms (bound ${STALE_BOUND_MS} ms)`);
    // And never stale again after it.
    for (let i = 0; i < 10; i++) for (const gw of [a, b]) assert.equal((await read(gw, slug)).title, 'Committed Tee');
  });

  it('passes requests on, never stale, while Redis cannot be reached', async () => {
    // The generation cannot be read: nothing is served from the cache nor kept (the catalog answers).
    const slug = `tee-${uniqueName('p').slice(-8)}`;
    await createProduct(slug);
    const lost = await startGateway({
      logger,
      env: { GATEWAY_PORT: '0', GATEWAY_RATE_LIMIT_IP: '0', REDIS_URL: 'redis://127.0.0.1:1' },
      upstreams: { auth: auth.url, catalog: catalog.url },
    });
    try {
      for (let i = 0; i < 3; i++) {
        const r = await read(lost, slug);
        assert.equal(r.title, 'Plain Tee');
        assert.equal(r.cache, 'mercato-gateway; fwd=miss');
      }
    } finally {
      await lost.stop();
    }
  });
});

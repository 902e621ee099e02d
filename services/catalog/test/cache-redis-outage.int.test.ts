import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { captureLogger, eventually, ownRedisUnavailable, startOwnRedis, type OwnRedis } from '@mercato/chassis/testing';
import { RedisReadCache } from '../src/cache/redis-read-cache.js';

// The catalog's read cache when Redis goes away: reads fall back to the database at once (not
// after a command timeout per request), and a write made meanwhile still invalidates what was
// cached before, as soon as Redis is back. A Redis of the test's own, frozen and thawed.

describe('catalog read cache through a Redis outage', { skip: ownRedisUnavailable() }, () => {
  let redis: OwnRedis;
  let cache: RedisReadCache;

  before(async () => {
    redis = await startOwnRedis();
    cache = new RedisReadCache({ url: redis.url, prefix: 'test:catalog:', ttlSeconds: 300, logger: captureLogger('catalog', 'silent').logger });
  });

  after(async () => {
    await cache?.close();
    await redis?.stop();
  });

  it('misses at once while Redis is frozen, and drops what a write made stale once it is back', async () => {
    const { token } = await cache.get('/products/tee');
    await cache.set('/products/tee', token, { etag: '"v1"', body: '{"title":"Tee"}' });
    assert.deepEqual((await cache.get('/products/tee')).entry, { etag: '"v1"', body: '{"title":"Tee"}' });

    redis.freeze();
    try {
      const started = performance.now();
      for (let i = 0; i < 20; i++) assert.equal((await cache.get('/products/tee')).entry, null, 'read from the database instead');
      const ms = performance.now() - started;
      assert.equal(cache.circuit.available, false, 'the circuit is open');
      // A few reads wait out the command timeout (0.5 s), the rest none: not 20 of them (10 s).
      assert.ok(ms < 5_000, `20 reads took ${Math.round(ms)} ms`);
      // The product changes while Redis is away: its invalidation cannot be made now.
      await cache.invalidate();
    } finally {
      redis.thaw();
    }
    await eventually(() => cache.circuit.available, 10_000, 50);
    assert.equal((await cache.get('/products/tee')).entry, null, 'the entry cached before the write is not served after the outage');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestSigner, listenJwks, type TestJwksServer } from '../testing/tokens.js';
import { JwksCache, JwksUnavailable } from './jwks-cache.js';

describe('JwksCache', () => {
  const a = createTestSigner('key_a');
  const b = createTestSigner('key_b');
  let server: TestJwksServer;
  before(async () => {
    server = await listenJwks([a.jwk]);
  });
  after(() => server.close());

  it('fetches lazily, once, and serves from the cache', async () => {
    server.hits = 0;
    const cache = new JwksCache({ url: `${server.url}/.well-known/jwks.json` });
    assert.equal(server.hits, 0);
    const [k1, k2] = await Promise.all([cache.keyFor('key_a'), cache.keyFor('key_a')]);
    assert.ok(k1 && k1 === k2);
    assert.equal(cache.peek('key_a'), k1);
    assert.equal(server.hits, 1);
  });

  it('an unknown kid triggers one refresh per interval (a rotated key is found)', async () => {
    let clock = 1_000_000;
    server.hits = 0;
    server.keys = [a.jwk];
    const cache = new JwksCache({ url: `${server.url}/.well-known/jwks.json`, minRefreshIntervalMs: 30_000, now: () => clock });
    await cache.keyFor('key_a');
    clock += 31_000;
    server.keys = [a.jwk, b.jwk];
    assert.ok(await cache.keyFor('key_b'));
    assert.equal(server.hits, 2);
    // Made-up kids do not turn into fetches within the interval.
    for (let i = 0; i < 20; i++) assert.equal(await cache.keyFor(`key_fake_${i}`), undefined);
    assert.equal(server.hits, 2);
    clock += 31_000;
    assert.equal(await cache.keyFor('key_fake'), undefined);
    assert.equal(server.hits, 3);
  });

  it('serves the cached keys while auth is down, and fails only with nothing cached', async () => {
    let clock = 1_000_000;
    server.keys = [a.jwk];
    server.down = false;
    const cache = new JwksCache({ url: `${server.url}/.well-known/jwks.json`, maxAgeMs: 60_000, minRefreshIntervalMs: 10_000, now: () => clock });
    assert.ok(await cache.keyFor('key_a'));
    server.down = true;
    clock += 120_000; // stale: a refresh is tried, fails, the old keys stay
    assert.ok(await cache.keyFor('key_a'));
    const fetches = cache.fetches;
    assert.ok(await cache.keyFor('key_a'));
    assert.equal(cache.fetches, fetches, 'no fetch on every call while down');
    const empty = new JwksCache({ url: `${server.url}/.well-known/jwks.json` });
    await assert.rejects(empty.keyFor('key_a'), JwksUnavailable);
    server.down = false;
  });
});

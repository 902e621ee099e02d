import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryReadCache } from './read-cache.js';

describe('memory read cache', () => {
  const entry = (body: string) => ({ body, etag: `"${body}"` });

  it('serves what was stored until a write invalidates it', async () => {
    const cache = new MemoryReadCache({ maxEntries: 10, ttlMs: 60_000 });
    const miss = await cache.get('a');
    assert.equal(miss.entry, null);
    await cache.set('a', miss.token, entry('one'));
    assert.deepEqual((await cache.get('a')).entry, entry('one'));
    await cache.invalidate();
    assert.equal((await cache.get('a')).entry, null);
  });

  it('drops a result computed before a concurrent write', async () => {
    const cache = new MemoryReadCache({ maxEntries: 10, ttlMs: 60_000 });
    const { token } = await cache.get('a'); // a reader starts, reads the database…
    await cache.invalidate(); // …a write commits meanwhile…
    await cache.set('a', token, entry('stale')); // …and the reader stores its older result.
    assert.equal((await cache.get('a')).entry, null, 'the stale result is never served');
  });

  it('expires entries and evicts the least recently used', async () => {
    let now = 0;
    const cache = new MemoryReadCache({ maxEntries: 2, ttlMs: 1_000, now: () => now });
    const t = (await cache.get('x')).token;
    await cache.set('a', t, entry('a'));
    await cache.set('b', t, entry('b'));
    await cache.get('a'); // a is now more recent than b
    await cache.set('c', t, entry('c'));
    assert.equal(cache.size, 2);
    assert.equal((await cache.get('b')).entry, null);
    assert.ok((await cache.get('a')).entry);
    now = 5_000;
    assert.equal((await cache.get('a')).entry, null, 'expired');
  });
});

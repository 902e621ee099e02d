import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide, MemoryRateStore, parseRate, RateLimiter, windowOf, type RateStore } from './rate-limit.js';

describe('rate limit', () => {
  it('parses rates', () => {
    assert.deepEqual(parseRate('300/min'), { limit: 300, windowMs: 60_000 });
    assert.deepEqual(parseRate('10/s'), { limit: 10, windowMs: 1_000 });
    assert.deepEqual(parseRate('5000/h'), { limit: 5000, windowMs: 3_600_000 });
    assert.deepEqual(parseRate('42'), { limit: 42, windowMs: 60_000 });
    assert.equal(parseRate('0'), undefined);
    assert.throws(() => parseRate('10/fortnight'));
  });

  it('fixed windows: same id within a window, reset at its end', () => {
    assert.deepEqual(windowOf(120_000, 60_000), { id: 2, resetAt: 180_000 });
    assert.deepEqual(windowOf(179_999, 60_000), { id: 2, resetAt: 180_000 });
    assert.equal(windowOf(180_000, 60_000).id, 3);
  });

  it('decides: remaining, reset seconds, refused past the limit', () => {
    const rule = { limit: 3, windowMs: 60_000 };
    assert.deepEqual(decide(rule, 1, 60_000, 10_500), { allowed: true, limit: 3, remaining: 2, resetS: 50 });
    assert.deepEqual(decide(rule, 3, 60_000, 59_900), { allowed: true, limit: 3, remaining: 0, resetS: 1 });
    assert.equal(decide(rule, 4, 60_000, 30_000).allowed, false);
  });

  it('counts per key and starts again in the next window; expired windows are swept', () => {
    let clock = 1_000_000;
    const store = new MemoryRateStore(() => clock);
    const limiter = new RateLimiter(store, { ip: { limit: 2, windowMs: 60_000 } }, undefined, () => clock);
    const hit = (k: string) => limiter.hit('ip', k) as { allowed: boolean; remaining: number };
    assert.equal(hit('a').remaining, 1);
    assert.equal(hit('a').allowed, true);
    assert.equal(hit('a').allowed, false);
    assert.equal(hit('b').allowed, true);
    assert.equal(limiter.hit('user', 'u'), undefined, 'no user rule: no limit');
    clock += 60_000;
    assert.equal(hit('a').remaining, 1);
    clock += 120_000;
    hit('c');
    assert.equal(store.size, 1);
  });

  it('lets requests through when the store fails', async () => {
    const broken: RateStore = { hit: () => Promise.reject(new Error('down')), close: async () => {} };
    const limiter = new RateLimiter(broken, { ip: { limit: 1, windowMs: 1_000 } });
    assert.equal(await limiter.hit('ip', 'a'), undefined);
  });
});

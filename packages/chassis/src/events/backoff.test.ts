import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay } from './backoff.js';

describe('retry backoff', () => {
  it('doubles from the base, stays within [half, full) of it, and caps', () => {
    assert.equal(backoffDelay(1, 100, 10_000, () => 0), 50);
    assert.equal(backoffDelay(1, 100, 10_000, () => 0.999999), 99);
    assert.equal(backoffDelay(4, 100, 10_000, () => 0), 400);
    assert.equal(backoffDelay(30, 100, 10_000, () => 0.5), 7500);
  });

  it('spreads retries of many consumers apart', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, 1000, 60_000)));
    assert.ok(delays.size > 40);
    for (const d of delays) assert.ok(d >= 2000 && d < 4000);
  });
});

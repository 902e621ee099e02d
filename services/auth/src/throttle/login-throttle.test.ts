import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoginThrottleConfig } from '../config.js';
import type { ThrottleRow } from './login-throttles.store.js';
import { waitSeconds } from './login-throttle.js';

const c: LoginThrottleConfig = { windowS: 900, freeFailures: 5, lockAfter: 20, lockS: 900, ipLimit: 100 };
const now = new Date('2026-01-01T12:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const row = (failures: number, lastS: number, extra: Partial<ThrottleRow> = {}): ThrottleRow => ({
  key: 'k',
  failures,
  window_start: ago(600),
  last_failure_at: ago(lastS),
  locked_until: null,
  now,
  ...extra,
});

describe('login throttle rules', () => {
  it('lets the free failures through', () => {
    assert.equal(waitSeconds(c, now, undefined, undefined), 0);
    assert.equal(waitSeconds(c, now, row(4, 0), undefined), 0);
  });
  it('then makes each attempt wait 2^(n-free) s after the last failure', () => {
    assert.equal(waitSeconds(c, now, row(5, 0), undefined), 1);
    assert.equal(waitSeconds(c, now, row(8, 0), undefined), 8);
    assert.equal(waitSeconds(c, now, row(8, 3), undefined), 5);
    assert.equal(waitSeconds(c, now, row(8, 8), undefined), 0);
  });
  it('forgets failures of an ended window', () => {
    assert.equal(waitSeconds(c, now, row(12, 0, { window_start: ago(901) }), undefined), 0);
  });
  it('honours a lock until it ends', () => {
    assert.equal(waitSeconds(c, now, row(20, 300, { locked_until: new Date(now.getTime() + 600_000) }), undefined), 600);
    assert.equal(waitSeconds(c, now, row(20, 901, { locked_until: ago(1) }), undefined), 0, 'the delay never outlasts a lock');
  });
  it('limits an address per window', () => {
    assert.equal(waitSeconds(c, now, undefined, row(99, 0)), 0);
    assert.equal(waitSeconds(c, now, undefined, row(100, 0)), 300);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CircuitBreaker, CircuitOpenError, type BreakerState } from './circuit-breaker.js';

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const fail = () => Promise.reject(new Error('boom'));
const ok = () => Promise.resolve('ok');

async function failTimes(b: CircuitBreaker, n: number) {
  for (let i = 0; i < n; i++) await assert.rejects(b.run(fail), /boom/);
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold and counts only consecutive failures', async () => {
    const clock = fakeClock();
    const b = new CircuitBreaker({ name: 'catalog', failureThreshold: 3, now: clock.now });
    await failTimes(b, 2);
    assert.equal(await b.run(ok), 'ok');
    await failTimes(b, 2);
    assert.equal(b.state, 'closed');
    assert.equal(b.snapshot().consecutiveFailures, 2);
  });

  it('opens after N consecutive failures and then rejects without calling', async () => {
    const clock = fakeClock();
    const b = new CircuitBreaker({ name: 'catalog', failureThreshold: 3, resetTimeoutMs: 10_000, now: clock.now });
    await failTimes(b, 3);
    assert.equal(b.state, 'open');
    let called = false;
    const err = await b
      .run(async () => {
        called = true;
        return 'x';
      })
      .catch((e: unknown) => e);
    assert.equal(called, false);
    assert.ok(err instanceof CircuitOpenError);
    assert.equal(err.status, 503);
    assert.equal(err.type, 'upstream_unavailable');
    assert.equal(err.upstream, 'catalog');
    assert.equal(err.retryAfterMs, 10_000);
    assert.match(err.message, /catalog is unavailable/);
    clock.advance(4_000);
    assert.equal(b.snapshot().retryAfterMs, 6_000);
  });

  it('half-opens after the reset timeout and lets exactly one trial through', async () => {
    const clock = fakeClock();
    const b = new CircuitBreaker({ name: 'order', failureThreshold: 1, resetTimeoutMs: 5_000, now: clock.now });
    await failTimes(b, 1);
    clock.advance(5_000);
    assert.equal(b.state, 'half_open');
    let release!: () => void;
    const trial = b.run(() => new Promise<string>((r) => (release = () => r('done'))));
    // While the trial is in flight every other call fails fast.
    await assert.rejects(b.run(ok), CircuitOpenError);
    release();
    assert.equal(await trial, 'done');
    assert.equal(b.state, 'closed');
    assert.equal(await b.run(ok), 'ok');
  });

  it('re-opens when the trial fails, for another full reset timeout', async () => {
    const clock = fakeClock();
    const b = new CircuitBreaker({ name: 'order', failureThreshold: 2, resetTimeoutMs: 1_000, now: clock.now });
    await failTimes(b, 2);
    clock.advance(1_000);
    await assert.rejects(b.run(fail), /boom/);
    assert.equal(b.state, 'open');
    clock.advance(999);
    await assert.rejects(b.run(ok), CircuitOpenError);
    clock.advance(1);
    assert.equal(await b.run(ok), 'ok');
    assert.equal(b.state, 'closed');
  });

  it('ignores the outcome of a call that started before the circuit changed state', async () => {
    const clock = fakeClock();
    const b = new CircuitBreaker({ name: 'payment', failureThreshold: 1, resetTimeoutMs: 1_000, now: clock.now });
    const slow = b.acquire();
    await failTimes(b, 1);
    assert.equal(b.state, 'open');
    slow.success(); // late news from before the outage must not close the circuit
    assert.equal(b.state, 'open');
  });

  it('counts failed results and lets some errors pass without counting', async () => {
    const clock = fakeClock();
    const b = new CircuitBreaker({ name: 'review', failureThreshold: 2, now: clock.now });
    const isFailedResult = (status: number) => status >= 502;
    await b.run(async () => 503, { isFailedResult });
    await b.run(async () => 404, { isFailedResult });
    assert.equal(b.snapshot().consecutiveFailures, 0);
    const notOurs = (err: unknown) => !(err instanceof TypeError);
    for (let i = 0; i < 3; i++) await assert.rejects(b.run(() => Promise.reject(new TypeError('caller bug')), { isFailure: notOurs }));
    assert.equal(b.state, 'closed');
    await b.run(async () => 503, { isFailedResult });
    await b.run(async () => 504, { isFailedResult });
    assert.equal(b.state, 'open');
  });

  it('a cancelled trial lets the next call be the trial', async () => {
    const clock = fakeClock();
    const b = new CircuitBreaker({ name: 'user', failureThreshold: 1, resetTimeoutMs: 100, now: clock.now });
    await failTimes(b, 1);
    clock.advance(100);
    b.acquire().cancel();
    assert.equal(await b.run(ok), 'ok');
    assert.equal(b.state, 'closed');
  });

  it('a lost trial permit does not wedge the breaker half-open', async () => {
    const clock = fakeClock();
    const b = new CircuitBreaker({ name: 'user', failureThreshold: 1, resetTimeoutMs: 100, now: clock.now });
    await failTimes(b, 1);
    clock.advance(100);
    b.acquire(); // never settled
    assert.throws(() => b.acquire(), CircuitOpenError);
    clock.advance(100);
    assert.equal(await b.run(ok), 'ok');
  });

  it('settling a permit twice counts once, and state changes are reported', async () => {
    const clock = fakeClock();
    const changes: string[] = [];
    const b = new CircuitBreaker({
      name: 'inventory',
      failureThreshold: 2,
      resetTimeoutMs: 10,
      now: clock.now,
      onStateChange: (c: { from: BreakerState; to: BreakerState }) => changes.push(`${c.from}->${c.to}`),
    });
    const p = b.acquire();
    p.failure();
    p.failure();
    assert.equal(b.state, 'closed');
    await failTimes(b, 1);
    clock.advance(10);
    await b.run(ok);
    assert.deepEqual(changes, ['closed->open', 'open->half_open', 'half_open->closed']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventually } from '../testing/index.js';
import { CircuitBreaker, CircuitOpenError, type BreakerState } from './circuit-breaker.js';

const fail = () => Promise.reject(new Error('boom'));
const ok = () => Promise.resolve('ok');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function failTimes(b: CircuitBreaker, n: number) {
  for (let i = 0; i < n; i++) await assert.rejects(b.run(fail), /boom/);
}

/** A readiness probe the test switches between ready and not, counting its calls. */
function switchableProbe(ready = false) {
  const p = {
    ready,
    calls: 0,
    probe: async () => {
      p.calls++;
      if (!p.ready) throw new Error('not ready');
    },
  };
  return p;
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold and counts only consecutive failures', async () => {
    const b = new CircuitBreaker({ name: 'catalog', failureThreshold: 3 });
    await failTimes(b, 2);
    assert.equal(await b.run(ok), 'ok');
    await failTimes(b, 2);
    assert.equal(b.state, 'closed');
    assert.equal(b.snapshot().consecutiveFailures, 2);
  });

  it('opens after N consecutive failures and then rejects without calling', async () => {
    const b = new CircuitBreaker({ name: 'catalog', failureThreshold: 3, firstRetryMs: 10_000 });
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
    assert.ok(err.retryAfterMs > 9_000 && err.retryAfterMs <= 10_000, String(err.retryAfterMs));
    assert.match(err.message, /catalog is unavailable .*retry in 10 s/);
  });

  it('without a probe, lets one trial call through after the first wait; its success closes the circuit', async () => {
    const b = new CircuitBreaker({ name: 'order', failureThreshold: 1, firstRetryMs: 300 });
    await failTimes(b, 1);
    assert.throws(() => b.acquire(), CircuitOpenError);
    await sleep(320);
    let release!: () => void;
    const trial = b.run(() => new Promise<string>((r) => (release = () => r('done'))));
    assert.equal(b.state, 'half_open');
    // While the trial is in flight every other call fails fast (none waits behind it).
    await assert.rejects(b.run(ok), CircuitOpenError);
    release();
    assert.equal(await trial, 'done');
    assert.equal(b.state, 'closed');
    assert.equal(await b.run(ok), 'ok');
  });

  it('waits twice as long after each failed trial, up to the longest wait', async () => {
    const b = new CircuitBreaker({ name: 'order', failureThreshold: 1, firstRetryMs: 20, maxRetryMs: 50 });
    await failTimes(b, 1);
    const waits: number[] = [b.snapshot().retryDelayMs];
    for (let i = 0; i < 3; i++) {
      await sleep(b.snapshot().retryAfterMs + 5);
      await assert.rejects(b.run(fail), /boom/);
      assert.equal(b.state, 'open');
      waits.push(b.snapshot().retryDelayMs);
    }
    assert.deepEqual(waits, [20, 40, 50, 50]);
  });

  it('with a probe, probes readiness while open and lets no client call through until the upstream is ready', async () => {
    const p = switchableProbe(false);
    const b = new CircuitBreaker({ name: 'order', failureThreshold: 2, firstRetryMs: 10, maxRetryMs: 20, probe: p.probe });
    await failTimes(b, 2);
    let called = 0;
    const client = () => b.run(async () => ++called);
    await eventually(() => p.calls >= 3, 5_000, 5);
    assert.equal(b.state, 'open');
    // Long past the wait: a client's call is still refused while the probe says not ready.
    await assert.rejects(client(), CircuitOpenError);
    assert.equal(called, 0);
    p.ready = true;
    await eventually(() => b.state === 'half_open', 5_000, 5);
    assert.equal(await client(), 1);
    assert.equal(b.state, 'closed');
    b.dispose();
  });

  it('half-open after a ready probe admits one real trial call and closes only on its success', async () => {
    const p = switchableProbe(true);
    const changes: string[] = [];
    const b = new CircuitBreaker({ name: 'order', failureThreshold: 1, firstRetryMs: 10, maxRetryMs: 10, probe: p.probe, onStateChange: (c) => changes.push(`${c.from}->${c.to}`) });
    await failTimes(b, 1);
    await eventually(() => b.state === 'half_open', 5_000, 5);
    // The ready probe did not close the circuit: the trial is a client's call.
    assert.equal(b.snapshot().state, 'half_open');
    let release!: (ok: boolean) => void;
    const trial = b.run(() => new Promise<string>((resolve, reject) => (release = (ok) => (ok ? resolve('done') : reject(new Error('still broken'))))));
    // One trial at a time: every other call fails fast meanwhile, and none waits behind it.
    await assert.rejects(b.run(ok), CircuitOpenError);
    release(false);
    await assert.rejects(trial, /still broken/);
    assert.equal(b.state, 'open');
    // The next ready probe makes the next call the trial; its success closes the circuit.
    await eventually(() => b.state === 'half_open', 5_000, 5);
    assert.equal(await b.run(ok), 'ok');
    assert.equal(b.state, 'closed');
    assert.deepEqual(changes, ['closed->open', 'open->half_open', 'half_open->open', 'open->half_open', 'half_open->closed']);
    b.dispose();
  });

  it('a trial that says nothing of the upstream neither closes nor reopens the circuit: the next call is the trial', async () => {
    const b = new CircuitBreaker({ name: 'order', failureThreshold: 1, firstRetryMs: 10 });
    await failTimes(b, 1);
    await sleep(15);
    b.acquire().cancel(); // the client went away
    await sleep(5);
    assert.equal(b.state, 'half_open');
    assert.equal(await b.run(ok), 'ok');
    assert.equal(b.state, 'closed');
  });

  it('a slow trial answer from an upstream the probe finds ready does not reopen the circuit (no client holds it open)', async () => {
    const p = switchableProbe(true);
    const b = new CircuitBreaker({ name: 'order', failureThreshold: 1, firstRetryMs: 10, probe: p.probe });
    await failTimes(b, 1);
    await eventually(() => b.state === 'half_open', 5_000, 5);
    await b.run(async () => 504, { outcomeOf: () => 'suspect' });
    await sleep(20);
    assert.equal(b.state, 'half_open');
    assert.equal(await b.run(async () => 'served'), 'served', 'the next call was the trial');
    assert.equal(b.state, 'closed');
    await b.run(fail).catch(() => undefined);
    await eventually(() => b.state === 'half_open', 5_000, 5);
    p.ready = false;
    await sleep(300); // past the shared verdict
    await b.run(async () => 504, { outcomeOf: () => 'suspect' });
    await eventually(() => b.state === 'open', 2_000, 5);
    b.dispose();
  });

  it('counts a suspected failure only when the probe says the upstream is unhealthy', async () => {
    const p = switchableProbe(true);
    const b = new CircuitBreaker({ name: 'order', failureThreshold: 3, firstRetryMs: 60_000, probe: p.probe });
    // Slow answers from a ready upstream: this caller's own business.
    for (let i = 0; i < 10; i++) b.acquire().suspect();
    await sleep(20);
    assert.equal(b.state, 'closed');
    assert.equal(b.snapshot().consecutiveFailures, 0);
    assert.ok(p.calls >= 1 && p.calls < 10, `the probe's verdict is shared (${p.calls} probes)`);
    p.ready = false;
    await sleep(300); // past the shared verdict
    for (let i = 0; i < 3; i++) b.acquire().suspect();
    await eventually(() => b.state === 'open', 2_000, 5);
    b.dispose();
  });

  it('counts an unreachable upstream at once, and never a call that says nothing about it', async () => {
    const b = new CircuitBreaker({ name: 'review', failureThreshold: 2, firstRetryMs: 60_000, probe: async () => undefined });
    for (let i = 0; i < 5; i++) b.acquire().cancel();
    await b.run(async () => 503, { outcomeOf: () => 'ignore' });
    await sleep(5);
    assert.equal(b.snapshot().consecutiveFailures, 0);
    b.acquire().failure();
    b.acquire().failure();
    await eventually(() => b.state === 'open', 1_000, 5);
    b.dispose();
  });

  it('settling a permit twice counts once, a late success does not close the circuit, and state changes are reported', async () => {
    const changes: string[] = [];
    const b = new CircuitBreaker({
      name: 'inventory',
      failureThreshold: 2,
      firstRetryMs: 20,
      onStateChange: (c: { from: BreakerState; to: BreakerState }) => changes.push(`${c.from}->${c.to}`),
    });
    const slow = b.acquire();
    const p = b.acquire();
    p.failure();
    p.failure();
    await sleep(5);
    assert.equal(b.state, 'closed');
    await failTimes(b, 1);
    assert.equal(b.state, 'open');
    slow.success(); // news from before the outage
    await sleep(5);
    assert.equal(b.state, 'open');
    await sleep(25);
    await b.run(ok);
    assert.deepEqual(changes, ['closed->open', 'open->half_open', 'half_open->closed']);
  });
});

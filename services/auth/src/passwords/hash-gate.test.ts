import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceUnavailable } from '@mercato/chassis';
import { HashGate } from './hash-gate.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('hash gate', () => {
  it('runs at most `concurrency` at once, queues up to `maxQueue`, and refuses the rest at once with 503 busy', async () => {
    const gate = new HashGate({ concurrency: 2, maxQueue: 2, retryAfterS: 3 });
    const blockers = [deferred(), deferred(), deferred(), deferred()];
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const job = (i: number) => async () => {
      started.push(i);
      active++;
      peak = Math.max(peak, active);
      await blockers[i]!.promise;
      active--;
      return i;
    };
    const runs = [0, 1, 2, 3].map((i) => gate.run('other', job(i)));
    await assert.rejects(gate.run('other', job(9)), (err: unknown) => err instanceof ServiceUnavailable && err.status === 503 && err.retryAfterSeconds === 3 && err.type === 'busy');
    assert.equal(gate.refused, 1);
    assert.deepEqual(started, [0, 1]);
    assert.equal(gate.waiting, 2);
    for (const b of blockers) b.resolve();
    assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3]);
    assert.equal(peak, 2);
    assert.equal(gate.waiting, 0);
  });

  it('serves waiting sign-ins before other work', async () => {
    const gate = new HashGate({ concurrency: 1, maxQueue: 10 });
    const first = deferred();
    const order: string[] = [];
    const hold = gate.run('other', () => first.promise);
    const rest = [
      gate.run('other', async () => void order.push('register-1')),
      gate.run('other', async () => void order.push('register-2')),
      gate.run('sign-in', async () => void order.push('login')),
    ];
    first.resolve();
    await Promise.all([hold, ...rest]);
    assert.deepEqual(order, ['login', 'register-1', 'register-2']);
  });

  it('frees its slot when the work fails', async () => {
    const gate = new HashGate({ concurrency: 1, maxQueue: 0 });
    await assert.rejects(gate.run('other', () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await gate.run('other', async () => 'ok'), 'ok');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { registerServiceMetrics, renderMetrics, ServiceMetrics } from './metrics.js';
import { openMetricsServer } from './server.js';

describe('metrics', () => {
  it('serves every service of the process under one family per name, apart by service, behind a token when set', async () => {
    const a = new ServiceMetrics('order');
    const b = new ServiceMetrics('payment');
    a.counter('mercato_test_total', 'test', ['kind']).inc({ kind: 'x' }, 2);
    b.counter('mercato_test_total', 'test', ['kind']).inc({ kind: 'x' }, 3);
    // Found again by name, not made twice.
    a.counter('mercato_test_total', 'test', ['kind']).inc({ kind: 'x' });
    const off = [registerServiceMetrics(a), registerServiceMetrics(b)];
    const shared = await openMetricsServer({ port: 0, host: '127.0.0.1', token: 'a-token-of-at-least-24-chars' });
    const again = await openMetricsServer({ port: 0, host: '127.0.0.1', token: 'a-token-of-at-least-24-chars' });
    try {
      assert.equal(again.url, shared.url, 'services of one process share one metrics port');
      const text = (await renderMetrics()).body;
      assert.equal(text.match(/^# TYPE mercato_test_total counter$/gm)?.length, 1);
      assert.match(text, /^mercato_test_total\{kind="x",service="order"\} 3$/m);
      assert.match(text, /^mercato_test_total\{kind="x",service="payment"\} 3$/m);
      assert.match(text, /^mercato_process_cpu_seconds_total /m);
      assert.equal((await fetch(shared.url)).status, 401);
      const res = await fetch(shared.url, { headers: { authorization: 'Bearer a-token-of-at-least-24-chars' } });
      assert.equal(res.status, 200);
      assert.match(await res.text(), /service="payment"/);
      assert.equal((await fetch(shared.url.replace('/metrics', '/other'))).status, 404);
    } finally {
      await again.release();
      await shared.release();
      for (const f of off) f();
    }
    await assert.rejects(fetch(shared.url), 'the port closes with its last user');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DURATION_BUCKETS, registerServiceMetrics, renderMetrics, ServiceMetrics } from './metrics.js';
import { openMetricsServer } from './server.js';

describe('metrics', () => {
  it('exports a keyed histogram exactly as prom-client exports the same observations', async () => {
    const keyed = new ServiceMetrics('gateway');
    const plain = new ServiceMetrics('gateway');
    const k = keyed.keyedHistogram('mercato_test_seconds', 'test', ['method', 'status_code'], DURATION_BUCKETS);
    const p = plain.histogram('mercato_test_seconds', 'test', ['method', 'status_code'], DURATION_BUCKETS);
    const seen: [string, string, number][] = [['GET', '200', 0.0004], ['GET', '200', 0.001], ['GET', '200', 0.0011], ['POST', '201', 0.3], ['GET', '200', 12], ['POST', '201', 0.005], ['GET', '304', 0]];
    for (const [method, status_code, v] of seen) {
      k.observe(`${method} ${status_code}`, () => ({ method, status_code }), v);
      p.observe({ method, status_code }, v);
    }
    // Found again by name.
    assert.equal(keyed.keyedHistogram('mercato_test_seconds', 'test', ['method', 'status_code']), k);
    // The same lines, but for the order of the labels inside the braces (which Prometheus ignores).
    const sameOrder = (t: string) => t.replace(/\{([^}]*)\}/g, (_, l: string) => `{${l.split(',').sort().join(',')}}`);
    const text = await keyed.registry.metrics();
    assert.equal(sameOrder(text), sameOrder(await plain.registry.metrics()));
    assert.match(text, /^mercato_test_seconds_bucket\{le="0\.001",method="GET",status_code="200",service="gateway"\} 2$/m);
    assert.match(text, /^mercato_test_seconds_bucket\{le="\+Inf",method="GET",status_code="200",service="gateway"\} 4$/m);
    assert.match(text, /^mercato_test_seconds_count\{method="GET",status_code="200",service="gateway"\} 4$/m);
    assert.throws(() => k.observe('x', () => ({ method: 'GET', status_code: '200', other: 'x' }) as never, 1), /not included/);
    assert.throws(() => k.observe('GET 200', () => ({ method: 'GET', status_code: '200' }), Number.NaN), /not a valid number/);
    k.reset();
    assert.doesNotMatch(await keyed.registry.metrics(), /mercato_test_seconds_count/);
  });

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

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { currentContext, runWithContext } from '../context.js';
import { activeTraceparent, inSpan, startTracing, stopTracing, tracingConfigured, tracingEnabled, withParent } from './index.js';
import { otlpProtocol } from './otel.js';

describe('tracing', () => {
  it('is configured by an OTLP endpoint only, and can be turned off', () => {
    assert.equal(tracingConfigured({}), false);
    assert.equal(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }), true);
    assert.equal(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }), true);
    assert.equal(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }), false);
    assert.equal(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }), false);
    assert.equal(otlpProtocol({}), 'http/protobuf');
    assert.equal(otlpProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }), 'http/json');
    assert.throws(() => otlpProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }), /grpc is not supported: use http\/protobuf or http\/json/);
  });

  it('does nothing when not configured: no span, the work runs as it is', async () => {
    assert.equal(await startTracing('test', {}), false);
    assert.equal(tracingEnabled(), false);
    assert.equal(activeTraceparent(), undefined);
    assert.equal(await inSpan('work', null, {}, async (tp) => tp), undefined);
    assert.equal(withParent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', () => 42), 42);
  });

  it('exports spans over OTLP http/protobuf, parented on the given traceparent, once started', async () => {
    const bodies: { type: string; body: Buffer; path: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push({ type: String(req.headers['content-type']), body: Buffer.concat(chunks), path: req.url ?? '' });
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      assert.equal(await startTracing('unit', { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }), true);
      assert.equal(tracingEnabled(), true);
      const traceId = '0af7651916cd43dd8448eb211c80319c';
      const parent = 'b7ad6b7169203331';
      let inner: string | undefined;
      const seen = await inSpan('process OrderPlaced', `00-${traceId}-${parent}-01`, { kind: 'consumer', attributes: { 'mercato.service': 'inventory' } }, async (tp) =>
        // The chassis context carries the span's traceparent into logs, calls and events.
        runWithContext({ kind: 'event', requestId: 'evt_1', traceparent: tp! }, async () => {
          inner = activeTraceparent();
          return currentContext()!.traceparent;
        }),
      );
      assert.match(seen, new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`), 'the span is in the parent trace');
      assert.notEqual(seen.split('-')[2], parent, 'with a span id of its own');
      assert.equal(inner, seen, 'and is the active span inside');
      await assert.rejects(inSpan('fails', null, {}, async () => Promise.reject(new Error('boom'))), /boom/);
      await stopTracing();
      assert.equal(tracingEnabled(), false);
      const exported = Buffer.concat(bodies.map((b) => b.body));
      assert.ok(bodies.length > 0 && bodies.every((b) => b.type === 'application/x-protobuf' && b.path === '/v1/traces'), JSON.stringify(bodies.map((b) => [b.type, b.path])));
      // Protobuf keeps ids as raw bytes and names as UTF-8.
      assert.ok(exported.includes(Buffer.from(traceId, 'hex')), 'the trace id is exported');
      assert.ok(exported.includes(Buffer.from(parent, 'hex')), 'with the parent span id');
      assert.ok(exported.includes(Buffer.from(seen.split('-')[2]!, 'hex')), 'and the span id');
      assert.ok(exported.includes(Buffer.from('process OrderPlaced')) && exported.includes(Buffer.from('inventory')) && exported.includes(Buffer.from('boom')));
      assert.ok(exported.includes(Buffer.from('unit')), 'under the service name');
    } finally {
      await stopTracing();
      server.close();
    }
  });
});

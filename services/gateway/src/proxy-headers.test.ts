import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { downstreamResponseHeaders, upstreamRequestHeaders, type ForwardInfo } from './proxy-headers.js';

const info: ForwardInfo = {
  clientIp: '203.0.113.7',
  protocol: 'http',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  requestId: 'req_1',
  trustForwarded: false,
};

describe('upstreamRequestHeaders', () => {
  it('drops hop-by-hop headers, and those the Connection header names', () => {
    const out = upstreamRequestHeaders(
      {
        host: 'shop.example',
        connection: 'keep-alive, x-secret-hop',
        'keep-alive': 'timeout=5',
        'proxy-authorization': 'Basic x',
        'proxy-connection': 'keep-alive',
        te: 'trailers',
        trailer: 'x-sum',
        'transfer-encoding': 'chunked',
        upgrade: 'websocket',
        expect: '100-continue',
        'x-secret-hop': '1',
        authorization: 'Bearer t',
        'content-type': 'application/json',
        cookie: 'a=1',
      },
      info,
    );
    assert.deepEqual(out, {
      authorization: 'Bearer t',
      'content-type': 'application/json',
      cookie: 'a=1',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'shop.example',
      traceparent: info.traceparent,
      'x-request-id': 'req_1',
    });
  });

  it("overwrites a client's X-Forwarded-* and trace headers unless a trusted proxy set them", () => {
    const incoming = {
      host: 'gw:8080',
      'x-forwarded-for': '10.9.9.9',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'evil.example',
      traceparent: '00-11111111111111111111111111111111-2222222222222222-01',
      'x-request-id': 'req_client',
    };
    const untrusted = upstreamRequestHeaders(incoming, info);
    assert.equal(untrusted['x-forwarded-for'], '203.0.113.7');
    assert.equal(untrusted['x-forwarded-proto'], 'http');
    assert.equal(untrusted['x-forwarded-host'], 'gw:8080');
    assert.equal(untrusted.traceparent, info.traceparent);
    assert.equal(untrusted['x-request-id'], 'req_1');
    const trusted = upstreamRequestHeaders(incoming, { ...info, trustForwarded: true });
    assert.equal(trusted['x-forwarded-for'], '10.9.9.9, 203.0.113.7');
    assert.equal(trusted['x-forwarded-proto'], 'https');
    assert.equal(trusted['x-forwarded-host'], 'evil.example');
  });
});

describe('downstreamResponseHeaders', () => {
  it('drops hop-by-hop headers and keeps the rest, set-cookie lists included', () => {
    const out = downstreamResponseHeaders({
      Connection: 'keep-alive, X-Internal',
      'Keep-Alive': 'timeout=65',
      'transfer-encoding': 'chunked',
      trailer: 'x',
      upgrade: 'h2c',
      'proxy-authenticate': 'Basic',
      'x-internal': 'no',
      'content-type': 'application/json',
      'content-length': '12',
      'set-cookie': ['a=1', 'b=2'],
      etag: '"v1"',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-aaaaaaaaaaaaaaaa-01',
      'x-request-id': 'req_1',
    });
    assert.deepEqual(out, { 'content-type': 'application/json', 'content-length': '12', 'set-cookie': ['a=1', 'b=2'], etag: '"v1"' });
  });
});

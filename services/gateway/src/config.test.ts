import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '@mercato/chassis';
import { loadGatewaySettings, maxPreferWait } from './config.js';

describe('loadGatewaySettings', () => {
  it('defaults every upstream to its local default port when the caller gives URLs (the embedded mode)', () => {
    const s = loadGatewaySettings({}, {});
    assert.equal(s.port, 8080);
    assert.equal(s.upstreams.catalog, 'http://127.0.0.1:8083');
    assert.equal(s.upstreams.notification, 'http://127.0.0.1:8088');
    assert.equal(s.upstreamTimeoutMs, 10_000);
    assert.equal(s.connectTimeoutMs, 1_000);
    assert.equal(s.breakerFailures, 5);
    assert.equal(s.breakerFirstRetryMs, 250);
    assert.equal(s.breakerResetMs, 2_000);
    assert.equal(s.maxPreferWaitSeconds, 8, 'an answer asked to wait comes before the 10 s upstream timeout');
    assert.equal(s.trustForwarded, false);
    assert.equal(s.databaseUrl, undefined);
  });

  it('takes <SVC>_URL, and URLs given by the caller over both', () => {
    const s = loadGatewaySettings(
      { CATALOG_URL: 'http://catalog:8083/', ORDER_URL: 'http://order:8085', GATEWAY_UPSTREAM_TIMEOUT_MS: '2500', GATEWAY_TRUST_FORWARDED: 'true' },
      { order: 'http://127.0.0.1:40001' },
    );
    assert.equal(s.upstreams.catalog, 'http://catalog:8083');
    assert.equal(s.upstreams.order, 'http://127.0.0.1:40001');
    assert.equal(s.upstreamTimeoutMs, 2_500);
    assert.equal(s.trustForwarded, true);
  });

  it('names the bad variable', () => {
    assert.throws(() => loadGatewaySettings({ CATALOG_URL: 'catalog:8083' }, {}), (err: unknown) => err instanceof ConfigError && /CATALOG_URL is invalid/.test(err.message));
    assert.throws(() => loadGatewaySettings({ PAYMENT_URL: 'http://payment:8086/v1' }, {}), /PAYMENT_URL is invalid/);
    assert.throws(() => loadGatewaySettings({ GATEWAY_CONNECT_TIMEOUT_MS: '5' }, {}), /GATEWAY_CONNECT_TIMEOUT_MS is invalid/);
  });

  it('alone (no URLs given by a launcher), requires every <SERVICE>_URL and names the missing one', () => {
    const all = Object.fromEntries(['AUTH', 'USER', 'CATALOG', 'INVENTORY', 'ORDER', 'PAYMENT', 'REVIEW', 'NOTIFICATION'].map((s) => [`${s}_URL`, `http://${s.toLowerCase()}:80`]));
    assert.equal(loadGatewaySettings(all).upstreams.order, 'http://order:80');
    const { ORDER_URL: _, ...withoutOrder } = all;
    assert.throws(
      () => loadGatewaySettings(withoutOrder),
      (err: unknown) => err instanceof ConfigError && /^Configuration error: ORDER_URL is missing; expected the base URL of the order service/.test(err.message),
    );
  });

  it('keeps a Prefer: wait below the upstream timeout', () => {
    assert.equal(maxPreferWait(10_000), 8);
    assert.equal(maxPreferWait(3_000), 2);
    assert.equal(maxPreferWait(2_000), 1);
    assert.equal(maxPreferWait(1_000), 0);
    assert.equal(maxPreferWait(60_000), 48);
  });
});

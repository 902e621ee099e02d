import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually, skipUnless } from '@mercato/chassis/testing';
import { startCluster, type Cluster } from '@mercato/platform/testing';

// The distributed mode as an operator runs it: each service its own process with its own
// database on the PostgreSQL server, RabbitMQ as the bus, Redis for the shared cache and rate
// limits, the gateway in front. Tokens are signed by a stand-in for auth's key, published as JWKS.

const SERVICES = ['catalog', 'inventory', 'order'] as const;

describe('the distributed mode: a process per service on PostgreSQL, RabbitMQ and Redis', { skip: skipUnless('postgres', 'rabbitmq', 'redis') }, () => {
  let cluster: Cluster;
  let api: string;
  const manager = () => cluster.as(['catalog_manager']);

  before(async () => {
    cluster = await startCluster({ services: SERVICES });
    api = cluster.api;
  });

  after(async () => {
    await cluster?.close();
  });

  it('starts each service alone, migrated, with its database and the broker reachable', async () => {
    for (const name of SERVICES) {
      const ready = (await (await fetch(`http://127.0.0.1:${cluster.ports[name]}/readyz`)).json()) as { service: string; checks: Record<string, string> };
      assert.equal(ready.service, name);
      assert.equal(ready.checks.database, 'ok');
      assert.equal(ready.checks.bus, 'ok');
    }
  });

  it('sells from the catalog through the gateway: a product created, stocked by inventory over RabbitMQ, found by search', async () => {
    const created = await fetch(`${api}/products`, {
      method: 'POST',
      headers: manager(),
      body: JSON.stringify({
        slug: 'distributed-tee',
        title: 'Distributed Cotton Tee',
        status: 'published',
        options: [{ name: 'Size', values: ['M'] }],
        variants: [{ sku: 'DIST-TEE-M', options: { Size: 'M' }, prices: [{ amount: 1999, currency: 'USD' }] }],
      }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    // ProductCreated travels catalog outbox → RabbitMQ → inventory, which opens a stock record.
    await eventually(async () => {
      const res = await fetch(`${api}/inventory/skus/DIST-TEE-M`, { headers: manager() });
      return res.status === 200;
    }, 15_000, 100);
    const adjusted = await fetch(`${api}/inventory/skus/DIST-TEE-M/adjustments`, { method: 'POST', headers: manager(), body: JSON.stringify({ warehouse: 'main', delta: 12, reason: 'receipt' }) });
    assert.equal(adjusted.status, 201, await adjusted.clone().text());
    const availability = (await (await fetch(`${api}/inventory/availability?sku=DIST-TEE-M`)).json()) as { items: Array<{ sku: string; available: number }> };
    assert.deepEqual(availability.items.map((i) => [i.sku, i.available]), [['DIST-TEE-M', 12]]);

    const search = await fetch(`${api}/products?q=distributd+tee`);
    assert.equal(search.status, 200);
    assert.equal(((await search.json()) as { items: Array<{ slug: string }> }).items[0]!.slug, 'distributed-tee');
    const again = await fetch(`${api}/products?q=distributd+tee`, { headers: { 'if-none-match': search.headers.get('etag')! } });
    assert.equal(again.status, 304, 'cached in Redis, validated by ETag');
    assert.equal((await fetch(`${api}/products`, { method: 'POST', headers: cluster.as(['customer']), body: '{}' })).status, 403);
  });

  it('routes to the owning process, and answers 503 once it has stopped', async () => {
    const routed = await fetch(`${api}/checkout/nothing`, { headers: { 'x-request-id': 'req-dist-1' } });
    assert.equal(routed.status, 404);
    const body = (await routed.json()) as { detail: string; instance: string };
    assert.equal(body.detail, 'No route for GET /checkout/nothing', 'the order process answered, without the /api/v1 prefix');
    assert.equal(body.instance, 'req-dist-1', 'the request id travelled with the request');

    assert.equal(await cluster.stop('catalog'), 0, 'the service stopped gracefully');
    const started = Date.now();
    const down = await fetch(`${api}/products`);
    assert.equal(down.status, 503);
    assert.equal(((await down.json()) as { code: string }).code, 'upstream_unavailable');
    assert.ok(Date.now() - started < 2000, 'answered within the upstream timeout');
    assert.equal((await fetch(`${api}/inventory/availability?sku=DIST-TEE-M`)).status, 200, 'the other services are still served');
  });
});

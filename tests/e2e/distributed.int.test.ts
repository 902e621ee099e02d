import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  createTestDatabase,
  createTestSigner,
  eventually,
  listenJwks,
  skipUnless,
  TEST_AMQP_URL,
  TEST_REDIS_URL,
  uniqueName,
  type TestDatabase,
  type TestJwksServer,
} from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';

// The distributed mode as an operator runs it: each service its own process with its own
// database on the PostgreSQL server, RabbitMQ as the bus, Redis for the shared cache and rate
// limits, the gateway in front. Tokens are signed by a stand-in for auth's key, published as JWKS.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVICES = ['catalog', 'inventory', 'order'] as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

interface Proc {
  child: ChildProcess;
  exit: Promise<number | null>;
  err: () => string;
}

function start(service: string, env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'apps/platform/src/main.ts', '--service', service], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  return { child, exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))), err: () => err };
}

describe('the distributed mode: a process per service on PostgreSQL, RabbitMQ and Redis', { skip: skipUnless('postgres', 'rabbitmq', 'redis') }, () => {
  const dbs: Record<string, TestDatabase> = {};
  const procs: Record<string, Proc> = {};
  const ports: Record<string, number> = {};
  const signer = createTestSigner();
  let jwks: TestJwksServer;
  let api: string;
  const manager = () => ({ authorization: `Bearer ${signer.sign({ sub: newId('usr'), roles: ['catalog_manager'] })}`, 'content-type': 'application/json' });

  before(async () => {
    jwks = await listenJwks([signer.jwk]);
    for (const name of [...SERVICES, 'gateway']) ports[name] = await freePort();
    const namespace = uniqueName('dist');
    const common = {
      BUS_URL: TEST_AMQP_URL,
      // Its own exchange and queues: parallel runs on one broker never see each other's events.
      BUS_NAMESPACE: namespace,
      REDIS_URL: TEST_REDIS_URL,
      CATALOG_CACHE_PREFIX: `${namespace}:catalog:`,
      GATEWAY_UPSTREAM_TIMEOUT_MS: '2000',
      AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
      OUTBOX_POLL_MS: '100',
    };
    for (const name of SERVICES) {
      dbs[name] = await createTestDatabase(`dist_${name}`);
      procs[name] = start(name, { ...common, [`${name.toUpperCase()}_DATABASE_URL`]: dbs[name]!.url, [`${name.toUpperCase()}_PORT`]: String(ports[name]) });
    }
    procs.gateway = start('gateway', {
      ...common,
      GATEWAY_PORT: String(ports.gateway),
      // The gateway reads the signing keys where auth publishes them: here, the stand-in.
      AUTH_URL: jwks.url,
      ...Object.fromEntries(SERVICES.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}`])),
    });
    for (const name of [...SERVICES, 'gateway']) {
      await eventually(async () => (await fetch(`http://127.0.0.1:${ports[name]}/readyz`).catch(() => null))?.ok, 30_000, 100).catch(() => {
        throw new Error(`${name} did not become ready:\n${procs[name]!.err()}`);
      });
    }
    api = `http://127.0.0.1:${ports.gateway}/api/v1`;
  });

  after(async () => {
    for (const p of Object.values(procs)) if (p.child.exitCode === null) p.child.kill('SIGTERM');
    await Promise.all(Object.values(procs).map((p) => p.exit));
    for (const db of Object.values(dbs)) await db.drop();
    await jwks?.close();
  });

  it('starts each service alone, migrated, with its database and the broker reachable', async () => {
    for (const name of SERVICES) {
      const ready = (await (await fetch(`http://127.0.0.1:${ports[name]}/readyz`)).json()) as { service: string; checks: Record<string, string> };
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
      const res = await fetch(`${api}/inventory/DIST-TEE-M`, { headers: manager() });
      return res.status === 200;
    }, 15_000, 100);
    const adjusted = await fetch(`${api}/inventory/DIST-TEE-M/adjustments`, { method: 'POST', headers: manager(), body: JSON.stringify({ warehouse: 'main', delta: 12, reason: 'receipt' }) });
    assert.equal(adjusted.status, 201, await adjusted.clone().text());
    const availability = (await (await fetch(`${api}/inventory/availability?sku=DIST-TEE-M`)).json()) as { items: Array<{ sku: string; available: number }> };
    assert.deepEqual(availability.items.map((i) => [i.sku, i.available]), [['DIST-TEE-M', 12]]);

    const search = await fetch(`${api}/products?q=distributd+tee`);
    assert.equal(search.status, 200);
    assert.equal(((await search.json()) as { items: Array<{ slug: string }> }).items[0]!.slug, 'distributed-tee');
    const again = await fetch(`${api}/products?q=distributd+tee`, { headers: { 'if-none-match': search.headers.get('etag')! } });
    assert.equal(again.status, 304, 'cached in Redis, validated by ETag');
    assert.equal((await fetch(`${api}/products`, { method: 'POST', headers: { ...manager(), authorization: `Bearer ${signer.sign({ sub: newId('usr'), roles: ['customer'] })}` }, body: '{}' })).status, 403);
  });

  it('routes to the owning process, and answers 503 once it has stopped', async () => {
    const routed = await fetch(`${api}/checkout/nothing`, { headers: { 'x-request-id': 'req-dist-1' } });
    assert.equal(routed.status, 404);
    const body = (await routed.json()) as { detail: string; instance: string };
    assert.equal(body.detail, 'No route for GET /checkout/nothing', 'the order process answered, without the /api/v1 prefix');
    assert.equal(body.instance, 'req-dist-1', 'the request id travelled with the request');

    procs.catalog!.child.kill('SIGTERM');
    assert.equal(await procs.catalog!.exit, 0, 'the service stopped gracefully');
    const started = Date.now();
    const down = await fetch(`${api}/products`);
    assert.equal(down.status, 503);
    assert.equal(((await down.json()) as { code: string }).code, 'upstream_unavailable');
    assert.ok(Date.now() - started < 2000, 'answered within the upstream timeout');
    assert.equal((await fetch(`${api}/inventory/availability?sku=DIST-TEE-M`)).status, 200, 'the other services are still served');
  });
});

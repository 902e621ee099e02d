import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, eventually, skipUnless, TEST_AMQP_URL, TEST_REDIS_URL, type TestDatabase } from '@mercato/chassis/testing';

// The distributed mode as an operator runs it: each service its own process with its own
// database on the PostgreSQL server and RabbitMQ as the bus, the gateway in front.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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

describe('the distributed mode: a process per service on PostgreSQL and RabbitMQ', { skip: skipUnless('postgres', 'rabbitmq') }, () => {
  const dbs: TestDatabase[] = [];
  const procs: Record<string, Proc> = {};
  const ports: Record<string, number> = {};

  before(async () => {
    for (const name of ['order', 'inventory', 'gateway']) ports[name] = await freePort();
    const common = { BUS_URL: TEST_AMQP_URL, REDIS_URL: TEST_REDIS_URL, GATEWAY_UPSTREAM_TIMEOUT_MS: '2000' };
    for (const name of ['order', 'inventory']) {
      const db = await createTestDatabase(`dist_${name}`);
      dbs.push(db);
      procs[name] = start(name, { ...common, [`${name.toUpperCase()}_DATABASE_URL`]: db.url, [`${name.toUpperCase()}_PORT`]: String(ports[name]) });
    }
    procs.gateway = start('gateway', {
      ...common,
      GATEWAY_PORT: String(ports.gateway),
      ORDER_URL: `http://127.0.0.1:${ports.order}`,
      INVENTORY_URL: `http://127.0.0.1:${ports.inventory}`,
    });
    for (const name of ['order', 'inventory', 'gateway']) {
      await eventually(async () => (await fetch(`http://127.0.0.1:${ports[name]}/readyz`)).ok, 30_000, 100);
    }
  });

  after(async () => {
    for (const p of Object.values(procs)) if (p.child.exitCode === null) p.child.kill('SIGTERM');
    await Promise.all(Object.values(procs).map((p) => p.exit));
    for (const db of dbs) await db.drop();
  });

  it('starts each service alone, migrated, with its database and the broker reachable', async () => {
    for (const name of ['order', 'inventory']) {
      const ready = (await (await fetch(`http://127.0.0.1:${ports[name]}/readyz`)).json()) as { service: string; checks: Record<string, string> };
      assert.equal(ready.service, name);
      assert.deepEqual(ready.checks, { database: 'ok', bus: 'ok' });
    }
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: dbs[0]!.url });
    await client.connect();
    const tables = await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    await client.end();
    assert.deepEqual(tables.rows.map((r) => r.t), ['event_failures', 'inbox', 'outbox', 'schema_migrations']);
  });

  it('routes through the gateway to the owning process, and answers 503 once it has stopped', async () => {
    const gw = `http://127.0.0.1:${ports.gateway}`;
    const routed = await fetch(`${gw}/api/v1/inventory/SKU-1`, { headers: { 'x-request-id': 'req-dist-1' } });
    assert.equal(routed.status, 404);
    const body = (await routed.json()) as { detail: string; instance: string };
    assert.equal(body.detail, 'No route for GET /inventory/SKU-1', 'the inventory process answered, without the /api/v1 prefix');
    assert.equal(body.instance, 'req-dist-1', 'the request id travelled with the request');

    procs.inventory!.child.kill('SIGTERM');
    assert.equal(await procs.inventory!.exit, 0, 'the service stopped gracefully');
    const started = Date.now();
    const down = await fetch(`${gw}/api/v1/inventory/SKU-1`);
    assert.equal(down.status, 503);
    assert.equal(((await down.json()) as { code: string }).code, 'upstream_unavailable');
    assert.ok(Date.now() - started < 2000, 'answered within the upstream timeout');
    assert.equal((await fetch(`${gw}/api/v1/orders`)).status, 404, 'the other service is still served');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import { AmqpBus } from '../src/bus/amqp-bus.js';
import { operation } from '../src/http/operation.js';
import { startService, type RunningService, type ServiceModule } from '../src/service/service.js';
import { captureLogger, createTestDatabase, deleteBusNamespace, eventually, freePort, skipUnless, tcpRelay, TEST_AMQP_URL, uniqueName, type TcpRelay, type TestDatabase } from '../src/testing/index.js';
import { FIXTURE_MIGRATIONS, orderPlaced } from './harness.js';

// Readiness is what the service can serve: its database. A broker outage (the connection cut
// through a relay, the shared broker untouched) is reported in the body of /readyz and on
// `bus.connected`, and never turns /readyz into a 503: an orchestrator would take every replica
// out of service for a broker blip while the API still works and events wait in the outbox.

describe('readiness through a broker outage', { skip: skipUnless('postgres', 'rabbitmq') }, () => {
  let database: TestDatabase;
  let relay: TcpRelay;
  let svc: RunningService;
  const namespace = uniqueName('ready');

  const module: ServiceModule = {
    name: 'order',
    title: 'readiness test service',
    migrations: FIXTURE_MIGRATIONS.dir,
    async create({ db, outbox }) {
      return {
        routes: (app) => {
          const placed = Type.Object({ placed: Type.Boolean() }, { additionalProperties: false });
          app.post('/orders', { schema: { ...operation('placeOrder', 'public'), response: { 202: placed } } }, async (_req, reply) => {
            await db.tx((tx) => outbox.emit(tx, 'OrderPlaced', orderPlaced(), 'ord_ready'));
            return reply.code(202).send({ placed: true });
          });
        },
      };
    },
  };

  before(async () => {
    database = await createTestDatabase('ready');
    const broker = new URL(TEST_AMQP_URL);
    relay = tcpRelay({ host: broker.hostname, port: Number(broker.port || 5672) }, await freePort());
    await relay.open();
    const url = new URL(TEST_AMQP_URL);
    url.host = `127.0.0.1:${relay.port}`;
    const { logger } = captureLogger('order', 'silent');
    const bus = new AmqpBus({ url: url.toString(), logger, namespace });
    await bus.start();
    svc = await startService(module, { env: { ORDER_DATABASE_URL: database.url, ORDER_PORT: '0', OUTBOX_POLL_MS: '100' }, bus, logger, listen: false });
  });

  after(async () => {
    await svc?.stop();
    await svc?.bus.close();
    await relay?.cut();
    await database?.drop();
    await deleteBusNamespace(TEST_AMQP_URL, namespace, []);
  });

  const readyz = async () => {
    const res = await svc.app.inject({ method: 'GET', url: '/readyz' });
    return { status: res.statusCode, body: res.json<{ checks: Record<string, string>; degraded?: string[] }>() };
  };

  it('stays ready while the broker is away, says so in the body, and serves writes', async () => {
    assert.deepEqual(await readyz(), { status: 200, body: { status: 'ready', service: 'order', checks: { database: 'ok', bus: 'ok' } } });
    await relay.cut();
    await eventually(() => !svc.bus.connected, 20_000, 50);
    const during = await readyz();
    assert.equal(during.status, 200, JSON.stringify(during.body));
    assert.equal(during.body.checks.database, 'ok');
    assert.match(during.body.checks.bus!, /broker is unreachable/);
    assert.deepEqual(during.body.degraded, ['bus']);
    // The API works: the event waits in the outbox.
    assert.equal((await svc.app.inject({ method: 'POST', url: '/orders' })).statusCode, 202);
    assert.equal(Number((await svc.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')).rows[0]!.n), 1);

    await relay.open();
    await eventually(() => svc.bus.connected, 30_000, 100);
    await eventually(async () => Number((await svc.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')).rows[0]!.n) === 0, 30_000, 100);
    assert.deepEqual((await readyz()).body.checks, { database: 'ok', bus: 'ok' });
  });
});

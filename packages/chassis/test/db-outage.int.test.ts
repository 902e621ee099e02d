import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import pg from 'pg';
import { MemoryBus } from '../src/bus/memory-bus.js';
import { operation } from '../src/http/operation.js';
import { isDatabaseUnavailable, redactUrl } from '../src/db/connection-errors.js';
import { Db, withDatabase } from '../src/db/db.js';
import { startService, type RunningService, type ServiceModule } from '../src/service/service.js';
import { captureLogger, createTestDatabase, eventually, freePort, skipUnless, tcpRelay, TEST_PG_URL, type TestDatabase } from '../src/testing/index.js';
import { FIXTURE_MIGRATIONS } from './harness.js';

// What a database outage does to a service on the chassis: a killed session fails its
// transaction and nothing else (the process lives, the pool recovers), a route answers 503 with
// Retry-After rather than 500, a start waits for the database, the listening connection comes
// back, and after-commit work runs for its own transaction only.

/** Ends every session of `database` but ours (as a failover or `pg_terminate_backend` does). */
async function terminateSessions(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    const r = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

/** Once a statement of `database` is sleeping (the transaction under test is in flight), ends every session. */
async function terminateWhileSleeping(database: string): Promise<void> {
  await eventually(async () => {
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    admin.on('error', () => undefined);
    await admin.connect();
    try {
      const r = await admin.query("SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND query LIKE '%pg_sleep%'", [database]);
      return (r.rowCount ?? 0) > 0;
    } finally {
      await admin.end();
    }
  }, 5_000, 20);
  await terminateSessions(database);
}

describe('the chassis through a database outage', { skip: skipUnless('postgres') }, () => {
  let database: TestDatabase;
  let db: Db;
  let svc: RunningService;
  const log = captureLogger('order', 'info');

  const module: ServiceModule = {
    name: 'order',
    title: 'outage test service',
    migrations: FIXTURE_MIGRATIONS.dir,
    async create({ db: serviceDb }) {
      return {
        routes: (app) => {
          const body = Type.Object({ ms: Type.Integer({ minimum: 0, maximum: 10_000 }) }, { additionalProperties: false });
          const ok = Type.Object({ ok: Type.Boolean() }, { additionalProperties: false });
          app.post('/slow-write', { schema: { ...operation('slowWrite', 'public'), body, response: { 200: ok } } }, async (req) => {
            await serviceDb.tx(async (tx) => {
              await tx.query("INSERT INTO effects (event_id, subject) VALUES ('w', 'slow')");
              await tx.query('SELECT pg_sleep($1::float / 1000)', [req.body.ms]);
            });
            return { ok: true };
          });
        },
      };
    },
  };

  before(async () => {
    database = await createTestDatabase('outage');
    db = new Db({ url: database.url, poolMax: 4, logger: log.logger });
    svc = await startService(module, { env: { ORDER_DATABASE_URL: database.url, ORDER_PORT: '0' }, bus: new MemoryBus(), logger: log.logger, listen: false });
  });

  after(async () => {
    await svc?.stop();
    await db?.close();
    await database?.drop();
  });

  it('fails the transaction on a killed session, and the process and the pool live on', async () => {
    const running = db.tx(async (tx) => {
      await tx.query('SELECT pg_sleep(30)');
    });
    const outcome = running.then(
      () => 'committed',
      (err: unknown) => err,
    );
    // The pooled client whose session is killed emits 'error' while checked out: unhandled, it
    // ended the process.
    await terminateWhileSleeping(database.name);
    const err = await outcome;
    assert.ok(err instanceof Error, `the transaction failed (${String(err)})`);
    assert.ok(isDatabaseUnavailable(err), `a connection error: ${err.message}`);
    assert.deepEqual((await db.query('SELECT 1 AS one')).rows, [{ one: 1 }]);
    assert.equal(await db.tx(async (tx) => (await tx.query<{ n: number }>('SELECT 2 AS n')).rows[0]!.n), 2);
  });

  it('answers 503 service_unavailable with Retry-After when the database goes away under a request, not 500', async () => {
    const answer = svc.app.inject({ method: 'POST', url: '/slow-write', payload: { ms: 5_000 } });
    await terminateWhileSleeping(database.name);
    const res = await answer;
    assert.equal(res.statusCode, 503, res.body);
    assert.equal(res.headers['retry-after'], '2');
    const body = res.json<{ code: string; detail: string }>();
    assert.equal(body.code, 'service_unavailable');
    assert.match(body.detail, /order cannot reach its database/);
    // And serves again on the next request.
    const next = await svc.app.inject({ method: 'POST', url: '/slow-write', payload: { ms: 0 } });
    assert.equal(next.statusCode, 200, next.body);
  });

  it('runs after-commit work after its own transaction commits, and never for one rolled back', async () => {
    const ran: string[] = [];
    let releaseA!: () => void;
    const gate = new Promise<void>((r) => (releaseA = r));
    const a = db.tx(async (tx) => {
      tx.afterCommit(() => ran.push('a'));
      await gate;
    });
    // Another transaction commits in between: it must not run A's work (the catalog's old flag did).
    await db.tx(async (tx) => {
      await tx.query('SELECT 1');
    });
    assert.equal(ran.length, 0);
    releaseA();
    await a;
    assert.deepEqual(ran, ['a']);
    await assert.rejects(
      db.tx(async (tx) => {
        tx.afterCommit(() => ran.push('rolled back'));
        throw new Error('no');
      }),
      /no/,
    );
    // A failing hook is logged, and does not fail the committed transaction.
    assert.equal(
      await db.tx(async (tx) => {
        tx.afterCommit(() => Promise.reject(new Error('cache down')));
        return 'committed';
      }),
      'committed',
    );
    assert.deepEqual(ran, ['a']);
    await eventually(() => log.lines.some((l) => l.msg === 'after-commit work failed'), 2_000, 10);
  });

  it('listens on every channel over one connection of its own, and comes back after it is killed', async () => {
    const got: string[] = [];
    let gaps = 0;
    const one = await db.listen('outage_one', (p) => got.push(`one:${p}`), () => gaps++);
    const two = await db.listen('outage_two', (p) => got.push(`two:${p}`));
    const listeners = async () =>
      (
        await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'mercato-listen'",
        )
      ).rows[0]!.n;
    assert.equal(await listeners(), 1, 'one connection for both channels');
    await db.query("SELECT pg_notify('outage_one', 'a'), pg_notify('outage_two', 'b')");
    await eventually(() => got.length === 2, 2_000, 10);
    await terminateSessions(database.name);
    await eventually(() => gaps > 0, 5_000, 20);
    await eventually(async () => {
      await db.query("SELECT pg_notify('outage_one', 'c'), pg_notify('outage_two', 'd')");
      return got.includes('one:c') && got.includes('two:d');
    }, 10_000, 100);
    await one.close();
    await two.close();
    await eventually(async () => (await listeners()) === 0, 2_000, 20);
  });

  it('waits at start for a database that is not there yet, naming it without its password', async () => {
    const port = await freePort();
    const target = new URL(TEST_PG_URL);
    const url = new URL(withDatabase(TEST_PG_URL, database.name));
    url.host = `127.0.0.1:${port}`;
    url.password = 'secret-pw';
    const waiting = captureLogger('order', 'info');
    const late = new Db({ url: url.toString(), logger: waiting.logger });
    const relay = tcpRelay({ host: target.hostname, port: Number(target.port || 5432) }, port);
    try {
      const ready = late.waitUntilReachable();
      await eventually(() => waiting.lines.some((l) => String(l.msg).startsWith('waiting for the database at')), 5_000, 20);
      await relay.open();
      await ready;
      const line = waiting.lines.find((l) => String(l.msg).startsWith('waiting for the database at'))!;
      assert.equal(line.msg, `waiting for the database at ${redactUrl(url.toString())}`);
      assert.doesNotMatch(JSON.stringify(waiting.lines), /secret-pw/);
      assert.match(String(line.database), new RegExp(`127\\.0\\.0\\.1:${port}/${database.name}$`));
    } finally {
      await late.close();
      await relay.cut();
    }
    // What waiting cannot cure is said at once.
    const missing = new Db({ url: withDatabase(TEST_PG_URL, 'mercato_no_such_database') });
    try {
      await assert.rejects(missing.waitUntilReachable(), (err: unknown) => (err as { code?: string }).code === '3D000');
    } finally {
      await missing.close();
    }
  });
});

import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { findEmbeddedPostgres, startEmbeddedPostgres, STATE_FILE, type EmbeddedPostgres } from './index.js';
import { isAlive } from './processes.js';

// Needs no server of the machine: the binaries come with the npm package. Each start costs
// about a second (the first, with initdb, a few), so the suite makes three.

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}


async function waitDead(pid: number): Promise<void> {
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 25));
  assert.equal(isAlive(pid), false, `process ${pid} should have exited`);
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolve(server));
  });
}

describe('embedded PostgreSQL', () => {
  let root: string;
  let dataDir: string;
  let pgServer: EmbeddedPostgres | undefined;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'mercato-embedded-pg-'));
    // Under root the server runs as `postgres`, which must be able to traverse the temp dir.
    await chmod(root, 0o755);
    dataDir = join(root, 'postgres');
  });

  after(async () => {
    await pgServer?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('initialises on the first start, serves a database, refuses a second server on the same directory, stops idempotently', async () => {
    pgServer = await startEmbeddedPostgres({ dataDir, env: {} });
    assert.notEqual(pgServer.port, 5432);
    const url = await pgServer.ensureDatabase('mercato_probe');
    assert.equal(await pgServer.ensureDatabase('mercato_probe'), url, 'ensureDatabase is idempotent');
    await query(url, 'CREATE TABLE probe (n int); INSERT INTO probe VALUES (41), (1)');
    const [row] = await query<{ sum: number; db: string }>(url, 'SELECT sum(n)::int AS sum, current_database() AS db FROM probe');
    assert.deepEqual(row, { sum: 42, db: 'mercato_probe' });

    const found = await findEmbeddedPostgres(dataDir);
    assert.equal(found?.running, true);
    assert.equal(found?.port, pgServer.port);
    assert.equal(found?.pid, pgServer.pid);

    await assert.rejects(startEmbeddedPostgres({ dataDir, env: {} }), /already running on .*pid \d+/);

    const pid = pgServer.pid;
    await Promise.all([pgServer.stop(), pgServer.stop()]);
    await pgServer.stop();
    assert.equal(isAlive(pid), false);
    assert.equal((await findEmbeddedPostgres(dataDir))?.running, false);
  });

  it('starts warm on the same directory, past a pid file naming some other live program and a taken port', async () => {
    const remembered = pgServer!.port;
    // A pid file whose pid now belongs to a process that is not PostgreSQL (this test runner).
    await writeFile(join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n0\n${remembered}\n\n127.0.0.1\n0 0\nready   \n`);
    const squatter = await listen(remembered);
    try {
      const began = Date.now();
      pgServer = await startEmbeddedPostgres({ dataDir, env: {} });
      const warmMs = Date.now() - began;
      assert.ok(warmMs < 10_000, `warm start took ${warmMs} ms`);
    } finally {
      await new Promise((r) => squatter.close(r));
    }
    assert.notEqual(pgServer.port, remembered, 'a taken port falls back to a free one');
    const state = JSON.parse(await readFile(join(dataDir, STATE_FILE), 'utf8')) as { port: number };
    assert.equal(state.port, pgServer.port, 'the chosen port is remembered for the CLI and the next start');
    const [row] = await query<{ sum: number }>(pgServer.databaseUrl('mercato_probe'), 'SELECT sum(n)::int AS sum FROM probe');
    assert.equal(row?.sum, 42, 'data survives a restart');
  });

  it('starts after the server was killed and left a stale postmaster.pid', async () => {
    const pid = pgServer!.pid;
    process.kill(pid, 'SIGKILL');
    await waitDead(pid);
    const stale = await readFile(join(dataDir, 'postmaster.pid'), 'utf8');
    assert.equal(Number(stale.split('\n')[0]), pid, 'a SIGKILL leaves the pid file behind');
    await pgServer!.stop(); // already dead: returns at once

    pgServer = await startEmbeddedPostgres({ dataDir, env: {} });
    assert.notEqual(pgServer.pid, pid);
    const [row] = await query<{ sum: number }>(pgServer.databaseUrl('mercato_probe'), 'SELECT sum(n)::int AS sum FROM probe');
    assert.equal(row?.sum, 42, 'committed data survives the crash');
    await pgServer.stop();
    await waitDead(pgServer.pid);
  });
});

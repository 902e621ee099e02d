// The distributed mode as an operator runs it, for benchmarks: each service its own process
// (`apps/platform/src/main.ts --service <name>`) with its own database on the PostgreSQL server,
// RabbitMQ under a namespace of its own, Redis, the gateway in front, and a stand-in for auth's
// signing key published as JWKS. Reports each process's CPU time and each database's commits.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { amqpNames, Db } from '@mercato/chassis';
import {
  createTestDatabase,
  createTestSigner,
  listenJwks,
  TEST_AMQP_URL,
  TEST_PG_URL,
  TEST_REDIS_URL,
  uniqueName,
  type TestDatabase,
  type TestJwksServer,
  type TestSigner,
} from '@mercato/chassis/testing';
import amqp from 'amqplib';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ). */
const TICKS = 100;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ServiceProc {
  name: string;
  child: ChildProcess;
  port: number;
  exit: Promise<number | null>;
  err: () => string;
}

/** The machine's busy and total CPU time so far, in ms over all cores, from /proc/stat (Linux only). */
export function machineCpuMs(): { busy: number; total: number } {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = cpu[3]! + cpu[4]!;
    return { busy: ((total - idle) * 1000) / TICKS, total: (total * 1000) / TICKS };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/**
 * CPU time (user + system, ms) used so far by every process on the machine, keyed by pid, with
 * its command name: to tell PostgreSQL's and RabbitMQ's share from the services' and anyone else's.
 */
export function processesCpuMs(): Map<number, { command: string; ms: number }> {
  const out = new Map<number, { command: string; ms: number }>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(pid), { command, ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux only; 0 elsewhere). */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return 0;
  }
}

export interface Platform {
  api: string;
  procs: ServiceProc[];
  dbs: Record<string, TestDatabase>;
  signer: TestSigner;
  namespace: string;
  /** The variables every process was given beyond its own port, URLs and database. */
  settings: Record<string, string>;
  /** Commits so far of each service database (pg_stat_database.xact_commit). */
  commits(): Promise<Record<string, number>>;
  /** Rolled-back transactions so far, over every service database. */
  rollbacks(): Promise<number>;
  /** Per service database and table: scans (sequential + index) and rows written so far. */
  tableActivity(): Promise<Record<string, { scans: number; writes: number }>>;
  /** Row counts of `table` (outbox, inbox) in each service database. */
  rows(table: 'outbox' | 'inbox'): Promise<Record<string, number>>;
  /** Runs `sql` on one service's database. */
  query<R extends Record<string, unknown>>(service: string, sql: string, params?: unknown[]): Promise<R[]>;
  /** Outbox rows not yet published, over every database. */
  unpublished(): Promise<number>;
  stop(): Promise<void>;
}

/** Variables a caller may tune from its own environment; the rest is fixed by the benchmark. */
const TUNABLE = ['OUTBOX_POLL_MS', 'OUTBOX_BATCH', 'BUS_PREFETCH', 'DB_POOL_MAX', 'PAYMENT_WORK_CONCURRENCY', 'GATEWAY_UPSTREAM_CONNECTIONS'];

function waitReady(p: ServiceProc, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    for (;;) {
      if (p.child.exitCode !== null) throw new Error(`${p.name} exited with ${p.child.exitCode}:\n${p.err()}`);
      const ok = await fetch(`http://127.0.0.1:${p.port}/readyz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`${p.name} did not become ready:\n${p.err()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
}

/**
 * Starts `services` and the gateway, each in its own process, on fresh databases; resolves once
 * every one answers /readyz. `defaults` are variables the caller's environment may override
 * (see TUNABLE); `fixed` are not.
 */
export async function startPlatform(services: readonly string[], defaults: Record<string, string>, fixed: Record<string, string>): Promise<Platform> {
  const namespace = uniqueName('bench');
  const signer = createTestSigner();
  const mailbox = await mkdtemp(join(tmpdir(), 'mercato-bench-mail-'));
  const jwks: TestJwksServer = await listenJwks([signer.jwk]);
  const dbs: Record<string, TestDatabase> = {};
  const procs: ServiceProc[] = [];
  const ports: Record<string, number> = {};
  const tuned = Object.fromEntries(TUNABLE.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
  const settings: Record<string, string> = { ...defaults, ...tuned, ...fixed };
  const common = {
    ...settings,
    BUS_URL: TEST_AMQP_URL,
    BUS_NAMESPACE: namespace,
    REDIS_URL: TEST_REDIS_URL,
    CATALOG_CACHE_PREFIX: `${namespace}:catalog:`,
    AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
    NOTIFICATION_MAILBOX_DIR: mailbox,
  };
  const start = (name: string, env: Record<string, string>) => {
    // BENCH_SERVICE_NODE_ARGS: extra node flags for every service process, e.g. `--cpu-prof
    // --cpu-prof-dir=profiles` to see where a service spends its CPU.
    const extra = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...extra, '--conditions=source', '--import', 'tsx', 'apps/platform/src/main.ts', '--service', name], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...common, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-20_000)));
    procs.push({ name, child, port: ports[name]!, exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))), err: () => err });
  };

  const stop = async () => {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exit));
    for (const db of Object.values(dbs)) await db.drop();
    await jwks.close();
    await rm(mailbox, { recursive: true, force: true });
    await deleteBusObjects(namespace, services);
  };

  try {
    for (const name of [...services, 'gateway']) ports[name] = await freePort();
    for (const name of services) {
      const NAME = name.toUpperCase();
      dbs[name] = await createTestDatabase(`bench_${name}`, TEST_PG_URL);
      start(name, { [`${NAME}_DATABASE_URL`]: dbs[name]!.url, [`${NAME}_PORT`]: String(ports[name]) });
    }
    start('gateway', {
      GATEWAY_PORT: String(ports.gateway),
      // The gateway reads the signing keys where auth publishes them: here, the stand-in.
      AUTH_URL: jwks.url,
      ...Object.fromEntries(services.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}`])),
    });
    await Promise.all(procs.map((p) => waitReady(p, 60_000)));
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }

  const admin = new Db({ url: TEST_PG_URL, poolMax: 1 });
  const pools = Object.fromEntries(Object.entries(dbs).map(([name, db]) => [name, new Db({ url: db.url, poolMax: 1 })]));
  const perDb = async (sql: string) => {
    const out: Record<string, number> = {};
    for (const [name, pool] of Object.entries(pools)) out[name] = (await pool.query<{ n: number }>(sql)).rows[0]!.n;
    return out;
  };
  return {
    api: `http://127.0.0.1:${ports.gateway}/api/v1`,
    procs,
    dbs,
    signer,
    namespace,
    settings,
    async commits() {
      const names = Object.fromEntries(Object.entries(dbs).map(([service, db]) => [db.name, service]));
      const r = await admin.query<{ datname: string; n: string }>('SELECT datname, xact_commit::text AS n FROM pg_stat_database WHERE datname = ANY($1)', [Object.keys(names)]);
      return Object.fromEntries(r.rows.map((row) => [names[row.datname]!, Number(row.n)]));
    },
    async rollbacks() {
      const r = await admin.query<{ n: string }>('SELECT coalesce(sum(xact_rollback), 0)::text AS n FROM pg_stat_database WHERE datname = ANY($1)', [Object.values(dbs).map((d) => d.name)]);
      return Number(r.rows[0]!.n);
    },
    async tableActivity() {
      const out: Record<string, { scans: number; writes: number }> = {};
      for (const [name, pool] of Object.entries(pools)) {
        const r = await pool.query<{ relname: string; scans: string; writes: string }>(
          `SELECT relname, (seq_scan + coalesce(idx_scan, 0))::text AS scans, (n_tup_ins + n_tup_upd + n_tup_del)::text AS writes FROM pg_stat_user_tables`,
        );
        for (const row of r.rows) out[`${name}.${row.relname}`] = { scans: Number(row.scans), writes: Number(row.writes) };
      }
      return out;
    },
    rows: (table) => perDb(`SELECT count(*)::int AS n FROM ${table}`),
    query: async <R extends Record<string, unknown>>(service: string, sql: string, params: unknown[] = []) => (await pools[service]!.query<R>(sql, params)).rows,
    async unpublished() {
      const r = await perDb('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
      return Object.values(r).reduce((a, b) => a + b, 0);
    },
    async stop() {
      for (const pool of Object.values(pools)) await pool.close();
      await admin.close();
      await stop();
    },
  };
}

/** The services' queues and exchanges under `namespace`: gone with the run. */
async function deleteBusObjects(namespace: string, groups: readonly string[]): Promise<void> {
  const names = amqpNames(namespace);
  const conn = await amqp.connect(TEST_AMQP_URL);
  try {
    const ch = await conn.createChannel();
    for (const g of groups) {
      await ch.deleteQueue(names.queue(g));
      await ch.deleteQueue(names.deadQueue(g));
    }
    await ch.deleteExchange(names.events);
    await ch.deleteExchange(names.deadLetter);
  } finally {
    await conn.close();
  }
}

// The distributed mode as an operator runs it, for benchmarks: the platform's cluster launcher
// (a process per service, a database each, RabbitMQ under a namespace of its own, Redis, the
// gateway in front, a stand-in signer as JWKS) with what a benchmark adds: each process's CPU
// time, each database's commits and table activity, tunables from the caller's environment, a
// mailbox folder of its own, and the namespace's queues and exchanges deleted at the end.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from '@mercato/chassis';
import { deleteBusNamespace, TEST_AMQP_URL, TEST_PG_URL, uniqueName } from '@mercato/chassis/testing';
import { startCluster, type Cluster, type Proc } from '@mercato/platform/testing';

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ). */
const TICKS = 100;

export interface ServiceProc extends Proc {
  name: string;
  port: number;
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
 * its command name and parent: to tell PostgreSQL's and RabbitMQ's share from the services' and anyone else's.
 * `reaped` is the CPU time of its children that have exited and been waited for (cutime + cstime):
 * a PostgreSQL backend that closes takes its time out of the process table into its server's
 * `reaped`, so a process tree's own plus reaped time never goes down.
 */
export function processesCpuMs(): Map<number, { command: string; ppid: number; ms: number; reaped: number }> {
  const out = new Map<number, { command: string; ppid: number; ms: number; reaped: number }>();
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
      out.set(Number(pid), {
        command,
        ppid: Number(fields[1]),
        ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS,
        reaped: ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS,
      });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Every descendant of `root` (children, their children…) in a process table from processesCpuMs(). */
export function descendantsOf(root: number, table: Map<number, { ppid: number }> = processesCpuMs()): number[] {
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, p] of table) {
      if (p.ppid !== pid) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(root);
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
  /** Every service's process and the gateway's. */
  procs: ServiceProc[];
  dbs: Cluster['dbs'];
  signer: Cluster['signer'];
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

/**
 * Starts `services` and the gateway, each in its own process, on fresh databases; resolves once
 * every one answers /readyz. `defaults` are variables the caller's environment may override
 * (see TUNABLE); `fixed` are not. Anything else is the services' own default.
 */
export async function startPlatform(services: readonly string[], defaults: Record<string, string>, fixed: Record<string, string>): Promise<Platform> {
  const tuned = Object.fromEntries(TUNABLE.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
  const settings: Record<string, string> = { ...defaults, ...tuned, ...fixed };
  const mailbox = await mkdtemp(join(tmpdir(), 'mercato-bench-mail-'));
  const namespace = uniqueName('bench');
  const cleanUp = async () => {
    await rm(mailbox, { recursive: true, force: true });
    await deleteBusNamespace(TEST_AMQP_URL, namespace, services);
  };
  let cluster: Cluster;
  try {
    cluster = await startCluster({
      services,
      prefix: 'bench',
      namespace,
      // The services' own defaults, not the tests' quick ones: those are what is measured.
      defaults: {},
      env: { ...settings, NOTIFICATION_MAILBOX_DIR: mailbox },
      // BENCH_SERVICE_NODE_ARGS: extra node flags for every service process, e.g. `--cpu-prof
      // --cpu-prof-dir=profiles` to see where a service spends its CPU.
      nodeArgs: (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean),
      readyTimeoutMs: Number(process.env.BENCH_READY_TIMEOUT_MS) || 60_000,
    });
  } catch (err) {
    await cleanUp().catch(() => undefined);
    throw err;
  }
  const { dbs } = cluster;

  const admin = new Db({ url: TEST_PG_URL, poolMax: 1 });
  const pools = Object.fromEntries(Object.entries(dbs).map(([name, db]) => [name, new Db({ url: db.url, poolMax: 1 })]));
  const perDb = async (sql: string) => {
    const out: Record<string, number> = {};
    for (const [name, pool] of Object.entries(pools)) out[name] = (await pool.query<{ n: number }>(sql)).rows[0]!.n;
    return out;
  };
  return {
    api: cluster.api,
    get procs() {
      return Object.entries(cluster.procs).map(([name, p]) => ({ ...p, name, port: cluster.ports[name]! }));
    },
    dbs,
    signer: cluster.signer,
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
      await cluster.close();
      await cleanUp();
    },
  };
}


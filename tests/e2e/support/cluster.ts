import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  createTestDatabase,
  createTestSigner,
  eventually,
  listenJwks,
  TEST_AMQP_URL,
  TEST_REDIS_URL,
  uniqueName,
  type TestDatabase,
  type TestJwksServer,
  type TestSigner,
} from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';

// The distributed mode as an operator runs it: each service its own process (`main.ts --service`)
// with its own database on the PostgreSQL server, RabbitMQ as the bus, Redis for the shared cache
// and rate limits, the gateway in front. Tokens are signed by a stand-in for auth's key, published
// as JWKS. Processes can be stopped, killed and started again on the same database and namespace.

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const MAIN = 'apps/platform/src/main.ts';

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

export interface Proc {
  child: ChildProcess;
  exit: Promise<number | null>;
  err: () => string;
}

/** `main.ts` with the given arguments, as a child process; stderr kept for failure messages. */
export function launch(args: readonly string[], env: NodeJS.ProcessEnv, stdout: 'ignore' | 'pipe' = 'ignore'): Proc & { out: () => string } {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', stdout, 'pipe'],
  });
  let err = '';
  let out = '';
  child.stderr!.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-20_000)));
  child.stdout?.on('data', (b: Buffer) => (out = (out + b.toString()).slice(-20_000)));
  return { child, exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))), err: () => err, out: () => out };
}

export const isRunning = (p: Proc | undefined): p is Proc => p !== undefined && p.child.exitCode === null && p.child.signalCode === null;

/** Sends the signal and waits for the exit; answers the exit code (null after a signal). */
export async function stopProc(p: Proc, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (isRunning(p)) p.child.kill(signal);
  return p.exit;
}

export interface ClusterOptions {
  /** The services to run besides the gateway, each its own process and database. */
  services: readonly string[];
  /** Variables for every process. */
  env?: NodeJS.ProcessEnv;
  /** Variables for one service's process. */
  serviceEnv?: Record<string, NodeJS.ProcessEnv>;
}

export interface Cluster {
  /** `http://127.0.0.1:<gateway>/api/v1` */
  api: string;
  ports: Record<string, number>;
  dbs: Record<string, TestDatabase>;
  procs: Record<string, Proc>;
  signer: TestSigner;
  namespace: string;
  /** JSON headers with a token for the given roles (a new user each call unless `sub` is given). */
  as(roles: string[], sub?: string): Record<string, string>;
  /** Starts a stopped (or killed) process again on the same port, database and namespace; waits until ready. */
  start(name: string): Promise<void>;
  /** SIGTERM (or the given signal) and the exit code. */
  stop(name: string, signal?: NodeJS.Signals): Promise<number | null>;
  /** SIGKILL: no shutdown at all, as when the machine or the container dies. */
  kill(name: string): Promise<void>;
  /** Every process stopped, every database dropped, the JWKS server closed. */
  close(): Promise<void>;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const signer = createTestSigner();
  const jwks: TestJwksServer = await listenJwks([signer.jwk]);
  const names = [...opts.services, 'gateway'];
  const ports: Record<string, number> = {};
  const dbs: Record<string, TestDatabase> = {};
  const procs: Record<string, Proc> = {};
  for (const name of names) ports[name] = await freePort();
  const namespace = uniqueName('e2e');
  const common: NodeJS.ProcessEnv = {
    BUS_URL: TEST_AMQP_URL,
    // Its own exchange and queues: parallel runs on one broker never see each other's events.
    BUS_NAMESPACE: namespace,
    REDIS_URL: TEST_REDIS_URL,
    CATALOG_CACHE_PREFIX: `${namespace}:catalog:`,
    GATEWAY_UPSTREAM_TIMEOUT_MS: '2000',
    AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
    OUTBOX_POLL_MS: '100',
    ...opts.env,
  };
  const envOf = (name: string): NodeJS.ProcessEnv => {
    const prefix = name.toUpperCase();
    if (name === 'gateway') {
      return {
        ...common,
        GATEWAY_PORT: String(ports.gateway),
        // The gateway reads the signing keys where auth publishes them: here, the stand-in.
        AUTH_URL: jwks.url,
        ...Object.fromEntries(opts.services.map((s) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s]}`])),
        ...opts.serviceEnv?.gateway,
      };
    }
    return { ...common, [`${prefix}_DATABASE_URL`]: dbs[name]!.url, [`${prefix}_PORT`]: String(ports[name]), ...opts.serviceEnv?.[name] };
  };
  const ready = async (name: string) => {
    await eventually(async () => (await fetch(`http://127.0.0.1:${ports[name]}/readyz`).catch(() => null))?.ok, 30_000, 100).catch(() => {
      throw new Error(`${name} did not become ready:\n${procs[name]!.err()}`);
    });
  };

  const cluster: Cluster = {
    api: `http://127.0.0.1:${ports.gateway}/api/v1`,
    ports,
    dbs,
    procs,
    signer,
    namespace,
    as: (roles, sub = newId('usr')) => ({ authorization: `Bearer ${signer.sign({ sub, roles })}`, 'content-type': 'application/json' }),
    async start(name) {
      if (isRunning(procs[name])) throw new Error(`${name} is already running`);
      procs[name] = launch(['--service', name], envOf(name));
      await ready(name);
    },
    stop: (name) => stopProc(procs[name]!),
    async kill(name) {
      await stopProc(procs[name]!, 'SIGKILL');
    },
    async close() {
      await Promise.all(Object.values(procs).map((p) => stopProc(p)));
      await Promise.all(Object.values(dbs).map((db) => db.drop()));
      await jwks.close();
    },
  };
  try {
    for (const name of opts.services) dbs[name] = await createTestDatabase(`e2e_${name}`);
    for (const name of names) procs[name] = launch(['--service', name], envOf(name));
    for (const name of names) await ready(name);
  } catch (err) {
    await cluster.close().catch(() => undefined);
    throw err;
  }
  return cluster;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { httpsAgent } from '@mercato/chassis';
import { fileURLToPath } from 'node:url';
import {
  createTestDatabase,
  createTestSigner,
  freePort,
  listenJwks,
  TEST_AMQP_URL,
  TEST_REDIS_URL,
  uniqueName,
  type TestDatabase,
  type TestJwksServer,
  type TestSigner,
} from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';

// The distributed mode as an operator runs it, for tests and benchmarks: each service its own
// process (`main.ts --service <name>`) with its own database on the PostgreSQL server, RabbitMQ as
// the bus under a namespace of its own, Redis for the shared cache and rate limits, the gateway in
// front. Tokens are signed by a stand-in for auth's key, published as JWKS. Processes can be
// stopped, killed and started again on the same port, database and namespace.

// Run from source (with tsx) or from the build, whichever this module is.
const FROM_SOURCE = fileURLToPath(import.meta.url).endsWith('.ts');
/** The workspace root: every process runs there, as `npm start` does. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The launcher every process runs. */
export const MAIN = fileURLToPath(new URL(FROM_SOURCE ? '../main.ts' : '../main.js', import.meta.url));
const LOADER = FROM_SOURCE ? ['--conditions=source', '--import', 'tsx'] : [];

/** The local CA and certificates of `mercato certs dev`, for clusters with TLS on every hop. */
export { makeDevCertificates, type DevCertificates } from '../certs.js';

export interface Proc {
  child: ChildProcess;
  /** The exit code (null after a signal). */
  exit: Promise<number | null>;
  /** The last 20 kB of stderr, for failure messages. */
  err: () => string;
  /** The last 20 kB of stdout when it is piped, else empty. */
  out: () => string;
}

export interface LaunchOptions {
  /** 'pipe' keeps the output for `out()`; 'ignore' (the default) drops it. */
  stdout?: 'ignore' | 'pipe';
  /** Node flags before the launcher's, e.g. `--cpu-prof --cpu-prof-dir=profiles`. */
  nodeArgs?: readonly string[];
}

/** `main.ts` with the given arguments, as a child process; `env` over this process's own, at LOG_LEVEL warn unless given. */
export function launch(args: readonly string[], env: NodeJS.ProcessEnv, opts: LaunchOptions = {}): Proc {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...LOADER, MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', opts.stdout ?? 'ignore', 'pipe'],
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

/** Resolves once `GET /readyz` on the port answers 2xx; fails at once if the process exits. Over HTTPS with `ca`, trusting that CA only. */
async function waitReady(name: string, port: number, p: Proc, timeoutMs: number, ca?: Buffer): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const dispatcher = ca ? httpsAgent({ ca, clientAuth: 'none' }) : undefined;
  for (;;) {
    const { exitCode, signalCode } = p.child;
    if (exitCode !== null || signalCode !== null) throw new Error(`${name} exited with ${exitCode ?? signalCode}:\n${p.err()}`);
    const base = `${ca ? 'https' : 'http'}://127.0.0.1:${port}`;
    const init = (dispatcher ? { dispatcher } : {}) as RequestInit;
    const ok = await fetch(`${base}/readyz`, init)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) {
      // Ready, and the process asked for: another one on this port would pass for it.
      const { service } = (await (await fetch(`${base}/healthz`, init)).json()) as { service?: string };
      if (service !== name) throw new Error(`port ${port} is answered by ${service ?? 'an unknown process'}, not ${name}`);
      return;
    }
    if (Date.now() > deadline) throw new Error(`${name} did not become ready:\n${p.err()}\n${p.out().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every service the gateway routes to (it requires a URL for each when it runs alone). */
const UPSTREAM_NAMES = ['user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification'] as const;
/** A URL where nothing listens (port 1 is refused at once), for services a cluster does not run. */
const NOTHING_LISTENS = 'http://127.0.0.1:1';

/** Quick reactions for tests: a stopped upstream answers 503 within 2 s, the relay polls every 100 ms. */
export const TEST_DEFAULTS: Readonly<NodeJS.ProcessEnv> = { GATEWAY_UPSTREAM_TIMEOUT_MS: '2000', OUTBOX_POLL_MS: '100' };

export interface ClusterOptions {
  /** The services to run besides the gateway, each its own process and database. */
  services: readonly string[];
  /** Variables for every process, over the wiring (bus, Redis, JWKS) and `defaults`. */
  env?: NodeJS.ProcessEnv;
  /** Variables for one service's process (or the gateway's), over everything else. */
  serviceEnv?: Record<string, NodeJS.ProcessEnv>;
  /** Variables under everything else; TEST_DEFAULTS unless given (`{}` keeps the services' own). */
  defaults?: NodeJS.ProcessEnv;
  /** Node flags for every process, e.g. to profile them. */
  nodeArgs?: readonly string[];
  /** Each process's stdout: dropped (the default) or kept for `out()`. */
  stdout?: 'ignore' | 'pipe';
  /** Starts the databases' names and the bus namespace's; `e2e` unless given. */
  prefix?: string;
  /** The bus namespace (its exchanges and queues); a new one under `prefix` unless given. */
  namespace?: string;
  /** How long each process has to answer /readyz once the one before it has; 30 s unless given. */
  readyTimeoutMs?: number;
  /** The PostgreSQL server the services' databases are made on (a superuser URL); TEST_PG_URL unless given. */
  pgUrl?: string;
  /**
   * TLS on the internal hops: every process serves HTTPS with `cert` (the gateway's public
   * listener too), trusts `ca` only for internal calls and presents `cert` as a client; with
   * `clientAuth: 'require'`, mutual TLS. The services reach each other, and the stand-in of
   * auth's signing keys, over https://.
   */
  tls?: { ca: string; cert: string; key: string; clientAuth?: 'none' | 'require' };
}

export interface Cluster {
  /** `http://127.0.0.1:<gateway>/api/v1` (https:// with `tls`) */
  api: string;
  ports: Record<string, number>;
  dbs: Record<string, TestDatabase>;
  /** The current process of each service and the gateway (a new one after `start`). */
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
  /** `stop` (SIGTERM or the given signal), then `start`. */
  restart(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Every process stopped, every database dropped, the JWKS server closed. */
  close(): Promise<void>;
}

/** Starts `services` and the gateway on fresh databases; resolves once every process answers /readyz. */
export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const prefix = opts.prefix ?? 'e2e';
  // Generous: on a loaded two-core machine a process starting from the TypeScript sources has
  // been seen to take over 30 s; a healthy start takes a few.
  const readyTimeoutMs = opts.readyTimeoutMs ?? 90_000;
  const signer = createTestSigner();
  const scheme = opts.tls ? 'https' : 'http';
  const ca = opts.tls ? readFileSync(opts.tls.ca) : undefined;
  const jwks: TestJwksServer = await listenJwks([signer.jwk], opts.tls ? { https: { cert: readFileSync(opts.tls.cert), key: readFileSync(opts.tls.key) } } : {});
  const names = [...opts.services, 'gateway'];
  const ports: Record<string, number> = {};
  const dbs: Record<string, TestDatabase> = {};
  const procs: Record<string, Proc> = {};
  for (const name of names) ports[name] = await freePort();
  const namespace = opts.namespace ?? uniqueName(prefix);
  const common: NodeJS.ProcessEnv = {
    ...(opts.defaults ?? TEST_DEFAULTS),
    // A test shop pays with the sandbox (off by default outside the embedded demo).
    PAYMENT_SANDBOX: 'true',
    BUS_URL: TEST_AMQP_URL,
    // Its own exchange and queues: parallel runs on one broker never see each other's events.
    BUS_NAMESPACE: namespace,
    REDIS_URL: TEST_REDIS_URL,
    CATALOG_CACHE_PREFIX: `${namespace}:catalog:`,
    REVIEW_CACHE_PREFIX: `${namespace}:review:`,
    // Its own rate-limit counters: clusters sharing one Redis (and one client address) never
    // spend each other's allowance.
    GATEWAY_RATE_LIMIT_PREFIX: `${namespace}:ratelimit:`,
    AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
    // Where the services reach each other over internal REST (order asks user and inventory).
    ...Object.fromEntries(opts.services.map((s) => [`${s.toUpperCase()}_URL`, `${scheme}://127.0.0.1:${ports[s]}`])),
    ...(opts.tls
      ? { TLS_CERT_FILE: opts.tls.cert, TLS_KEY_FILE: opts.tls.key, TLS_CA_FILE: opts.tls.ca, TLS_CLIENT_AUTH: opts.tls.clientAuth ?? 'none' }
      : {}),
    ...opts.env,
  };
  const envOf = (name: string): NodeJS.ProcessEnv => {
    if (name === 'gateway') {
      return {
        ...common,
        GATEWAY_PORT: String(ports.gateway),
        // The gateway reads the signing keys where auth publishes them: here, the stand-in.
        AUTH_URL: jwks.url,
        // The gateway alone needs every service named: the ones not run here point at nothing.
        ...Object.fromEntries(UPSTREAM_NAMES.map((s) => [`${s.toUpperCase()}_URL`, NOTHING_LISTENS])),
        ...Object.fromEntries(opts.services.map((s) => [`${s.toUpperCase()}_URL`, `${scheme}://127.0.0.1:${ports[s]}`])),
        ...opts.serviceEnv?.gateway,
      };
    }
    const NAME = name.toUpperCase();
    return { ...common, [`${NAME}_DATABASE_URL`]: dbs[name]!.url, [`${NAME}_PORT`]: String(ports[name]), ...opts.serviceEnv?.[name] };
  };
  const launchOne = (name: string) => {
    procs[name] = launch(['--service', name], envOf(name), { stdout: opts.stdout ?? 'ignore', nodeArgs: opts.nodeArgs ?? [] });
  };
  const ready = (name: string) => waitReady(name, ports[name]!, procs[name]!, readyTimeoutMs, ca);

  const cluster: Cluster = {
    api: `${scheme}://127.0.0.1:${ports.gateway}/api/v1`,
    ports,
    dbs,
    procs,
    signer,
    namespace,
    as: (roles, sub = newId('usr')) => ({ authorization: `Bearer ${signer.sign({ sub, roles })}`, 'content-type': 'application/json' }),
    async start(name) {
      if (isRunning(procs[name])) throw new Error(`${name} is already running`);
      launchOne(name);
      await ready(name);
    },
    stop: (name, signal) => stopProc(procs[name]!, signal),
    async kill(name) {
      await stopProc(procs[name]!, 'SIGKILL');
    },
    async restart(name, signal) {
      await stopProc(procs[name]!, signal);
      await cluster.start(name);
    },
    async close() {
      await Promise.all(Object.values(procs).map((p) => stopProc(p)));
      await Promise.all(Object.values(dbs).map((db) => db.drop()));
      await jwks.close();
    },
  };
  try {
    for (const name of opts.services) dbs[name] = await createTestDatabase(`${prefix}_${name}`, opts.pgUrl);
    for (const name of names) launchOne(name);
    // One after another: each gets its whole time from when the previous one is ready, as all of
    // them load at once and share the cores.
    for (const name of names) await ready(name);
  } catch (err) {
    await cluster.close().catch(() => undefined);
    throw err;
  }
  return cluster;
}

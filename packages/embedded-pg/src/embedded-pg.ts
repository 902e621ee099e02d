import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, fchownSync, openSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, realpath, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ConfigError, ensureDatabase as ensureDatabaseOn, withDatabase, type Logger } from '@mercato/chassis';
import { locateBinaries, type PgBinaries } from './binaries.js';
import { commandName, freePort, isAlive, isPortFree, postgresUser, type OsUser } from './processes.js';
import { adminUrlOf, LOG_FILE, readPostmasterPid, readState, writeState, type EmbeddedState } from './state.js';

const run = promisify(execFile);

/** Not 5432, so the embedded server never collides with a PostgreSQL installed on the machine. */
export const DEFAULT_PG_PORT = 54329;

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; created and initialised on the first start, reused afterwards. */
  dataDir: string;
  /** Overrides MERCATO_PG_PORT and the remembered port. A taken port falls back to a free one. */
  port?: number;
  /** Server connection limit: at least the sum of every client pool. Default 100. */
  maxConnections?: number;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** Extra server settings (`-c name=value`), e.g. ssl=on with its certificate files. */
  settings?: Record<string, string>;
  /** Called when the server exits without `stop()` (a crash, or killed from outside). */
  onUnexpectedExit?: (exit: { code: number | null; signal: NodeJS.Signals | null }) => void;
}

export interface EmbeddedPostgres {
  dataDir: string;
  port: number;
  /** The postmaster's pid. */
  pid: number;
  /** A superuser URL of the `postgres` database. */
  adminUrl: string;
  /** The URL of database `name` on this server (it need not exist yet). */
  databaseUrl(name: string): string;
  /** Creates database `name` unless it exists; returns its URL. */
  ensureDatabase(name: string): Promise<string>;
  /** Fast shutdown (clients disconnected, a checkpoint written). Safe to call more than once. */
  stop(): Promise<void>;
}

/** Start-up refused for a reason the operator must act on (not a bug). */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function portFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.MERCATO_PG_PORT;
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!/^\d{1,5}$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError(`Configuration error: MERCATO_PG_PORT is invalid (got ${JSON.stringify(raw)}); expected a TCP port from 1 to 65535`);
  }
  return port;
}

/**
 * Under root the server runs as another user, who must be able to reach the data directory
 * and the binaries: every directory above them needs the execute (traverse) bit for it.
 * Only that bit is added, never read or write, and each change is logged.
 */
async function makeReachable(paths: string[], user: OsUser, logger: Logger | undefined): Promise<void> {
  const seen = new Set<string>();
  for (const start of paths) {
    for (let dir = resolve(start); !seen.has(dir); dir = dirname(dir)) {
      seen.add(dir);
      let st;
      try {
        st = await stat(dir);
      } catch {
        continue; // not created yet
      }
      const reachable = st.uid === user.uid ? st.mode & 0o100 : st.gid === user.gid ? st.mode & 0o010 : st.mode & 0o001;
      if (!reachable) {
        await chmod(dir, st.mode | 0o001);
        logger?.warn({ dir }, `made ${dir} traversable (o+x) so that the "${user.name}" user can reach the embedded PostgreSQL`);
      }
      if (dir === dirname(dir)) break;
    }
  }
}

async function initialise(dataDir: string, bins: PgBinaries, runAs: OsUser | undefined, env: NodeJS.ProcessEnv, logger: Logger | undefined) {
  if (await exists(dataDir)) {
    const entries = await readdir(dataDir);
    if (entries.length > 0) {
      throw new EmbeddedPostgresError(`${dataDir} is not empty but holds no PostgreSQL cluster; move it away or choose another data directory (MERCATO_DATA_DIR)`);
    }
    await rmdir(dataDir);
  }
  logger?.info({ dataDir }, 'initialising the embedded PostgreSQL (first start)');
  // initdb works in a side folder renamed into place at the end, so an interrupted first start
  // leaves no half-made cluster behind.
  const work = `${dataDir}.init-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { mode: 0o700 });
  const pwDir = await mkdtemp(join(tmpdir(), 'mercato-pg-'));
  const password = randomBytes(24).toString('hex');
  const pwFile = join(pwDir, 'password');
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    for (const p of [work, pwDir, pwFile]) await chown(p, runAs.uid, runAs.gid);
  }
  try {
    await run(
      bins.initdb,
      [
        `--pgdata=${work}`,
        '--username=postgres',
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Code-point collation with Unicode case mapping, the same on every machine.
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
        '--lc-messages=C',
      ],
      { env: { ...env, LC_ALL: 'C' }, ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}), maxBuffer: 4 * 1024 * 1024 },
    );
  } catch (err) {
    await rm(work, { recursive: true, force: true });
    const e = err as { stderr?: string; message: string };
    throw new Error(`initdb failed: ${(e.stderr ?? '').trim() || e.message}`);
  } finally {
    await rm(pwDir, { recursive: true, force: true });
  }
  await writeState(work, { version: 1, port: DEFAULT_PG_PORT, user: 'postgres', password }, runAs);
  await rename(work, dataDir);
}

/** The postmaster of this data directory when one is alive (a recycled pid is not). */
async function livePostmaster(dataDir: string): Promise<{ pid: number; port: number; status: string } | undefined> {
  const info = await readPostmasterPid(dataDir);
  if (!info || !isAlive(info.pid)) return undefined;
  const name = await commandName(info.pid);
  if (name !== undefined && !name.startsWith('postgres')) return undefined;
  if (platform() === 'linux') {
    try {
      const cmdline = (await readFile(`/proc/${info.pid}/cmdline`, 'utf8')).split('\0');
      const real = await realpath(dataDir);
      if (!cmdline.includes(dataDir) && !cmdline.includes(real)) return undefined;
    } catch {
      // Another user's process: keep assuming it is ours.
    }
  }
  return info;
}

/**
 * A `postmaster.pid` whose process is gone (or is now some other program) is what a crash
 * leaves; it is removed. A live server on the same directory is refused: it belongs to another
 * launcher, which would stop it under us.
 */
async function clearStalePid(dataDir: string, logger: Logger | undefined): Promise<void> {
  const file = join(dataDir, 'postmaster.pid');
  if (!(await exists(file))) return;
  let live = await livePostmaster(dataDir);
  for (let i = 0; live && live.status === 'stopping' && i < 150; i++) {
    await sleep(100);
    live = await livePostmaster(dataDir);
  }
  if (live) {
    throw new EmbeddedPostgresError(
      `PostgreSQL is already running on ${dataDir} (pid ${live.pid}, port ${live.port}); another mercato launcher probably uses it. ` +
        `Stop that one first (Ctrl-C in its terminal, or kill -INT ${live.pid}), or give this one its own MERCATO_DATA_DIR.`,
    );
  }
  const info = await readPostmasterPid(dataDir);
  logger?.warn({ pid: info?.pid }, 'removing a stale postmaster.pid left by a server that is no longer running');
  await rm(file, { force: true });
}

async function choosePort(opts: EmbeddedPostgresOptions, env: NodeJS.ProcessEnv, state: EmbeddedState, logger: Logger | undefined): Promise<number> {
  const wanted = opts.port ?? portFromEnv(env) ?? (state.port || DEFAULT_PG_PORT);
  if (await isPortFree(wanted)) return wanted;
  const port = await freePort();
  logger?.warn({ wanted, port }, `port ${wanted} is taken by another program; the embedded PostgreSQL listens on ${port} instead`);
  return port;
}

async function logTail(path: string, lines = 8): Promise<string> {
  try {
    const text = await readFile(path, 'utf8');
    return text.trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

interface Launched {
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

interface LaunchSpec {
  bins: PgBinaries;
  dataDir: string;
  port: number;
  maxConnections: number;
  runAs: OsUser | undefined;
  env: NodeJS.ProcessEnv;
  logPath: string;
  settings?: Record<string, string> | undefined;
}

function launch({ bins, dataDir, port, maxConnections, runAs, env, logPath, settings }: LaunchSpec): Launched {
  const fd = openSync(logPath, 'a', 0o600);
  try {
    if (runAs) fchownSync(fd, runAs.uid, runAs.gid);
    const child = spawn(
      bins.postgres,
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        // TCP only: no socket file to collide with a system server's in /tmp or /run.
        '-c',
        'unix_socket_directories=',
        '-c',
        `max_connections=${maxConnections}`,
        // Synchronous I/O: no I/O worker processes (PostgreSQL 18's default starts three), which
        // a small embedded server does not need.
        '-c',
        'io_method=sync',
        ...Object.entries(settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
      ],
      {
        // Its own process group: a Ctrl-C in the terminal reaches the launcher, which stops the
        // services first and the database last, instead of the database going down mid-drain.
        detached: true,
        stdio: ['ignore', fd, fd],
        env: { ...env, LC_ALL: 'C' },
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
      },
    );
    child.unref();
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
      child.once('error', () => resolve({ code: -1, signal: null }));
    });
    return { child, exit };
  } finally {
    closeSync(fd);
  }
}

/**
 * If this process dies without stopping the server (SIGKILL, a crash), a tiny shell process
 * notices that its stdin pipe closed and asks PostgreSQL for a fast shutdown.
 */
function startWatchdog(pid: number): ChildProcess | undefined {
  if (platform() === 'win32') return undefined;
  const dog = spawn('/bin/sh', ['-c', 'read _ignored; kill -INT "$1" 2>/dev/null', 'mercato-pg-watchdog', String(pid)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  dog.on('error', () => undefined);
  dog.stdin?.on('error', () => undefined);
  dog.unref();
  (dog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return dog;
}

/**
 * Starts a real PostgreSQL server on `dataDir` from the binaries shipped in the npm package:
 * initialised on the first start, reused afterwards, listening on 127.0.0.1 only.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const began = Date.now();
  const dataDir = resolve(opts.dataDir);
  const env = opts.env ?? process.env;
  const logger = opts.logger;
  const bins = await locateBinaries();

  let runAs: OsUser | undefined;
  if (process.getuid?.() === 0) {
    const st = await stat(dataDir).catch(() => undefined);
    // A cluster made by another user keeps running as that user; otherwise as `postgres`.
    runAs =
      st && st.uid !== 0
        ? { uid: st.uid, gid: st.gid, name: `uid ${st.uid}` }
        : await postgresUser(() => logger?.warn('creating the "postgres" system user: PostgreSQL refuses to run as root'));
    await makeReachable([dirname(dataDir), bins.nativeDir], runAs, logger);
  }
  await mkdir(dirname(dataDir), { recursive: true });

  const versionFile = join(dataDir, 'PG_VERSION');
  if (!(await exists(versionFile))) await initialise(dataDir, bins, runAs, env, logger);
  const major = Number((await readFile(versionFile, 'utf8')).trim());
  if (major !== bins.major) {
    throw new EmbeddedPostgresError(
      `${dataDir} holds a PostgreSQL ${major} cluster but the embedded server is PostgreSQL ${bins.major}; ` +
        `dump it with the old version and restore, or move the folder away to start afresh`,
    );
  }
  const state = await readState(dataDir);
  if (!state) {
    throw new EmbeddedPostgresError(`${dataDir} holds a PostgreSQL cluster that mercato did not create (no state file); choose another data directory`);
  }

  await clearStalePid(dataDir, logger);
  let port = await choosePort(opts, env, state, logger);
  const logPath = join(dataDir, LOG_FILE);
  await rename(logPath, `${logPath}.1`).catch(() => undefined);

  let launched: Launched | undefined;
  for (let attempt = 0; !launched; attempt++) {
    const candidate = launch({ bins, dataDir, port, maxConnections: opts.maxConnections ?? 100, runAs, env, logPath, settings: opts.settings });
    let exited = false;
    void candidate.exit.then(() => {
      exited = true;
    });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (exited) break;
      const info = await readPostmasterPid(dataDir).catch(() => undefined);
      if (info && info.pid === candidate.child.pid && info.status === 'ready') {
        launched = candidate;
        break;
      }
      if (Date.now() > deadline) {
        candidate.child.kill('SIGQUIT');
        throw new Error(`the embedded PostgreSQL did not become ready within ${READY_TIMEOUT_MS / 1000} s; see ${logPath}`);
      }
      await sleep(20);
    }
    if (launched) break;
    const tail = await logTail(logPath);
    if (attempt < 3 && /could not bind|Address already in use/i.test(tail)) {
      port = await freePort();
      continue;
    }
    // Processes of a killed server still hold its shared memory for a moment.
    if (attempt < 50 && /shared memory block is still in use|lock file .* already exists/i.test(tail)) {
      await clearStalePid(dataDir, logger);
      await sleep(200);
      continue;
    }
    throw new Error(`the embedded PostgreSQL failed to start:\n${tail || `(no output; see ${logPath})`}`);
  }

  const { child, exit } = launched;
  const pid = child.pid!;
  if (port !== state.port) await writeState(dataDir, { ...state, port }, runAs);
  const watchdog = startWatchdog(pid);

  let stopRequested = false;
  // A process that exits without stop() (an uncaught error, process.exit) still stops the server.
  const onProcessExit = () => {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // already gone
    }
  };
  process.on('exit', onProcessExit);
  void exit.then((how) => {
    if (stopRequested) return;
    process.off('exit', onProcessExit);
    watchdog?.kill('SIGKILL');
    logger?.error({ ...how, pid }, 'the embedded PostgreSQL exited unexpectedly');
    opts.onUnexpectedExit?.(how);
  });

  const adminUrl = adminUrlOf(state, port);
  logger?.info({ port, dataDir, pid, ms: Date.now() - began }, 'embedded PostgreSQL ready');

  let stopping: Promise<void> | undefined;
  return {
    dataDir,
    port,
    pid,
    adminUrl,
    databaseUrl: (name) => withDatabase(adminUrl, name),
    async ensureDatabase(name) {
      await ensureDatabaseOn(adminUrl, name);
      return withDatabase(adminUrl, name);
    },
    stop() {
      stopping ??= (async () => {
        stopRequested = true;
        process.off('exit', onProcessExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGINT');
          const force = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
          await exit;
          clearTimeout(force);
        }
        watchdog?.kill('SIGKILL');
        logger?.info({ pid }, 'embedded PostgreSQL stopped');
      })();
      return stopping;
    },
  };
}

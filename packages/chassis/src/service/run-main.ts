import { execFileSync } from 'node:child_process';
import { readFileSync, writeSync } from 'node:fs';
import { stopTracing } from '../tracing/index.js';
import { ConfigError } from '../config/config.js';

export interface RunMainOptions {
  /** Named in every line this prints (crash, start failure). */
  service?: string;
  shutdownTimeoutMs?: number;
  /**
   * Stop (as on SIGTERM) when the process that started this one dies (default true): a service
   * started by `npm run start:<name>` must not outlive an npm killed with SIGKILL, holding its
   * port. Processes started directly by an init system or a container runtime never see their
   * parent change, so this changes nothing for them.
   */
  exitWithParent?: boolean;
}

interface Handle {
  stop: () => Promise<void>;
  logger?: { info: (m: string) => void; error: (o: object, m: string) => void };
}

/** How often the parent is looked for. */
const PARENT_POLL_MS = 500;

/**
 * One JSON line on standard error, written synchronously (the process may exit right after):
 * the same shape as the service's log lines, so a crash is found with its service.
 */
export function logFatal(service: string, msg: string, err?: unknown): void {
  const line: Record<string, unknown> = { level: 'fatal', time: new Date().toISOString(), service, msg };
  if (err !== undefined) line.err = serializeError(err);
  try {
    writeSync(2, `${JSON.stringify(line)}\n`);
  } catch {
    // stderr closed: nothing more can be said
  }
}

function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const out: Record<string, unknown> = { type: err.name, message: err.message };
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) out.code = code;
  if (err.stack) out.stack = err.stack;
  if (err.cause !== undefined) out.cause = serializeError(err.cause);
  return out;
}

const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ash', 'ksh']);

/** A process's parent and command name (Linux: /proc; elsewhere: ps), or undefined. */
function processInfo(pid: number): { ppid: number; name: string } | undefined {
  try {
    if (process.platform === 'linux') {
      // "pid (comm) state ppid …"; comm may hold spaces and parentheses: read from the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      return Number.isInteger(ppid) ? { ppid, name } : undefined;
    }
    if (process.platform === 'win32') return undefined;
    const out = execFileSync('ps', ['-o', 'ppid=,comm=', '-p', String(pid)], { encoding: 'utf8', timeout: 2_000 }).trim();
    const m = /^(\d+)\s+(.*)$/.exec(out);
    return m ? { ppid: Number(m[1]), name: m[2]!.split('/').pop()! } : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/**
 * Calls `onGone` once when the process that started this one has died. Node has no
 * parent-death signal; a cheap poll stands in: the parent is gone when this process has been
 * re-parented (`process.ppid` changed). Started by an npm script, the parent is the shell npm
 * runs the script in, which outlives a killed npm: then npm (the shell's parent) is watched too.
 */
export function onParentExit(onGone: () => void, pollMs = PARENT_POLL_MS): () => void {
  const parent = process.ppid;
  // Started by init or a container runtime (pid 1 or none): there is no launcher to outlive.
  if (parent <= 1) return () => undefined;
  let grandparent: number | undefined;
  if (process.env.npm_lifecycle_event) {
    const info = processInfo(parent);
    if (info && SHELLS.has(info.name) && info.ppid > 1) grandparent = info.ppid;
  }
  const timer = setInterval(() => {
    if (process.ppid === parent && (grandparent === undefined || alive(grandparent))) return;
    clearInterval(timer);
    onGone();
  }, pollMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The body of every `main.ts`: start, then on SIGTERM/SIGINT (or the death of the process that
 * started it) stop gracefully within the shutdown limit (stop accepting, drain in-flight
 * requests, stop consumers, flush), or exit non-zero. A configuration error prints its one line;
 * any other failure to start, and any crash later (an uncaught exception or unhandled
 * rejection), prints one JSON line with the service and the error, and exits 1.
 */
export async function runMain(start: () => Promise<Handle>, opts: RunMainOptions = {}): Promise<void> {
  const service = opts.service ?? 'mercato';
  process.on('uncaughtException', (err) => {
    logFatal(service, `${service} crashed: ${err instanceof Error ? err.message : String(err)}`, err);
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logFatal(service, `${service} crashed on an unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`, reason);
    process.exit(1);
  });
  let handle: Handle;
  try {
    handle = await start();
  } catch (err) {
    if (err instanceof ConfigError) console.error(err.message);
    else logFatal(service, `${service} could not start: ${err instanceof Error ? err.message : String(err)}`, err);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (why: string) => {
    if (stopping) return;
    stopping = true;
    handle.logger?.info(`${why}; shutting down`);
    const limit = setTimeout(() => {
      logFatal(service, `shutdown did not finish within ${opts.shutdownTimeoutMs ?? 15_000} ms; exiting`);
      process.exit(1);
    }, opts.shutdownTimeoutMs ?? 15_000);
    limit.unref();
    handle
      .stop()
      // The spans still buffered are exported before the process goes.
      .then(() => stopTracing())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logFatal(service, 'shutdown failed', err);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM received'));
  process.on('SIGINT', () => shutdown('SIGINT received'));
  if (opts.exitWithParent !== false) onParentExit(() => shutdown('the process that started this one is gone'));
}

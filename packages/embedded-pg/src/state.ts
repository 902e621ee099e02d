import { chown, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withDatabase } from '@mercato/chassis';
import { isLivePostgres } from './processes.js';

/** Kept in the data directory: what a later start and the operator CLI need to connect. */
export interface EmbeddedState {
  version: 1;
  /** The port of the last start; the next start tries it first. */
  port: number;
  user: string;
  /** Generated at initialisation; the server only listens on 127.0.0.1. */
  password: string;
}

export const STATE_FILE = 'mercato-embedded.json';
export const LOG_FILE = 'mercato-postgres.log';

export async function readState(dataDir: string): Promise<EmbeddedState | undefined> {
  try {
    return JSON.parse(await readFile(join(dataDir, STATE_FILE), 'utf8')) as EmbeddedState;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export async function writeState(dataDir: string, state: EmbeddedState, owner?: { uid: number; gid: number }): Promise<void> {
  const tmp = join(dataDir, `${STATE_FILE}.tmp`);
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  if (owner) await chown(tmp, owner.uid, owner.gid);
  await rename(tmp, join(dataDir, STATE_FILE));
}

export function adminUrlOf(state: EmbeddedState, port = state.port): string {
  return `postgres://${encodeURIComponent(state.user)}:${encodeURIComponent(state.password)}@127.0.0.1:${port}/postgres`;
}

/** The fields of `postmaster.pid` that matter here (PostgreSQL writes one line per field). */
export interface PostmasterPid {
  pid: number;
  dataDir: string;
  port: number;
  /** 'starting', 'ready' or 'stopping' (empty on very old servers). */
  status: string;
}

export async function readPostmasterPid(dataDir: string): Promise<PostmasterPid | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const lines = text.split('\n');
  return {
    pid: Number(lines[0]),
    dataDir: lines[1] ?? '',
    port: Number(lines[3]),
    status: (lines[7] ?? '').trim(),
  };
}

export interface EmbeddedServerInfo {
  dataDir: string;
  running: boolean;
  /** Pid of the running server. */
  pid: number | undefined;
  port: number;
  adminUrl: string;
  databaseUrl(name: string): string;
}

/**
 * Where the embedded server of a data directory listens, for tools that connect to a server the
 * launcher started (the operator CLI). Undefined when the directory was never initialised.
 */
export async function findEmbeddedPostgres(dataDir: string): Promise<EmbeddedServerInfo | undefined> {
  const state = await readState(dataDir);
  if (!state) return undefined;
  const pidFile = await readPostmasterPid(dataDir);
  const running = !!pidFile && pidFile.status === 'ready' && (await isLivePostgres(pidFile.pid));
  const port = running && pidFile.port > 0 ? pidFile.port : state.port;
  const adminUrl = adminUrlOf(state, port);
  return {
    dataDir,
    running,
    pid: running ? pidFile.pid : undefined,
    port,
    adminUrl,
    databaseUrl: (name) => withDatabase(adminUrl, name),
  };
}

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { platform } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** True when a process with this pid exists (ours or another user's). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The short command name of a live process, or undefined when it cannot be told. */
export async function commandName(pid: number): Promise<string | undefined> {
  if (platform() === 'linux') {
    try {
      return (await readFile(`/proc/${pid}/comm`, 'utf8')).trim();
    } catch {
      return undefined;
    }
  }
  try {
    const { stdout } = await run('ps', ['-p', String(pid), '-o', 'comm=']);
    const name = stdout.trim();
    return name ? name.slice(name.lastIndexOf('/') + 1) : undefined;
  } catch {
    return undefined;
  }
}

/** True when the pid is a live PostgreSQL server process (a pid reused by another program is not). */
export async function isLivePostgres(pid: number): Promise<boolean> {
  if (!isAlive(pid)) return false;
  const name = await commandName(pid);
  // When the name cannot be read, assume the worst: a server we must not start beside.
  return name === undefined || name === 'postgres' || name.startsWith('postgres');
}

/** True when nothing listens on 127.0.0.1:port. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the system reports free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface OsUser {
  uid: number;
  gid: number;
  name: string;
}

async function lookupUser(name: string): Promise<OsUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name };
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL refuses to run as root. Under root (containers, CI) the server runs as the
 * `postgres` system user, created when it does not exist.
 */
export async function postgresUser(onCreate: () => void): Promise<OsUser> {
  const found = await lookupUser('postgres');
  if (found) return found;
  onCreate();
  try {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  } catch (err) {
    throw new Error(`PostgreSQL cannot run as root and creating a "postgres" system user failed: ${(err as Error).message.trim()}`);
  }
  const created = await lookupUser('postgres');
  if (!created) throw new Error('PostgreSQL cannot run as root and the "postgres" system user could not be found after creating it');
  return created;
}

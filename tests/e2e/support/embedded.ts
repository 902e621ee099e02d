import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@mercato/chassis/testing';
import { findEmbeddedPostgres, isAlive } from '@mercato/embedded-pg';
import { launch, stopProc, type Proc } from '@mercato/platform/testing';

// The embedded mode as a shop owner runs it (`npm start`): one process, every service in it, an
// embedded PostgreSQL under the data folder, the in-process bus. Every port 0; the launcher says
// where it listens in its ready file.

const NAMES = ['gateway', 'auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification'];

interface ReadyFile {
  gateway: string;
  web: string | null;
  services: Record<string, string>;
  postgres: { port: number; pid: number; dataDir: string };
}

export interface EmbeddedPlatform {
  dir: string;
  /** `<gateway>/api/v1` of the running launcher. */
  api: string;
  /** The gateway's base URL: the shop. */
  gateway: string;
  /** Each service's own base URL (its port, not through the gateway). */
  services: Record<string, string>;
  proc: Proc;
  /** A database of the embedded PostgreSQL, by service name. */
  databaseUrl(service: string): Promise<string>;
  /** SIGKILL the launcher (no shutdown at all), wait for its PostgreSQL to go, start again on the same data. */
  crashAndRestart(pauseMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startEmbedded(env: NodeJS.ProcessEnv): Promise<EmbeddedPlatform> {
  const dir = await mkdtemp(join(tmpdir(), 'mercato-embedded-'));
  await chmod(dir, 0o755); // under root PostgreSQL runs as `postgres` and must reach the folder
  const readyFile = join(dir, 'ready.json');
  const fullEnv: NodeJS.ProcessEnv = {
    ...Object.fromEntries(NAMES.map((n) => [`${n.toUpperCase()}_PORT`, '0'])),
    MERCATO_DATA_DIR: join(dir, 'data'),
    MERCATO_READY_FILE: readyFile,
    OPS_TOKEN: '',
    LOG_LEVEL: 'warn',
    // The API's suites run without the web app; the storefront's suite turns it on.
    MERCATO_WEB: 'false',
    ...env,
  };
  let ready: ReadyFile;
  const boot = async (): Promise<Proc> => {
    await rm(readyFile, { force: true });
    const proc = launch([], fullEnv, { stdout: 'pipe' });
    ready = await eventually(async () => {
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) assert.fail(`the launcher exited before it was ready:\n${proc.out()}\n${proc.err()}`);
      return JSON.parse(await readFile(readyFile, 'utf8')) as ReadyFile;
    }, 120_000, 100).catch((err: unknown) => {
      proc.child.kill('SIGKILL');
      throw err;
    });
    return proc;
  };
  let proc = await boot();
  const platform: EmbeddedPlatform = {
    dir,
    get api() {
      return `${ready.gateway}/api/v1`;
    },
    get gateway() {
      return ready.gateway;
    },
    get services() {
      return ready.services;
    },
    get proc() {
      return proc;
    },
    async databaseUrl(service) {
      const server = await findEmbeddedPostgres(join(dir, 'data', 'postgres'));
      assert.ok(server?.running, 'the embedded PostgreSQL runs');
      return server.databaseUrl(`mercato_${service}`);
    },
    async crashAndRestart(pauseMs = 1000) {
      const pgPid = ready.postgres.pid;
      await stopProc(proc, 'SIGKILL');
      // Its watchdog stops the orphaned PostgreSQL; a new launcher refuses a live one on the folder.
      await eventually(() => !isAlive(pgPid), 30_000, 100);
      await new Promise((r) => setTimeout(r, pauseMs));
      proc = await boot();
    },
    async close() {
      const pgPid = ready?.postgres.pid;
      await stopProc(proc, 'SIGTERM');
      if (pgPid) await eventually(() => !isAlive(pgPid), 30_000, 100).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return platform;
}

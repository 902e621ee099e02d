// The embedded mode as a shop owner runs it (`npm start`), for benchmarks: one launcher process
// with every service and the gateway in it, the in-process bus, and its own embedded PostgreSQL
// under a fresh data folder; with the CPU time of the whole process tree (the launcher, its
// PostgreSQL server and backends).
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, stopProc, type Proc } from '@mercato/platform/testing';
import { descendantsOf, processesCpuMs } from './distributed.js';

const NAMES = ['gateway', 'auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification'];

export interface EmbeddedPlatform {
  /** `<gateway>/api/v1`. */
  api: string;
  pid: number;
  /** CPU time (user + system, ms) used so far by the launcher and by its PostgreSQL (every descendant). */
  cpu(): { node: number; postgres: number };
  stop(): Promise<void>;
}

/** Starts `npm start`'s launcher with `env` over the benchmark's defaults; resolves once it is ready. */
export async function startEmbeddedPlatform(env: Record<string, string>): Promise<EmbeddedPlatform> {
  const dir = await mkdtemp(join(tmpdir(), 'mercato-bench-embedded-'));
  await chmod(dir, 0o755); // under root PostgreSQL runs as `postgres` and must reach the folder
  const readyFile = join(dir, 'ready.json');
  const proc: Proc = launch(
    [],
    {
      ...Object.fromEntries(NAMES.map((n) => [`${n.toUpperCase()}_PORT`, '0'])),
      MERCATO_DATA_DIR: join(dir, 'data'),
      MERCATO_READY_FILE: readyFile,
      MERCATO_WEB: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    { nodeArgs: (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean) },
  );
  const began = Date.now();
  let gateway = '';
  try {
    while (!gateway) {
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error(`the launcher exited before it was ready:\n${proc.err()}`);
      if (Date.now() - began > 180_000) throw new Error(`the launcher was not ready after 180 s:\n${proc.err()}`);
      if (existsSync(readyFile)) gateway = (JSON.parse(await readFile(readyFile, 'utf8')) as { gateway: string }).gateway;
      else await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await stopProc(proc, 'SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const pid = proc.child.pid!;
  return {
    api: `${gateway}/api/v1`,
    pid,
    cpu() {
      const all = processesCpuMs();
      const tree = [pid, ...descendantsOf(pid, all)];
      let node = 0;
      let postgres = 0;
      // Each process's own time and its exited children's: PostgreSQL's backends close when a
      // pool leaves them idle for 10 s (as in the idle interval after a round), and their time
      // then moves into the server's reaped children's. Counting live processes only, a reading
      // after that was lower than one before, and the idle rate taken off came out negative.
      for (const p of tree) {
        const s = all.get(p);
        if (!s) continue;
        if (p === pid) node += s.ms;
        else if (/^postgres/.test(s.command)) postgres += s.ms + s.reaped;
        else node += s.ms; // the watchdog, if any: the platform's own
      }
      return { node, postgres };
    },
    async stop() {
      const code = await stopProc(proc);
      await rm(dir, { recursive: true, force: true });
      if (code !== 0) throw new Error(`the launcher exited with ${code} on SIGTERM:\n${proc.err()}`);
    },
  };
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './infra.js';

/**
 * A Redis server of the test's own on a free port, to stop, freeze and kill without touching the
 * shared one (other suites use it at the same time). Needs `redis-server` on the PATH.
 */
export interface OwnRedis {
  url: string;
  port: number;
  /** SIGSTOP: the server holds its connections and answers nothing (a hung or partitioned Redis). */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
  /** SIGKILL: connections are refused from now on. */
  kill(): Promise<void>;
  /** A new server on the same port (after kill()). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** For `describe(…, { skip: ownRedisUnavailable() })`: why a suite that starts its own Redis cannot run here, or false (throws when servers are required). */
export function ownRedisUnavailable(): string | false {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (!probe.error && probe.status === 0) return false;
  if (process.env.MERCATO_REQUIRE_SERVERS === '1') throw new Error('redis-server is not installed, and the real servers are required');
  return 'skipped: redis-server is not installed';
}

async function waitForPing(port: number, proc: ChildProcess): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`redis-server exited with ${proc.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => s.write('PING\r\n'));
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not answer`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let proc: ChildProcess;
  const launch = async () => {
    proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitForPing(port, proc);
  };
  const exited = (p: ChildProcess) => (p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => p.once('exit', () => r())));
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    freeze: () => void proc.kill('SIGSTOP'),
    thaw: () => void proc.kill('SIGCONT'),
    async kill() {
      proc.kill('SIGKILL');
      await exited(proc);
    },
    restart: launch,
    async stop() {
      proc.kill('SIGCONT');
      proc.kill('SIGKILL');
      await exited(proc);
    },
  };
}

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

async function waitForPing(port: number, proc: ChildProcess, tls: OwnRedisTls | undefined): Promise<void> {
  const { connect } = await import('node:net');
  const { connect: connectTls } = await import('node:tls');
  const { readFileSync } = await import('node:fs');
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`redis-server exited with ${proc.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      // Over TLS the probe checks nothing of the certificate (the tests do) and presents the
      // server's own, signed by the CA it trusts.
      const s = tls
        ? connectTls({ port, host: '127.0.0.1', rejectUnauthorized: false, cert: readFileSync(tls.cert), key: readFileSync(tls.key) })
        : connect(port, '127.0.0.1');
      s.once(tls ? 'secureConnect' : 'connect', () => s.write('PING\r\n'));
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

/** TLS only (`--port 0 --tls-port`): the server's certificate and key, the CA its clients' certificates are checked against. */
export interface OwnRedisTls {
  cert: string;
  key: string;
  ca: string;
  /** `yes`: clients must present a certificate of `ca` (mutual TLS); `no` (the default): they need not. */
  authClients?: 'yes' | 'no';
}

export async function startOwnRedis(opts: { tls?: OwnRedisTls } = {}): Promise<OwnRedis> {
  const port = await freePort();
  let proc: ChildProcess;
  const { tls } = opts;
  const listen = tls
    ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', tls.cert, '--tls-key-file', tls.key, '--tls-ca-cert-file', tls.ca, '--tls-auth-clients', tls.authClients ?? 'no']
    : ['--port', String(port)];
  const launch = async () => {
    proc = spawn('redis-server', [...listen, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitForPing(port, proc, tls);
  };
  const exited = (p: ChildProcess) => (p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => p.once('exit', () => r())));
  await launch();
  return {
    // Over TLS, under the name the certificates are made for.
    url: tls ? `rediss://localhost:${port}` : `redis://127.0.0.1:${port}`,
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

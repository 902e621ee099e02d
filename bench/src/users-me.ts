// Authenticated `GET /users/me` through the gateway against the same call made directly to the
// user service, with a real access token from auth. Target: via the gateway ≥ 0.6 × direct.
//
//   npm run bench:me [-- --connections 10 --duration 5 --warmup 3 --rounds 2]
//
// The user service verifies the token itself either way (signature against auth's JWKS, issuer,
// audience, expiry) and reads the profile from its database; through the gateway the token is
// checked at the edge too, the rate limits are applied (raised here so they never refuse) and
// the request is proxied. The difference between the two paths is the gateway.
//
// Processes: auth and user together in one (they share the in-process bus that carries
// UserRegistered to the user service; auth is idle once the user is registered and its keys
// fetched), the gateway in another, autocannon in a third, this script coordinating. Each
// service has its own fresh test database on the PostgreSQL server. The CPU time each server
// process spends per request is printed too: it does not move with the neighbours' load.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { authService } from '@mercato/auth';
import { createLogger, MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { createTestDatabase, eventually, type TestDatabase } from '@mercato/chassis/testing';
import { startGateway } from '@mercato/gateway';
import { userService } from '@mercato/user';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};
const CONNECTIONS = Number(arg('connections', '10'));
const DURATION_S = Number(arg('duration', '5'));
const WARMUP_S = Number(arg('warmup', '3'));
const ROUNDS = Number(arg('rounds', '2'));
const ROLE = arg('role', 'bench');
const TARGET = 0.6;
const silent = (service: string) => createLogger({ service, level: 'silent' });

// ── server roles ──────────────────────────────────────────────────────────────────────────────

/** Auth and user on one in-process bus; resolves with [auth URL, user URL]. */
async function startIdentity(authDbUrl: string, userDbUrl: string): Promise<string[]> {
  const bus = new MemoryBus();
  const common = { LOG_LEVEL: 'silent', OUTBOX_POLL_MS: '50' };
  const started: RunningService[] = [];
  started.push(
    await startService(authService, {
      env: {
        ...common,
        AUTH_PORT: '0',
        AUTH_DATABASE_URL: authDbUrl,
        AUTH_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
        // One registration: a cheap hash keeps the set-up short; no password is hashed under load.
        AUTH_SCRYPT_N: '16384',
      },
      bus,
      logger: silent('auth'),
    }),
  );
  const authUrl = started[0]!.url;
  started.push(
    await startService(userService, {
      env: { ...common, USER_PORT: '0', USER_DATABASE_URL: userDbUrl, AUTH_JWKS_URL: `${authUrl}/.well-known/jwks.json` },
      bus,
      logger: silent('user'),
    }),
  );
  bus.open();
  process.once('SIGTERM', () => {
    void Promise.all(started.map((s) => s.stop())).finally(() => process.exit(0));
  });
  return [authUrl, started[1]!.url];
}

async function startGatewayFor(authUrl: string, userUrl: string): Promise<string> {
  const gw = await startGateway({
    logger: silent('gateway'),
    env: {
      GATEWAY_PORT: '0',
      LOG_LEVEL: 'silent',
      AUTH_JWKS_URL: `${authUrl}/.well-known/jwks.json`,
      // Off for the bench: one client address and one user would otherwise be refused at once.
      GATEWAY_RATE_LIMIT_IP: '0',
      GATEWAY_RATE_LIMIT_USER: '0',
    },
    upstreams: { auth: authUrl, user: userUrl },
  });
  return gw.url;
}

// ── the coordinator ───────────────────────────────────────────────────────────────────────────

interface Server {
  proc: ChildProcess;
  urls: string[];
}

/** A child running one role of this script; resolves with the URLs it reports once listening. */
function child(role: string, extra: string[] = []): Promise<Server> {
  const proc = fork(fileURLToPath(import.meta.url), ['--role', role, ...extra], { execArgv: ['--conditions=source', '--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    proc.once('message', (m: { ready: string[] }) => resolve({ proc, urls: m.ready }));
    proc.once('exit', (code) => reject(new Error(`${role} exited with ${code} before it was ready`)));
  });
}

/** CPU time (user + system, µs) a child has used so far. */
function cpuOf(s: Server): Promise<number> {
  return new Promise((resolve) => {
    s.proc.once('message', (m: { cpu: number }) => resolve(m.cpu));
    s.proc.send('cpu');
  });
}

interface Result {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU µs per request of each server process. */
  cpu: number[];
}

/** autocannon in its own process, JSON out. */
async function load(url: string, token: string, seconds: number, servers: Server[]): Promise<Result> {
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const before = await Promise.all(servers.map(cpuOf));
  const args = [cli, '-c', String(CONNECTIONS), '-d', String(seconds), '-H', `authorization=Bearer ${token}`, '-j', url];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((r) => proc.once('exit', r));
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  const after = await Promise.all(servers.map(cpuOf));
  const r = JSON.parse(out) as { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
  const total = Math.max(1, r.requests.total);
  return { rps: r.requests.average, total, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors, cpu: after.map((a, i) => (a - before[i]!) / total) };
}

async function bench(): Promise<void> {
  const dbs: TestDatabase[] = [];
  const servers: Server[] = [];
  try {
    const authDb = await createTestDatabase('bench_me_auth');
    dbs.push(authDb);
    const userDb = await createTestDatabase('bench_me_user');
    dbs.push(userDb);
    const identity = await child('identity', ['--auth-db', authDb.url, '--user-db', userDb.url]);
    servers.push(identity);
    const [authUrl, userUrl] = identity.urls as [string, string];
    const gateway = await child('gateway', ['--auth', authUrl, '--user', userUrl]);
    servers.push(gateway);
    const gatewayUrl = gateway.urls[0]!;

    const res = await fetch(`${authUrl}/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench.me@example.com', password: 'violet-tundra-93-kayak', name: 'Bench Me' }),
    });
    if (res.status !== 201) throw new Error(`registering answered ${res.status}: ${await res.text()}`);
    const { accessToken } = (await res.json()) as { accessToken: string };
    const direct = `${userUrl}/users/me`;
    const via = `${gatewayUrl}/api/v1/users/me`;
    const me = (url: string) => fetch(url, { headers: { authorization: `Bearer ${accessToken}` } });
    // The profile exists once the user service has handled UserRegistered.
    await eventually(async () => (await me(direct)).status === 200, 15_000, 50);
    const check = await me(via);
    if (check.status !== 200) throw new Error(`GET ${via} answered ${check.status}: ${await check.text()}`);

    const paths: [string, string][] = [
      ['direct', direct],
      ['via gateway', via],
    ];
    const names = ['auth + user', 'gateway'];
    console.log(
      `GET /users/me with a bearer token: ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} at start), ${CONNECTIONS} connections, ` +
        `${ROUNDS} × ${DURATION_S} s per path after ${WARMUP_S} s warm-up`,
    );
    for (const [name, url] of paths) console.log(`  ${name.padEnd(12)} GET ${url}`);
    for (const [, url] of paths) await load(url, accessToken, WARMUP_S, servers);
    const runs = new Map<string, Result[]>(paths.map(([name]) => [name, []]));
    // Alternated, so that drift of the machine during the run hits both paths alike.
    for (let i = 0; i < ROUNDS; i++) for (const [name, url] of paths) runs.get(name)!.push(await load(url, accessToken, DURATION_S, servers));
    const mean = (rs: Result[], f: (r: Result) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
    const rps = (name: string) => mean(runs.get(name)!, (r) => r.rps);
    console.log('');
    for (const [name] of paths) {
      const rs = runs.get(name)!;
      // The gateway idles on the direct path; only the processes on the path are shown.
      const cpu = names.map((n, i) => `${n} ${mean(rs, (r) => r.cpu[i]!).toFixed(0)}`).filter((_, i) => i === 0 || name === 'via gateway');
      console.log(
        `  ${name.padEnd(12)} ${rps(name).toFixed(0).padStart(7)} req/s  p50 ${mean(rs, (r) => r.p50).toFixed(1)} ms  p99 ${mean(rs, (r) => r.p99).toFixed(1)} ms` +
          `  (rounds ${rs.map((r) => r.rps.toFixed(0)).join(' / ')})  CPU µs/request: ${cpu.join(', ')}`,
      );
    }
    const ratio = rps('via gateway') / rps('direct');
    console.log('');
    console.log(`  ratio via gateway / direct  ${ratio.toFixed(2)}  (target ≥ ${TARGET}: ${ratio >= TARGET ? 'met' : 'NOT met'})`);
    const failed = [...runs.values()].flat().reduce((s, r) => s + r.failed, 0);
    if (failed > 0) {
      console.error(`  ${failed} requests failed or answered non-2xx: the figures above are not valid`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(
      servers.map((s) => {
        const exited = new Promise((r) => s.proc.once('exit', r));
        s.proc.kill('SIGTERM');
        return exited;
      }),
    );
    for (const db of dbs) await db.drop();
  }
}

if (ROLE === 'bench') {
  await bench();
} else {
  // A server role: report its URLs and, on request, the CPU time it has used; exit on SIGTERM.
  process.on('message', (m) => {
    if (m !== 'cpu') return;
    const u = process.cpuUsage();
    process.send!({ cpu: u.user + u.system });
  });
  let urls: string[];
  if (ROLE === 'identity') urls = await startIdentity(arg('auth-db', ''), arg('user-db', ''));
  else {
    process.once('SIGTERM', () => process.exit(0));
    urls = [await startGatewayFor(arg('auth', ''), arg('user', ''))];
  }
  process.send!({ ready: urls });
}

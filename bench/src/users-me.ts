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
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { authService } from '@mercato/auth';
import { createLogger, MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { createTestDatabase, eventually, type TestDatabase } from '@mercato/chassis/testing';
import { startGateway } from '@mercato/gateway';
import { userService } from '@mercato/user';
import { child, flagFailures, load, mean, serveRole, stopServers, type Result, type Server } from './support/load.js';
import { argText as arg } from './support/args.js';

const CONNECTIONS = Number(arg('connections', '10'));
const DURATION_S = Number(arg('duration', '5'));
const WARMUP_S = Number(arg('warmup', '3'));
const ROUNDS = Number(arg('rounds', '2'));
const ROLE = arg('role', 'bench');
const TARGET = 0.6;
const silent = (service: string) => createLogger({ service, level: 'silent' });

// ── server roles ──────────────────────────────────────────────────────────────────────────────

/** Auth and user on one in-process bus; resolves with [auth URL, user URL] and how to stop them. */
async function startIdentity(authDbUrl: string, userDbUrl: string): Promise<{ urls: string[]; stop: () => Promise<void> }> {
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
  return { urls: [authUrl, started[1]!.url], stop: async () => void (await Promise.all(started.map((s) => s.stop()))) };
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

const SCRIPT = fileURLToPath(import.meta.url);

async function bench(): Promise<void> {
  const dbs: TestDatabase[] = [];
  const servers: Server[] = [];
  try {
    const authDb = await createTestDatabase('bench_me_auth');
    dbs.push(authDb);
    const userDb = await createTestDatabase('bench_me_user');
    dbs.push(userDb);
    const identity = await child(SCRIPT, 'identity', ['--auth-db', authDb.url, '--user-db', userDb.url]);
    servers.push(identity);
    const [authUrl, userUrl] = identity.urls as [string, string];
    const gateway = await child(SCRIPT, 'gateway', ['--auth', authUrl, '--user', userUrl]);
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
    const auth = { authorization: `Bearer ${accessToken}` };
    if (WARMUP_S > 0) for (const [, url] of paths) await load(url, { seconds: WARMUP_S, connections: CONNECTIONS, servers, headers: auth });
    const runs = new Map<string, Result[]>(paths.map(([name]) => [name, []]));
    // Alternated, so that drift of the machine during the run hits both paths alike.
    for (let i = 0; i < ROUNDS; i++) for (const [name, url] of paths) runs.get(name)!.push(await load(url, { seconds: DURATION_S, connections: CONNECTIONS, servers, headers: auth }));
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
    flagFailures(runs.values());
  } finally {
    await stopServers(servers);
    for (const db of dbs) await db.drop();
  }
}

if (ROLE === 'bench') {
  await bench();
} else if (ROLE === 'identity') {
  const identity = await startIdentity(arg('auth-db', ''), arg('user-db', ''));
  serveRole(identity.urls, identity.stop);
} else {
  serveRole([await startGatewayFor(arg('auth', ''), arg('user', ''))]);
}

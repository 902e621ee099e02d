// Sign-ins per second against the auth service, beside a bare loop of the same scrypt
// verification (Node's asynchronous crypto.scrypt, same parameters, same concurrency) in the same
// run. Target: logins ≥ 0.8 × bare verifications.
//
//   npm run bench:login [-- --n 131072 --users 8 --concurrency 4 --duration 6 --warmup 2 --rounds 2]
//
// The auth service is started in this process (the chassis' startService, its own fresh test
// database, the in-process bus, logs silent) with AUTH_SCRYPT_N = --n (OWASP's 2^17 by default).
// It registers --users accounts first, then --concurrency workers each post
// `POST /auth/login` with a correct password, one after another, over keep-alive HTTP,
// cycling through the accounts. A login is one scrypt verification plus the service's own work
// (throttle check, credential lookup, refresh-token insert, token signing: a few ms), so the
// load generator's own cost (a fetch, tens of µs) is lost in the noise and it runs here
// rather than in a process of its own.
//
// Both paths are bounded by libuv's thread pool (UV_THREADPOOL_SIZE, 4 by default), where
// scrypt runs, and by the cores under it: keep the concurrency identical for both (it is) and
// at most the pool size, or the extra requests only queue. Rounds alternate between the paths,
// so drift of the machine hits both alike.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createLogger, MemoryBus, startService } from '@mercato/chassis';
import { createTestDatabase } from '@mercato/chassis/testing';
import { authService } from '@mercato/auth';
import { argNumber as arg } from './support/args.js';

const N = arg('n', 2 ** 17);
const R = 8;
const P = 1;
const USERS = arg('users', 8);
const CONCURRENCY = arg('concurrency', 4);
const DURATION_S = arg('duration', 6);
const WARMUP_S = arg('warmup', 2);
const ROUNDS = arg('rounds', 2);
const TARGET = 0.8;
const POOL = Number(process.env.UV_THREADPOOL_SIZE ?? 4);

interface Run {
  ops: number;
  failed: number;
  seconds: number;
}

/** `workers` loops of `op` until `seconds` have passed; the ones in flight then are finished and counted. */
async function loop(workers: number, seconds: number, op: (i: number) => Promise<boolean>): Promise<Run> {
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let ops = 0;
  let failed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        if (await op(next++)) ops++;
        else failed++;
      }
    }),
  );
  return { ops, failed, seconds: (performance.now() - start) / 1000 };
}

// ── the bare baseline: what verifyPassword does, and nothing else ──────────────────────────────
const KEY_LENGTH = 32;
const bareOptions = { N, r: R, p: P, maxmem: 128 * N * R + 128 * R * P + 1024 * 1024 };
const bareSecret = 'violet-tundra-93-kayak';
const bareSalt = randomBytes(16);
const bareKey = await new Promise<Buffer>((resolve, reject) =>
  scrypt(bareSecret, bareSalt, KEY_LENGTH, bareOptions, (err, key) => (err ? reject(err) : resolve(key))),
);
const bareVerify = () =>
  new Promise<boolean>((resolve, reject) =>
    scrypt(bareSecret, bareSalt, KEY_LENGTH, bareOptions, (err, key) => (err ? reject(err) : resolve(timingSafeEqual(key, bareKey)))),
  );

// ── the service ───────────────────────────────────────────────────────────────────────────────
const db = await createTestDatabase('bench_login');
const bus = new MemoryBus();
const svc = await startService(authService, {
  env: {
    AUTH_PORT: '0',
    AUTH_DATABASE_URL: db.url,
    AUTH_SCRYPT_N: String(N),
    AUTH_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'silent',
  },
  bus,
  logger: createLogger({ service: 'auth', level: 'silent' }),
});
bus.open();

const post = (path: string, body: unknown) =>
  fetch(`${svc.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

try {
  const accounts = Array.from({ length: USERS }, (_, i) => ({ email: `bench.login.${i}@example.com`, password: `violet-tundra-${i}-kayak-bench` }));
  // Registered a few at a time: each costs one hash.
  for (let i = 0; i < accounts.length; i += CONCURRENCY) {
    await Promise.all(
      accounts.slice(i, i + CONCURRENCY).map(async (a, j) => {
        const res = await post('/auth/register', { ...a, name: `Bench User ${i + j}` });
        if (res.status !== 201) throw new Error(`registering ${a.email} answered ${res.status}: ${await res.text()}`);
      }),
    );
  }
  const login = async (i: number) => {
    const res = await post('/auth/login', accounts[i % accounts.length]);
    await res.arrayBuffer();
    return res.status === 200;
  };

  console.log(
    `login throughput: ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} at start), libuv pool ${POOL}, scrypt N=${N} r=${R} p=${P}, ` +
      `${USERS} users, concurrency ${CONCURRENCY}, ${ROUNDS} × ${DURATION_S} s per path after ${WARMUP_S} s warm-up`,
  );
  if (CONCURRENCY > POOL) console.log(`  note: concurrency ${CONCURRENCY} is above the pool size ${POOL}; the extra work only queues`);
  await loop(CONCURRENCY, WARMUP_S, () => bareVerify());
  await loop(CONCURRENCY, WARMUP_S, login);
  const runs: Record<'bare' | 'login', Run[]> = { bare: [], login: [] };
  for (let i = 0; i < ROUNDS; i++) {
    runs.bare.push(await loop(CONCURRENCY, DURATION_S, () => bareVerify()));
    runs.login.push(await loop(CONCURRENCY, DURATION_S, login));
  }
  const rate = (rs: Run[]) => rs.reduce((s, r) => s + r.ops, 0) / rs.reduce((s, r) => s + r.seconds, 0);
  const show = (rs: Run[]) => rs.map((r) => (r.ops / r.seconds).toFixed(2)).join(' / ');
  const bare = rate(runs.bare);
  const logins = rate(runs.login);
  const ratio = logins / bare;
  console.log('');
  console.log(`  bare scrypt verifications  ${bare.toFixed(2).padStart(7)} /s  (rounds ${show(runs.bare)}; ${runs.bare.reduce((s, r) => s + r.ops, 0)} in all)`);
  console.log(`  logins (POST /auth/login)  ${logins.toFixed(2).padStart(7)} /s  (rounds ${show(runs.login)}; ${runs.login.reduce((s, r) => s + r.ops, 0)} in all)`);
  console.log('');
  console.log(`  ratio logins / bare        ${ratio.toFixed(2)}  (target ≥ ${TARGET}: ${ratio >= TARGET ? 'met' : 'NOT met'})`);
  const failed = runs.login.reduce((s, r) => s + r.failed, 0) + runs.bare.reduce((s, r) => s + r.failed, 0);
  if (failed > 0) {
    console.error(`  ${failed} logins or verifications failed: the figures above are not valid`);
    process.exitCode = 1;
  }
} finally {
  await svc.stop();
  await bus.close();
  await db.drop();
}

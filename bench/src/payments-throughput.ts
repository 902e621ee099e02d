// Payments per second through the sandbox provider: PaymentRequested in → PaymentSucceeded out,
// on real PostgreSQL and RabbitMQ, beside the bare outbox → bus → inbox round trip of the same
// number of events in the same run. Target: payments ≥ 0.5 of the bare round trip.
//
//   npm run bench:payments [-- --events 2000 --warmup 500 --rounds 3 --prefetch 256 --batch 500 --concurrency 8 --timeline --statements --cpu-prof]
//
// Each path first takes --warmup events that are not measured, so that the processes that
// consume them run warm (compiled hot paths, open connections, prepared statements), as a
// deployed service does; the payment process is a new one in every round.
// Each round prints the CPU time per event of the processes that differ between the two paths:
// the PostgreSQL backends of the consuming side's databases (read from /proc: the server runs on
// this machine), the payment process, this process (the recording consumer), and the RabbitMQ
// broker (all of it: on a shared broker the others' traffic counts too).
// --timeline prints, per round, when the payment service recorded the last request, made its
// first and last outcome and published its last event.
// --statements counts the SQL statements the payment process sent during the run, per payment,
// and its socket writes by peer port (PostgreSQL 5432, RabbitMQ 5672).
// --cpu-prof writes a V8 CPU profile of the payment process over the measured events (in the
// system's temp folder); `node bench/src/support/profile-summary.ts <file>` sums its self time.
//
// Both paths start from the same place: N PaymentRequested events committed in the order
// service's outbox before the clock starts, published by a relay in a process of its own.
//  - baseline: a consumer (this process) records each one in its inbox, and does nothing else;
//  - payments: the payment service, in a child process as deployed, records each payment,
//    charges it through the sandbox (claim committed, provider call, outcome + event in one
//    transaction) and publishes PaymentSucceeded from its outbox; this process records each
//    PaymentSucceeded in its inbox, as the order service would.
// The clock runs from the relay's first publish until the last event's inbox row committed.
import type { ChildProcess } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newId } from '@mercato/contracts';
import { AmqpBus, CHASSIS_MIGRATIONS, createLogger, createOutbox, Db, EventConsumer, migrate, startService, type ConsumerManifest } from '@mercato/chassis';
import { createTestDatabase, deleteBusNamespace, TEST_AMQP_URL, TEST_PG_URL, uniqueName, type TestDatabase } from '@mercato/chassis/testing';
import { forkGoRole, relayProducer } from './support/go-roles.js';
import { argNumber as arg, argText } from './support/args.js';
import { brokerCpuMs, pgCpuMs, readPgCpu } from './support/pg-cpu.js';

const role = argText('role', 'bench');
const EVENTS = arg('events', 2_000);
const WARMUP = arg('warmup', 500);
const BATCH = arg('batch', 500);
const PREFETCH = arg('prefetch', 256);
const ROUNDS = arg('rounds', 3);
const CONCURRENCY = arg('concurrency', 8);
const TIMELINE = process.argv.includes('--timeline');
const STATEMENTS = process.argv.includes('--statements');
const CPU_PROF = process.argv.includes('--cpu-prof');
const silent = createLogger({ service: 'bench', level: 'silent' });
const script = fileURLToPath(import.meta.url);
const PROFILE_DIR = join(tmpdir(), 'mercato-payments-profile');

// ── child processes ───────────────────────────────────────────────────────────────────────────
/** The payment service as deployed: its own process, database, RabbitMQ, the sandbox provider. */
async function paymentProcess(namespace: string, dbUrl: string): Promise<void> {
  // --statements: every statement any connection of this process sends, by its text.
  const statements = new Map<string, number>();
  if (STATEMENTS) {
    const { default: pg } = await import('pg');
    type Query = (this: unknown, ...args: unknown[]) => unknown;
    const query = pg.Client.prototype.query as unknown as Query;
    (pg.Client.prototype as unknown as { query: Query }).query = function (this: unknown, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
      const key = String(text).replace(/\s+/g, ' ').trim().slice(0, 90);
      statements.set(key, (statements.get(key) ?? 0) + 1);
      return query.apply(this, args);
    };
    // And the socket writes, by peer port (PostgreSQL, RabbitMQ).
    const { Socket } = await import('node:net');
    type Write = (this: { remotePort?: number }, ...args: unknown[]) => unknown;
    const proto = Socket.prototype as unknown as Record<'_write' | '_writev', Write>;
    for (const name of ['_write', '_writev'] as const) {
      const write = proto[name];
      proto[name] = function (this: { remotePort?: number }, ...args: unknown[]) {
        const key = `(socket ${name.slice(1)} to port ${this.remotePort})`;
        statements.set(key, (statements.get(key) ?? 0) + 1);
        return write.apply(this, args);
      };
    }
  }
  const { paymentService } = await import('@mercato/payment');
  const svc = await startService(paymentService, {
    env: {
      PAYMENT_PORT: '0',
      PAYMENT_DATABASE_URL: dbUrl,
      BUS_URL: TEST_AMQP_URL,
      BUS_NAMESPACE: namespace,
      PAYMENT_SANDBOX: 'true',
      BUS_PREFETCH: String(PREFETCH),
      OUTBOX_BATCH: String(BATCH),
      LOG_LEVEL: 'warn',
      PAYMENT_WORK_CONCURRENCY: String(CONCURRENCY),
      DB_POOL_MAX: String(CONCURRENCY + 6),
    },
    listen: false,
  });
  // --cpu-prof: the profile covers the measured events only (from the first reading to the
  // second), not the start-up and the warm-up.
  const profiler = CPU_PROF ? new (await import('node:inspector')).Session() : undefined;
  profiler?.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => profiler!.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  let readings = 0;
  let profileWritten: Promise<void> = Promise.resolve();
  // The bench reads our CPU time (and statements so far) before and after the run.
  process.on('message', (m) => {
    if (m !== 'usage') return;
    const u = process.cpuUsage();
    process.send!({ cpuMs: (u.user + u.system) / 1000, statements: Object.fromEntries(statements) } satisfies Usage);
    if (!profiler) return;
    if (++readings === 1) void post('Profiler.enable').then(() => post('Profiler.start'));
    else if (readings === 2) {
      profileWritten = post('Profiler.stop').then(async (result) => {
        const { mkdir, writeFile } = await import('node:fs/promises');
        await mkdir(PROFILE_DIR, { recursive: true });
        const file = join(PROFILE_DIR, `payment-${process.pid}.cpuprofile`);
        await writeFile(file, JSON.stringify((result as { profile: unknown }).profile));
      });
    }
  });
  process.once('SIGTERM', () => void profileWritten.finally(() => svc.stop()).finally(() => process.exit(0)));
  // The bench went away without stopping us: do not linger.
  process.once('disconnect', () => void svc.stop().finally(() => process.exit(1)));
  process.send!({ ready: true });
}

interface Usage {
  cpuMs: number;
  statements: Record<string, number>;
}

function usageOf(proc: ChildProcess): Promise<Usage> {
  return new Promise((resolve) => {
    proc.once('message', (m: Usage) => resolve(m));
    proc.send('usage');
  });
}

/** CPU ms of this process so far. */
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// ── the measured side ─────────────────────────────────────────────────────────────────────────
async function writeRequests(dbUrl: string, n: number): Promise<void> {
  const db = new Db({ url: dbUrl, poolMax: 2 });
  await migrate(db, [CHASSIS_MIGRATIONS]);
  const outbox = createOutbox('order');
  for (let i = 0; i < n; i += BATCH) {
    await db.tx(async (tx) => {
      for (let j = i; j < Math.min(i + BATCH, n); j++) {
        const orderId = newId('ord');
        await outbox.emit(
          tx,
          'PaymentRequested',
          { orderId, userId: null, email: 'buyer@example.com', amount: { amount: 1999, currency: 'EUR' }, provider: 'sandbox', paymentMethod: 'pm_card_visa' },
          orderId,
        );
      }
    });
  }
  await db.close();
}

/**
 * A consumer in this process that records `type` in its inbox: `warm` starts the WARMUP events,
 * then `start` the EVENTS measured ones; resolves with the seconds from `start` until the last
 * measured event's inbox row committed.
 */
async function recordUntilDone(
  namespace: string,
  group: string,
  type: 'PaymentRequested' | 'PaymentSucceeded',
  db: Db,
  phases: { warm: () => Promise<void>; start: () => Promise<number>; end: () => Promise<void> },
): Promise<number> {
  const bus = new AmqpBus({ url: TEST_AMQP_URL, logger: silent, namespace });
  let handled = 0;
  let target = 0;
  let reached: () => void = () => undefined;
  const until = (n: number) =>
    new Promise<void>((resolve) => {
      target = n;
      reached = resolve;
      if (handled >= n) resolve();
    });
  const manifest: ConsumerManifest = {
    [type]: async () => {
      if (++handled === target) setImmediate(reached);
    },
  };
  const consumer = new EventConsumer({ service: group, db, logger: silent, outbox: createOutbox(group), manifest, retry: { maxAttempts: 5, baseMs: 100, maxMs: 1000 } });
  await bus.subscribe(group, consumer.types, consumer.deliver, { prefetch: PREFETCH });
  const inboxCount = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox')).rows[0]!.n;
  const recorded = async (n: number) => {
    await until(n);
    while ((await inboxCount()) < n) await new Promise((r) => setTimeout(r, 2));
  };
  if (WARMUP > 0) {
    await phases.warm();
    await recorded(WARMUP);
  }
  const t0 = await phases.start();
  await recorded(WARMUP + EVENTS);
  const seconds = (performance.now() - t0) / 1000;
  await phases.end();
  if ((await inboxCount()) !== WARMUP + EVENTS) throw new Error('the inbox does not hold every event exactly once');
  await bus.close();
  return seconds;
}

/** The relay child that publishes what the producer outbox holds now (started on go). */
const relayOf = (ns: string, producerUrl: string) => forkGoRole(script, ['--role', 'relay-producer', '--ns', ns, '--db', producerUrl, ...process.argv.slice(2)]);

/** Writes the warm-up requests and starts their relay; `measured()` then writes and readies the measured ones. */
async function warmUp(ns: string, producerUrl: string): Promise<{ go: () => Promise<void>; measured: () => ReturnType<typeof relayOf> }> {
  let warm: Awaited<ReturnType<typeof relayOf>> | undefined;
  if (WARMUP > 0) {
    await writeRequests(producerUrl, WARMUP);
    warm = await relayOf(ns, producerUrl);
  }
  return {
    go: async () => warm?.go(),
    measured: async () => {
      await warm?.done;
      await writeRequests(producerUrl, EVENTS);
      return relayOf(ns, producerUrl);
    },
  };
}


/** CPU per event (µs) of what differs between the paths; undefined where it cannot be read. */
interface Cpu {
  /** PostgreSQL backends of the consuming side's databases (not the producer's, the same in both). */
  pg: number | undefined;
  /** The payment process (payments only). */
  payment?: number;
  /** This process: the consumer that records the last event. */
  recorder: number;
  /** The local RabbitMQ broker, all of it (whatever else uses it counts too). */
  broker: number | undefined;
}

/** Reads pg_stat_activity for the CPU readings (the coordinator's only). */
let admin: Db;

async function baseline(): Promise<{ rate: number; cpu: Cpu }> {
  const producerDb = await createTestDatabase('bench_order', TEST_PG_URL);
  const consumerDb = await createTestDatabase('bench_recorder', TEST_PG_URL);
  const pool = new Db({ url: consumerDb.url, poolMax: 10 });
  await migrate(pool, [CHASSIS_MIGRATIONS]);
  const ns = uniqueName('bench');
  const warm = await warmUp(ns, producerDb.url);
  let relay!: Awaited<ReturnType<typeof relayOf>>;
  const cpu: Cpu = { pg: undefined, recorder: 0, broker: undefined };
  let broker0: number | undefined;
  let pg0: Awaited<ReturnType<typeof readPgCpu>>;
  let own0 = 0;
  const seconds = await recordUntilDone(ns, 'payment', 'PaymentRequested', pool, {
    warm: warm.go,
    start: async () => {
      relay = await warm.measured();
      pg0 = await readPgCpu(admin, [consumerDb.name]);
      own0 = ownCpuMs();
      broker0 = brokerCpuMs();
      const t0 = performance.now();
      relay.go();
      return t0;
    },
    end: async () => {
      cpu.recorder = ((ownCpuMs() - own0) * 1000) / EVENTS;
      const broker1 = brokerCpuMs();
      cpu.broker = broker0 === undefined || broker1 === undefined ? undefined : ((broker1 - broker0) * 1000) / EVENTS;
      const ms = pgCpuMs(pg0, await readPgCpu(admin, [consumerDb.name]));
      cpu.pg = ms === undefined ? undefined : (ms * 1000) / EVENTS;
    },
  });
  await relay.done;
  await pool.close();
  await deleteBusNamespace(TEST_AMQP_URL, ns, ['payment']);
  await producerDb.drop();
  await consumerDb.drop();
  return { rate: EVENTS / seconds, cpu };
}

async function payments(): Promise<{ rate: number; check: string; cpu: Cpu; statements: string[] }> {
  const producerDb = await createTestDatabase('bench_order', TEST_PG_URL);
  const paymentDb: TestDatabase = await createTestDatabase('bench_payment', TEST_PG_URL);
  const orderDb = await createTestDatabase('bench_order_inbox', TEST_PG_URL);
  const pool = new Db({ url: orderDb.url, poolMax: 10 });
  await migrate(pool, [CHASSIS_MIGRATIONS]);
  const ns = uniqueName('bench');
  const service = await forkGoRole(script, ['--role', 'payment-service', '--ns', ns, '--db', paymentDb.url, ...process.argv.slice(2)]);
  const warm = await warmUp(ns, producerDb.url);
  let relay!: Awaited<ReturnType<typeof relayOf>>;
  /** The database server's clock when the measured events start (the timeline leaves the warm-up out). */
  let since!: Date;
  const cpu: Cpu = { pg: undefined, recorder: 0, broker: undefined };
  let broker0: number | undefined;
  const databases = [paymentDb.name, orderDb.name];
  let pg0: Awaited<ReturnType<typeof readPgCpu>>;
  let own0 = 0;
  let usage0: Usage;
  let statements: string[] = [];
  const seconds = await recordUntilDone(ns, 'order', 'PaymentSucceeded', pool, {
    warm: warm.go,
    start: async () => {
      relay = await warm.measured();
      since = (await admin.query<{ t: Date }>('SELECT clock_timestamp() AS t')).rows[0]!.t;
      pg0 = await readPgCpu(admin, databases);
      usage0 = await usageOf(service.proc);
      own0 = ownCpuMs();
      broker0 = brokerCpuMs();
      const t0 = performance.now();
      relay.go();
      return t0;
    },
    end: async () => {
      cpu.recorder = ((ownCpuMs() - own0) * 1000) / EVENTS;
      const broker1 = brokerCpuMs();
      cpu.broker = broker0 === undefined || broker1 === undefined ? undefined : ((broker1 - broker0) * 1000) / EVENTS;
      const usage = await usageOf(service.proc);
      cpu.payment = ((usage.cpuMs - usage0.cpuMs) * 1000) / EVENTS;
      const ms = pgCpuMs(pg0, await readPgCpu(admin, databases));
      cpu.pg = ms === undefined ? undefined : (ms * 1000) / EVENTS;
      const sent = Object.entries(usage.statements)
        .map(([text, n]) => [text, n - (usage0.statements[text] ?? 0)] as const)
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1]);
      const total = sent.reduce((sum, [text, n]) => (text.startsWith('(socket') ? sum : sum + n), 0);
      const commits = sent.find(([text]) => text === 'COMMIT')?.[1] ?? 0;
      if (STATEMENTS) {
        statements = [
          `  payment process: ${(total / EVENTS).toFixed(3)} statements and ${(commits / EVENTS).toFixed(3)} transactions per payment (${total} statements, ${commits} COMMIT)`,
          ...sent.map(([text, n]) => `    ${String(n).padStart(6)}  ${text}`),
        ];
      }
    },
  });
  await relay.done;
  service.proc.kill('SIGTERM');
  await service.done;
  const paymentPool = new Db({ url: paymentDb.url, poolMax: 2 });
  const rows = (
    await paymentPool.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM payments GROUP BY state`)
  ).rows;
  const charges = (await paymentPool.query<{ n: number }>('SELECT count(*)::int AS n FROM sandbox_charges')).rows[0]!.n;
  if (TIMELINE) {
    // Where the time goes, from the payment service's own rows (ms after its first inbox commit
    // of the measured events).
    const t = (
      await paymentPool.query<{ in1: number; u0: number; u1: number; p1: number }>(
        `WITH t0 AS (SELECT min(handled_at) AS t FROM inbox WHERE handled_at >= $1)
         SELECT extract(epoch FROM (SELECT max(handled_at) FROM inbox) - t0.t) * 1000 AS in1,
                extract(epoch FROM min(p.updated_at) - t0.t) * 1000 AS u0, extract(epoch FROM max(p.updated_at) - t0.t) * 1000 AS u1,
                extract(epoch FROM (SELECT max(published_at) FROM outbox) - t0.t) * 1000 AS p1
           FROM payments p, t0 WHERE p.updated_at >= $1 GROUP BY t0.t`,
        [since],
      )
    ).rows[0]!;
    const ms = (x: number) => `${Number(x).toFixed(0)} ms`;
    console.log(
      `  payment service: last PaymentRequested recorded at ${ms(t.in1)}; first/last outcome at ${ms(t.u0)}/${ms(t.u1)}; last PaymentSucceeded published at ${ms(t.p1)}`,
    );
  }
  await paymentPool.close();
  const succeeded = rows.find((r) => r.state === 'succeeded')?.n ?? 0;
  if (succeeded !== WARMUP + EVENTS || charges !== WARMUP + EVENTS) {
    throw new Error(`expected ${WARMUP + EVENTS} succeeded payments and charges, got ${JSON.stringify(rows)} and ${charges} charges`);
  }
  await pool.close();
  await deleteBusNamespace(TEST_AMQP_URL, ns, ['payment', 'order']);
  await producerDb.drop();
  await paymentDb.drop();
  await orderDb.drop();
  return { rate: EVENTS / seconds, check: `${succeeded} payments succeeded, ${charges} sandbox charges (${WARMUP} of them the warm-up)`, cpu, statements };
}

if (role === 'relay-producer') {
  await relayProducer(argText('ns', ''), argText('db', ''), BATCH, silent);
} else if (role === 'payment-service') {
  await paymentProcess(argText('ns', ''), argText('db', ''));
} else {
  // Alternate the two, several rounds, and compare medians: the machine is shared and noisy.
  const load = loadavg()[0]!;
  admin = new Db({ url: TEST_PG_URL, poolMax: 1 });
  const bares: number[] = [];
  const pays: number[] = [];
  const bareCpu: Cpu[] = [];
  const payCpu: Cpu[] = [];
  let check = '';
  const µs = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(0)} µs`);
  for (let r = 0; r < ROUNDS; r++) {
    const b = await baseline();
    bares.push(b.rate);
    bareCpu.push(b.cpu);
    const p = await payments();
    pays.push(p.rate);
    payCpu.push(p.cpu);
    check = p.check;
    console.log(`round ${r + 1}: outbox → inbox ${bares[r]!.toFixed(0)}/s, payments ${pays[r]!.toFixed(0)}/s (${check})`);
    console.log(
      `  CPU per event: baseline PostgreSQL ${µs(b.cpu.pg)}, recorder ${µs(b.cpu.recorder)}, broker ${µs(b.cpu.broker)}; ` +
        `payments PostgreSQL ${µs(p.cpu.pg)}, payment process ${µs(p.cpu.payment)}, recorder ${µs(p.cpu.recorder)}, broker ${µs(p.cpu.broker)}`,
    );
    for (const line of p.statements) console.log(line);
  }
  await admin.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const medianOf = (xs: (number | undefined)[]) => (xs.some((x) => x === undefined) ? undefined : median(xs as number[]));
  const ratio = median(pays) / median(bares);
  console.log(
    `${cpus().length} cores, load average ${load.toFixed(1)} at start; events per round: ${EVENTS} after ${WARMUP} of warm-up, batch ${BATCH}, prefetch ${PREFETCH}, work concurrency ${CONCURRENCY}, rounds ${ROUNDS} (medians)`,
  );
  console.log(`baseline  outbox → relay → RabbitMQ → consumer inbox (committed):           ${median(bares).toFixed(0)} events/s`);
  console.log(`payments  PaymentRequested → sandbox charge → PaymentSucceeded (recorded):  ${median(pays).toFixed(0)} payments/s`);
  console.log(`ratio     ${ratio.toFixed(2)}  (target ≥ 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})`);
  console.log(
    `CPU per event (consuming side): baseline PostgreSQL ${µs(medianOf(bareCpu.map((c) => c.pg)))} + recorder ${µs(median(bareCpu.map((c) => c.recorder)))}; ` +
      `payments PostgreSQL ${µs(medianOf(payCpu.map((c) => c.pg)))} + payment process ${µs(median(payCpu.map((c) => c.payment!)))} + recorder ${µs(median(payCpu.map((c) => c.recorder)))}; ` +
      `RabbitMQ broker (all of it, shared) baseline ${µs(medianOf(bareCpu.map((c) => c.broker)))}, payments ${µs(medianOf(payCpu.map((c) => c.broker)))}`,
  );
  if (CPU_PROF) console.log(`CPU profiles of the payment process (the measured events): ${PROFILE_DIR}`);
}

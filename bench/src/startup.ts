// Start-up time and resident memory of the embedded platform (`npm start`), beside baselines
// measured in the same run: a bare `node` process, and the same PostgreSQL binary started bare on
// the same data folder. Targets: warm start < 4 s, whole platform < 500 MB resident.
//
//   npm run bench:startup [-- --warm 3 --idle 10 --via npm|node]
//
// "Start" is from running `npm start` (or, with `--via node`, the launcher alone) to every
// /readyz answering 200 and the shop's home page through the gateway (the launcher writes its URLs
// to MERCATO_READY_FILE), the web app included. Memory is that of the launcher's Node process and
// all its descendants (the web app's server, the PostgreSQL server and its workers, the watchdog),
// npm excluded. The figure held against the target is PSS, which splits each shared page between
// the processes that map it: what the platform takes from the machine. Summed RSS is given beside
// it; it counts PostgreSQL's shared buffers and every shared library once per process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { locateBinaries } from '@mercato/embedded-pg';
import { argNumber as arg } from './support/args.js';
import { descendantsOf } from './support/distributed.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WARM_RUNS = arg('warm', 3);
const IDLE_S = arg('idle', 10);
const VIA = process.argv.includes('--via') ? process.argv[process.argv.indexOf('--via') + 1] : 'npm';
if (VIA !== 'npm' && VIA !== 'node') throw new Error(`--via is npm or node, not ${VIA}`);
const NAMES = ['gateway', 'web', 'auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification'];
const TARGET_WARM_S = 4;
const TARGET_MB = 500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

interface Ready {
  gateway: string;
  web?: string | null;
  services: Record<string, string>;
  postgres: { pid: number; port: number };
}

// ---- processes and memory -------------------------------------------------------------------

async function kbField(file: string, field: string): Promise<number> {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(await readFile(file, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The launcher's own process: `root` itself, or (under `npm start`) its descendant running start.mjs (or main.ts). */
async function launcherPid(root: number): Promise<number> {
  for (const pid of [root, ...descendantsOf(root)]) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    // The node process itself, not the shell npm runs it under.
    if (/apps\/platform\/(start\.mjs|src\/main\.ts)/.test(cmdline) && (await comm(pid)) === 'node') return pid;
  }
  return root;
}

async function comm(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '?')).trim();
}

interface Memory {
  nodeRssKb: number;
  postgresRssKb: number;
  postgresProcs: number;
  otherRssKb: number;
  totalRssKb: number;
  totalPssKb: number;
}

async function memoryOf(rootPid: number): Promise<Memory> {
  const pids = [rootPid, ...descendantsOf(rootPid)];
  const m: Memory = { nodeRssKb: 0, postgresRssKb: 0, postgresProcs: 0, otherRssKb: 0, totalRssKb: 0, totalPssKb: 0 };
  for (const pid of pids) {
    const rss = await kbField(`/proc/${pid}/status`, 'VmRSS');
    const pss = await kbField(`/proc/${pid}/smaps_rollup`, 'Pss');
    const name = await comm(pid);
    if (pid === rootPid) m.nodeRssKb += rss;
    else if (name.startsWith('postgres')) {
      m.postgresRssKb += rss;
      m.postgresProcs++;
    } else m.otherRssKb += rss;
    m.totalRssKb += rss;
    m.totalPssKb += pss;
  }
  return m;
}

// ---- the launcher ---------------------------------------------------------------------------

interface Launch {
  child: ChildProcess;
  ready: Ready;
  /** To the gateway's /readyz answering 200 (the measure). */
  gatewayMs: number;
  /** To every service's /readyz and the shop's home page through the gateway. */
  startMs: number;
  output: () => string;
}

async function allReady(r: Ready): Promise<boolean> {
  const urls = [r.gateway, ...Object.values(r.services)];
  const results = await Promise.all(
    urls.map((u) =>
      fetch(`${u}/readyz`)
        .then((res) => res.status === 200)
        .catch(() => false),
    ),
  );
  // With the web app on (the default), the shop's home page must answer through the gateway too.
  const shop = r.web ? await fetch(`${r.gateway}/`).then((res) => res.status === 200, () => false) : true;
  return shop && results.every(Boolean);
}

async function launchPlatform(dataDir: string, readyFile: string): Promise<Launch> {
  await rm(readyFile, { force: true });
  const ports = Object.fromEntries(NAMES.map((n) => [`${n.toUpperCase()}_PORT`, '0']));
  const began = performance.now();
  // As a shop owner types it (`npm start`), or the launcher alone (`--via node`).
  const [cmd, args] = VIA === 'npm' ? ['npm', ['start', '--silent']] : [process.execPath, ['apps/platform/start.mjs']];
  const child = spawn(cmd as string, args as string[], {
    cwd: ROOT,
    env: { ...process.env, ...ports, MERCATO_DATA_DIR: dataDir, MERCATO_READY_FILE: readyFile, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Under npm, a process group of its own, as a terminal gives a command it runs.
    detached: VIA === 'npm',
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the launcher exited (${child.exitCode}):\n${out}`);
    if (existsSync(readyFile)) {
      const ready = JSON.parse(await readFile(readyFile, 'utf8')) as Ready;
      while (!(await fetch(`${ready.gateway}/readyz`).then((res) => res.status === 200, () => false))) await sleep(5);
      const gatewayMs = performance.now() - began;
      while (!(await allReady(ready))) await sleep(5);
      return { child, ready, gatewayMs, startMs: performance.now() - began, output: () => out };
    }
    if (performance.now() - began > 180_000) throw new Error(`not ready after 180 s:\n${out}`);
    await sleep(5);
  }
}

async function stopPlatform(l: Launch): Promise<number> {
  const began = performance.now();
  const exited = new Promise<number | null>((resolve) => l.child.once('exit', (code) => resolve(code)));
  const launcher = await launcherPid(l.child.pid!);
  // Under npm, what a terminal's Ctrl-C does: SIGINT to the whole foreground group (npm passes no
  // SIGTERM on to its script); the launcher alone gets SIGTERM, as a process manager sends.
  if (VIA === 'npm') process.kill(-l.child.pid!, 'SIGINT');
  else process.kill(launcher, 'SIGTERM');
  let code = await exited;
  // Done when the launcher is gone (it stops its PostgreSQL before it exits)…
  while (existsSync(`/proc/${launcher}`) && !(await readFile(`/proc/${launcher}/stat`, 'utf8').catch(() => ' ) Z')).includes(') Z')) await sleep(5);
  // …and its PostgreSQL too (should the launcher have died first, its watchdog stops it).
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  for (const until = performance.now() + 30_000; existsSync(pidFile) && performance.now() < until; ) await sleep(10);
  if (VIA === 'npm' && (code === null || code === 130)) code = 0; // npm ends on the SIGINT too
  if (code !== 0) throw new Error(`the launcher exited with ${code} on SIGTERM:\n${l.output()}`);
  return performance.now() - began;
}

// ---- baselines ------------------------------------------------------------------------------

function timeCommand(cmd: string, args: string[]): number {
  const began = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
  return performance.now() - began;
}

/** The same PostgreSQL binary on the same data folder, started bare: spawn until postmaster.pid says ready. */
async function barePostgres(pgDir: string): Promise<{ startMs: number; memory: Memory; stop: () => Promise<void> }> {
  const bins = await locateBinaries();
  const owner = await stat(pgDir);
  const port = 54000 + Math.floor(Math.random() * 900);
  const began = performance.now();
  const child = spawn(
    bins.postgres,
    ['-D', pgDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=100', '-c', 'io_method=sync'],
    { stdio: 'ignore', ...(process.getuid?.() === 0 ? { uid: owner.uid, gid: owner.gid } : {}) },
  );
  for (;;) {
    const text = await readFile(join(pgDir, 'postmaster.pid'), 'utf8').catch(() => '');
    const lines = text.split('\n');
    if (Number(lines[0]) === child.pid && lines[7]?.trim() === 'ready') break;
    if (child.exitCode !== null) throw new Error('bare postgres exited');
    await sleep(2);
  }
  const startMs = performance.now() - began;
  const pids = [child.pid!, ...descendantsOf(child.pid!)];
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    rss += await kbField(`/proc/${pid}/status`, 'VmRSS');
    pss += await kbField(`/proc/${pid}/smaps_rollup`, 'Pss');
  }
  return {
    startMs,
    memory: { nodeRssKb: 0, postgresRssKb: rss, postgresProcs: pids.length, otherRssKb: 0, totalRssKb: rss, totalPssKb: pss },
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    },
  };
}

// ---- the run --------------------------------------------------------------------------------

const work = await mkdtemp(join(tmpdir(), 'mercato-bench-startup-'));
await chmod(work, 0o755); // under root PostgreSQL runs as `postgres`, which must reach it
const dataDir = join(work, 'data');
const readyFile = join(work, 'ready.json');
const results: Record<string, unknown> = { when: new Date().toISOString(), cpus: cpus().length, node: process.version };

try {
  console.log(`mercato start-up benchmark (${cpus().length} CPUs, Node ${process.version}); data in a fresh temp folder\n`);

  const nodeBare = median([0, 1, 2, 3, 4].map(() => timeCommand(process.execPath, ['-e', '0'])));
  const nodeTsx = median([0, 1, 2].map(() => timeCommand(process.execPath, ['--conditions=source', '--import', 'tsx', '-e', '0'])));

  const first = await launchPlatform(dataDir, readyFile);
  const firstStopMs = await stopPlatform(first);
  console.log(`first start (initdb, 8 databases, migrations): ${secs(first.startMs)}   graceful stop ${secs(firstStopMs)}`);

  const warm: number[] = [];
  const warmGateway: number[] = [];
  const stops: number[] = [];
  let memReady: Memory | undefined;
  let memIdle: Memory | undefined;
  for (let i = 0; i < WARM_RUNS; i++) {
    const l = await launchPlatform(dataDir, readyFile);
    warm.push(l.startMs);
    warmGateway.push(l.gatewayMs);
    if (i === 0) {
      memReady = await memoryOf(await launcherPid(l.child.pid!));
      await sleep(IDLE_S * 1000);
      memIdle = await memoryOf(await launcherPid(l.child.pid!));
    }
    stops.push(await stopPlatform(l));
    console.log(`warm start ${i + 1}: gateway ready ${secs(l.gatewayMs)}, every service and the home page ${secs(l.startMs)}   graceful stop ${secs(stops[stops.length - 1]!)}`);
  }

  const pgRuns: number[] = [];
  let pgMem: Memory | undefined;
  for (let i = 0; i < 3; i++) {
    const bare = await barePostgres(join(dataDir, 'postgres'));
    pgRuns.push(bare.startMs);
    pgMem ??= bare.memory;
    await bare.stop();
  }
  const pgBare = median(pgRuns);
  const warmMedian = median(warm);
  const baseline = nodeBare + pgBare;

  const rows: string[][] = [
    ['', 'measured', 'target', 'baseline (same run)', 'ratio'],
    ['first start', secs(first.startMs), '-', `node -e 0 ${secs(nodeBare)} + bare postgres ${secs(pgBare)}`, `${(first.startMs / baseline).toFixed(1)}x`],
    [
      `warm start to the gateway's /readyz (median of ${warm.length})`,
      secs(median(warmGateway)),
      `< ${TARGET_WARM_S} s ${median(warmGateway) < TARGET_WARM_S * 1000 ? 'ok' : 'MISSED'}`,
      `${secs(baseline)} (node + TypeScript loader alone: ${secs(nodeTsx)})`,
      `${(median(warmGateway) / baseline).toFixed(1)}x`,
    ],
    [
      `warm start to every service and the home page`,
      secs(warmMedian),
      '-',
      '-',
      `${(warmMedian / baseline).toFixed(1)}x`,
    ],
    ['graceful stop (median)', secs(median(stops)), '-', '-', '-'],
  ];
  for (const [label, m] of [
    ['memory after ready', memReady!],
    [`memory after ${IDLE_S} s idle`, memIdle!],
  ] as const) {
    rows.push([
      label,
      `${mb(m.totalRssKb)} RSS / ${mb(m.totalPssKb)} PSS`,
      `< ${TARGET_MB} MB PSS ${m.totalPssKb / 1024 < TARGET_MB ? 'ok' : 'MISSED'}`,
      `bare postgres idle ${mb(pgMem!.totalRssKb)} RSS / ${mb(pgMem!.totalPssKb)} PSS`,
      `node ${mb(m.nodeRssKb)} + postgres ${mb(m.postgresRssKb)} (${m.postgresProcs} procs) + other ${mb(m.otherRssKb)}`,
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log('');
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());

  Object.assign(results, {
    firstStartMs: first.startMs,
    warmStartMs: warm,
    warmGatewayReadyMs: warmGateway,
    via: VIA,
    stopMs: [firstStopMs, ...stops],
    baseline: { nodeMs: nodeBare, nodeWithTsxMs: nodeTsx, barePostgresMs: pgRuns, barePostgresMemory: pgMem },
    memoryAfterReady: memReady,
    memoryAfterIdle: memIdle,
    targets: { warmStartS: TARGET_WARM_S, memoryMb: TARGET_MB },
  });
  const dir = join(ROOT, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `startup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nraw figures: ${file}`);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  // A launcher that failed may leave its PostgreSQL stopping for a moment: retried.
  await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
}

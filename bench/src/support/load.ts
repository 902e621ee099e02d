// The load harness the HTTP benchmarks share: server roles in child processes that report their
// URLs and CPU time, and autocannon in a process of its own so it never steals the event loop
// it measures.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

export interface Server {
  proc: ChildProcess;
  urls: string[];
}

/**
 * With BENCH_CPU_PROF_DIR set, every server role writes a V8 CPU profile there when it stops
 * (read them with support/profile-summary.ts): where a path's time goes, in the run that measured it.
 */
const PROFILE = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];

/** Runs `script` again as `--role <role>` in a child; resolves with the URLs it reports once listening. */
export function child(script: string, role: string, extra: string[] = []): Promise<Server> {
  const proc = fork(script, ['--role', role, ...extra], { execArgv: ['--conditions=source', '--import', 'tsx', ...PROFILE] });
  return new Promise((resolve, reject) => {
    proc.once('message', (m: { ready: string[] }) => resolve({ proc, urls: m.ready }));
    proc.once('exit', (code) => reject(new Error(`${role} exited with ${code} before it was ready`)));
  });
}

/** In a server role: report `urls`, answer CPU-time requests, exit on SIGTERM (after `onStop`). */
export function serveRole(urls: string[], onStop: () => Promise<void> = async () => undefined): void {
  process.on('message', (m) => {
    if (m !== 'cpu') return;
    const u = process.cpuUsage();
    process.send!({ cpu: u.user + u.system });
  });
  process.once('SIGTERM', () => {
    void onStop().finally(() => process.exit(0));
  });
  process.send!({ ready: urls });
}

/** CPU time (user + system, µs) a child has used so far. */
function cpuOf(s: Server): Promise<number> {
  return new Promise((resolve) => {
    s.proc.once('message', (m: { cpu: number }) => resolve(m.cpu));
    s.proc.send('cpu');
  });
}

export interface Result {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU µs per request of each server process. */
  cpu: number[];
}

/** autocannon for `seconds` against `url` with `connections`, JSON out; CPU per request of each of `servers`. */
export async function load(url: string, opts: { seconds: number; connections: number; servers: Server[]; headers?: Record<string, string> }): Promise<Result> {
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const before = await Promise.all(opts.servers.map(cpuOf));
  const headers = Object.entries(opts.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const proc = spawn(process.execPath, [cli, '-c', String(opts.connections), '-d', String(opts.seconds), ...headers, '-j', url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((r) => proc.once('exit', r));
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  const after = await Promise.all(opts.servers.map(cpuOf));
  const r = JSON.parse(out) as { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
  const total = Math.max(1, r.requests.total);
  return { rps: r.requests.average, total, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors, cpu: after.map((a, i) => (a - before[i]!) / total) };
}

export const mean = <T>(rs: T[], f: (r: T) => number): number => rs.reduce((s, r) => s + f(r), 0) / rs.length;

/** Stops every server role (SIGTERM) and waits for each to exit. */
export async function stopServers(servers: readonly Server[]): Promise<void> {
  await Promise.all(
    servers.map((s) => {
      const exited = new Promise((r) => s.proc.once('exit', r));
      s.proc.kill('SIGTERM');
      return exited;
    }),
  );
}

/** Says so, and fails the run, when any request of these runs failed: its figures are not valid. */
export function flagFailures(runs: Iterable<Result[]>): void {
  const failed = [...runs].flat().reduce((s, r) => s + r.failed, 0);
  if (failed > 0) {
    console.error(`  ${failed} requests failed or answered non-2xx: the figures above are not valid`);
    process.exitCode = 1;
  }
}

/**
 * Warms every path up (unless `warmupSeconds` is 0), then measures each `rounds` times in turn (so drift hits all alike), and
 * prints a line per path: requests per second, latency, the rounds, and the CPU per request of
 * the server processes it runs on (`on`: indexes into `servers` and `names`).
 */
export async function measurePaths(
  paths: ReadonlyArray<[name: string, url: string, on: number[]]>,
  opts: { servers: Server[]; names: string[]; connections: number; seconds: number; warmupSeconds: number; rounds: number },
): Promise<{ runs: Map<string, Result[]>; rps: (name: string) => number; p99: (name: string) => number }> {
  if (opts.warmupSeconds > 0) for (const [, url] of paths) await load(url, { seconds: opts.warmupSeconds, connections: opts.connections, servers: opts.servers });
  const runs = new Map<string, Result[]>(paths.map(([name]) => [name, []]));
  for (let i = 0; i < opts.rounds; i++) {
    for (const [name, url] of paths) runs.get(name)!.push(await load(url, { seconds: opts.seconds, connections: opts.connections, servers: opts.servers }));
  }
  const rps = (name: string) => mean(runs.get(name)!, (r) => r.rps);
  const p99 = (name: string) => mean(runs.get(name)!, (r) => r.p99);
  const width = Math.max(...paths.map(([name]) => name.length)) + 1;
  console.log('');
  for (const [name, , on] of paths) {
    const rs = runs.get(name)!;
    const cpu = on.map((i) => `${opts.names[i]} ${mean(rs, (r) => r.cpu[i]!).toFixed(0)}`);
    console.log(
      `  ${name.padEnd(width)} ${rps(name).toFixed(0).padStart(7)} req/s  p50 ${mean(rs, (r) => r.p50).toFixed(1)} ms  p99 ${p99(name).toFixed(1)} ms` +
        `  (rounds ${rs.map((r) => r.rps.toFixed(0)).join(' / ')})  CPU µs/request: ${cpu.join(', ')}`,
    );
  }
  return { runs, rps, p99 };
}

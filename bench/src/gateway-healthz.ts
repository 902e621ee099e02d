// Throughput through the gateway against the same route hit directly: the price of the extra hop.
// Target: via the gateway ≥ 0.6 × direct.
//
//   npm run bench:gateway [-- --connections 10 --duration 5 --warmup 5 --rounds 2 --topology processes|embedded]
//
// One chassis service (the HTTP factory every service uses, logs silent, no database) serves
// `GET /products/ping`; the gateway routes `/api/v1/products/ping` to it (the catalog's segment).
// The service's own /healthz is not reachable through the gateway (only /api/v1/<segment>/… is),
// so both paths hit this trivial route: the difference between them is the gateway alone.
// A third path goes through a bare proxy (node:http and the same HTTP client, nothing else: no
// routing, header rules, breaker or request context): what the hop alone costs in Node here.
//
// The load generator (autocannon) always runs in a process of its own, so it does not steal the
// event loop it measures. Topologies:
//   processes  the service, the gateway and the bare proxy each in a process (the distributed mode)
//   embedded   all three in one process (`npm start` runs every service in one)
// Throughput on a small machine depends on everything else running on it, so the CPU time each
// server process spends per request is printed too: it does not move with the neighbours' load.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createHttpApp, createLogger } from '@mercato/chassis';
import { startGateway } from '@mercato/gateway';
import { Type } from '@sinclair/typebox';
import { Pool } from 'undici';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};
const CONNECTIONS = Number(arg('connections', '10'));
const DURATION_S = Number(arg('duration', '5'));
const WARMUP_S = Number(arg('warmup', '5'));
const ROUNDS = Number(arg('rounds', '2'));
const TOPOLOGY = arg('topology', 'processes');
const ROLE = arg('role', 'bench');
const TARGET = 0.6;
const silent = createLogger({ service: 'bench', level: 'silent' });

async function startService(): Promise<string> {
  const app = await createHttpApp({ service: 'catalog', logger: silent });
  app.get('/products/ping', { schema: { response: { 200: Type.Object({ pong: Type.Boolean() }) } } }, async () => ({ pong: true }));
  return app.listen({ port: 0, host: '127.0.0.1' });
}

async function startGatewayFor(catalogUrl: string): Promise<string> {
  const gw = await startGateway({ logger: silent, env: { GATEWAY_PORT: '0', LOG_LEVEL: 'silent', GATEWAY_RATE_LIMIT_IP: '999999999/s' }, upstreams: { catalog: catalogUrl } });
  return gw.url;
}

/** The least a proxy can do: forward the path, stream the answer back. */
async function startBareProxy(upstreamUrl: string): Promise<string> {
  const pool = new Pool(upstreamUrl, { connections: 128 });
  const server = createServer((req, res) => {
    pool.request({ path: req.url!.replace('/api/v1', ''), method: 'GET' }, (err, up) => {
      if (err) return void res.writeHead(502).end();
      res.writeHead(up.statusCode, { 'content-type': String(up.headers['content-type']), 'content-length': String(up.headers['content-length']) });
      up.body.pipe(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

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
async function load(url: string, seconds: number, servers: Server[]): Promise<Result> {
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const before = await Promise.all(servers.map(cpuOf));
  const proc = spawn(process.execPath, [cli, '-c', String(CONNECTIONS), '-d', String(seconds), '-j', url], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  let servers: Server[];
  let names: string[];
  let direct: string, via: string, bare: string;
  if (TOPOLOGY === 'embedded') {
    const all = await child('embedded');
    servers = [all];
    names = ['all in one'];
    [direct, via, bare] = all.urls as [string, string, string];
  } else {
    const svc = await child('service');
    const gw = await child('gateway', ['--upstream', svc.urls[0]!]);
    const px = await child('bare-proxy', ['--upstream', svc.urls[0]!]);
    servers = [svc, gw, px];
    names = ['service', 'gateway', 'bare proxy'];
    [direct, via, bare] = [svc.urls[0]!, gw.urls[0]!, px.urls[0]!];
  }
  const paths: [string, string][] = [
    ['direct', `${direct}/products/ping`],
    ['via gateway', `${via}/api/v1/products/ping`],
    ['bare proxy', `${bare}/api/v1/products/ping`],
  ];
  try {
    console.log(`gateway throughput: ${TOPOLOGY} topology, ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} at start), ${CONNECTIONS} connections, ${ROUNDS} × ${DURATION_S} s per path after ${WARMUP_S} s warm-up`);
    for (const [name, url] of paths) console.log(`  ${name.padEnd(12)} GET ${url}`);
    for (const [, url] of paths) await load(url, WARMUP_S, servers);
    const runs = new Map<string, Result[]>(paths.map(([name]) => [name, []]));
    // Alternated, so that drift of the machine during the run hits every path alike.
    for (let i = 0; i < ROUNDS; i++) for (const [name, url] of paths) runs.get(name)!.push(await load(url, DURATION_S, servers));
    const mean = (rs: Result[], f: (r: Result) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
    const rps = (name: string) => mean(runs.get(name)!, (r) => r.rps);
    console.log('');
    for (const [name] of paths) {
      const rs = runs.get(name)!;
      // Only the processes on this path (the others idle at about 1 µs per request).
      const cpu = names.map((n, i) => `${n} ${mean(rs, (r) => r.cpu[i]!).toFixed(0)}`).filter((_, i) => servers.length === 1 || i === 0 || paths[i]![0] === name);
      console.log(
        `  ${name.padEnd(12)} ${rps(name).toFixed(0).padStart(7)} req/s  p50 ${mean(rs, (r) => r.p50).toFixed(1)} ms  p99 ${mean(rs, (r) => r.p99).toFixed(1)} ms` +
          `  (rounds ${rs.map((r) => r.rps.toFixed(0)).join(' / ')})  CPU µs/request: ${cpu.join(', ')}`,
      );
    }
    const ratio = rps('via gateway') / rps('direct');
    console.log('');
    console.log(`  ratio via gateway / direct  ${ratio.toFixed(2)}  (target ≥ ${TARGET}: ${ratio >= TARGET ? 'met' : 'NOT met'})`);
    console.log(`  ratio bare proxy / direct   ${(rps('bare proxy') / rps('direct')).toFixed(2)}  (a bare Node proxy: what the extra hop alone costs on this machine)`);
    const failed = [...runs.values()].flat().reduce((s, r) => s + r.failed, 0);
    if (failed > 0) {
      console.error(`  ${failed} requests failed or answered non-2xx: the figures above are not valid`);
      process.exitCode = 1;
    }
  } finally {
    for (const s of servers) s.proc.kill('SIGTERM');
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
  process.once('SIGTERM', () => process.exit(0));
  let urls: string[];
  if (ROLE === 'service') urls = [await startService()];
  else if (ROLE === 'gateway') urls = [await startGatewayFor(arg('upstream', ''))];
  else if (ROLE === 'bare-proxy') urls = [await startBareProxy(arg('upstream', ''))];
  else {
    const svc = await startService();
    urls = [svc, await startGatewayFor(svc), await startBareProxy(svc)];
  }
  process.send!({ ready: urls });
}

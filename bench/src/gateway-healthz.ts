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
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createHttpApp, createLogger, operation } from '@mercato/chassis';
import { startGateway } from '@mercato/gateway';
import { Type } from '@sinclair/typebox';
import { startBareProxy } from './support/bare-proxy.js';
import { child, flagFailures, load, mean, serveRole, type Result, type Server } from './support/load.js';
import { argText as arg } from './support/args.js';

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
  app.get('/products/ping', { schema: { ...operation('ping', 'public'), response: { 200: Type.Object({ pong: Type.Boolean() }) } } }, async () => ({ pong: true }));
  return app.listen({ port: 0, host: '127.0.0.1' });
}

async function startGatewayFor(catalogUrl: string): Promise<string> {
  const gw = await startGateway({ logger: silent, env: { GATEWAY_PORT: '0', LOG_LEVEL: 'silent', GATEWAY_RATE_LIMIT_IP: '999999999/s' }, upstreams: { catalog: catalogUrl } });
  return gw.url;
}

const SCRIPT = fileURLToPath(import.meta.url);

async function bench(): Promise<void> {
  let servers: Server[];
  let names: string[];
  let direct: string, via: string, bare: string;
  if (TOPOLOGY === 'embedded') {
    const all = await child(SCRIPT, 'embedded');
    servers = [all];
    names = ['all in one'];
    [direct, via, bare] = all.urls as [string, string, string];
  } else {
    const svc = await child(SCRIPT, 'service');
    const gw = await child(SCRIPT, 'gateway', ['--upstream', svc.urls[0]!]);
    const px = await child(SCRIPT, 'bare-proxy', ['--upstream', svc.urls[0]!]);
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
    if (WARMUP_S > 0) for (const [, url] of paths) await load(url, { seconds: WARMUP_S, connections: CONNECTIONS, servers });
    const runs = new Map<string, Result[]>(paths.map(([name]) => [name, []]));
    // Alternated, so that drift of the machine during the run hits every path alike.
    for (let i = 0; i < ROUNDS; i++) for (const [name, url] of paths) runs.get(name)!.push(await load(url, { seconds: DURATION_S, connections: CONNECTIONS, servers }));
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
    flagFailures(runs.values());
  } finally {
    for (const s of servers) s.proc.kill('SIGTERM');
  }
}

if (ROLE === 'bench') {
  await bench();
} else if (ROLE === 'service') {
  serveRole([await startService()]);
} else if (ROLE === 'gateway') {
  serveRole([await startGatewayFor(arg('upstream', ''))]);
} else if (ROLE === 'bare-proxy') {
  serveRole([await startBareProxy(arg('upstream', ''))]);
} else {
  const svc = await startService();
  serveRole([svc, await startGatewayFor(svc), await startBareProxy(svc)]);
}

#!/usr/bin/env node
// Runs the whole test suite with Node's test runner on the TypeScript sources.
//   npm test              unit, integration (real PostgreSQL, RabbitMQ, Redis) and end-to-end
//   npm test -- --unit    unit tests only
//   npm test -- <file…>   the named files
//   npm test -- --bench   the benchmarks' smoke run (tests/bench) too; `npm run bench:smoke` runs it alone
// With CI=true (or MERCATO_REQUIRE_SERVERS=1) a missing server fails the run; otherwise the
// suites that need it are skipped and say why.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reachable, SERVERS } from './servers.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const unitOnly = args.includes('--unit');
const withBench = args.includes('--bench');
const named = args.filter((a) => !a.startsWith('--'));

const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', '.git', '.next', '.next-dev']);
function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

let files = named.length > 0 ? named : ['packages', 'services', 'apps', 'tests'].flatMap((d) => {
  try {
    return walk(join(root, d), []);
  } catch {
    return [];
  }
});
// The benchmarks' smoke run (every bench script with tiny counts, ~6-9 minutes here) is CI's own
// step (`npm run bench:smoke`), not part of the everyday `npm test`; named or with --bench it runs.
const isBenchSmoke = (f) => relative(root, f).startsWith(join('tests', 'bench') + '/');
if (named.length === 0 && !withBench) files = files.filter((f) => !isBenchSmoke(f));
if (unitOnly) files = files.filter((f) => !f.endsWith('.int.test.ts') && !relative(root, f).startsWith('tests/'));
files.sort();

const required = process.env.CI === 'true' || process.env.MERCATO_REQUIRE_SERVERS === '1';
const missing = [];
if (!unitOnly) {
  for (const [key, s] of Object.entries(SERVERS)) {
    const ok = await reachable(s.url);
    console.log(`${ok ? 'found  ' : 'MISSING'} ${s.label} at ${new URL(s.url).host} (${s.env})`);
    if (!ok) missing.push(key);
  }
  if (missing.length > 0 && required) {
    console.error(`Required servers are not reachable: ${missing.join(', ')}. Start them (see README) or unset CI to skip their suites.`);
    process.exit(1);
  }
  if (missing.length > 0) console.log(`Suites that need ${missing.join(', ')} will be skipped and say so.`);
}

const env = { ...process.env, MERCATO_MISSING_SERVERS: missing.join(','), MERCATO_REQUIRE_SERVERS: required ? '1' : '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' };

/** One run of Node's test runner over `list`; resolves with its exit code. */
function run(list, concurrency, timeoutMs) {
  if (list.length === 0) return Promise.resolve(0);
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      `--test-concurrency=${concurrency}`,
      `--test-timeout=${timeoutMs}`,
      ...list.map((f) => relative(root, f)),
    ],
    { cwd: root, env, stdio: 'inherit' },
  );
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

// The end-to-end suites each run a whole platform (a process per service, or the embedded one
// with its own PostgreSQL) under load: they run after the rest, one at a time, so that on a small
// machine they never starve each other. So does the benchmarks' smoke run (tests/bench), last.
const isEndToEnd = (f) => relative(root, f).startsWith(join('tests', 'e2e') + '/');
const runsAlone = (f) => isEndToEnd(f) || isBenchSmoke(f);
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 2);
// A file's time limit: a hang is caught, a loaded machine is not (the security suites start whole
// platforms, and took over 180 s beside the other files at a load average of 12).
const first = await run(files.filter((f) => !runsAlone(f)), concurrency, 300_000);
// The browser suites (the storefront's, the back office's) and the storefront's benchmarks need
// the web app's production build: made here, outside any test's time limit (a minute or so;
// reused while the web app's sources are unchanged).
const BROWSER_SUITES = /storefront|admin|tests\/bench\//;
if (files.some((f) => runsAlone(f) && BROWSER_SUITES.test(relative(root, f)))) {
  const build = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'apps/platform/src/build-web.ts'], { cwd: root, env, stdio: 'inherit' });
  const code = await new Promise((resolve) => build.on('exit', (c) => resolve(c ?? 1)));
  if (code !== 0) process.exit(code);
}
// A browser suite runs a platform and chromium on the same (often small) machine: minutes, not seconds.
const second = await run(files.filter(isEndToEnd), 1, 480_000);
// Every benchmark in turn, each with a time limit of its own (in the file): the file as a whole
// takes longer than one end-to-end suite.
const third = await run(files.filter(isBenchSmoke), 1, 1_200_000);
process.exit(first || second || third);

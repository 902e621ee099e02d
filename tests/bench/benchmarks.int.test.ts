import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { before, describe, test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { skipUnless } from '@mercato/chassis/testing';
import { skipUnlessChromium } from '../e2e/support/browser.js';

// A smoke run of every benchmark (package.json's `bench:*` scripts), one after another, with the
// smallest counts and durations each accepts: each must still start what it measures, measure it
// and print its figure beside its baseline from the same run, and exit 0. The figures of such a
// short run mean nothing and nothing here times anything: a benchmark whose target is not met
// still passes; one that fails, hangs, or prints no figure or no baseline does not.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPTS = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;
const NUMBER = String.raw`\d+(?:\.\d+)?`;
// One round of one second per path, two connections, no warm-up.
const TINY_HTTP = ['--connections', '2', '--duration', '1', '--warmup', '0', '--rounds', '1'];
// The table of the benchmarks that measure a route directly and through the gateway.
const DIRECT_AND_VIA_GATEWAY = [new RegExp(`^  direct +${NUMBER} req/s`, 'm'), new RegExp(`^  via gateway +${NUMBER} req/s`, 'm'), new RegExp(`ratio via gateway / direct +${NUMBER}`)];

interface Smoke {
  /** `npm run bench:<name>`. */
  name: string;
  args: string[];
  /** Each must match the output: the figure, its baseline, their ratio (numbers, not NaN). */
  expect: RegExp[];
  timeoutMs: number;
  /** Drives Debian's chromium. */
  browser?: boolean;
}

const SMOKES: Smoke[] = [
  {
    name: 'startup',
    args: ['--warm', '1', '--idle', '0'],
    expect: [
      new RegExp(`^first start +${NUMBER} s .*node -e 0 ${NUMBER} s \\+ bare postgres ${NUMBER} s +${NUMBER}x$`, 'm'),
      new RegExp(`^warm start to the gateway's /readyz .* ${NUMBER} s .* ${NUMBER}x$`, 'm'),
    ],
    timeoutMs: 300_000,
  },
  {
    name: 'gateway',
    args: TINY_HTTP,
    expect: DIRECT_AND_VIA_GATEWAY,
    timeoutMs: 300_000,
  },
  {
    name: 'events',
    args: ['--events', '200', '--batch', '100', '--prefetch', '64', '--rounds', '1'],
    expect: [new RegExp(`^baseline .*: +${NUMBER} events/s`, 'm'), new RegExp(`^mercato .*: +${NUMBER} events/s`, 'm'), new RegExp(`^ratio +${NUMBER}`, 'm')],
    timeoutMs: 300_000,
  },
  {
    name: 'login',
    // scrypt's cost at 2^10 rather than 2^17: a login then takes milliseconds, not a tenth of a second.
    args: ['--n', '1024', '--users', '2', '--concurrency', '2', '--duration', '1', '--warmup', '0', '--rounds', '1'],
    expect: [new RegExp(`bare scrypt verifications +${NUMBER} /s`), new RegExp(`logins \\(POST /auth/login\\) +${NUMBER} /s`), new RegExp(`ratio logins / bare +${NUMBER}`)],
    timeoutMs: 300_000,
  },
  {
    name: 'me',
    args: TINY_HTTP,
    expect: DIRECT_AND_VIA_GATEWAY,
    timeoutMs: 300_000,
  },
  {
    name: 'inventory',
    args: ['--orders', '50', '--concurrency', '2', '--rounds', '1'],
    expect: [new RegExp(`baseline .*: ${NUMBER} orders/s`), new RegExp(`mercato .*: +${NUMBER} reservations/s`), new RegExp(`ratio +${NUMBER}`)],
    timeoutMs: 300_000,
  },
  {
    name: 'catalog',
    args: ['--products', '100', ...TINY_HTTP],
    expect: [new RegExp(`^  bare /slug +${NUMBER} req/s`, 'm'), new RegExp(`^  slug via gateway +${NUMBER} req/s`, 'm'), new RegExp(`ratio slug via gateway / bare /slug +${NUMBER}`)],
    timeoutMs: 300_000,
  },
  {
    name: 'search',
    args: ['--products', '100', '--connections', '2', '--duration', '1', '--warmup', '1', '--rounds', '1'],
    expect: [new RegExp(`^  bare /search +${NUMBER} req/s`, 'm'), new RegExp(`^  distinct searches via gateway +${NUMBER} req/s`, 'm'), new RegExp(`ratio distinct / bare: ${NUMBER}`)],
    timeoutMs: 300_000,
  },
  {
    name: 'payments',
    args: ['--events', '100', '--warmup', '20', '--batch', '100', '--rounds', '1'],
    expect: [new RegExp(`^baseline .*: +${NUMBER} events/s`, 'm'), new RegExp(`^payments .*: +${NUMBER} payments/s`, 'm'), new RegExp(`^ratio +${NUMBER}`, 'm')],
    timeoutMs: 300_000,
  },
  {
    name: 'checkout',
    args: ['--orders', '20', '--concurrency', '4', '--skus', '4', '--sample', '10', '--rounds', '1'],
    expect: [
      new RegExp(`^  mercato \\(saga\\) +${NUMBER} `, 'm'),
      new RegExp(`^  baseline \\(bare\\) +${NUMBER} `, 'm'),
      new RegExp(`ratio mercato/baseline: ${NUMBER}`),
      new RegExp(`^checkout saga, embedded: .*\n  ${NUMBER} orders/s`, 'm'),
      new RegExp(`embedded / distributed: ${NUMBER}`),
    ],
    timeoutMs: 300_000,
  },
  {
    name: 'reviews',
    args: ['--products', '50', ...TINY_HTTP],
    expect: [new RegExp(`^  bare /summary +${NUMBER} req/s`, 'm'), new RegExp(`^  summary via gateway +${NUMBER} req/s`, 'm'), new RegExp(`ratio summary via gateway / bare +${NUMBER}`)],
    timeoutMs: 300_000,
  },
  {
    name: 'notifications',
    args: ['--messages', '100'],
    expect: [new RegExp(`burst to the mailbox +${NUMBER} messages/s`), new RegExp(`the same files written bare +${NUMBER} files/s`), new RegExp(`ratio burst / bare +${NUMBER}`)],
    timeoutMs: 300_000,
  },
  {
    name: 'storefront',
    args: ['--seconds', '1', '--connections', '2', '--warmup', '0'],
    expect: [new RegExp(`static Next.js page \\(baseline\\) +${NUMBER} req/s`), new RegExp(`product page, anonymous visitors +${NUMBER} req/s`), new RegExp(`ratio ${NUMBER} \\(target`)],
    timeoutMs: 300_000,
  },
  {
    name: 'lighthouse',
    // Lighthouse scores against its target; there is no baseline to run beside it.
    args: ['--preset', 'desktop', '--pages', 'product'],
    expect: [/^Lighthouse desktop/m, /^ {2}product +\d+/m],
    timeoutMs: 300_000,
    browser: true,
  },
  {
    name: 'order-stats',
    args: ['--orders', '1000', ...TINY_HTTP],
    expect: [new RegExp(`^  trivial route /healthz +${NUMBER} req/s`, 'm'), new RegExp(`^  stats \\(roll-up\\) +${NUMBER} req/s`, 'm'), new RegExp(`p99 stats / trivial route +${NUMBER}`)],
    timeoutMs: 300_000,
  },
  {
    // Installs the pinned Artillery into bench/.cache on first use (from the npm registry). A load
    // test has no baseline: each mode's step, and the smoke run's own check of the answers.
    name: 'load',
    args: ['--smoke'],
    expect: [
      new RegExp(`^embedded: +1 visitors/s → +${NUMBER} req/s, ${NUMBER} orders/s, p50 ${NUMBER} ms`, 'm'),
      new RegExp(`^distributed: +1 visitors/s → +${NUMBER} req/s, ${NUMBER} orders/s, p50 ${NUMBER} ms`, 'm'),
      /^smoke: every mode answered, no request failed$/m,
    ],
    timeoutMs: 600_000,
  },
];

/** Every process of the benchmark running now (its process group). */
let running: number | undefined;
const signalGroup = (pid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
};
/** Stops a benchmark that is late: its processes stop theirs (the platform its PostgreSQL) on SIGTERM; SIGKILL after 10 s. */
function stopGroup(pid: number): void {
  signalGroup(pid, 'SIGTERM');
  setTimeout(() => signalGroup(pid, 'SIGKILL'), 10_000).unref();
}
// Stopped by the test runner (the file's time limit): the benchmark with it.
process.once('SIGTERM', () => {
  if (running) signalGroup(running, 'SIGTERM');
  process.exit(143);
});

/** The benchmark as `npm run bench:<name> -- <args>` runs it; its exit code and everything it printed. */
function runBenchmark(t: TestContext, name: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const command = SCRIPTS[`bench:${name}`];
  assert.ok(command, `package.json has no bench:${name}`);
  const [bin, ...rest] = command.split(' ');
  assert.equal(bin, 'node', `bench:${name} runs ${bin}, not node`);
  // Its own process group, so that a benchmark that hangs is stopped with every process it started.
  const child = spawn(process.execPath, [...rest, ...args], { cwd: ROOT, env: { ...process.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running = child.pid;
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const stop = () => stopGroup(child.pid!);
  t.signal.addEventListener('abort', stop, { once: true });
  return new Promise((resolve) => {
    child.once('close', (code) => {
      t.signal.removeEventListener('abort', stop);
      running = undefined;
      resolve({ code, output });
    });
  });
}

/** The tracked files a benchmark writes when run for real (reports, charts, screenshots): a smoke run leaves them alone. */
const REPORTS = ['README.md', 'docs', 'bench/README.md', 'apps/web/docs'];
function reportChanges(): string | undefined {
  const r = spawnSync('git', ['status', '--porcelain', '--', ...REPORTS], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout : undefined;
}

const skipServers = skipUnless('postgres', 'rabbitmq', 'redis');

describe('benchmarks, smoke run (tiny counts)', { skip: skipServers }, () => {
  let changesBefore: string | undefined;
  before(() => {
    changesBefore = reportChanges();
  });

  test('every bench:* script of package.json has a smoke run here', () => {
    const scripts = Object.keys(SCRIPTS)
      .filter((s) => s.startsWith('bench:') && s !== 'bench:smoke')
      .map((s) => s.slice('bench:'.length));
    assert.deepEqual(
      SMOKES.map((s) => s.name).sort(),
      scripts.sort(),
    );
  });

  for (const smoke of SMOKES) {
    const skip = smoke.browser ? skipUnlessChromium() : false;
    test(`bench:${smoke.name} -- ${smoke.args.join(' ')}`, { timeout: smoke.timeoutMs, skip }, async (t) => {
      const { code, output } = await runBenchmark(t, smoke.name, smoke.args);
      const tail = output.split('\n').slice(-40).join('\n');
      assert.equal(code, 0, `bench:${smoke.name} exited with ${code}:\n${tail}`);
      for (const re of smoke.expect) assert.match(output, re, `bench:${smoke.name} printed no ${re}:\n${tail}`);
    });
  }

  test('the smoke runs wrote no report, chart or screenshot', (t) => {
    if (changesBefore === undefined) return t.skip('not a git checkout');
    assert.equal(reportChanges(), changesBefore);
  });
});

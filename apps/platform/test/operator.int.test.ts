import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, eventually, freePort, skipUnless, type TestDatabase } from '@mercato/chassis/testing';

// What an operator meets running one service alone, as the README says: `npm run start:<name>`.
// A killed npm takes its service with it (the port is freed); the gateway alone names a missing
// <SERVICE>_URL; a failed start is one JSON line with the service and the error.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Run {
  child: ChildProcess;
  err: () => string;
  exit: Promise<number | null>;
  /** The exit code, or a failure (and every process of the run killed) after `ms`. */
  exited(ms: number): Promise<number | null>;
}

function npmRun(script: string, env: NodeJS.ProcessEnv): Run {
  const child = spawn('npm', ['run', '--silent', script], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-20_000)));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const exited = async (ms: number) => {
    const tree = descendants(child.pid!);
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([exit, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${script} still runs after ${ms} ms:\n${err}`)), ms)))]);
    } finally {
      clearTimeout(timer);
      for (const pid of [child.pid!, ...tree, ...descendants(child.pid!)]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  };
  return { child, err: () => err, exit, exited };
}

/** The processes below `pid` (Linux: /proc), deepest last. */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number)) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(entry, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== p) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const answers = (port: number) =>
  fetch(`http://127.0.0.1:${port}/healthz`)
    .then((r) => r.ok)
    .catch(() => false);

describe('one service alone, as an operator runs it', { skip: process.platform !== 'linux' ? 'reads /proc' : skipUnless('postgres') }, () => {
  let db: TestDatabase;

  before(async () => {
    db = await createTestDatabase('operator');
  });
  after(async () => {
    await db?.drop();
  });

  it('stops the service, and frees its port, when `npm run start:order` is killed with SIGKILL', async () => {
    const port = await freePort();
    const run = npmRun('start:order', { ORDER_DATABASE_URL: db.url, ORDER_PORT: String(port), BUS_URL: 'memory://' });
    let tree: number[] = [];
    try {
      await eventually(async () => (await answers(port)) || run.child.exitCode !== null, 90_000, 200);
      assert.equal(run.child.exitCode, null, `the service did not start:\n${run.err()}`);
      tree = descendants(run.child.pid!);
      assert.ok(tree.length > 0, 'npm runs the service below it');
      run.child.kill('SIGKILL');
      await eventually(async () => !(await answers(port)), 20_000, 100);
      await eventually(() => tree.every((pid) => !alive(pid)), 20_000, 100);
    } finally {
      for (const pid of [run.child.pid!, ...tree]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  it('refuses to start the gateway alone without every <SERVICE>_URL, naming the missing one', async () => {
    const env: NodeJS.ProcessEnv = { GATEWAY_PORT: String(await freePort()) };
    for (const s of ['AUTH', 'USER', 'CATALOG', 'INVENTORY', 'ORDER', 'PAYMENT', 'REVIEW', 'NOTIFICATION']) env[`${s}_URL`] = '';
    env.AUTH_URL = 'http://auth.internal:8081';
    const run = npmRun('start:gateway', env);
    assert.equal(await run.exited(60_000), 1);
    const lines = run.err().trim().split('\n');
    assert.equal(lines.length, 1, run.err());
    assert.match(lines[0]!, /^Configuration error: USER_URL is missing; expected the base URL of the user service/);
  });

  it('reports a failed start as one JSON line with the service and the error', async () => {
    const missing = new URL(db.url);
    missing.pathname = '/mercato_operator_no_such_database';
    const run = npmRun('start:order', { ORDER_DATABASE_URL: missing.toString(), ORDER_PORT: String(await freePort()), BUS_URL: 'memory://' });
    assert.equal(await run.exited(60_000), 1);
    const lines = run.err().trim().split('\n');
    assert.equal(lines.length, 1, run.err());
    const line = JSON.parse(lines[0]!) as { level: string; service: string; msg: string; err: { message: string; code: string } };
    assert.equal(line.level, 'fatal');
    assert.equal(line.service, 'order');
    assert.match(line.msg, /^order could not start: database "mercato_operator_no_such_database" does not exist$/);
    assert.equal(line.err.code, '3D000');
  });
});

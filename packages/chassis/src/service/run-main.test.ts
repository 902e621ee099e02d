import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// A crash of a service prints one JSON line with the service and the error (no raw, multi-line
// stack without a name), and the process exits 1.

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/crashing-main.ts', import.meta.url));

function run(how: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', FIXTURE, how], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

interface FatalLine {
  level: string;
  service: string;
  msg: string;
  err: { type: string; message: string; stack: string; code?: string };
}

function oneLine(stderr: string): FatalLine {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, stderr);
  return JSON.parse(lines[0]!) as FatalLine;
}

describe('runMain', () => {
  it('reports an uncaught exception as one JSON line with the service, and exits 1', async () => {
    const { code, stderr } = await run('throw');
    assert.equal(code, 1);
    const line = oneLine(stderr);
    assert.equal(line.level, 'fatal');
    assert.equal(line.service, 'order');
    assert.equal(line.msg, 'order crashed: boom\nwith a second line');
    assert.equal(line.err.type, 'TypeError');
    assert.match(line.err.stack, /crashing-main\.ts/);
  });

  it('reports an unhandled rejection the same way', async () => {
    const { code, stderr } = await run('reject');
    assert.equal(code, 1);
    const line = oneLine(stderr);
    assert.equal(line.service, 'order');
    assert.equal(line.msg, 'order crashed on an unhandled rejection: rejected and nobody listened');
  });

  it('reports a failed start as one JSON line with the error and its code', async () => {
    const { code, stderr } = await run('start');
    assert.equal(code, 1);
    const line = oneLine(stderr);
    assert.equal(line.msg, 'order could not start: could not bind\nsecond line of the reason');
    assert.equal(line.err.code, 'EADDRINUSE');
  });
});

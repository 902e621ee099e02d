import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { lazyModule } from './lazy-module.js';

const dir = mkdtempSync(join(tmpdir(), 'lazy-module-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const from = pathToFileURL(join(dir, 'caller.js'));

describe('lazyModule', () => {
  it('loads nothing until first called, then loads once and keeps what build made', () => {
    writeFileSync(join(dir, 'counted.cjs'), `globalThis.__lazyLoads = (globalThis.__lazyLoads ?? 0) + 1; module.exports = { words: ['a', 'b'] };`);
    const g = globalThis as { __lazyLoads?: number };
    let builds = 0;
    const words = lazyModule(from, './counted.cjs', (m: { words: string[] }) => {
      builds += 1;
      return new Set(m.words);
    });
    assert.equal(g.__lazyLoads, undefined);
    assert.equal(words().has('b'), true);
    assert.equal(words(), words());
    assert.equal(g.__lazyLoads, 1);
    assert.equal(builds, 1);
  });

  it('resolves from the caller, returns the module itself without build, and retries a failed load', () => {
    const later = lazyModule<{ x: number }>(from, './later.cjs');
    assert.throws(() => later(), /later\.cjs/);
    writeFileSync(join(dir, 'later.cjs'), 'module.exports = { x: 7 };');
    assert.equal(later().x, 7);
  });
});

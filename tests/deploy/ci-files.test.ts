import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The GitHub Actions workflows, checked by action-validator (the workflow JSON schema of
// SchemaStore, and the expressions and globs in it). The GitLab CI file has no linter that installs
// here; it is not checked beyond being kept in the tree.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKFLOWS = join(ROOT, '.github/workflows');
const CLI = join(ROOT, 'node_modules/@action-validator/cli/cli.mjs');

function validate(file: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [CLI, file], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('CI files', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

  it('has workflows to check', () => {
    assert.ok(files.length > 0);
  });

  for (const f of files) {
    it(`${f} is a valid GitHub Actions workflow`, () => {
      const r = validate(join(WORKFLOWS, f));
      assert.equal(r.status, 0, r.out);
    });
  }

  it('refuses a workflow with a misspelt key (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mercato-ci-'));
    try {
      const broken = readFileSync(join(WORKFLOWS, files[0]!), 'utf8').replace(/\bruns-on:/, 'runs_on:');
      const file = join(dir, 'broken.yml');
      writeFileSync(file, broken);
      const r = validate(file);
      assert.equal(r.status, 1, r.out);
      assert.match(r.out, /runs_on/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

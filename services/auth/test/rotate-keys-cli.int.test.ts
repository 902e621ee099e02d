import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RunningService } from '@mercato/chassis';
import { createTestDatabase, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { KEK, startAuth } from './helpers.js';

// The operator command `npm run mercato -- auth rotate-keys`, run as the operator runs it.
const CLI = fileURLToPath(new URL('../../../apps/platform/src/cli.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', CLI, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('mercato auth rotate-keys', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mercato-cli-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a missing or unknown action and stray arguments with the usage (exit 2)', async () => {
    for (const args of [['auth'], ['auth', 'rotate'], ['auth', 'rotate-keys', 'now'], ['auth', 'rotate-keys', '--service', 'auth']]) {
      const r = await cli(args, { MERCATO_DATA_DIR: dataDir });
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /auth rotate-keys/);
    }
  });

  it('explains when there is no database to talk to (exit 1)', async () => {
    const r = await cli(['auth', 'rotate-keys'], { MERCATO_DATA_DIR: dataDir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /No embedded PostgreSQL/);
  });
});

describe('mercato auth rotate-keys on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  let keyDir: string;

  before(async () => {
    db = await createTestDatabase('auth_cli');
    svc = await startAuth(db.url);
    keyDir = await mkdtemp(join(tmpdir(), 'mercato-cli-keys-'));
  });
  after(async () => {
    await svc?.stop();
    await db?.drop();
    await rm(keyDir, { recursive: true, force: true });
  });

  const states = async () =>
    Object.fromEntries(
      (await svc.db.query<{ kid: string; state: string }>(`SELECT kid, state FROM signing_keys`)).rows.map((r) => [r.kid, r.state]),
    ) as Record<string, string>;

  it('rotates with the key-encryption key and prints the new active and next kids', async () => {
    const before = await states();
    const r = await cli(['auth', 'rotate-keys', '--json'], { AUTH_DATABASE_URL: db.url, AUTH_KEY_ENCRYPTION_KEY: KEK });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { activated: string; next: string; retired: string };
    const now = await states();
    assert.equal(before[out.activated], 'next');
    assert.equal(now[out.activated], 'active');
    assert.equal(now[out.next], 'next');
    assert.equal(now[out.retired], 'retired');

    const text = await cli(['auth', 'rotate-keys'], { AUTH_DATABASE_URL: db.url, AUTH_KEY_ENCRYPTION_KEY: KEK });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`active: ${out.next}`));
  });

  it('refuses without the key, and never generates one', async () => {
    const r = await cli(['auth', 'rotate-keys'], { AUTH_DATABASE_URL: db.url, AUTH_KEY_DIR: keyDir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /AUTH_KEY_ENCRYPTION_KEY is missing/);
    const wrong = await cli(['auth', 'rotate-keys'], { AUTH_DATABASE_URL: db.url, AUTH_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64url') });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /cannot be decrypted/);
  });
});

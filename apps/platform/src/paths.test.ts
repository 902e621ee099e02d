import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_ADMIN_EMAIL, ensureEmbeddedAdmin } from './paths.js';

describe('the embedded administrator', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mercato-admin-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is made on the first start with a generated password kept 0600, and the same on the next', async () => {
    const env = { MERCATO_DATA_DIR: join(dir, 'first') };
    const first = await ensureEmbeddedAdmin(env);
    const file = join(dir, 'first', 'admin-password');
    assert.deepEqual(first, { email: DEFAULT_ADMIN_EMAIL, password: first!.password, passwordFile: file });
    assert.match(first!.password, /^[A-Za-z0-9_-]{43}$/, '32 random bytes');
    assert.equal((await readFile(file, 'utf8')).trim(), first!.password);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(await ensureEmbeddedAdmin(env), first, 'a restart signs in with the same password');
    const other = await ensureEmbeddedAdmin({ MERCATO_DATA_DIR: join(dir, 'other') });
    assert.notEqual(other!.password, first!.password, 'each shop its own');
  });

  it('is ADMIN_EMAIL/ADMIN_PASSWORD when they are set, with no file written', async () => {
    const env = { MERCATO_DATA_DIR: join(dir, 'given'), ADMIN_EMAIL: 'owner@shop.test', ADMIN_PASSWORD: 'saffron-lantern-57-heron' };
    assert.deepEqual(await ensureEmbeddedAdmin(env), { email: 'owner@shop.test', password: 'saffron-lantern-57-heron', passwordFile: undefined });
    await assert.rejects(stat(join(dir, 'given', 'admin-password')), { code: 'ENOENT' });
  });

  it('is left to the auth service (which names the missing one) when only one of the two is set', async () => {
    assert.equal(await ensureEmbeddedAdmin({ MERCATO_DATA_DIR: join(dir, 'half'), ADMIN_EMAIL: 'owner@shop.test' }), undefined);
    assert.equal(await ensureEmbeddedAdmin({ MERCATO_DATA_DIR: join(dir, 'half'), ADMIN_PASSWORD: 'saffron-lantern-57-heron' }), undefined);
    await assert.rejects(stat(join(dir, 'half', 'admin-password')), { code: 'ENOENT' });
  });
});

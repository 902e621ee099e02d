import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Db } from '../src/db/db.js';
import { CHASSIS_MIGRATIONS, migrate } from '../src/db/migrate.js';
import { createTestDatabase, skipUnless, type TestDatabase } from '../src/testing/index.js';

describe('migrations on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let database: TestDatabase;
  let dir: string;
  before(async () => {
    database = await createTestDatabase('mig');
    dir = await mkdtemp(join(tmpdir(), 'mercato-mig-'));
    // Slow enough that two processes starting together overlap.
    await writeFile(join(dir, '0001_products.sql'), 'SELECT pg_sleep(0.3); CREATE TABLE products (id text PRIMARY KEY);');
    await writeFile(join(dir, '0002_prices.sql'), 'CREATE TABLE prices (product_id text REFERENCES products (id), amount bigint NOT NULL);');
  });
  after(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies in order once when two processes start together', async () => {
    const a = new Db({ url: database.url });
    const b = new Db({ url: database.url });
    const sets = [CHASSIS_MIGRATIONS, { scope: 'catalog', dir }];
    const chassis = (await readdir(CHASSIS_MIGRATIONS.dir)).filter((f) => f.endsWith('.sql')).length;
    const [na, nb] = await Promise.all([migrate(a, sets), migrate(b, sets)]);
    assert.equal(na + nb, chassis + 2, "the chassis's migrations + catalog 0001, 0002, applied by exactly one of them");
    const rows = await a.query<{ scope: string; version: number }>('SELECT scope, version FROM schema_migrations ORDER BY applied_at, scope');
    const chassisVersions = Array.from({ length: chassis }, (_, i) => `chassis/${i + 1}`);
    assert.deepEqual(rows.rows.map((r) => `${r.scope}/${r.version}`), [...chassisVersions, 'catalog/1', 'catalog/2']);
    assert.equal(await migrate(a, sets), 0, 'a later start applies nothing');
    await a.close();
    await b.close();
  });

  it('refuses an applied migration that was edited, and rolls back a failing one', async () => {
    const db = new Db({ url: database.url });
    await writeFile(join(dir, '0002_prices.sql'), 'CREATE TABLE prices (changed int);');
    await assert.rejects(migrate(db, [{ scope: 'catalog', dir }]), /catalog\/2_prices changed after it was applied/);
    await writeFile(join(dir, '0002_prices.sql'), 'CREATE TABLE prices (product_id text REFERENCES products (id), amount bigint NOT NULL);');
    await writeFile(join(dir, '0003_broken.sql'), 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;');
    await assert.rejects(migrate(db, [{ scope: 'catalog', dir }]), /catalog\/3_broken failed/);
    const half = await db.query(`SELECT to_regclass('half_done') AS t`);
    assert.equal(half.rows[0]!.t, null, 'nothing of the failed migration remains');
    await db.close();
  });
});

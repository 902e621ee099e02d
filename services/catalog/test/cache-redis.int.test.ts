import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  createTestDatabase,
  createTestSigner,
  freePort,
  eventually,
  listenJwks,
  skipUnless,
  TEST_REDIS_URL,
  uniqueName,
  type TestDatabase,
  type TestJwksServer,
} from '@mercato/chassis/testing';
import { Db } from '@mercato/chassis';
import { productBody } from './support.js';

// Two catalog replicas as separate processes on one database and one Redis: a write through
// either one is seen at once through the other, although both cache their reads in Redis.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));


describe('catalog read cache shared by two processes on one Redis', { skip: skipUnless('postgres', 'redis') }, () => {
  let db: TestDatabase;
  let jwks: TestJwksServer;
  const signer = createTestSigner();
  const procs: ChildProcess[] = [];
  const urls: string[] = [];
  const token = () => signer.sign({ sub: 'usr_01HZZZZZZZZZZZZZZZZZZZZZZZ', roles: ['catalog_manager'] });
  const get = async (replica: number, path: string) => {
    const res = await fetch(`${urls[replica]}${path}`);
    return { status: res.status, cache: res.headers.get('x-cache'), etag: res.headers.get('etag'), body: (await res.json()) as Record<string, unknown> };
  };
  const write = async (replica: number, method: string, path: string, body: unknown) => {
    // A write of an existing product names the version it changes: the one it reads now.
    const existing = /^\/products\/([^/]+)/.exec(path)?.[1];
    const etag = existing ? (await fetch(`${urls[replica]}/products/${existing}`, { headers: { authorization: `Bearer ${token()}` } })).headers.get('etag') : null;
    const headers = { authorization: `Bearer ${token()}`, 'content-type': 'application/json', ...(etag ? { 'if-match': etag } : {}) };
    const res = await fetch(`${urls[replica]}${path}`, { method, headers, body: JSON.stringify(body) });
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
    return (await res.json()) as Record<string, unknown>;
  };

  before(async () => {
    db = await createTestDatabase('catalog_cache');
    jwks = await listenJwks([signer.jwk]);
    const prefix = `${uniqueName('cachetest')}:`;
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'apps/platform/src/main.ts', '--service', 'catalog'], {
        cwd: ROOT,
        env: {
          ...process.env,
          LOG_LEVEL: 'warn',
          CATALOG_PORT: String(port),
          CATALOG_DATABASE_URL: db.url,
          REDIS_URL: TEST_REDIS_URL,
          CATALOG_CACHE_PREFIX: prefix,
          BUS_URL: 'memory://',
          AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      procs.push(child);
      urls.push(`http://127.0.0.1:${port}`);
    }
    for (const url of urls) await eventually(async () => (await fetch(`${url}/readyz`).catch(() => null))?.ok, 30_000, 100);
  });

  after(async () => {
    await Promise.all(procs.map((p) => new Promise((resolve) => (p.exitCode !== null ? resolve(null) : (p.once('exit', resolve), p.kill('SIGTERM'))))));
    await jwks?.close();
    await db?.drop();
  });

  it('caches reads in Redis and invalidates them on every replica after a write on one', async () => {
    const created = await write(0, 'POST', '/products', productBody({ slug: 'shared-tee', title: 'Shared Tee' }));
    // Replica 1 reads and caches; replica 0 then reads the same entry from Redis.
    const first = await get(1, '/products/shared-tee');
    assert.equal(first.cache, 'miss');
    assert.equal((await get(0, '/products/shared-tee')).cache, 'hit', 'one cache for both replicas');
    const list = await get(1, '/products?q=tee');
    assert.equal((await get(0, '/products?q=tee')).cache, 'hit');
    assert.equal((list.body.items as Array<{ title: string }>)[0]!.title, 'Shared Tee');

    // A write on replica 0 is visible on replica 1 at once: no stale hit.
    await write(0, 'PATCH', `/products/${String(created.id)}`, { title: 'Renamed Tee' });
    const after = await get(1, '/products/shared-tee');
    assert.equal(after.cache, 'miss');
    assert.equal(after.body.title, 'Renamed Tee');
    assert.notEqual(after.etag, first.etag);
    const listAfter = await get(1, '/products?q=tee');
    assert.equal((listAfter.body.items as Array<{ title: string }>)[0]!.title, 'Renamed Tee');

    // And the other way round.
    await write(1, 'PUT', `/products/${String(created.id)}/variants/${(created.variants as Array<{ id: string }>)[0]!.id}/prices/USD`, { amount: 999 });
    const priced = await get(0, '/products?q=tee&sort=price_asc');
    assert.equal(priced.cache, 'miss');
    assert.deepEqual((priced.body.items as Array<{ price: { min: { amount: number } } }>)[0]!.price.min.amount, 999);
  });

  it("keeps a query term's expansion until a write on any replica", async () => {
    await write(0, 'POST', '/products', productBody({ slug: 'zebrina-pot', title: 'Zebrina Plant Pot' }));
    const titles = async (replica: number, path: string) => ((await get(replica, path)).body.items as Array<{ title: string }>).map((i) => i.title);
    const words = new Db({ url: db.url, poolMax: 1 });
    try {
      // The close word gone from the word list behind the catalogs' backs: replica 0 expands the
      // typo to nothing and keeps that; the word back, replica 0 still uses what it kept.
      await words.query("DELETE FROM search_words WHERE word = 'zebrina'");
      assert.deepEqual(await titles(0, '/products?q=zebrinz'), []);
      await words.query("INSERT INTO search_words (word) VALUES ('zebrina')");
      assert.deepEqual(await titles(0, '/products?q=zebrinz&limit=5'), []);
    } finally {
      await words.close();
    }
    // A write on replica 1 moves the shared generation on: replica 0 expands the term again.
    await write(1, 'POST', '/products', productBody({ slug: 'fern-pot', title: 'Fern Pot' }));
    assert.deepEqual(await titles(0, '/products?q=zebrinz&limit=4'), ['Zebrina Plant Pot']);
  });
});

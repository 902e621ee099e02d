import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { productBody, startCatalog, type CatalogUnderTest } from './support.js';

// The catalog tells an edge cache in the same process (the gateway, embedded mode) of every
// committed change: fired once the write has committed, so a reader asked then sees it.

describe('catalog change signal', { skip: skipUnless('postgres') }, () => {
  let c: CatalogUnderTest;
  before(async () => {
    c = await startCatalog();
  });
  after(async () => {
    await c?.stop();
  });

  it('fires after every committed write, with the write visible, and never for a read or a refused write', async () => {
    const signal = c.svc.changes!;
    assert.ok(signal, 'the catalog exposes its change signal');
    const seen: number[] = [];
    const stop = signal.subscribe(() => {
      void c.count(`SELECT count(*)::int AS n FROM products WHERE title = 'Signalled Tee'`).then((n) => seen.push(n));
    });
    try {
      const before = signal.generation;
      const created = await c.manager('POST', '/products', productBody({ title: 'Signalled Tee' }));
      assert.equal(created.statusCode, 201);
      assert.equal(signal.generation, before + 1);
      await c.anonymous('GET', `/products/${created.json<{ slug: string }>().slug}`);
      const refused = await c.manager('POST', '/products', { slug: 'no' });
      assert.equal(refused.statusCode, 400);
      assert.equal(signal.generation, before + 1);
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(seen, [1]);
    } finally {
      stop();
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { productBody, startCatalog, type CatalogUnderTest } from './support.js';

interface Page {
  items: Array<{ slug: string; status: string }>;
  nextCursor: string | null;
}

describe('catalog: the back office product list', { skip: skipUnless('postgres') }, () => {
  let c: CatalogUnderTest;
  const list = async (query: string) => {
    const res = await c.manager('GET', `/products?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Page>().items.map((p) => `${p.slug}:${p.status}`);
  };

  before(async () => {
    c = await startCatalog();
    assert.equal((await c.manager('POST', '/categories', { name: 'Shirts', slug: 'shirts' })).statusCode, 201);
    for (const [slug, title, status, categories] of [
      ['blue-shirt', 'Blue Shirt', 'published', ['shirts']],
      ['red-shirt', 'Red Shirt', 'draft', ['shirts']],
      ['old-mug', 'Old Mug', 'archived', []],
    ] as const) {
      const res = await c.manager('POST', '/products', productBody({ slug, title, status, categories }));
      assert.equal(res.statusCode, 201, res.body);
    }
  });
  after(async () => {
    await c?.stop();
  });

  it('lists every status for managers, with the category and status filters and a search that also finds SKUs', async () => {
    assert.deepEqual(await list('status=any&sort=newest'), ['old-mug:archived', 'red-shirt:draft', 'blue-shirt:published']);
    assert.deepEqual(await list('status=any&category=shirts'), ['red-shirt:draft', 'blue-shirt:published']);
    assert.deepEqual(await list('status=draft'), ['red-shirt:draft']);
    assert.deepEqual(await list('status=any&q=shirt&sort=newest'), ['red-shirt:draft', 'blue-shirt:published']);
    assert.deepEqual(await list('status=any&q=OLD-MUG-'), ['old-mug:archived'], 'by the start of a SKU');
    assert.deepEqual(await list('q=shirt'), ['blue-shirt:published'], 'published only by default');
  });

  it('keeps drafts and SKU search from everyone else', async () => {
    for (const status of ['any', 'draft']) {
      const res = await c.anonymous('GET', `/products?status=${status}`);
      assert.equal(res.statusCode, 400);
    }
    const res = await c.customer('GET', '/products?q=OLD-MUG-M');
    assert.deepEqual(res.json<Page>().items, []);
  });
});

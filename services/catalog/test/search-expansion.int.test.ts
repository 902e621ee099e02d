import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { startCatalog, type CatalogUnderTest } from './support.js';

const product = (slug: string, title: string) => ({
  slug,
  title,
  description: 'For the windowsill.',
  status: 'published',
  variants: [{ sku: slug.toUpperCase(), prices: [{ amount: 1500, currency: 'USD' }] }],
});

// A query term's expansion (the indexed words it is close to) is kept between searches under the
// read cache's generation. To see which expansion a search used, the word list is changed here
// behind the catalog's back (no write through it, so no new generation).
describe('search: term expansions kept between searches', { skip: skipUnless('postgres') }, () => {
  let c: CatalogUnderTest;
  const titles = async (query: string) => (await c.anonymous('GET', `/products?${query}`)).json<{ items: Array<{ title: string }> }>().items.map((i) => i.title);
  const words = (sql: string) => c.svc.db.query(sql);

  before(async () => {
    c = await startCatalog({ env: { CATALOG_CACHE: 'memory' } });
    assert.equal((await c.manager('POST', '/products', product('zebrina-pot', 'Zebrina Plant Pot'))).statusCode, 201);
  });
  after(async () => {
    await c?.stop();
  });

  it('reuses an expansion until the next catalog write, and reads the words again after it', async () => {
    // A typo finds the product through the close word "zebrina".
    assert.deepEqual(await titles('q=zebrinx'), ['Zebrina Plant Pot']);
    // Without the word in the list, a term not expanded yet finds nothing…
    await words("DELETE FROM search_words WHERE word = 'zebrina'");
    assert.deepEqual(await titles('q=zebrinz'), []);
    await words("INSERT INTO search_words (word) VALUES ('zebrina')");
    // …and the same term keeps its expansion (another URL, so not an answer from the read cache)…
    assert.deepEqual(await titles('q=zebrinz&limit=5'), []);
    // …while the term expanded while the word was there still finds the product.
    assert.deepEqual(await titles('q=zebrinx&limit=5'), ['Zebrina Plant Pot']);
    // A manager's search (never from the shared cache) reads the words every time.
    const managed = await c.manager('GET', '/products?q=zebrinz&status=any');
    assert.deepEqual(managed.json<{ items: Array<{ title: string }> }>().items.map((i) => i.title), ['Zebrina Plant Pot']);

    // Any catalog write moves the generation on: the term is expanded again.
    assert.equal((await c.manager('POST', '/products', product('fern-pot', 'Fern Pot'))).statusCode, 201);
    assert.deepEqual(await titles('q=zebrinz&limit=4'), ['Zebrina Plant Pot']);
  });

  it('expands new words a write adds', async () => {
    assert.deepEqual(await titles('q=qwertx'), []);
    assert.equal((await c.manager('POST', '/products', product('qwerty-lamp', 'Qwerty Lamp'))).statusCode, 201);
    assert.deepEqual(await titles('q=qwertx&limit=3'), ['Qwerty Lamp']);
  });
});

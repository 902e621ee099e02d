import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { startCatalog, type CatalogUnderTest } from './support.js';

interface Summary {
  id: string;
  slug: string;
  title: string;
  price: { min: { amount: number; currency: string } } | null;
}
interface Page {
  items: Summary[];
  nextCursor: string | null;
  facets?: {
    categories: Array<{ slug: string; count: number }>;
    priceBands: Array<{ min: number; max: number | null; count: number }>;
    options: Array<{ name: string; values: Array<{ value: string; count: number }> }>;
    currency: string;
  };
}

let sku = 0;
const simple = (slug: string, title: string, description: string, usd: number, extra: Record<string, unknown> = {}) => ({
  slug,
  title,
  description,
  status: 'published',
  variants: [{ sku: `S-${++sku}`, prices: [{ amount: usd, currency: 'USD' }] }],
  ...extra,
});

describe('catalog search, filters, facets and pagination', { skip: skipUnless('postgres') }, () => {
  let c: CatalogUnderTest;
  const titles = async (query: string) => (await c.anonymous('GET', `/products?${query}`)).json<Page>().items.map((i) => i.title);

  let menId = '';
  before(async () => {
    c = await startCatalog({ env: { CATALOG_CACHE: 'off' } });
    const cat = async (name: string, slug: string, parentId?: string) =>
      (await c.manager('POST', '/categories', { name, slug, ...(parentId ? { parentId } : {}) })).json<{ id: string }>().id;
    const clothing = await cat('Clothing', 'clothing');
    const men = await cat('Men', 'men', clothing);
    menId = men;
    await cat('Shirts', 'shirts', men);
    await cat('Shorts', 'shorts', men);
    await cat('Shoes', 'shoes');
    const fixed = [
      simple('blue-shirt', 'Blue Shirt', 'Cotton shirt in a classic cut.', 2500, { categories: ['shirts'] }),
      simple('blue-shorts', 'Blue Shorts', 'Light summer shorts.', 3000, { categories: ['shorts'] }),
      simple('red-shirt', 'Red Shirt', 'A red cotton shirt.', 2700, { categories: ['shirts'] }),
      simple('navy-linen-shirt', 'Navy Blue Linen Shirt', 'Breathable linen for hot days.', 5500, { categories: ['shirts'] }),
      simple('shirtdress', 'Striped Shirtdress', 'A dress cut like a long shirt.', 6000, { categories: ['clothing'] }),
      simple('denim-jacket', 'Denim Jacket', 'Pairs well with a blue shirt.', 9000, { categories: ['clothing'] }),
      simple('leather-boots', 'Leather Chelsea Boots', 'Brown leather, stitched soles.', 18000, { categories: ['shoes'] }),
      {
        slug: 'canvas-sneakers',
        title: 'Canvas Sneakers',
        description: 'Everyday sneakers.',
        status: 'published',
        categories: ['shoes'],
        options: [{ name: 'Size', values: ['42', '43'] }, { name: 'Colour', values: ['White', 'Black'] }],
        variants: [
          { sku: 'CS-42-W', options: { Size: '42', Colour: 'White' }, prices: [{ amount: 6500, currency: 'USD' }, { amount: 5900, currency: 'EUR' }] },
          { sku: 'CS-43-W', options: { Size: '43', Colour: 'White' }, prices: [{ amount: 6500, currency: 'USD' }, { amount: 5900, currency: 'EUR' }] },
          { sku: 'CS-43-B', options: { Size: '43', Colour: 'Black' }, prices: [{ amount: 7000, currency: 'USD' }] },
        ],
      },
      simple('hidden-shirt', 'Hidden Shirt', 'A draft.', 100, { status: 'draft' }),
    ];
    const res = await c.manager('POST', '/products/import', { products: fixed });
    assert.equal(res.statusCode, 201, res.body);
  });
  after(async () => {
    await c?.stop();
  });

  it('ranks title matches above description matches, exact words above mere prefixes', async () => {
    const found = await titles('q=shirt');
    assert.deepEqual(new Set(found.slice(0, 3)), new Set(['Blue Shirt', 'Red Shirt', 'Navy Blue Linen Shirt']));
    assert.deepEqual(found.slice(3), ['Striped Shirtdress', 'Denim Jacket']);
    assert.ok(!found.includes('Hidden Shirt'), 'drafts are not public');
    assert.deepEqual(await titles('q=blue+shirt'), ['Blue Shirt', 'Navy Blue Linen Shirt', 'Denim Jacket']);
  });

  it('tolerates typos and matches prefixes and plurals', async () => {
    assert.equal((await titles('q=blu+shrt'))[0], 'Blue Shirt');
    assert.deepEqual(await titles('q=lether'), ['Leather Chelsea Boots']);
    assert.deepEqual(await titles('q=sneakr'), ['Canvas Sneakers']);
    assert.deepEqual(await titles('q=shirts&sort=price_asc').then((t) => t.slice(0, 2)), ['Blue Shirt', 'Red Shirt']);
    assert.deepEqual(await titles('q=chel'), ['Leather Chelsea Boots']);
    assert.deepEqual(await titles('q=BOOTS'), ['Leather Chelsea Boots']);
    assert.deepEqual(await titles('q=xyzzy'), []);
    // A typo is forgiven from four letters on: a word of three is a prefix, never a near miss
    // ("cup" is not the "cut" of a shirt's description), while "cut" and the prefix "cu" find it.
    assert.deepEqual(await titles('q=cup'), []);
    assert.deepEqual(new Set(await titles('q=cut')), new Set(['Blue Shirt', 'Striped Shirtdress']));
    assert.deepEqual(new Set(await titles('q=cu')), new Set(['Blue Shirt', 'Striped Shirtdress']));
    assert.ok((await titles('q=shrt')).includes('Blue Shirt'), 'a typo in four letters is forgiven');
    // A typo is an edit or two, not a likeness: "shoe" is not "shorts" (similar by trigrams)…
    assert.deepEqual(await titles('q=shoe'), []);
    // …while two letters swapped are one typo.
    assert.deepEqual(await titles('q=leathre'), ['Leather Chelsea Boots']);
    // Stop words only: no filter rather than no result.
    assert.equal((await titles('q=the')).length, 8);
  });

  it('filters by category including sub-categories, and by price in a currency', async () => {
    assert.deepEqual(new Set(await titles('category=men')), new Set(['Blue Shirt', 'Blue Shorts', 'Red Shirt', 'Navy Blue Linen Shirt']));
    assert.equal((await titles('category=clothing')).length, 6);
    assert.deepEqual(await titles('category=shoes&q=boot'), ['Leather Chelsea Boots']);
    assert.equal((await c.anonymous('GET', '/products?category=nope')).statusCode, 404);
    // By id as by slug; a known category without a match is an empty page, an unknown one 404 with a query too.
    assert.deepEqual(new Set(await titles(`category=${menId}`)), new Set(await titles('category=men')));
    const none = await c.anonymous('GET', '/products?category=shoes&q=shirt');
    assert.equal(none.statusCode, 200);
    assert.deepEqual(none.json<Page>().items, []);
    assert.equal((await c.anonymous('GET', '/products?category=nope&q=boot')).statusCode, 404);
    assert.deepEqual(await titles('minPrice=2600&maxPrice=6000&sort=price_asc'), ['Red Shirt', 'Blue Shorts', 'Navy Blue Linen Shirt', 'Striped Shirtdress']);
    assert.deepEqual(await titles('currency=EUR'), ['Canvas Sneakers', ...[]].concat((await titles('currency=EUR')).slice(1)));
    const eur = (await c.anonymous('GET', '/products?currency=EUR&minPrice=0')).json<Page>();
    assert.deepEqual(eur.items.map((i) => [i.title, i.price?.min]), [['Canvas Sneakers', { amount: 5900, currency: 'EUR' }]]);
    assert.equal((await c.anonymous('GET', '/products?currency=XYZ')).statusCode, 400);
    assert.equal((await c.anonymous('GET', '/products?minPrice=10&maxPrice=5')).statusCode, 400);
    assert.equal((await c.anonymous('GET', '/products?minPrice=-1')).statusCode, 400);
    assert.equal((await c.anonymous('GET', '/products?sort=cheapest')).statusCode, 400);
    assert.equal((await c.anonymous('GET', '/products?limit=101')).statusCode, 400);
    assert.equal((await c.anonymous('GET', '/products?colour=red')).statusCode, 400);
    assert.equal((await c.anonymous('GET', '/products?sort=relevance')).statusCode, 400);
    assert.deepEqual(await titles('sort=price_desc&limit=3'), ['Leather Chelsea Boots', 'Denim Jacket', 'Canvas Sneakers']);
  });

  it('counts facets for the whole result: categories with their ancestors, price bands, option values', async () => {
    const first = (await c.anonymous('GET', '/products?q=shirt&limit=2')).json<Page>();
    assert.equal(first.items.length, 2);
    const facets = first.facets!;
    const byCategory = Object.fromEntries(facets.categories.map((f) => [f.slug, f.count]));
    assert.deepEqual(byCategory, { clothing: 5, men: 3, shirts: 3 });
    assert.deepEqual(facets.priceBands, [
      { min: 2500, max: 4999, count: 2 },
      { min: 5000, max: 9999, count: 3 },
    ]);
    const shoes = (await c.anonymous('GET', '/products?category=shoes')).json<Page>().facets!;
    assert.deepEqual(shoes.options, [
      { name: 'Colour', values: [{ value: 'Black', count: 1 }, { value: 'White', count: 1 }] },
      { name: 'Size', values: [{ value: '42', count: 1 }, { value: '43', count: 1 }] },
    ]);
    const next = (await c.anonymous('GET', `/products?q=shirt&limit=2&cursor=${first.nextCursor}`)).json<Page>();
    assert.equal(next.facets, undefined, 'facets come with the first page only');
  });

  for (const sort of ['newest', 'price_asc', 'price_desc', 'rating', 'relevance'] as const) {
    it(`pages by ${sort} without losing or repeating a product while others are added`, async () => {
      const tag = `pg${sort.replace('_', '')}`;
      const original: string[] = [];
      const batch = Array.from({ length: 30 }, (_, i) => simple(`${tag}-${i}`, `Pagetest ${tag} item ${i}`, 'Paging.', 1000 + (i % 5) * 100));
      const imported = await c.manager('POST', '/products/import', { products: batch });
      original.push(...imported.json<{ products: Array<{ id: string }> }>().products.map((p) => p.id));
      const seen: string[] = [];
      let cursor: string | null = null;
      let added = 0;
      do {
        const url: string = `/products?q=pagetest+${tag}&sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`;
        const page: Page = (await c.anonymous('GET', url)).json<Page>();
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        // Someone adds products between two pages: some sort before the cursor, some after.
        const more = [0, 1].map((k) => simple(`${tag}-new-${added}-${k}`, `Pagetest ${tag} late ${added}`, 'Paging.', 900 + k * 900));
        added++;
        assert.equal((await c.manager('POST', '/products/import', { products: more })).statusCode, 201);
      } while (cursor);
      assert.equal(new Set(seen).size, seen.length, 'no product repeated');
      for (const id of original) assert.ok(seen.includes(id), `product ${id} was skipped`);
    });
  }

  it('ranks every match whose rank can make the page, also when the most similar titles are the oldest of many ties', async () => {
    // 60 matches of one word with the same full-text rank: the title similarity orders them.
    // The ten whose title has the typed word itself were added first (the lowest ids): the page
    // is settled by the similarity of all the matches, not of the newest few only.
    const typed = 'zephyrkettles';
    const exact = Array.from({ length: 10 }, (_, i) => simple(`zk-exact-${i}`, `Zephyrkettles ${i}`, 'Hob ware.', 4000));
    const near = Array.from({ length: 50 }, (_, i) => simple(`zk-near-${i}`, `Zephyrkettle ${i}`, 'Hob ware.', 4000));
    const ids = async (batch: unknown[]) =>
      (await c.manager('POST', '/products/import', { products: batch })).json<{ products: Array<{ id: string }> }>().products.map((p) => p.id);
    const exactIds = await ids(exact);
    const nearIds = await ids(near);
    const newest = [...exactIds, ...nearIds].sort().reverse().slice(0, 42);
    assert.ok(exactIds.every((id) => !newest.includes(id)), 'the exact titles are older than the 42 newest matches');
    const first = (await c.anonymous('GET', `/products?q=${typed}&limit=20`)).json<Page>();
    assert.deepEqual(new Set(first.items.slice(0, 10).map((i) => i.id)), new Set(exactIds));
    assert.ok(first.items.slice(10).every((i) => nearIds.includes(i.id)));
    const seen = first.items.map((i) => i.id);
    for (let cursor = first.nextCursor; cursor; ) {
      const page: Page = (await c.anonymous('GET', `/products?q=${typed}&limit=20&cursor=${cursor}`)).json<Page>();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    assert.deepEqual(new Set(seen), new Set([...exactIds, ...nearIds]));
    assert.equal(seen.length, 60);
  });

  it('refuses a cursor from another sort or a forged one', async () => {
    const page = (await c.anonymous('GET', '/products?sort=newest&limit=1')).json<Page>();
    assert.equal((await c.anonymous('GET', `/products?sort=price_asc&cursor=${page.nextCursor}`)).statusCode, 400);
    assert.equal((await c.anonymous('GET', '/products?cursor=Zm9vYmFy')).statusCode, 400);
  });
});

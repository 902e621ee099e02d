import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { captureLogger, skipUnless } from '@mercato/chassis/testing';
import { createRandom, type Random } from '@mercato/demo-data';
import { listingStore, type ListRequest, type Sort } from '../src/search/listing.store.js';
import { SearchIndex } from '../src/search/search-index.js';
import { encodeCursor, searchTerms } from '../src/search/search-terms.js';
import { startCatalog, type CatalogUnderTest } from './support.js';

// The search index must give the listing SQL's answers exactly: the same rows in the same order
// with the same sort keys (a cursor made by one is read by the other), and the same facets.

// Words that share prefixes and stems, repeat, and include stop words, so that ranks tie and differ.
const WORDS = ['dress', 'dresses', 'dressing', 'shirt', 'shirtdress', 'shirts', 'red', 'reddish', 'blue', 'navy', 'cotton', 'linen', 'wool', 'woollen',
  'jacket', 'jackets', 'denim', 'summer', 'winter', 'light', 'classic', 'slim', 'fit', 'the', 'a', 'for', 'with', 'and', '42', 'xl', 'boots', 'leather'];
const TITLE_EXTRAS = ['Café Crème Shirt', 'Überjacke Wool', "O'Neil Denim"];

function sentence(r: Random, n: number): string {
  return Array.from({ length: n }, () => r.pick(WORDS)).join(' ');
}

describe('the search index answers as the listing SQL does', { skip: skipUnless('postgres') }, () => {
  let c: CatalogUnderTest;
  let index: SearchIndex;
  let now = 1_000_000;
  let womenId = '';
  const log = captureLogger();
  const r = createRandom(7);

  before(async () => {
    c = await startCatalog({ env: { CATALOG_CACHE: 'memory' } });
    const cat = async (name: string, slug: string, parentId?: string) =>
      (await c.manager('POST', '/categories', { name, slug, ...(parentId ? { parentId } : {}) })).json<{ id: string }>().id;
    const clothing = await cat('Clothing', 'clothing');
    const men = await cat('Men', 'men', clothing);
    await cat('Shirts', 'shirts', men);
    await cat('Jackets', 'jackets', men);
    womenId = await cat('Women', 'women', clothing);
    await cat('Shoes', 'shoes');
    const categories = ['clothing', 'men', 'shirts', 'jackets', 'women', 'shoes'];
    const products = Array.from({ length: 240 }, (_, i) => {
      const sizes = r.next() < 0.5 ? ['S', 'M', 'L'].slice(0, 1 + r.int(0, 2)) : [];
      const prices = (k: number) => [{ amount: 500 + r.int(0, 119) * 100 + k, currency: 'USD' }, ...(r.next() < 0.4 ? [{ amount: 900 + r.int(0, 49) * 100, currency: 'EUR' }] : [])];
      return {
        slug: `p-${i}`,
        title: i < TITLE_EXTRAS.length ? TITLE_EXTRAS[i]! : sentence(r, 1 + r.int(0, 4)).replace(/^./, (ch) => ch.toUpperCase()),
        description: sentence(r, r.int(0, 29)),
        status: i % 17 === 5 ? 'draft' : i % 23 === 7 ? 'archived' : 'published',
        categories: r.next() < 0.9 ? [r.pick(categories), ...(r.next() < 0.3 ? [r.pick(categories)] : [])].filter((v, j, a) => a.indexOf(v) === j) : [],
        attributes: r.next() < 0.5 ? { material: r.pick(['cotton', 'linen', 'wool']) } : {},
        ...(sizes.length ? { options: [{ name: 'Size', values: sizes }] } : {}),
        variants: sizes.length
          ? sizes.map((size, k) => ({ sku: `SI-${i}-${size}`, options: { Size: size }, prices: prices(k) }))
          : [{ sku: `SI-${i}`, prices: r.next() < 0.95 ? prices(0) : [] }],
      };
    });
    const res = await c.manager('POST', '/products/import', { products });
    assert.equal(res.statusCode, 201, res.body);
    await c.svc.db.query(`UPDATE products SET rating_average = (abs(hashtext(id)) % 5)::float8 + 0.5, rating_count = abs(hashtext(slug)) % 4 WHERE slug LIKE 'p-1%'`);
    index = new SearchIndex(c.svc.db, log.logger, { maxProducts: 10_000, maxAgeMs: 30_000, now: () => now });
    await refreshed('g1');
  });
  after(async () => {
    await index?.settled();
    await c?.stop();
  });

  /** Refreshes the index under `generation` and checks that it then answers. */
  async function refreshed(generation: string): Promise<void> {
    assert.equal(index.current(generation), false);
    await index.settled();
    assert.equal(index.current(generation), true, JSON.stringify(log.lines.slice(-3)));
  }

  const request = (q: string, more: Partial<ListRequest> = {}): ListRequest => {
    const terms = searchTerms(q);
    return { terms, category: null, currency: 'USD', status: 'published', sort: terms.length ? 'relevance' : 'newest', limit: 10, cursor: null, ...more };
  };

  /** Every page of `req` (to the 4th) from both, compared; the number of pages the index answered. */
  async function same(req: ListRequest): Promise<number> {
    const expanded = req.terms.length ? await listingStore.expand(c.svc.db, req.terms) : undefined;
    const sql = await listingStore.firstPage(c.svc.db, req, expanded);
    const mine = index.firstPage(req, expanded);
    if (!mine) return 0;
    assert.deepEqual(mine, sql, `first page of ${JSON.stringify(req)}`);
    assert.deepEqual(index.list(req, expanded), mine, 'a listing without a cursor is its first page');
    let rows = sql.rows;
    let answered = 1;
    for (let page = 2; page <= 4 && rows.length > req.limit; page++) {
      const last = rows[req.limit - 1]!;
      const next = { ...req, cursor: { sort: req.sort, keys: last.keys, id: last.id } };
      assert.ok(encodeCursor(next.cursor));
      rows = await listingStore.page(c.svc.db, next, expanded);
      const mineNext = index.page(next, expanded);
      if (!mineNext) break;
      assert.deepEqual(mineNext, rows, `page ${page} of ${JSON.stringify(req)}`);
      assert.deepEqual(index.list(next, expanded), { rows: mineNext }, 'a listing after a cursor is that page, without facets');
      answered++;
    }
    return answered;
  }

  it('gives the same pages, sort keys and facets for searches, filters and every sort', async () => {
    const queries = ['dress', 'shirt', 'red dress', 'the', 'the shirt', 'shrt', 'dres', 'jaket wol', 'blu', 'b', '42', 'cotton linen', 'zzzq', 'for the', 'xl slim fit'];
    const sorts: Sort[] = ['relevance', 'newest', 'price_asc', 'price_desc', 'rating'];
    let answered = 0;
    let asked = 0;
    for (const q of [...queries, '']) {
      for (const sort of sorts) {
        if (sort === 'relevance' && q === '') continue;
        for (const more of [{}, { category: 'men' }, { category: 'shoes', minPrice: 2000 }, { minPrice: 3000, maxPrice: 9000, limit: 5 }, { currency: 'EUR' }, { category: 'no-such' }]) {
          asked++;
          answered += (await same(request(q, { sort, ...more }))) > 0 ? 1 : 0;
        }
      }
    }
    // An empty listing of an unknown category is told from one of a known category without PostgreSQL.
    assert.equal(index.hasCategory('men'), true);
    assert.equal(index.hasCategory(womenId), true);
    assert.equal(index.hasCategory('no-such'), false);
    // Searches whose matches include a title the trigram port does not take (Café…) go to PostgreSQL; most do not.
    assert.ok(answered > asked * 0.8, `${answered} of ${asked} answered by the index`);
  });

  it('follows writes: a changed, unpublished, deleted or new product, a price, a category', async () => {
    const edit = async (id: string, body: Record<string, unknown>) => {
      const res = await c.editor('PATCH', `/products/${id}`, body);
      assert.equal(res.statusCode, 200, res.body);
    };
    const published = (await c.svc.db.query<{ id: string }>(`SELECT id FROM products WHERE status = 'published' ORDER BY created_at DESC, id DESC LIMIT 4`)).rows.map((x) => x.id);
    await edit(published[0]!, { title: 'Zephyr Tunic' });
    await edit(published[1]!, { status: 'archived' });
    const gone = published[2]!;
    assert.equal((await c.manager('DELETE', `/products/${gone}`, undefined, await c.ifMatch(gone))).statusCode, 204);
    await c.manager('POST', '/products', { slug: 'new-zephyr', title: 'Zephyr Dress', description: 'new', status: 'published', variants: [{ sku: 'NZ-1', prices: [{ amount: 4200, currency: 'USD' }] }] });
    assert.equal((await c.manager('PATCH', `/categories/${womenId}`, { name: 'Ladies' })).statusCode, 200);
    // The newest products (first on the listing below) changed: the index sees it once refreshed.
    await refreshed('g2');
    const zephyr = index.firstPage(request('zephyr'), await listingStore.expand(c.svc.db, ['zephyr']));
    assert.deepEqual(zephyr?.rows.map((x) => x.title).sort(), ['Zephyr Dress', 'Zephyr Tunic']);
    const all = index.firstPage(request('', { limit: 100 }), undefined)!;
    assert.ok(!all.rows.some((x) => x.id === gone || x.id === published[1]));
    assert.ok(all.facets.categories.some((x) => x.name === 'Ladies'));
    for (const q of ['zephyr', 'dress', '']) for (const sort of ['newest', 'price_asc'] as Sort[]) await same(request(q, { sort }));
    assert.equal(index.size, Number((await c.svc.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM products WHERE status = 'published'`)).rows[0]!.n));
  });

  it('does not answer past its maximum age, nor for a catalog larger than its bound', async () => {
    now += 30_000;
    await refreshed('g2');
    const small = new SearchIndex(c.svc.db, captureLogger().logger, { maxProducts: 10, maxAgeMs: 30_000 });
    assert.equal(small.current('g1'), false);
    await small.settled();
    assert.equal(small.current('g1'), false);
    assert.equal(small.size, 0);
  });
});

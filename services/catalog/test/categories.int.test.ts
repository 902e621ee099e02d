import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { productBody, startCatalog, type CatalogUnderTest } from './support.js';

interface Node {
  slug: string;
  name: string;
  position: number;
  productCount: number;
  children: Node[];
}
interface Category {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
  position: number;
  path: string[];
}

describe('catalog categories', { skip: skipUnless('postgres') }, () => {
  let c: CatalogUnderTest;
  const ids: Record<string, string> = {};
  const tree = async () => (await c.anonymous('GET', '/categories')).json<{ items: Node[] }>().items;
  const shape = (nodes: Node[]): unknown => nodes.map((n) => (n.children.length ? { [n.slug]: shape(n.children) } : n.slug));
  const create = async (name: string, parent?: string, extra: Record<string, unknown> = {}) => {
    const res = await c.manager('POST', '/categories', { name, ...(parent ? { parentId: parent } : {}), ...extra });
    assert.equal(res.statusCode, 201, res.body);
    const cat = res.json<Category>();
    ids[cat.slug] = cat.id;
    return cat;
  };

  before(async () => {
    c = await startCatalog();
  });
  after(async () => {
    await c?.stop();
  });

  it('builds a tree with slugs from names, siblings in order, and product counts including sub-categories', async () => {
    await create('Clothing');
    await create('Men', 'clothing');
    const women = await create('Women', 'clothing');
    await create('Shirts', 'men');
    await create('T-Shirts & Tops', 'men');
    await create('Home & Kitchen');
    assert.equal(women.parentId, ids.clothing);
    assert.deepEqual(women.path, [ids.clothing, women.id]);
    assert.equal(ids['t-shirts-tops'] !== undefined, true, 'slug derived from the name');
    await c.manager('POST', '/products', productBody({ slug: 'oxford', categories: ['shirts', 'home-kitchen'] }));
    await c.manager('POST', '/products', productBody({ slug: 'draft-shirt', status: 'draft', categories: ['shirts'] }));
    assert.deepEqual(shape(await tree()), [{ clothing: [{ men: ['shirts', 't-shirts-tops'] }, 'women'] }, 'home-kitchen']);
    const [clothing, home] = await tree();
    assert.equal(clothing!.productCount, 1, 'published products only, counted in every ancestor');
    assert.equal(clothing!.children[0]!.children[0]!.productCount, 1);
    assert.equal(home!.productCount, 1, 'a product can sit in several categories');
    assert.equal((await c.manager('POST', '/categories', { name: 'Again', slug: 'men' })).statusCode, 409);
    assert.equal((await c.manager('POST', '/categories', { name: 'Orphan', parentId: 'nope' })).statusCode, 400);
    assert.equal((await c.manager('POST', '/categories', { name: '' })).statusCode, 400);
    assert.equal((await c.manager('POST', '/categories', { name: 'X', colour: 'red' })).statusCode, 400);
    assert.equal((await c.customer('POST', '/categories', { name: 'X' })).statusCode, 403);
  });

  it('renames a category, and products show the new name (their ETag changes)', async () => {
    const before = await c.anonymous('GET', '/products/oxford');
    const res = await c.manager('PATCH', '/categories/shirts', { name: 'Dress Shirts' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json<Category>().slug, 'shirts', 'the slug stays unless changed');
    const after = await c.anonymous('GET', '/products/oxford');
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.ok(after.json<{ categories: Array<{ name: string }> }>().categories.some((x) => x.name === 'Dress Shirts'));
  });

  it('moves a category with its subtree, refuses cycles, and reorders siblings', async () => {
    // Men (with Shirts and T-Shirts) moves to the top level; the product filter follows.
    const moved = await c.manager('PATCH', '/categories/men', { parentId: null, position: 0 });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.deepEqual(moved.json<Category>().path, [ids.men]);
    assert.deepEqual(shape(await tree()), [{ men: ['shirts', 't-shirts-tops'] }, { clothing: ['women'] }, 'home-kitchen']);
    const shirt = (await c.anonymous('GET', '/categories/shirts')).json<Category>();
    assert.deepEqual(shirt.path, [ids.men, ids.shirts]);
    assert.equal((await c.anonymous('GET', '/products?category=clothing')).json<{ items: unknown[] }>().items.length, 0);
    assert.equal((await c.anonymous('GET', '/products?category=men')).json<{ items: unknown[] }>().items.length, 1);

    const cycle = await c.manager('PATCH', '/categories/men', { parentId: ids.shirts });
    assert.equal(cycle.statusCode, 409);
    assert.equal(cycle.json<{ code: string }>().code, 'category_cycle');
    assert.equal((await c.manager('PATCH', '/categories/men', { parentId: ids.men })).statusCode, 409);

    assert.equal((await c.manager('PATCH', '/categories/t-shirts-tops', { position: 0 })).statusCode, 200);
    assert.deepEqual((shape(await tree()) as unknown[])[0], { men: ['t-shirts-tops', 'shirts'] });
    assert.equal((await c.manager('PATCH', '/categories/home-kitchen', { position: 0 })).statusCode, 200);
    const top = await tree();
    assert.deepEqual(top.map((n) => [n.slug, n.position]), [['home-kitchen', 0], ['men', 1], ['clothing', 2]]);
  });

  it('deletes only an empty category, or one whose products and children are reassigned', async () => {
    const notEmpty = await c.manager('DELETE', '/categories/men');
    assert.equal(notEmpty.statusCode, 409);
    assert.equal(notEmpty.json<{ code: string; products: number; children: number }>().children, 2);
    assert.equal((await c.manager('DELETE', '/categories/shirts')).statusCode, 409, 'it has products');
    assert.equal((await c.manager('DELETE', '/categories/shirts?reassignTo=nope')).statusCode, 404);
    assert.equal((await c.manager('DELETE', '/categories/men?reassignTo=shirts')).statusCode, 409, 'not into its own subtree');

    assert.equal((await c.manager('DELETE', '/categories/shirts?reassignTo=women')).statusCode, 204);
    const oxford = (await c.anonymous('GET', '/products/oxford')).json<{ categories: Array<{ slug: string }> }>();
    assert.deepEqual(oxford.categories.map((x) => x.slug).sort(), ['home-kitchen', 'women']);
    // The listing's category facet counts the moved product under its new category, not the deleted one.
    type Listing = { items: Array<{ slug: string }>; facets: { categories: Array<{ slug: string; count: number }> } };
    const counts = Object.fromEntries((await c.anonymous('GET', '/products?limit=100')).json<Listing>().facets.categories.map((x) => [x.slug, x.count]));
    const inWomen = (await c.anonymous('GET', '/products?category=women&limit=100')).json<Listing>().items.map((x) => x.slug);
    assert.ok(inWomen.includes('oxford'));
    assert.equal(counts.women, inWomen.length);
    assert.equal(counts.shirts, undefined);
    assert.equal((await c.manager('DELETE', '/categories/men?reassignTo=clothing')).statusCode, 204);
    assert.deepEqual(shape(await tree()), ['home-kitchen', { clothing: ['t-shirts-tops', 'women'] }]);
    assert.equal((await c.manager('DELETE', '/categories/t-shirts-tops')).statusCode, 204, 'empty');
    assert.equal((await c.anonymous('GET', '/categories/t-shirts-tops')).statusCode, 404);
    assert.equal(await c.count('SELECT count(*) AS n FROM categories'), 3);
  });
});

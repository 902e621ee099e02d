import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { demoCategories, demoProducts } from '@mercato/demo-data';
import { noCache } from '../src/cache/read-cache.js';
import { seedDemoCatalog } from '../src/service.js';
import { startCatalog, type CatalogUnderTest } from './support.js';

describe('demo catalog seeding', { skip: skipUnless('postgres') }, () => {
  let c: CatalogUnderTest;
  before(async () => {
    c = await startCatalog();
  });
  after(async () => {
    await c?.stop();
  });

  it('seeds the demo shop once, even when two replicas start together', async () => {
    const deps = { db: c.svc.db, outbox: c.svc.outbox, cache: noCache, logger: c.svc.logger };
    const [a, b] = await Promise.all([seedDemoCatalog(deps), seedDemoCatalog(deps)]);
    assert.deepEqual([a.seeded, b.seeded].sort(), [false, true]);
    const expected = demoProducts().length;
    assert.ok(expected >= 150, 'about 200 products');
    assert.equal(await c.count('SELECT count(*) AS n FROM products'), expected);
    assert.equal(await c.count('SELECT count(*) AS n FROM categories'), demoCategories().length);
    assert.equal((await c.outbox('ProductCreated')).length, expected, 'inventory learns every SKU');
    assert.equal((await seedDemoCatalog(deps)).seeded, false);
    // A shop owner who deleted a demo product does not get it back on the next start.
    const one = (await c.svc.db.query<{ id: string }>('SELECT id FROM products LIMIT 1')).rows[0]!.id;
    assert.equal((await c.editor('DELETE', `/products/${one}`)).statusCode, 204);
    assert.equal((await seedDemoCatalog(deps)).seeded, false);
    assert.equal(await c.count('SELECT count(*) AS n FROM products'), expected - 1);
  });

  it('serves the demo shop: search, categories, currencies and its images', async () => {
    const page = (await c.anonymous('GET', '/products?q=blue+shirt&currency=EUR')).json<{ items: Array<{ title: string; image: { url: string }; price: unknown }> }>();
    assert.ok(page.items.length > 0);
    assert.match(page.items[0]!.title, /blue/i);
    assert.ok(page.items[0]!.price, 'priced in EUR');
    const yen = (await c.anonymous('GET', '/products?currency=JPY&sort=price_asc&limit=1')).json<{ items: Array<{ price: { min: { amount: number; currency: string } } }> }>();
    assert.equal(yen.items[0]!.price.min.currency, 'JPY');
    const tree = (await c.anonymous('GET', '/categories')).json<{ items: Array<{ productCount: number; children: unknown[] }> }>();
    assert.ok(tree.items.length >= 3 && tree.items.some((n) => n.children.length > 0 && n.productCount > 0));
    const url = page.items[0]!.image.url;
    assert.match(url, /^\/api\/v1\/media\/demo\/[a-z0-9-]+\.svg$/);
    const img = await c.anonymous('GET', url.replace('/api/v1', ''));
    assert.equal(img.statusCode, 200);
    assert.match(String(img.headers['content-type']), /^image\/svg\+xml/);
    assert.match(img.body, /^<svg/);
    assert.equal((await c.anonymous('GET', '/media/demo/nope.svg')).statusCode, 404);
    assert.equal((await c.anonymous('GET', '/media/demo/..%2Fetc%2Fpasswd')).statusCode, 400);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { createEvent, newId } from '@mercato/contracts';
import { productBody, startCatalog, type CatalogUnderTest } from './support.js';

interface ProductJson {
  id: string;
  slug: string;
  title: string;
  status: string;
  version: number;
  variants: Array<{ id: string; sku: string; options: Record<string, string>; prices: Array<{ amount: number; currency: string }> }>;
  categories: Array<{ id: string; slug: string; name: string }>;
  priceRanges: Array<{ min: { amount: number; currency: string }; max: { amount: number; currency: string } }>;
  rating: { average: number; count: number };
}
interface Problem {
  code: string;
  status: number;
  errors?: Array<{ pointer: string; message: string }>;
  rejected?: Array<{ row: number; lines?: number[]; slug: string | null; errors: Array<{ pointer: string; message: string }> }>;
}

describe('catalog: products, variants, prices', { skip: skipUnless('postgres') }, () => {
  let c: CatalogUnderTest;
  const products = () => c.count('SELECT count(*) AS n FROM products');
  const variants = () => c.count('SELECT count(*) AS n FROM variants');
  const prices = () => c.count('SELECT count(*) AS n FROM prices');
  const outboxRows = () => c.count('SELECT count(*) AS n FROM outbox');

  before(async () => {
    c = await startCatalog();
  });
  after(async () => {
    await c?.stop();
  });

  it('creates a product with variants and prices, in 0-, 2- and 3-decimal currencies, and emits ProductCreated', async () => {
    const res = await c.manager(
      'POST',
      '/products',
      productBody({
        slug: 'linen-shirt',
        title: 'Blue Linen Shirt',
        description: 'A breathable shirt for summer.',
        images: [{ url: '/api/v1/media/demo/linen-shirt-1.svg', alt: 'front' }],
        attributes: { material: 'linen' },
        seo: { title: 'Blue Linen Shirt | Shop' },
        variants: [
          { sku: 'LS-S', options: { Size: 'S' }, prices: [{ amount: 4999, currency: 'USD' }, { amount: 6980, currency: 'JPY' }, { amount: 15250, currency: 'KWD' }] },
          { sku: 'LS-M', options: { Size: 'M' }, prices: [{ amount: 5299, currency: 'USD' }] },
        ],
      }),
    );
    assert.equal(res.statusCode, 201, res.body);
    const p = res.json<ProductJson>();
    assert.match(p.id, /^prod_/);
    assert.equal(res.headers.etag, `"v${p.version}"`);
    assert.deepEqual(
      p.variants.map((v) => [v.sku, v.options, v.prices]),
      [
        ['LS-S', { Size: 'S' }, [{ amount: 6980, currency: 'JPY' }, { amount: 15250, currency: 'KWD' }, { amount: 4999, currency: 'USD' }]],
        ['LS-M', { Size: 'M' }, [{ amount: 5299, currency: 'USD' }]],
      ],
    );
    assert.deepEqual(p.priceRanges, [
      { min: { amount: 6980, currency: 'JPY' }, max: { amount: 6980, currency: 'JPY' } },
      { min: { amount: 15250, currency: 'KWD' }, max: { amount: 15250, currency: 'KWD' } },
      { min: { amount: 4999, currency: 'USD' }, max: { amount: 5299, currency: 'USD' } },
    ]);
    const events = await c.outbox('ProductCreated');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.subject, p.id);
    assert.deepEqual(events[0]!.data, {
      productId: p.id,
      slug: 'linen-shirt',
      title: 'Blue Linen Shirt',
      status: 'published',
      variants: p.variants.map((v) => ({ variantId: v.id, sku: v.sku, prices: v.prices })),
    });
    // By slug and by id, anonymously.
    assert.equal((await c.anonymous('GET', '/products/linen-shirt')).json<ProductJson>().id, p.id);
    assert.equal((await c.anonymous('GET', `/products/${p.id}`)).json<ProductJson>().slug, 'linen-shirt');
  });

  it('refuses every invalid write with a 4xx and writes nothing', async () => {
    const before = [await products(), await variants(), await prices(), await outboxRows()];
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['unknown currency', productBody({ variants: [{ sku: 'X-1', options: { Size: 'S' }, prices: [{ amount: 100, currency: 'XYZ' }] }] }), 400, '/variants/0/prices/0/currency'],
      ['lower-case currency', productBody({ variants: [{ sku: 'X-1', options: { Size: 'S' }, prices: [{ amount: 100, currency: 'usd' }] }] }), 400, '/variants/0/prices/0/currency'],
      ['negative price', productBody({ variants: [{ sku: 'X-1', options: { Size: 'S' }, prices: [{ amount: -1, currency: 'USD' }] }] }), 400, '/variants/0/prices/0/amount'],
      ['fractional price', productBody({ variants: [{ sku: 'X-1', options: { Size: 'S' }, prices: [{ amount: 9.99, currency: 'USD' }] }] }), 400, '/variants/0/prices/0/amount'],
      ['two prices in one currency', productBody({ variants: [{ sku: 'X-1', options: { Size: 'S' }, prices: [{ amount: 1, currency: 'USD' }, { amount: 2, currency: 'USD' }] }] }), 400, '/variants/0/prices/1/currency'],
      ['unknown field', productBody({ colour: 'red' }), 400, '/colour'],
      ['unknown variant field', productBody({ variants: [{ sku: 'X-1', options: { Size: 'S' }, prices: [], stock: 5 }] }), 400, '/variants/0/stock'],
      ['bad slug', productBody({ slug: 'Not A Slug' }), 400, '/slug'],
      ['option value not offered', productBody({ variants: [{ sku: 'X-1', options: { Size: 'XL' }, prices: [] }] }), 400, '/variants/0/options/Size'],
      ['missing option value', productBody({ variants: [{ sku: 'X-1', prices: [] }] }), 400, '/variants/0/options'],
      ['same combination twice', productBody({ variants: [{ sku: 'X-1', options: { Size: 'S' }, prices: [] }, { sku: 'X-2', options: { Size: 'S' }, prices: [] }] }), 400, '/variants/1/options'],
      ['same SKU twice in a product', productBody({ variants: [{ sku: 'X-1', options: { Size: 'S' }, prices: [] }, { sku: 'X-1', options: { Size: 'M' }, prices: [] }] }), 400, '/variants/1/sku'],
      ['no variants', productBody({ variants: [] }), 400, '/variants'],
      ['unknown category', productBody({ categories: ['no-such-category'] }), 400, '/categories/0'],
      ['bad status', productBody({ status: 'live' }), 400, '/status'],
      ['too long title', productBody({ title: 'x'.repeat(301) }), 400, '/title'],
    ];
    for (const [what, body, status, pointer] of cases) {
      const res = await c.manager('POST', '/products', body);
      assert.equal(res.statusCode, status, `${what}: ${res.body}`);
      assert.ok(res.json<Problem>().errors?.some((e) => e.pointer === pointer), `${what}: expected an error at ${pointer}, got ${res.body}`);
    }
    const dupSlug = await c.manager('POST', '/products', productBody({ slug: 'linen-shirt' }));
    assert.equal(dupSlug.statusCode, 409);
    assert.equal(dupSlug.json<Problem>().code, 'slug_taken');
    const dupSku = await c.manager('POST', '/products', productBody({ variants: [{ sku: 'LS-S', options: { Size: 'S' }, prices: [] }] }));
    assert.equal(dupSku.statusCode, 409);
    assert.equal(dupSku.json<Problem>().code, 'sku_taken');
    assert.equal((await c.call(['catalog_manager'], 'POST', '/products', '{"title":', { 'content-type': 'application/json' })).statusCode, 400);
    assert.deepEqual([await products(), await variants(), await prices(), await outboxRows()], before, 'nothing written');
  });

  it('lets only catalog managers and admins write: customers get 403, anonymous 401', async () => {
    const before = [await products(), await outboxRows()];
    const id = (await c.anonymous('GET', '/products/linen-shirt')).json<ProductJson>().id;
    const writes: Array<[string, string, unknown]> = [
      ['POST', '/products', productBody()],
      ['PATCH', `/products/${id}`, { title: 'Hacked' }],
      ['DELETE', `/products/${id}`, undefined],
      ['POST', `/products/${id}/variants`, { sku: 'H-1', options: { Size: 'S' }, prices: [] }],
      ['PUT', `/products/${id}/variants/var_x/prices/USD`, { amount: 1 }],
      ['POST', '/products/import', { products: [productBody()] }],
      ['POST', '/categories', { name: 'Hacked' }],
    ];
    for (const [method, url, body] of writes) {
      assert.equal((await c.customer(method, url, body)).statusCode, 403, `customer ${method} ${url}`);
      assert.equal((await c.anonymous(method, url, body)).statusCode, 401, `anonymous ${method} ${url}`);
    }
    assert.equal((await c.call(['support'], 'PATCH', `/products/${id}`, { title: 'Hacked' })).statusCode, 403);
    assert.deepEqual([await products(), await outboxRows()], before);
    const admin = await c.admin('PATCH', `/products/${id}`, { description: 'Breathable linen.' }, await c.ifMatch(id));
    assert.equal(admin.statusCode, 200);
  });

  it('guards writes with If-Match: a stale ETag gets 412 and changes nothing', async () => {
    const read = await c.anonymous('GET', '/products/linen-shirt');
    const etag = String(read.headers.etag);
    const p = read.json<ProductJson>();
    const ok = await c.manager('PATCH', `/products/${p.id}`, { title: 'Blue Linen Shirt (new)' }, { 'if-match': etag });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json<ProductJson>().version, p.version + 1);
    assert.notEqual(ok.headers.etag, etag);
    const updatesBefore = (await c.outbox('ProductUpdated')).length;
    const stale = await c.manager('PATCH', `/products/${p.id}`, { title: 'Lost update' }, { 'if-match': etag });
    assert.equal(stale.statusCode, 412);
    assert.equal(stale.json<Problem>().code, 'precondition_failed');
    const staleDelete = await c.manager('DELETE', `/products/${p.id}`, undefined, { 'if-match': etag });
    assert.equal(staleDelete.statusCode, 412);
    assert.equal((await c.anonymous('GET', `/products/${p.id}`)).json<ProductJson>().title, 'Blue Linen Shirt (new)');
    assert.equal((await c.outbox('ProductUpdated')).length, updatesBefore);
  });

  it('refuses every product, variant and price write without If-Match with 428, changing nothing', async () => {
    const p = (await c.anonymous('GET', '/products/linen-shirt')).json<ProductJson>();
    const v = p.variants[0]!.id;
    const before = [(await c.anonymous('GET', `/products/${p.id}`)).body, (await c.outbox('ProductUpdated')).length, (await c.outbox('ProductDeleted')).length];
    const writes: Array<[string, string, unknown]> = [
      ['PATCH', `/products/${p.id}`, { title: 'Overwritten' }],
      ['DELETE', `/products/${p.id}`, undefined],
      ['POST', `/products/${p.id}/variants`, { sku: 'LS-XL', options: { Size: 'S' }, prices: [] }],
      ['PATCH', `/products/${p.id}/variants/${v}`, { title: 'Overwritten' }],
      ['DELETE', `/products/${p.id}/variants/${v}`, undefined],
      ['PUT', `/products/${p.id}/variants/${v}/prices/USD`, { amount: 1 }],
      ['DELETE', `/products/${p.id}/variants/${v}/prices/USD`, undefined],
    ];
    for (const [method, url, body] of writes) {
      const res = await c.manager(method, url, body);
      assert.equal(res.statusCode, 428, `${method} ${url}`);
      assert.equal(res.json<Problem>().code, 'precondition_required', `${method} ${url}`);
      assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    }
    assert.deepEqual([(await c.anonymous('GET', `/products/${p.id}`)).body, (await c.outbox('ProductUpdated')).length, (await c.outbox('ProductDeleted')).length], before);
    // `*` is an explicit "whatever it is now".
    assert.equal((await c.manager('PATCH', `/products/${p.id}`, { title: p.title }, { 'if-match': '*' })).statusCode, 200);
  });

  it('adds, changes and deletes variants and prices, with ProductUpdated and PriceChanged', async () => {
    const p = (await c.anonymous('GET', '/products/linen-shirt')).json<ProductJson>();
    const added = await c.editor('POST', `/products/${p.id}/variants`, { sku: 'LS-L', options: { Size: 'L' }, prices: [{ amount: 5599, currency: 'USD' }] });
    assert.equal(added.statusCode, 400, 'L is not one of the Size values yet');
    assert.equal((await c.editor('PATCH', `/products/${p.id}`, { options: [{ name: 'Size', values: ['S', 'M', 'L'] }] })).statusCode, 200);
    const ok = await c.editor('POST', `/products/${p.id}/variants`, { sku: 'LS-L', options: { Size: 'L' }, prices: [{ amount: 5599, currency: 'USD' }] });
    assert.equal(ok.statusCode, 201, ok.body);
    const large = ok.json<ProductJson>().variants.find((v) => v.sku === 'LS-L')!;
    const dup = await c.editor('POST', `/products/${p.id}/variants`, { sku: 'LS-S', options: { Size: 'L' }, prices: [] });
    assert.equal(dup.statusCode, 400);

    const before = (await c.outbox('PriceChanged')).length;
    const priced = await c.editor('PUT', `/products/${p.id}/variants/${large.id}/prices/USD`, { amount: 5899 });
    assert.equal(priced.statusCode, 200, priced.body);
    const changes = (await c.outbox('PriceChanged')).slice(before);
    assert.deepEqual(changes.map((e) => e.data), [
      { productId: p.id, variantId: large.id, sku: 'LS-L', price: { amount: 5899, currency: 'USD' }, previous: { amount: 5599, currency: 'USD' } },
    ]);
    assert.equal((await c.editor('PUT', `/products/${p.id}/variants/${large.id}/prices/XYZ`, { amount: 1 })).statusCode, 400);
    assert.equal((await c.editor('PUT', `/products/${p.id}/variants/${large.id}/prices/USD`, { amount: -5 })).statusCode, 400);
    assert.equal((await c.editor('PUT', `/products/${p.id}/variants/var_01NOPE/prices/USD`, { amount: 5 })).statusCode, 404);

    const removed = await c.editor('DELETE', `/products/${p.id}/variants/${large.id}/prices/USD`);
    assert.equal(removed.statusCode, 200);
    assert.deepEqual((await c.outbox('PriceChanged')).at(-1)!.data.price, null);
    const renamed = await c.editor('PATCH', `/products/${p.id}/variants/${large.id}`, { sku: 'LS-LARGE', prices: [{ amount: 100, currency: 'EUR' }] });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.deepEqual(renamed.json<ProductJson>().variants.find((v) => v.id === large.id)!.prices, [{ amount: 100, currency: 'EUR' }]);
    const deleted = await c.editor('DELETE', `/products/${p.id}/variants/${large.id}`);
    assert.equal(deleted.statusCode, 200);
    assert.deepEqual(deleted.json<ProductJson>().variants.map((v) => v.sku), ['LS-S', 'LS-M']);
    const last = (await c.outbox('ProductUpdated')).at(-1)!;
    assert.deepEqual((last.data.variants as Array<{ sku: string }>).map((v) => v.sku), ['LS-S', 'LS-M']);
  });

  it('hides drafts from the public, shows them to managers, and deletes with ProductDeleted', async () => {
    const draft = (await c.manager('POST', '/products', productBody({ slug: 'secret-draft', status: 'draft' }))).json<ProductJson>();
    assert.equal((await c.anonymous('GET', '/products/secret-draft')).statusCode, 404);
    assert.equal((await c.customer('GET', '/products/secret-draft')).statusCode, 404);
    const seen = await c.manager('GET', '/products/secret-draft');
    assert.equal(seen.statusCode, 200);
    assert.equal(seen.headers['cache-control'], 'private, no-store');
    assert.equal((await c.anonymous('GET', '/products?status=draft')).statusCode, 400);
    assert.deepEqual((await c.manager('GET', '/products?status=draft')).json<{ items: Array<{ slug: string }> }>().items.map((i) => i.slug), ['secret-draft']);

    const del = await c.editor('DELETE', `/products/${draft.id}`);
    assert.equal(del.statusCode, 204);
    assert.deepEqual((await c.outbox('ProductDeleted')).at(-1)!.data, { productId: draft.id, skus: draft.variants.map((v) => v.sku) });
    assert.equal((await c.manager('GET', `/products/${draft.id}`)).statusCode, 404);
    assert.equal(await c.count('SELECT count(*) AS n FROM variants WHERE product_id = $1', [draft.id]), 0);
  });

  it('sends ETag and Cache-Control on anonymous reads, 304 on If-None-Match, and serves fresh data after a write', async () => {
    const first = await c.anonymous('GET', '/products/linen-shirt');
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers['cache-control']), /^public, max-age=\d+$/);
    const etag = String(first.headers.etag);
    const again = await c.anonymous('GET', '/products/linen-shirt');
    assert.equal(again.headers['x-cache'], 'hit');
    assert.equal(again.body, first.body);
    const notModified = await c.anonymous('GET', '/products/linen-shirt', undefined, { 'if-none-match': etag });
    assert.equal(notModified.statusCode, 304, notModified.body);
    assert.equal(notModified.body, '');
    const list = await c.anonymous('GET', '/products?q=linen');
    const listEtag = String(list.headers.etag);
    assert.equal((await c.anonymous('GET', '/products?q=linen', undefined, { 'if-none-match': `W/${listEtag}` })).statusCode, 304);

    const id = first.json<ProductJson>().id;
    assert.equal((await c.editor('PATCH', `/products/${id}`, { title: 'Sky Linen Shirt' })).statusCode, 200);
    const fresh = await c.anonymous('GET', '/products/linen-shirt', undefined, { 'if-none-match': etag });
    assert.equal(fresh.statusCode, 200, 'the old ETag no longer matches');
    assert.equal(fresh.headers['x-cache'], 'miss');
    assert.equal(fresh.json<ProductJson>().title, 'Sky Linen Shirt');
    const freshList = await c.anonymous('GET', '/products?q=linen', undefined, { 'if-none-match': listEtag });
    assert.equal(freshList.statusCode, 200);
    assert.equal(freshList.json<{ items: Array<{ title: string }> }>().items[0]!.title, 'Sky Linen Shirt');
  });

  it('keeps the rating from ReviewSummaryChanged, once, and sorts by it', async () => {
    const shirt = (await c.anonymous('GET', '/products/linen-shirt')).json<ProductJson>();
    const other = (await c.manager('POST', '/products', productBody({ slug: 'rated-tee', title: 'Rated Tee' }))).json<ProductJson>();
    const summary = (productId: string, ratingAverage: number, ratingCount: number) =>
      createEvent('ReviewSummaryChanged', { productId, ratingAverage, ratingCount }, { source: 'review', subject: productId });
    const e = summary(other.id, 4.5, 12);
    await c.bus.publish([e, summary(shirt.id, 3.2, 5)]);
    await c.bus.publish([e]);
    const rated = (await c.anonymous('GET', '/products/rated-tee')).json<ProductJson>();
    assert.deepEqual(rated.rating, { average: 4.5, count: 12 });
    assert.equal(rated.version, other.version + 1, 'a redelivered summary changes nothing more');
    const sorted = (await c.anonymous('GET', '/products?sort=rating')).json<{ items: Array<{ slug: string; rating: { average: number } }> }>();
    assert.deepEqual(sorted.items.slice(0, 2).map((i) => i.slug), ['rated-tee', 'linen-shirt']);
    // For a product that is gone: handled, nothing parked.
    await c.bus.publish([summary(newId('prod'), 5, 1)]);
    assert.equal(await c.count('SELECT count(*) AS n FROM event_failures'), 0);
  });

  it('imports JSON all or nothing, reporting every rejected row', async () => {
    const before = [await products(), await outboxRows()];
    const bad = await c.manager('POST', '/products/import', {
      products: [
        productBody({ slug: 'imp-ok-1' }),
        productBody({ slug: 'imp-bad-currency', variants: [{ sku: 'IMP-BAD-1', options: { Size: 'S' }, prices: [{ amount: 5, currency: 'ABC' }] }] }),
        productBody({ slug: 'imp-ok-1' }),
        productBody({ slug: 'linen-shirt' }),
        { title: 'No variants' },
        productBody({ slug: 'imp-sku-taken', variants: [{ sku: 'LS-S', options: { Size: 'S' }, prices: [] }] }),
      ],
    });
    assert.equal(bad.statusCode, 422, bad.body);
    const problem = bad.json<Problem>();
    assert.equal(problem.code, 'import_rejected');
    assert.deepEqual(problem.rejected!.map((r) => r.row), [2, 3, 4, 5, 6]);
    assert.match(problem.rejected![0]!.errors[0]!.message, /ABC is not an ISO 4217 currency/);
    assert.match(problem.rejected![1]!.errors.map((e) => e.message).join(), /also used by row 1/);
    assert.match(problem.rejected![2]!.errors[0]!.message, /already exists/);
    assert.equal(problem.rejected![3]!.errors[0]!.pointer, '/variants');
    assert.match(problem.rejected![4]!.errors[0]!.message, /SKU LS-S already belongs/);
    assert.deepEqual([await products(), await outboxRows()], before, 'nothing half-imported');

    const good = await c.manager('POST', '/products/import', { products: [productBody({ slug: 'imp-a' }), productBody({ slug: 'imp-b' })] });
    assert.equal(good.statusCode, 201, good.body);
    assert.equal(good.json<{ imported: number }>().imported, 2);
    assert.equal(await products(), (before[0] as number) + 2);
    assert.equal((await c.outbox('ProductCreated')).filter((e) => ['imp-a', 'imp-b'].includes(String(e.data.slug))).length, 2);
  });

  it('imports CSV (one row per variant), with line numbers for rejected rows', async () => {
    const csv = [
      'slug,title,status,option1_name,option1_value,sku,price:USD,price:JPY,attr:material',
      'csv-tee,CSV Tee,published,Size,S,CSV-TEE-S,19.99,2980,cotton',
      'csv-tee,,,,M,CSV-TEE-M,21.50,3180,',
      'csv-mug,CSV Mug,published,,,CSV-MUG,12,1800,stoneware',
    ].join('\n');
    const res = await c.manager('POST', '/products/import', csv);
    assert.equal(res.statusCode, 201, res.body);
    const tee = (await c.anonymous('GET', '/products/csv-tee')).json<ProductJson>();
    assert.deepEqual(tee.variants.map((v) => [v.sku, v.prices]), [
      ['CSV-TEE-S', [{ amount: 2980, currency: 'JPY' }, { amount: 1999, currency: 'USD' }]],
      ['CSV-TEE-M', [{ amount: 3180, currency: 'JPY' }, { amount: 2150, currency: 'USD' }]],
    ]);

    const bad = ['slug,title,sku,price:USD,price:JPY', 'csv-x,X,CSV-X,1.999,100', 'csv-y,Y,CSV-Y,2.00,10.5', 'csv-z,Z,CSV-Z,3.00,300'].join('\r\n');
    const rejected = await c.manager('POST', '/products/import', bad);
    assert.equal(rejected.statusCode, 422);
    assert.deepEqual(rejected.json<Problem>().rejected!.map((r) => r.lines), [[2], [3]]);
    assert.equal((await c.anonymous('GET', '/products/csv-z')).statusCode, 404, 'the good row was not imported either');

    // A dry run reports the same rows with 200 and writes nothing, even when every row is good.
    const before = [await products(), await outboxRows()];
    const dry = await c.manager('POST', '/products/import?dryRun=true', bad);
    assert.equal(dry.statusCode, 200, dry.body);
    const report = dry.json<{ dryRun: boolean; total: number; valid: number; rejected: NonNullable<Problem['rejected']> }>();
    assert.deepEqual([report.dryRun, report.total, report.valid], [true, 3, 1]);
    assert.deepEqual(report.rejected.map((r) => [r.lines, r.slug]), [[[2], 'csv-x'], [[3], 'csv-y']]);
    assert.match(report.rejected[0]!.errors[0]!.message, /line 2: USD has 2 decimal places/);
    const clean = await c.manager('POST', '/products/import?dryRun=true', ['slug,title,sku,price:USD', 'csv-dry,Dry,CSV-DRY,1.00'].join('\n'));
    assert.deepEqual(clean.json<{ valid: number; rejected: unknown[] }>(), { dryRun: true, total: 1, valid: 1, rejected: [] });
    assert.deepEqual([await products(), await outboxRows()], before, 'a dry run writes nothing');
    assert.equal((await c.anonymous('GET', '/products/csv-dry')).statusCode, 404);
    assert.equal((await c.manager('POST', '/products/import', 'slug,title,sku,colour\nx,X,X,red')).statusCode, 400);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeXml } from './images.js';
import { demoCategories, demoImageSvg, demoProducts, demoStock, type DemoProduct } from './index.js';
import { createRandom } from './random.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SKU = /^[A-Z0-9][A-Z0-9-]*$/;
const URL_PREFIX = '/api/v1/media/demo/';

const products = demoProducts();
const variants = products.flatMap((p) => p.variants);
const imageName = (url: string): string => url.slice(URL_PREFIX.length, -'.svg'.length);

describe('determinism', () => {
  it('returns deep-equal data on every call', () => {
    assert.deepEqual(demoProducts(), products);
    assert.deepEqual(demoCategories(), demoCategories());
    assert.deepEqual(demoStock(), demoStock());
    const name = imageName(products[7]!.images[0]!.url);
    assert.equal(demoImageSvg(name), demoImageSvg(name));
  });

  it('hands out copies, so a caller mutating its result does not change the next call', () => {
    const mine = demoProducts();
    mine[0]!.title = 'Changed';
    mine[0]!.variants[0]!.prices[0]!.amount = -1;
    mine.pop();
    assert.deepEqual(demoProducts(), products);
  });

  it('uses a seeded generator: same seed, same sequence; another seed, another sequence', () => {
    const a = createRandom('seed');
    const b = createRandom('seed');
    const c = createRandom('other');
    const seq = (r: typeof a) => Array.from({ length: 20 }, () => r.int(0, 1_000_000));
    const first = seq(a);
    assert.deepEqual(first, seq(b));
    assert.notDeepEqual(first, seq(c));
  });
});

describe('categories', () => {
  const categories = demoCategories();
  const slugs = categories.map((c) => c.slug);

  it('is a tree of 20-30 categories, 2-3 levels deep, parents first', () => {
    assert.ok(categories.length >= 20 && categories.length <= 30, `${categories.length} categories`);
    assert.equal(new Set(slugs).size, slugs.length, 'duplicate category slug');
    const seen = new Map<string, number>();
    for (const c of categories) {
      assert.match(c.slug, SLUG);
      assert.ok(c.name.length > 0);
      const depth = c.parent === null ? 1 : (seen.get(c.parent) ?? Number.NaN) + 1;
      assert.ok(!Number.isNaN(depth), `${c.slug}: parent ${c.parent} missing or after its child`);
      assert.ok(depth <= 3, `${c.slug} is ${depth} levels deep`);
      seen.set(c.slug, depth);
    }
    assert.equal(Math.max(...seen.values()), 3);
  });

  it('every category a product references exists', () => {
    const known = new Set(slugs);
    for (const p of products) for (const c of p.categories) assert.ok(known.has(c), `${p.slug}: unknown category ${c}`);
  });
});

describe('products', () => {
  it('has about 200 products and 1,000-1,500 variants', () => {
    assert.ok(products.length >= 180 && products.length <= 220, `${products.length} products`);
    assert.ok(variants.length >= 1000 && variants.length <= 1500, `${variants.length} variants`);
  });

  it('slugs are unique, well-formed and at most 200 characters', () => {
    assert.equal(new Set(products.map((p) => p.slug)).size, products.length);
    for (const p of products) {
      assert.match(p.slug, SLUG);
      assert.ok(p.slug.length <= 200);
    }
  });

  it('SKUs are unique across the set, well-formed and at most 40 characters', () => {
    assert.equal(new Set(variants.map((v) => v.sku)).size, variants.length);
    for (const v of variants) {
      assert.match(v.sku, SKU);
      assert.ok(v.sku.length <= 40, v.sku);
    }
  });

  it('every field is within its bounds', () => {
    for (const p of products) {
      const where = p.slug;
      assert.equal(p.status, 'published');
      assert.ok(p.title.length >= 1 && p.title.length <= 300, where);
      assert.ok(p.description.length >= 1 && p.description.length <= 5000, where);
      assert.ok(p.description.split('. ').length >= 3, `${where}: description is too thin`);
      assert.ok(p.categories.length >= 1 && p.categories.length <= 3, where);
      assert.equal(new Set(p.categories).size, p.categories.length, where);
      assert.ok(p.images.length >= 1 && p.images.length <= 4, where);
      const attrs = Object.entries(p.attributes);
      assert.ok(attrs.length >= 2 && attrs.length <= 6, `${where}: ${attrs.length} attributes`);
      for (const [k, v] of attrs) assert.ok(k.length >= 1 && k.length <= 64 && v.length >= 1 && v.length <= 200, `${where}: ${k}`);
      assert.ok(p.seo.title.length >= 1 && p.seo.title.length <= 70, where);
      assert.ok(p.seo.description.length >= 1 && p.seo.description.length <= 160, where);
      assert.ok(p.options.length <= 3, where);
      for (const o of p.options) {
        assert.ok(o.name.length >= 1 && o.name.length <= 50, where);
        assert.ok(o.values.length >= 1 && o.values.length <= 12, `${where}: ${o.name}`);
        assert.equal(new Set(o.values).size, o.values.length, `${where}: repeated ${o.name} value`);
        for (const v of o.values) assert.ok(v.length >= 1 && v.length <= 50, where);
      }
      assert.equal(new Set(p.options.map((o) => o.name)).size, p.options.length, `${where}: repeated option`);
      assert.ok(p.variants.length >= 1 && p.variants.length <= 40, where);
    }
  });

  it('every variant has exactly one value per option, from its values, and no two share a combination', () => {
    for (const p of products) {
      if (p.options.length === 0) {
        assert.equal(p.variants.length, 1, `${p.slug}: no options but ${p.variants.length} variants`);
        assert.deepEqual(p.variants[0]!.options, {});
        continue;
      }
      const combos = new Set<string>();
      for (const v of p.variants) {
        assert.deepEqual(Object.keys(v.options).sort(), p.options.map((o) => o.name).sort(), `${v.sku}: option names`);
        for (const o of p.options) assert.ok(o.values.includes(v.options[o.name]!), `${v.sku}: ${o.name}=${v.options[o.name]}`);
        const key = JSON.stringify(p.options.map((o) => v.options[o.name]));
        assert.ok(!combos.has(key), `${p.slug}: combination ${key} twice`);
        combos.add(key);
      }
      for (const o of p.options) {
        for (const value of o.values) assert.ok(p.variants.some((v) => v.options[o.name] === value), `${p.slug}: ${o.name} ${value} is never sold`);
      }
    }
  });

  it('mixes option shapes: two options, one option and none', () => {
    const shapes = new Set(products.map((p) => p.options.length));
    assert.deepEqual([...shapes].sort(), [0, 1, 2]);
  });

  it('every variant is priced in USD, EUR and JPY with positive integer minor units', () => {
    for (const v of variants) {
      const currencies = v.prices.map((p) => p.currency).sort();
      assert.deepEqual(currencies, ['EUR', 'JPY', 'USD'], v.sku);
      for (const price of v.prices) assert.ok(Number.isInteger(price.amount) && price.amount > 0, `${v.sku}: ${price.currency} ${price.amount}`);
      const usd = v.prices.find((p) => p.currency === 'USD')!.amount;
      const eur = v.prices.find((p) => p.currency === 'EUR')!.amount;
      const jpy = v.prices.find((p) => p.currency === 'JPY')!.amount;
      assert.ok(Math.abs(eur - usd * 0.92) <= 100, `${v.sku}: EUR ${eur} vs USD ${usd}`);
      assert.ok(Math.abs(jpy - usd * 1.5) <= 100, `${v.sku}: JPY ${jpy} vs USD ${usd}`);
    }
  });

  it('has the titles the search demos rely on', () => {
    const titles = new Set(products.map((p) => p.title));
    for (const t of ['Blue Linen Shirt', 'Navy Blue Shirt', 'Red Shirt', 'Blue Shorts', 'White Sneakers']) assert.ok(titles.has(t), t);
  });
});

describe('stock', () => {
  const stock = demoStock();

  it('covers every SKU exactly once, and nothing else', () => {
    const skus = variants.map((v) => v.sku).sort();
    assert.deepEqual(stock.map((s) => s.sku).sort(), skus);
  });

  it('is mostly 5-150, with about 5% sold out and about 5% low', () => {
    for (const s of stock) assert.ok(Number.isInteger(s.onHand) && s.onHand >= 0 && s.onHand <= 150, `${s.sku}: ${s.onHand}`);
    const zero = stock.filter((s) => s.onHand === 0).length / stock.length;
    const low = stock.filter((s) => s.onHand >= 1 && s.onHand <= 3).length / stock.length;
    assert.ok(zero >= 0.02 && zero <= 0.09, `sold out ${zero}`);
    assert.ok(low >= 0.02 && low <= 0.09, `low ${low}`);
    assert.ok(stock.every((s) => s.onHand <= 3 || s.onHand >= 5));
  });
});

describe('images', () => {
  const all = products.flatMap((p) => p.images.map((img) => ({ product: p, ...img })));

  it('every image URL resolves to an SVG of at most 3 KB', () => {
    assert.equal(new Set(all.map((i) => i.url)).size, all.length, 'image URLs repeat');
    for (const img of all) {
      assert.ok(img.url.startsWith(URL_PREFIX) && img.url.endsWith('.svg'), img.url);
      assert.match(imageName(img.url), SLUG, img.url);
      assert.ok(imageName(img.url).startsWith(`${img.product.slug}-`), img.url);
      assert.ok(img.alt.startsWith(img.product.title), img.alt);
      const svg = demoImageSvg(imageName(img.url));
      assert.ok(svg !== undefined, `${img.url} does not resolve`);
      assert.ok(svg.startsWith('<svg'), img.url);
      assert.ok(svg.includes('viewBox="0 0 800 800"'), img.url);
      assert.ok(svg.endsWith('</svg>'), img.url);
      assert.ok(Buffer.byteLength(svg, 'utf8') <= 3072, `${img.url}: ${Buffer.byteLength(svg, 'utf8')} bytes`);
    }
  });

  it('images of one product differ', () => {
    for (const p of products.filter((x) => x.images.length > 1)) {
      const svgs = p.images.map((i) => demoImageSvg(imageName(i.url)));
      assert.equal(new Set(svgs).size, svgs.length, p.slug);
    }
  });

  it('returns undefined, without throwing, for any name that is not a demo image', () => {
    const valid = imageName(products[0]!.images[0]!.url);
    const bad: unknown[] = [
      '', 'nope', '../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '/etc/passwd', `${valid}.svg`, `${valid}/`, `../${valid}`,
      valid.toUpperCase(), `${products[0]!.slug}-9`, products[0]!.slug, '__proto__', 'constructor', 'toString', 'hasOwnProperty',
      'a'.repeat(100_000), '\u0000', undefined, null, 42, {}, [valid],
    ];
    for (const name of bad) assert.equal(demoImageSvg(name as string), undefined, JSON.stringify(name)?.slice(0, 40));
  });

  it('XML-escapes the title', () => {
    assert.equal(escapeXml(`<script>"Tom" & 'Jerry'</script>`), '&lt;script&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/script&gt;');
    const escaped = (p: DemoProduct): string => demoImageSvg(imageName(p.images[0]!.url))!;
    const amp = products.find((p) => p.title.includes('&'));
    const apos = products.find((p) => p.title.includes("'"));
    assert.ok(amp && apos, 'the demo set should include titles with & and an apostrophe');
    for (const p of [amp, apos]) {
      const svg = escaped(p);
      assert.doesNotMatch(svg, /&(?!amp;|lt;|gt;|quot;|apos;)/, `${p.slug}: raw &`);
      assert.ok(!svg.includes(p.title), `${p.slug}: raw title in SVG`);
    }
    assert.ok(escaped(amp).includes('Salt &amp; Pepper'));
    assert.ok(escaped(apos).includes('&apos;'));
  });
});

describe('demo reviews', () => {
  it('are a few hundred, the same on every call, mostly good, each tied to a demo product', async () => {
    const { allDemoReviews, demoReviews, demoProducts } = await import('./index.js');
    const all = allDemoReviews();
    assert.ok(all.length >= 300 && all.length <= 900, String(all.length));
    assert.deepEqual(allDemoReviews(), all);
    const slugs = new Set(demoProducts().map((p) => p.slug));
    assert.ok(all.every((r) => slugs.has(r.productSlug) && r.rating >= 1 && r.rating <= 5 && r.title.length <= 120 && r.body.length <= 5000));
    assert.equal(new Set(all.map((r) => r.key)).size, all.length);
    const good = all.filter((r) => r.rating >= 4).length / all.length;
    assert.ok(good > 0.6 && good < 0.95, String(good));
    assert.deepEqual(demoReviews('__proto__'), []);
    assert.deepEqual(demoReviews(all[0]!.productSlug), all.filter((r) => r.productSlug === all[0]!.productSlug));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ifMatchHolds, ifNoneMatchHolds, productEtag, requireIfMatch } from './etag.js';
import { priceRanges, productRuleErrors, slugify } from './product.js';
import { priceChanges } from './product-events.js';
import type { Product } from './product.js';

const sizes = [{ name: 'Size', values: ['S', 'M'] }];

describe('product rules', () => {
  it('accepts a consistent product', () => {
    assert.deepEqual(
      productRuleErrors({
        options: sizes,
        variants: [
          { sku: 'A', options: { Size: 'S' }, prices: [{ amount: 100, currency: 'USD' }, { amount: 15000, currency: 'JPY' }] },
          { sku: 'B', options: { Size: 'M' }, prices: [{ amount: 1250, currency: 'KWD' }] },
        ],
      }),
      [],
    );
    assert.deepEqual(productRuleErrors({ variants: [{ sku: 'A', prices: [] }] }), []);
  });

  it('names every broken rule with a pointer', () => {
    const errors = productRuleErrors({
      options: [...sizes, { name: 'size', values: ['X', 'x'] }],
      variants: [
        { sku: 'A', options: { Size: 'L', Colour: 'Red' }, prices: [{ amount: 1, currency: 'EUR' }, { amount: 2, currency: 'EUR' }, { amount: 3, currency: 'ABC' }] },
        { sku: 'A', options: { Size: 'L', Colour: 'Red' }, prices: [] },
      ],
    });
    const pointers = errors.map((e) => e.pointer);
    for (const p of ['/options/1/name', '/options/1/values/1', '/variants/0/options/Colour', '/variants/0/options/Size', '/variants/0/options', '/variants/0/prices/1/currency', '/variants/0/prices/2/currency', '/variants/1/sku', '/variants/1/options']) {
      assert.ok(pointers.includes(p), `expected ${p} in ${pointers.join(' ')}`);
    }
    assert.deepEqual(productRuleErrors({ variants: [{ sku: 'A', prices: [] }, { sku: 'B', prices: [] }] }).map((e) => e.pointer), ['/variants']);
    assert.equal(productRuleErrors({ options: [{ name: 'a/b', values: ['1'] }], variants: [{ sku: 'A', options: { 'a/b': '2' }, prices: [] }] })[0]!.pointer, '/variants/0/options/a~1b');
  });

  it('computes price ranges and slugs', () => {
    assert.deepEqual(priceRanges([{ prices: [{ amount: 5, currency: 'USD' }] }, { prices: [{ amount: 3, currency: 'USD' }, { amount: 9, currency: 'EUR' }] }]), {
      USD: { min: 3, max: 5 },
      EUR: { min: 9, max: 9 },
    });
    assert.equal(slugify('  Crème Brûlée Set — 2 pcs!'), 'creme-brulee-set-2-pcs');
    assert.equal(slugify('!!!'), '');
  });

  it('emits one PriceChanged per changed price, added or removed', () => {
    const base = { id: 'prod_1', variants: [{ id: 'var_1', sku: 'A', title: null, options: {}, prices: [{ amount: 100, currency: 'USD' }, { amount: 90, currency: 'EUR' }] }] } as unknown as Product;
    const after = { ...base, variants: [{ ...base.variants[0]!, prices: [{ amount: 120, currency: 'USD' }, { amount: 15000, currency: 'JPY' }] }] } as Product;
    assert.deepEqual(priceChanges(base, after), [
      { productId: 'prod_1', variantId: 'var_1', sku: 'A', price: null, previous: { amount: 90, currency: 'EUR' } },
      { productId: 'prod_1', variantId: 'var_1', sku: 'A', price: { amount: 15000, currency: 'JPY' }, previous: null },
      { productId: 'prod_1', variantId: 'var_1', sku: 'A', price: { amount: 120, currency: 'USD' }, previous: { amount: 100, currency: 'USD' } },
    ]);
    assert.deepEqual(priceChanges(base, base), []);
  });

  it('matches If-Match strongly and If-None-Match weakly', () => {
    const etag = productEtag(3);
    assert.equal(etag, '"v3"');
    assert.throws(() => requireIfMatch(undefined), (e: unknown) => (e as { status: number; type: string }).status === 428 && (e as { type: string }).type === 'precondition_required');
    assert.throws(() => requireIfMatch('  '), /If-Match/);
    assert.equal(requireIfMatch('"v3"'), '"v3"');
    assert.equal(ifMatchHolds('"v3"', etag), true);
    assert.equal(ifMatchHolds('"v2", "v3"', etag), true);
    assert.equal(ifMatchHolds('*', etag), true);
    assert.equal(ifMatchHolds('"v2"', etag), false);
    assert.equal(ifMatchHolds('W/"v3"', etag), false, 'weak validators never match If-Match');
    assert.equal(ifNoneMatchHolds('W/"v3"', etag), true);
    assert.equal(ifNoneMatchHolds('"x", "v3"', etag), true);
    assert.equal(ifNoneMatchHolds('"v2"', etag), false);
    assert.equal(ifNoneMatchHolds(undefined, etag), false);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPriceChanged, applyProductDeleted, applyProductFacts, priceIn, type ProductFacts, type ProductState, type SkuState } from './catalog-projection.js';

const P = 'prd_01J00000000000000000000000';
const V1 = 'var_01J00000000000000000000001';
const V2 = 'var_01J00000000000000000000002';
const T1 = '2026-01-01T00:01:00.000Z';
const T2 = '2026-01-01T00:02:00.000Z';
const T3 = '2026-01-01T00:03:00.000Z';
const fresh: ProductState = { productId: P, factsAt: null, deleted: false };
const facts = (over: Partial<ProductFacts> = {}): ProductFacts => ({
  productId: P,
  slug: 'tee',
  title: 'Tee',
  status: 'published',
  variants: [
    { variantId: V1, sku: 'A', prices: [{ amount: 100, currency: 'USD' }, { amount: 90, currency: 'EUR' }] },
    { variantId: V2, sku: 'B', prices: [{ amount: 200, currency: 'USD' }] },
  ],
  ...over,
});

describe('catalog projection', () => {
  it('takes a product\'s SKUs and prices from its first event', () => {
    const next = applyProductFacts(fresh, [], facts(), T1)!;
    assert.equal(next.product.factsAt, T1);
    assert.deepEqual(next.skus.map((s) => [s.sku, s.status, priceIn(s, 'USD'), priceIn(s, 'EUR')]), [
      ['A', 'published', 100, 90],
      ['B', 'published', 200, null],
    ]);
  });

  it('ignores an event no newer than the facts it holds', () => {
    const first = applyProductFacts(fresh, [], facts(), T2)!;
    assert.equal(applyProductFacts(first.product, first.skus, facts({ title: 'Older' }), T1), null);
    assert.equal(applyProductFacts(first.product, first.skus, facts(), T2), null);
  });

  it('removes a variant the product no longer has, and a currency it no longer prices', () => {
    const first = applyProductFacts(fresh, [], facts(), T1)!;
    const next = applyProductFacts(first.product, first.skus, facts({ variants: [{ variantId: V1, sku: 'A', prices: [{ amount: 110, currency: 'USD' }] }] }), T2)!;
    const by = new Map(next.skus.map((s) => [s.sku, s]));
    assert.equal(by.get('B')!.status, 'removed');
    assert.equal(priceIn(by.get('A')!, 'USD'), 110);
    assert.equal(priceIn(by.get('A')!, 'EUR'), null);
  });

  it('keeps a newer price over an older product update, per currency', () => {
    const first = applyProductFacts(fresh, [], facts(), T1)!;
    const a = first.skus.find((s) => s.sku === 'A')!;
    const priced = applyPriceChanged(a, { productId: P, variantId: V1, sku: 'A', currency: 'USD', amount: 150 }, T3)!;
    const next = applyProductFacts(first.product, [priced, first.skus[1]!], facts({ title: 'Renamed' }), T2)!;
    const after = next.skus.find((s) => s.sku === 'A')!;
    assert.equal(after.title, 'Renamed');
    assert.equal(priceIn(after, 'USD'), 150);
    assert.equal(priceIn(after, 'EUR'), 90);
    assert.equal(applyPriceChanged(priced, { productId: P, variantId: V1, sku: 'A', currency: 'USD', amount: 120 }, T2), null);
  });

  it('keeps a price seen before its product as pending', () => {
    const pending = applyPriceChanged(undefined, { productId: P, variantId: V1, sku: 'A', currency: 'USD', amount: 130 }, T2)!;
    assert.equal(pending.status, 'pending');
    const next = applyProductFacts(fresh, [pending], facts(), T1)!;
    const a: SkuState = next.skus.find((s) => s.sku === 'A')!;
    assert.equal(a.status, 'published');
    assert.equal(priceIn(a, 'USD'), 130);
  });

  it('removes every SKU on deletion and stays deleted against older updates', () => {
    const first = applyProductFacts(fresh, [], facts(), T1)!;
    const gone = applyProductDeleted(first.product, first.skus, T3)!;
    assert.deepEqual(gone.skus.map((s) => s.status), ['removed', 'removed']);
    assert.equal(applyProductFacts(gone.product, gone.skus, facts(), T2), null);
    assert.equal(applyProductDeleted(gone.product, gone.skus, T2), null);
  });
});

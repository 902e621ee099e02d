import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cartTotals, divideHalfUp, lineTax, type TotalsConfig } from './cart-totals.js';

const config = (over: Partial<TotalsConfig> = {}): TotalsConfig => ({
  shippingRates: { US: { USD: 499 }, '*': { USD: 1499, EUR: 1299, JPY: 1500 } },
  freeShippingOver: { USD: 10_000 },
  taxRates: { US: 0, DE: 0.19, JP: 0.1, '*': 0 },
  pricesIncludeTax: false,
  ...over,
});

describe('cart totals', () => {
  it('rounds half up', () => {
    assert.equal(divideHalfUp(5n, 10n), 1n);
    assert.equal(divideHalfUp(4n, 10n), 0n);
    assert.equal(divideHalfUp(15n, 10n), 2n);
    assert.equal(divideHalfUp(149n, 100n), 1n);
  });

  it('taxes each line half-up, exclusive and inclusive', () => {
    // 1050 × 0.19 = 199.5 → 200
    assert.equal(lineTax(1050, 0.19, false), 200);
    // 1049 × 0.19 = 199.31 → 199
    assert.equal(lineTax(1049, 0.19, false), 199);
    // 1190 inclusive of 19 %: 1190 × 0.19 / 1.19 = 190
    assert.equal(lineTax(1190, 0.19, true), 190);
    // 1000 inclusive: 159.66… → 160
    assert.equal(lineTax(1000, 0.19, true), 160);
    assert.equal(lineTax(1000, 0, false), 0);
  });

  it('totals USD with tax added on top', () => {
    const t = cartTotals([{ quantity: 3, unitPrice: 1050 }, { quantity: 1, unitPrice: 999 }], 'USD', 'DE', config());
    // lines 3150 and 999; tax 598.5 → 599 and 189.81 → 190
    assert.deepEqual(t, { subtotal: 4149, shipping: 1499, tax: 789, total: 4149 + 1499 + 789, taxRate: 0.19, pricesIncludeTax: false });
  });

  it('totals with tax-inclusive prices without adding the tax again', () => {
    const t = cartTotals([{ quantity: 2, unitPrice: 1190 }], 'EUR', 'DE', config({ pricesIncludeTax: true }));
    assert.deepEqual(t, { subtotal: 2380, shipping: 1299, tax: 380, total: 2380 + 1299, taxRate: 0.19, pricesIncludeTax: true });
  });

  it('totals a zero-decimal currency (JPY) to the yen', () => {
    const ex = cartTotals([{ quantity: 3, unitPrice: 1234 }], 'JPY', 'JP', config());
    // 3702 × 0.1 = 370.2 → 370
    assert.deepEqual(ex, { subtotal: 3702, shipping: 1500, tax: 370, total: 3702 + 1500 + 370, taxRate: 0.1, pricesIncludeTax: false });
    const inc = cartTotals([{ quantity: 1, unitPrice: 1005 }], 'JPY', 'JP', config({ pricesIncludeTax: true }));
    // 1005 × 0.1 / 1.1 = 91.36 → 91
    assert.equal(inc.tax, 91);
    assert.equal(inc.total, 1005 + 1500);
  });

  it('ships by country, falls back to *, is free over the threshold and for an empty cart', () => {
    assert.equal(cartTotals([{ quantity: 1, unitPrice: 100 }], 'USD', 'US', config()).shipping, 499);
    assert.equal(cartTotals([{ quantity: 1, unitPrice: 100 }], 'USD', 'FR', config()).shipping, 1499);
    assert.equal(cartTotals([{ quantity: 1, unitPrice: 10_000 }], 'USD', 'FR', config()).shipping, 0);
    assert.equal(cartTotals([], 'USD', 'FR', config()).shipping, 0);
    assert.equal(cartTotals([{ quantity: 1, unitPrice: 100 }], 'GBP', 'FR', config()).shipping, null);
  });

  it('leaves shipping and tax open until a country is known, and skips unavailable lines', () => {
    const t = cartTotals([{ quantity: 2, unitPrice: 500 }, { quantity: 5, unitPrice: null }], 'USD', null, config());
    assert.deepEqual(t, { subtotal: 1000, shipping: null, tax: null, total: 1000, taxRate: null, pricesIncludeTax: false });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currencyCodes, currencyExponent, formatMinor, isCurrency } from './currencies.js';

describe('currencies', () => {
  it('knows zero-, two- and three-decimal currencies', () => {
    assert.equal(currencyExponent('JPY'), 0);
    assert.equal(currencyExponent('USD'), 2);
    assert.equal(currencyExponent('KWD'), 3);
    assert.equal(isCurrency('EUR'), true);
    assert.equal(isCurrency('XYZ'), false);
    assert.equal(isCurrency('usd'), false);
    assert.equal(isCurrency('__proto__'), false);
    assert.throws(() => currencyExponent('ABC'), /unknown currency ABC/);
    assert.ok(currencyCodes().length > 150);
  });

  it('formats minor units exactly', () => {
    assert.equal(formatMinor(1999, 'USD'), '19.99');
    assert.equal(formatMinor(5, 'USD'), '0.05');
    assert.equal(formatMinor(1999, 'JPY'), '1999');
    assert.equal(formatMinor(1999, 'KWD'), '1.999');
    assert.equal(formatMinor(-150, 'EUR'), '-1.50');
    assert.equal(formatMinor(0, 'BHD'), '0.000');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor, priceBandEdges, searchTerms, tsQueryText } from './search-terms.js';

describe('search terms', () => {
  it('splits a query into distinct lower-case words', () => {
    assert.deepEqual(searchTerms('  Blu  SHRT! blu'), ['blu', 'shrt']);
    assert.deepEqual(searchTerms("men's t-shirt"), ['men', 's', 't', 'shirt']);
    assert.deepEqual(searchTerms('Café crème'), ['café', 'crème']);
    assert.deepEqual(searchTerms(''), []);
    assert.deepEqual(searchTerms('!!!'), []);
    assert.equal(searchTerms('a b c d e f g h i j').length, 8);
  });

  it('builds a prefix query with close words as alternatives', () => {
    const terms = [
      { term: 'blu', near: ['blue', 'blush'] },
      { term: 'shrt', near: ['shirt', 'short'] },
    ];
    assert.equal(tsQueryText(terms), "('blu':* | 'blue' | 'blush') & ('shrt':* | 'shirt' | 'short')");
    assert.equal(tsQueryText(terms, 'prefix'), "'blu':* & 'shrt':*");
    assert.equal(tsQueryText(terms, 'exact'), "'blu' & 'shrt'");
    assert.equal(tsQueryText([{ term: "o'neil", near: [] }]), "'o''neil':*");
  });

  it('scales price bands to the currency', () => {
    assert.deepEqual(priceBandEdges('USD'), [2500, 5000, 10000, 25000, 50000, 100000]);
    assert.deepEqual(priceBandEdges('JPY'), [2500, 5000, 10000, 25000, 50000, 100000]);
    assert.deepEqual(priceBandEdges('KWD'), [25000, 50000, 100000, 250000, 500000, 1000000]);
  });

  it('round-trips cursors and refuses foreign ones', () => {
    const c = { sort: 'price_asc', keys: [1999], id: 'prod_01ABC' };
    assert.deepEqual(decodeCursor(encodeCursor(c), 'price_asc', 1), c);
    assert.equal(decodeCursor(encodeCursor(c), 'newest', 1), null);
    assert.equal(decodeCursor(encodeCursor(c), 'price_asc', 2), null);
    assert.equal(decodeCursor('not-a-cursor', 'price_asc', 1), null);
    assert.equal(decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 'price_asc', 1), null);
    assert.equal(decodeCursor(encodeCursor({ sort: 'rating', keys: [{} as unknown as number, 1], id: 'x' }), 'rating', 2), null);
  });
});

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
    const id = 'prod_01JAAAAAAAAAAAAAAAAAAAAAAA';
    const c = { sort: 'price_asc', keys: [1999], id };
    assert.deepEqual(decodeCursor(encodeCursor(c), 'price_asc', ['bigint']), c);
    assert.equal(decodeCursor(encodeCursor(c), 'newest', ['timestamp']), null);
    assert.equal(decodeCursor(encodeCursor(c), 'price_asc', ['bigint', 'int']), null);
    assert.equal(decodeCursor('not-a-cursor', 'price_asc', ['bigint']), null);
    assert.equal(decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 'price_asc', ['bigint']), null);
    assert.equal(decodeCursor(encodeCursor({ sort: 'rating', keys: [{} as unknown as number, 1], id }), 'rating', ['float', 'int']), null);
    const newest = { sort: 'newest', keys: ['2026-01-02T03:04:05.123456Z'], id };
    assert.deepEqual(decodeCursor(encodeCursor(newest), 'newest', ['timestamp']), newest);
  });

  it('refuses cursors whose keys do not fit the casts of their sort', () => {
    const id = 'prod_01JAAAAAAAAAAAAAAAAAAAAAAA';
    const forged: [string, unknown[], string, string[]][] = [
      ['price_asc', ['abc'], id, ['bigint']],
      ['price_desc', [19.99], id, ['bigint']],
      ['price_asc', [1e300], id, ['bigint']],
      ['newest', ['yesterday'], id, ['timestamp']],
      ['newest', [1700000000], id, ['timestamp']],
      ['relevance', ['0.5'], id, ['float']],
      ['rating', [4.5, 2 ** 40], id, ['float', 'int']],
      ['price_asc', [100], 'prod_\u0000x', ['bigint']],
      ['price_asc', [100], "x' OR 1=1 --", ['bigint']],
    ];
    for (const [sort, keys, cid, kinds] of forged) {
      const text = Buffer.from(JSON.stringify([sort, keys, cid])).toString('base64url');
      assert.equal(decodeCursor(text, sort, kinds as never), null, JSON.stringify([sort, keys, cid]));
    }
  });
});

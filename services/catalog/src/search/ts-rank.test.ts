import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addOrTerm, endOrRank, orTerms, parseTsQuery, parseTsVector, ranksAsOr, tsMatch, tsRank, type RankWeights, type TsQuery } from './ts-rank.js';

// Expected values are PostgreSQL 15's `ts_rank('{0.05, 0.2, 0.4, 1.0}', vec, q)::text` (the
// search's weights), read back as float4.
const f4 = Math.fround;
const SEARCH_WEIGHTS: RankWeights = [0.05, 0.2, 0.4, 1.0];
const DEFAULT_WEIGHTS: RankWeights = [0.1, 0.2, 0.4, 1.0];
const VECTOR = parseTsVector("'blue':4B 'dress':1A,5B,9C 'dressi':2A 'red':3A,7B 'shirt':8C");

function query(text: string): TsQuery {
  const q = parseTsQuery(text);
  assert.ok(q, text);
  return q;
}

describe('parseTsVector', () => {
  it('reads lexemes, positions and weights as PostgreSQL prints them', () => {
    const v = parseTsVector("'a\\\\b':2 'dress':1A,5B,9C 'o''neil':3 'red'");
    assert.deepEqual(v.lexemes, ['a\\b', 'dress', "o'neil", 'red']);
    assert.deepEqual([...v.offsets], [0, 1, 4, 5, 5]);
    assert.deepEqual([...v.positions], [2, (3 << 14) | 1, (2 << 14) | 5, (1 << 14) | 9, 3]);
    assert.deepEqual(parseTsVector('').lexemes, []);
  });

  it('refuses what PostgreSQL would not print', () => {
    assert.throws(() => parseTsVector("'red' 'dress'"), SyntaxError);
    assert.throws(() => parseTsVector("'red':0"), SyntaxError);
    assert.throws(() => parseTsVector("'red"), SyntaxError);
  });
});

describe('parseTsQuery', () => {
  it('lays the items out as PostgreSQL does: operator, right operand, left operand', () => {
    assert.deepEqual(query("( 'dress':* | 'dre' ) & !'red':*AB").items, [
      { kind: 'and', left: 3 },
      { kind: 'not' },
      { kind: 'operand', lexeme: 'red', prefix: true, weights: 12 },
      { kind: 'or', left: 2 },
      { kind: 'operand', lexeme: 'dre', prefix: false, weights: 0 },
      { kind: 'operand', lexeme: 'dress', prefix: true, weights: 0 },
    ]);
    assert.deepEqual(query("'a' | 'b' & 'c'").items.map((i) => i.kind), ['or', 'and', 'operand', 'operand', 'operand']);
  });

  it('gives the empty query for the empty text and null for phrase operators', () => {
    assert.deepEqual(query('').items, []);
    assert.equal(parseTsQuery("'o' <-> 'neil'"), null);
    assert.equal(parseTsQuery("'a' & ( 'b' <2> 'c' )"), null);
    assert.throws(() => parseTsQuery("'a' &"), SyntaxError);
    assert.throws(() => parseTsQuery("( 'a'"), SyntaxError);
  });
});

describe('tsMatch', () => {
  it('matches exact and prefix operands, weights, AND, OR and NOT', () => {
    assert.equal(tsMatch(VECTOR, query("'dress'")), true);
    assert.equal(tsMatch(VECTOR, query("'dre'")), false);
    assert.equal(tsMatch(VECTOR, query("'dre':*")), true);
    assert.equal(tsMatch(VECTOR, query("'blue':A")), false);
    assert.equal(tsMatch(VECTOR, query("'blue':*B & !'shirt'")), false);
    assert.equal(tsMatch(VECTOR, query("'green' | 'red':C")), false);
    assert.equal(tsMatch(VECTOR, query("!( 'green' | 'red':C )")), true);
  });

  it('never matches the empty query; a lexeme without positions has every weight', () => {
    assert.equal(tsMatch(VECTOR, query('')), false);
    assert.equal(tsMatch(parseTsVector(''), query("!'red'")), true);
    assert.equal(tsMatch(parseTsVector("'red'"), query("'red':A")), true);
  });
});

describe('tsRank', () => {
  it('ranks as PostgreSQL does', () => {
    assert.equal(tsRank(SEARCH_WEIGHTS, VECTOR, query("'dress'")), f4(0.6822294));
    assert.equal(tsRank(SEARCH_WEIGHTS, VECTOR, query("'dress':*")), f4(1.2901565));
    assert.equal(tsRank(SEARCH_WEIGHTS, VECTOR, query("'red' & 'dress'")), f4(0.9992961));
    assert.equal(tsRank(SEARCH_WEIGHTS, VECTOR, query("( 'dress':* | 'dre' ) & 'red':*")), f4(0.99622124));
    assert.equal(tsRank(SEARCH_WEIGHTS, VECTOR, query("'dress' | 'shirt'")), f4(0.4019074));
    assert.equal(tsRank(SEARCH_WEIGHTS, VECTOR, query("'blue':B & !'shirt'")), f4(0.26938787));
  });

  it('keeps one of two equal operands, the first once sorted, with its prefix flag', () => {
    assert.equal(tsRank(SEARCH_WEIGHTS, VECTOR, query("'dress' & 'dress':*")), f4(1.2901565));
    assert.equal(tsRank(SEARCH_WEIGHTS, VECTOR, query("'dress':* & 'dress'")), f4(0.6822294));
  });

  it('gives 1e-20 to an AND without pairs and 0 to an empty vector or query', () => {
    assert.equal(tsRank(SEARCH_WEIGHTS, VECTOR, query("'shirt' & 'nothing'")), f4(1e-20));
    assert.equal(tsRank(DEFAULT_WEIGHTS, parseTsVector("'a' 'b'"), query("'a' | 'b'")), f4(0.06079271));
    assert.equal(tsRank(DEFAULT_WEIGHTS, parseTsVector("'a' 'b'"), query("'a' & 'b'")), f4(1e-16));
    assert.equal(tsRank(SEARCH_WEIGHTS, parseTsVector(''), query("'red'")), 0);
    assert.equal(tsRank(SEARCH_WEIGHTS, VECTOR, query('')), 0);
  });

  it("gives an OR query's rank from the terms of the lexemes its operands select, summed in order", () => {
    const q = query("'dress':* | 'red' | 'shirt'");
    assert.equal(ranksAsOr(q), true);
    assert.equal(ranksAsOr(query("'red' & 'dress'")), false);
    assert.equal(ranksAsOr(query("'red' & 'red'")), true);
    // VECTOR's lexemes: blue, dress, dressi, red, shirt; the operands select dress and dressi, red, shirt.
    const terms = orTerms(SEARCH_WEIGHTS, VECTOR);
    let sum = 0;
    for (const e of [1, 2, 3, 4]) sum = addOrTerm(sum, terms[e]!);
    assert.equal(endOrRank(sum, q), tsRank(SEARCH_WEIGHTS, VECTOR, q));
    // Terms of other weights give that weights' rank.
    const flat: RankWeights = [0.1, 0.1, 0.1, 0.1];
    const flatTerms = orTerms(flat, VECTOR);
    sum = 0;
    for (const e of [1, 2, 3, 4]) sum = addOrTerm(sum, flatTerms[e]!);
    assert.equal(endOrRank(sum, q), tsRank(flat, VECTOR, q));
    assert.notEqual(tsRank(flat, VECTOR, q), tsRank(SEARCH_WEIGHTS, VECTOR, q));
  });

  it('refuses a weight above 1', () => {
    assert.throws(() => tsRank([0.1, 0.2, 0.4, 1.5], VECTOR, query("'red'")), RangeError);
  });
});

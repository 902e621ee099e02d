import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareQuery, trigramExact, trigramsOf, wordSimilarity } from './trigram.js';

// Expected values are PostgreSQL 15's `word_similarity(query, text)::text`, read back as float4.
const f4 = Math.fround;

describe('wordSimilarity', () => {
  it('matches pg_trgm on hand-checked pairs', () => {
    assert.equal(wordSimilarity('word', 'two words'), f4(0.8));
    assert.equal(wordSimilarity('blu shrt 42', 'blue shirt, size 42'), f4(0.42857143));
    assert.equal(wordSimilarity('shrt', 'short-sleeve shirt'), f4(0.4));
    assert.equal(wordSimilarity('cotton tee', 'organic cotton t-shirt (white)'), f4(0.72727275));
    assert.equal(wordSimilarity('red', 'bored redder'), 1);
    assert.equal(wordSimilarity('ab ab ab', 'xab ab'), 1);
  });

  it('ignores case and punctuation, and gives 0 when either side has no word', () => {
    assert.equal(wordSimilarity('Hello', 'HELLO world'), 1);
    assert.equal(wordSimilarity('a', 'a'), 1);
    assert.equal(wordSimilarity('abc', ''), 0);
    assert.equal(wordSimilarity('', 'abc'), 0);
    assert.equal(wordSimilarity('x', '!!!'), 0);
  });

  it('scores one prepared query against several texts as a fresh one scores each', () => {
    const query = prepareQuery('blu shrt 42');
    assert.equal(query.similarityOf(trigramsOf('blue shirt, size 42')), wordSimilarity('blu shrt 42', 'blue shirt, size 42'));
    assert.equal(query.similarityOf(trigramsOf('shrt')), wordSimilarity('blu shrt 42', 'shrt'));
    assert.equal(query.similarityOf(trigramsOf('blue shirt, size 42')), f4(0.42857143));
  });
});

describe('trigramExact', () => {
  it('holds for ASCII without a capital I', () => {
    assert.equal(trigramExact('blue shirt, size 42 (men\'s) & co.'), true);
    assert.equal(trigramExact(''), true);
    assert.equal(trigramExact('INDIGO'), false, 'Turkish locales lower-case I to a dotless ı');
    assert.equal(trigramExact('café'), false);
  });
});

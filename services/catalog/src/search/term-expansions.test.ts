import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TermExpansions } from './term-expansions.js';

/** A term's query pieces, as the expansion statement writes them. */
const piecesOf = (term: string) => ({ fuzzy: `'${term}':*`, prefix: `'${term}':*`, exact: `'${term}'` });

describe('term expansions kept between searches', () => {
  it('answers only under the generation an expansion was kept under', () => {
    const kept = new TermExpansions(10);
    const queries = { fuzzy: "'jaket':* | 'jacket'", prefix: "'jaket':*", exact: "'jaket'" };
    kept.set('jaket', '7', { near: ['jacket'], queries });
    assert.deepEqual(kept.get('jaket', '7'), { near: ['jacket'], queries, generation: '7' });
    assert.equal(kept.get('jaket', '8'), undefined, 'a later generation (a catalog write since) reads the words again');
    assert.equal(kept.get('jacket', '7'), undefined);
    kept.set('jaket', '8', { near: ['jacket', 'jackets'], queries: piecesOf('jaket') });
    assert.deepEqual(kept.get('jaket', '8')?.near, ['jacket', 'jackets']);
    assert.equal(kept.get('jaket', '7'), undefined, 'one expansion per term: the newer one');
  });

  it('keeps at most its size, the least recently used leaving first', () => {
    const kept = new TermExpansions(2);
    kept.set('a', '1', { near: [], queries: piecesOf('a') });
    kept.set('b', '1', { near: ['bb'], queries: piecesOf('b') });
    assert.ok(kept.get('a', '1'), 'a is now the most recently used');
    kept.set('c', '1', { near: ['cc'], queries: piecesOf('c') });
    assert.equal(kept.size, 2);
    assert.equal(kept.get('b', '1'), undefined);
    assert.ok(kept.get('a', '1'));
    assert.ok(kept.get('c', '1'));
    const none = new TermExpansions(0);
    none.set('a', '1', { near: [], queries: piecesOf('a') });
    assert.equal(none.size, 0);
    assert.equal(none.get('a', '1'), undefined);
  });
});

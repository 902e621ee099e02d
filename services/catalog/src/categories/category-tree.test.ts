import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTree, placeAt, wouldCycle } from './category-tree.js';

describe('category tree', () => {
  const row = (id: string, parentId: string | null, position: number, ancestors: string[]) => ({ id, parentId, slug: id, name: id.toUpperCase(), position, ancestors });

  it('nests rows and orders siblings by position then name', () => {
    const tree = buildTree([row('b', 'a', 1, ['a', 'b']), row('a', null, 0, ['a']), row('c', 'a', 0, ['a', 'c']), row('d', null, 0, ['d'])], new Map([['a', 3]]));
    assert.deepEqual(
      tree.map((n) => [n.id, n.productCount, n.children.map((k) => k.id)]),
      [
        ['a', 3, ['c', 'b']],
        ['d', 0, []],
      ],
    );
  });

  it('detects cycles and places an id among its siblings', () => {
    assert.equal(wouldCycle('a', { ancestors: ['a', 'b'] }), true);
    assert.equal(wouldCycle('a', { ancestors: ['x', 'b'] }), false);
    assert.equal(wouldCycle('a', null), false);
    assert.deepEqual(placeAt(['a', 'b', 'c'], 'c', 0), ['c', 'a', 'b']);
    assert.deepEqual(placeAt(['a', 'b', 'c'], 'a', 99), ['b', 'c', 'a']);
    assert.deepEqual(placeAt(['a', 'b'], 'n', 1), ['a', 'n', 'b']);
  });
});

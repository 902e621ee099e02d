import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StockRow } from '../stock/allocation.js';
import type { SkuRecord } from '../stock/stock.store.js';
import { LastSeenStock } from './last-seen-stock.js';

const record = (sku: string, threshold = 0): SkuRecord => ({ sku, productId: 'prd_1', threshold, discontinued: false });
const row = (sku: string, warehouseId: string, onHand: number, reserved = 0): StockRow => ({ sku, warehouseId, priority: 100, onHand, reserved });
const skus = (...list: SkuRecord[]) => new Map(list.map((s) => [s.sku, s]));

describe('the stock rows last seen', () => {
  it('gives every SKU asked with its rows, or nothing when one of them was never seen', () => {
    const seen = new LastSeenStock();
    seen.remember(skus(record('A', 5), record('B')), [row('A', 'w1', 10, 2), row('B', 'w1', 3), row('A', 'w2', 4), row('C', 'w1', 9)]);
    const both = seen.get(['A', 'B'])!;
    assert.deepEqual([...both.skus.keys()], ['A', 'B']);
    assert.equal(both.skus.get('A')!.threshold, 5);
    assert.deepEqual(both.rows, [row('A', 'w1', 10, 2), row('A', 'w2', 4), row('B', 'w1', 3)]);
    // C's row came without its SKU's record: not kept.
    assert.equal(seen.get(['A', 'C']), undefined);
    assert.equal(seen.size, 2);
  });

  it('replaces what a SKU had with what was seen last, rows that went away included', () => {
    const seen = new LastSeenStock();
    seen.remember(skus(record('A')), [row('A', 'w1', 10), row('A', 'w2', 4)]);
    seen.remember(skus(record('A', 3)), [row('A', 'w1', 10, 7)]);
    assert.deepEqual(seen.get(['A'])!.rows, [row('A', 'w1', 10, 7)]);
    assert.equal(seen.get(['A'])!.skus.get('A')!.threshold, 3);
    // A SKU seen with no stock row at all is known to have none.
    seen.remember(skus(record('Z')), []);
    assert.deepEqual(seen.get(['Z'])!.rows, []);
  });

  it('forgets the SKUs seen least recently past its bound', () => {
    const seen = new LastSeenStock(2);
    seen.remember(skus(record('A')), [row('A', 'w1', 1)]);
    seen.remember(skus(record('B')), [row('B', 'w1', 1)]);
    seen.remember(skus(record('A')), [row('A', 'w1', 2)]);
    seen.remember(skus(record('C')), [row('C', 'w1', 1)]);
    assert.equal(seen.size, 2);
    assert.equal(seen.get(['B']), undefined);
    assert.deepEqual(seen.get(['A'])!.rows, [row('A', 'w1', 2)]);
    assert.ok(seen.get(['C']));
  });
});

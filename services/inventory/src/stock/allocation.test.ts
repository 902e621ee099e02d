import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allocate, applyChanges, availableBySku, commitChanges, lowStockCrossings, mergeLines, releaseChanges, reservationChanges, restockChanges, type StockRow } from './allocation.js';

const row = (sku: string, warehouseId: string, priority: number, onHand: number, reserved = 0): StockRow => ({ sku, warehouseId, priority, onHand, reserved });

describe('allocation across warehouses', () => {
  it('draws from warehouses by priority, splitting a line when one does not hold enough', () => {
    const rows = [row('A', 'whs_b', 20, 10), row('A', 'whs_a', 10, 3, 1), row('B', 'whs_b', 20, 4)];
    assert.deepEqual(allocate([{ sku: 'A', quantity: 5 }, { sku: 'B', quantity: 4 }], rows), {
      ok: true,
      lines: [
        { sku: 'A', quantity: 5, allocations: [{ warehouseId: 'whs_a', quantity: 2 }, { warehouseId: 'whs_b', quantity: 3 }] },
        { sku: 'B', quantity: 4, allocations: [{ warehouseId: 'whs_b', quantity: 4 }] },
      ],
    });
  });

  it('breaks priority ties by warehouse id, and skips warehouses with nothing available', () => {
    const rows = [row('A', 'whs_2', 5, 2), row('A', 'whs_1', 5, 1), row('A', 'whs_0', 1, 4, 4)];
    assert.deepEqual(allocate([{ sku: 'A', quantity: 3 }], rows), {
      ok: true,
      lines: [{ sku: 'A', quantity: 3, allocations: [{ warehouseId: 'whs_1', quantity: 1 }, { warehouseId: 'whs_2', quantity: 2 }] }],
    });
  });

  it('is all or nothing: any short line rejects the order and names every short line', () => {
    const rows = [row('A', 'w', 1, 10), row('B', 'w', 1, 1)];
    assert.deepEqual(allocate([{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 2 }, { sku: 'C', quantity: 1 }], rows), {
      ok: false,
      short: [{ sku: 'B', requested: 2, available: 1 }, { sku: 'C', requested: 1, available: 0 }],
    });
  });

  it('sums a SKU named twice, and treats unavailable (discontinued) SKUs as empty', () => {
    assert.deepEqual(mergeLines([{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 1 }, { sku: 'A', quantity: 2 }]), [{ sku: 'A', quantity: 3 }, { sku: 'B', quantity: 1 }]);
    assert.deepEqual(allocate([{ sku: 'A', quantity: 2 }, { sku: 'A', quantity: 2 }], [row('A', 'w', 1, 3)]), { ok: false, short: [{ sku: 'A', requested: 4, available: 3 }] });
    assert.deepEqual(allocate([{ sku: 'A', quantity: 1 }], [row('A', 'w', 1, 3)], new Set(['A'])), { ok: false, short: [{ sku: 'A', requested: 1, available: 0 }] });
  });

  it('reserve, release, commit and restock change the levels as the rules say', () => {
    const rows = [row('A', 'w1', 1, 2), row('A', 'w2', 2, 5)];
    const r = allocate([{ sku: 'A', quantity: 4 }], rows);
    assert.ok(r.ok);
    const held = applyChanges(rows, reservationChanges(r.lines));
    assert.ok(held.ok);
    assert.deepEqual(held.rows.map((x) => [x.onHand, x.reserved]), [[2, 2], [5, 2]]);
    const released = applyChanges(held.rows, releaseChanges(r.lines));
    assert.ok(released.ok);
    assert.deepEqual(released.rows, rows);
    const committed = applyChanges(held.rows, commitChanges(r.lines));
    assert.ok(committed.ok);
    assert.deepEqual(committed.rows.map((x) => [x.onHand, x.reserved]), [[0, 0], [3, 0]]);
    assert.equal(availableBySku(committed.rows).get('A'), availableBySku(held.rows).get('A'), 'commit leaves available unchanged');
    assert.equal(applyChanges(committed.rows, releaseChanges(r.lines)).ok, false, 'releasing what is no longer held breaks the rules');
    const restocked = applyChanges(committed.rows, restockChanges(r.lines));
    assert.ok(restocked.ok);
    assert.deepEqual(restocked.rows, rows, 'a restock puts back what the commit took, warehouse by warehouse');
  });

  it('finds downward threshold crossings only', () => {
    const t = new Map([['A', 3], ['B', 3]]);
    assert.deepEqual(lowStockCrossings(new Map([['A', 4], ['B', 3]]), new Map([['A', 3], ['B', 1]]), t), [{ sku: 'A', available: 3, threshold: 3 }]);
    assert.deepEqual(lowStockCrossings(new Map([['A', 2]]), new Map([['A', 5]]), t), []);
    assert.deepEqual(lowStockCrossings(new Map([['A', 5]]), new Map([['A', 5]]), new Map([['A', 3]]), new Map([['A', 5]])), [{ sku: 'A', available: 5, threshold: 5 }]);
  });

  it('never allocates more than is available, and allocates exactly the request when it succeeds (property)', () => {
    const skus = ['A', 'B', 'C'];
    const rowArb = fc.record({
      sku: fc.constantFrom(...skus),
      warehouseId: fc.constantFrom('w1', 'w2', 'w3'),
      priority: fc.integer({ min: 0, max: 3 }),
      onHand: fc.integer({ min: 0, max: 20 }),
      reservedPart: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(rowArb, { selector: (r) => `${r.sku}/${r.warehouseId}`, maxLength: 9 }),
        fc.array(fc.record({ sku: fc.constantFrom(...skus, 'D'), quantity: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 5 }),
        (raw, lines) => {
          const rows = raw.map((r) => row(r.sku, r.warehouseId, r.priority, r.onHand, Math.min(r.onHand, r.reservedPart)));
          const available = availableBySku(rows);
          const wanted = new Map(mergeLines(lines).map((l) => [l.sku, l.quantity]));
          const result = allocate(lines, rows);
          const fits = [...wanted].every(([sku, q]) => (available.get(sku) ?? 0) >= q);
          assert.equal(result.ok, fits);
          if (!result.ok) return;
          for (const l of result.lines) {
            assert.equal(l.allocations.reduce((s, a) => s + a.quantity, 0), wanted.get(l.sku));
            assert.ok(l.allocations.every((a) => a.quantity > 0));
          }
          const next = applyChanges(rows, reservationChanges(result.lines));
          assert.ok(next.ok, 'the allocation keeps on hand ≥ reserved ≥ 0');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('replenishments', () => {
  it('names SKUs that went from no available stock to some, only then', async () => {
    const { replenishments } = await import('./allocation.js');
    const before = new Map([['A', 0], ['B', 3], ['C', 0], ['D', -0]]);
    const after = new Map([['A', 2], ['B', 5], ['C', 0], ['E', 1]]);
    assert.deepEqual(replenishments(before, after), [{ sku: 'A', available: 2 }, { sku: 'E', available: 1 }]);
  });
});

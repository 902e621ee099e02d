import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';
import { expireReservations } from '../src/reservations/expire-reservations.js';
import { setThreshold } from '../src/stock/set-threshold.js';
import { createWarehouse } from '../src/warehouses/create-warehouse.js';
import { inventoryUnderTest, ledgerMismatches, MAIN, orderCancelled, orderConfirmed, orderPlaced, productCreated, snapshot } from './support.js';

// A confirmed order cancelled before it ships (the goods never left the warehouse): inventory
// puts what it committed back on hand, where it was taken from, once.

describe('restocking a cancelled confirmed order (PostgreSQL)', { skip: skipUnless('postgres') }, () => {
  const inventory = inventoryUnderTest('inv_restock');
  const { q, handle, adjust, logs } = inventory;
  let east: string;

  const levels = async (sku: string) =>
    (
      await q<{ warehouse_id: string; on_hand: number; reserved: number }>(
        'SELECT warehouse_id, on_hand, reserved FROM stock_levels WHERE sku = $1 ORDER BY warehouse_id',
        [sku],
      )
    ).rows.map((r) => [r.warehouse_id, r.on_hand, r.reserved]);
  const available = async (sku: string) =>
    (await inventory.svc.app.inject({ method: 'GET', url: `/inventory/availability?sku=${sku}` })).json<{ items: { available: number }[] }>().items[0]!.available;
  const status = async (orderId: string) => (await q<{ status: string }>('SELECT status FROM reservations WHERE order_id = $1', [orderId])).rows[0]?.status;
  const movements = async (orderId: string) =>
    (
      await q<{ kind: string; sku: string; warehouse_id: string; on_hand_delta: number; reserved_delta: number; event_id: string | null }>(
        'SELECT kind, sku, warehouse_id, on_hand_delta, reserved_delta, event_id FROM stock_movements WHERE order_id = $1 ORDER BY id',
        [orderId],
      )
    ).rows;
  const emitted = async (type: string, subject: string) => (await q('SELECT 1 FROM outbox WHERE type = $1 AND subject = $2', [type, subject])).rowCount;

  before(async () => {
    east = (await createWarehouse(inventory.svc, { code: 'east', name: 'East', priority: 10 })).id;
  });

  it('puts committed stock back on hand once; redeliveries, a late confirmation and the sweeper change nothing', async () => {
    await handle(productCreated(newId('prd'), ['RS-1']));
    await adjust('RS-1', 10);
    const orderId = newId('ord');
    const placed = orderPlaced(orderId, [['RS-1', 4]]);
    const confirmed = orderConfirmed(orderId, [['RS-1', 4]]);
    await handle(placed);
    await handle(confirmed);
    assert.deepEqual(await levels('RS-1'), [[MAIN, 6, 0]]);
    assert.equal(await status(orderId), 'committed');

    const cancel = orderCancelled(orderId, [['RS-1', 4]]);
    await handle(cancel);
    assert.deepEqual(await levels('RS-1'), [[MAIN, 10, 0]], 'on hand back to what it was, nothing reserved');
    assert.equal(await available('RS-1'), 10);
    assert.equal(await status(orderId), 'restocked');
    assert.deepEqual(await movements(orderId), [
      { kind: 'reservation', sku: 'RS-1', warehouse_id: MAIN, on_hand_delta: 0, reserved_delta: 4, event_id: placed.id },
      { kind: 'commit', sku: 'RS-1', warehouse_id: MAIN, on_hand_delta: -4, reserved_delta: -4, event_id: confirmed.id },
      { kind: 'restock', sku: 'RS-1', warehouse_id: MAIN, on_hand_delta: 4, reserved_delta: 0, event_id: cancel.id },
    ]);
    assert.equal(await emitted('StockReleased', orderId), 0, 'nothing held was released: no StockReleased');
    assert.equal(await emitted('StockCommitted', orderId), 1);
    assert.deepEqual(await ledgerMismatches(inventory.svc.db), []);

    // The same cancel again (the inbox), under a new event id, and a late OrderConfirmed: nothing.
    const before = await snapshot(inventory.svc.db);
    assert.equal(await inventory.svc.consumer.process(cancel, undefined), 'duplicate');
    await handle(orderCancelled(orderId, [['RS-1', 4]]));
    await handle(orderConfirmed(orderId, [['RS-1', 4]]));
    assert.equal(await snapshot(inventory.svc.db), before);
    assert.ok(!logs.lines.some((l) => l.orderId === orderId && l.level === 'error'), 'a late confirmation is no error for an operator');

    // The sweeper never touches it, even past its expiry.
    await q(`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE order_id = $1`, [orderId]);
    const swept = await snapshot(inventory.svc.db);
    assert.equal(await expireReservations(inventory.svc, 100), 0);
    assert.equal(await snapshot(inventory.svc.db), swept);
    assert.equal((await q('SELECT 1 FROM event_failures')).rowCount, 0);
  });

  it('restocks a split reservation to each warehouse it was taken from', async () => {
    await handle(productCreated(newId('prd'), ['RS-2']));
    await adjust('RS-2', 3, 'east');
    await adjust('RS-2', 5, 'main');
    const orderId = newId('ord');
    await handle(orderPlaced(orderId, [['RS-2', 6]]));
    // Rows in warehouse id order: the default warehouse's id sorts first.
    assert.deepEqual(await levels('RS-2'), [[MAIN, 5, 3], [east, 3, 3]], 'east (priority 10) first, the rest from main');
    await handle(orderConfirmed(orderId, [['RS-2', 6]]));
    assert.deepEqual(await levels('RS-2'), [[MAIN, 2, 0], [east, 0, 0]]);
    // Stock moves between the commit and the cancel: the restock adds to what is there now.
    await adjust('RS-2', -2, 'main');

    const cancel = orderCancelled(orderId, [['RS-2', 6]]);
    await handle(cancel);
    assert.deepEqual(await levels('RS-2'), [[MAIN, 3, 0], [east, 3, 0]]);
    assert.equal(await available('RS-2'), 6);
    const restocks = (await movements(orderId)).filter((m) => m.kind === 'restock').map((m) => [m.warehouse_id, m.on_hand_delta, m.reserved_delta, m.event_id]);
    assert.deepEqual(restocks, [[MAIN, 3, 0, cancel.id], [east, 3, 0, cancel.id]]);
    assert.deepEqual(await ledgerMismatches(inventory.svc.db), []);

    const before = await snapshot(inventory.svc.db);
    await handle(orderCancelled(orderId, [['RS-2', 6]]));
    assert.equal(await snapshot(inventory.svc.db), before, 'a second cancellation restocks nothing');
  });

  it('commits a run of confirmations delivered together in one transaction, each order once', async () => {
    await handle(productCreated(newId('prd'), ['RB-1', 'RB-2']));
    await adjust('RB-1', 3, 'east');
    await adjust('RB-1', 5, 'main');
    await adjust('RB-2', 4, 'main');
    const [a, b, never, done] = [newId('ord'), newId('ord'), newId('ord'), newId('ord')];
    await handle(orderPlaced(a, [['RB-1', 6], ['RB-2', 1]])); // east 3 + main 3, and main 1
    await handle(orderPlaced(b, [['RB-1', 1], ['RB-2', 2]]));
    await handle(orderPlaced(done, [['RB-2', 1]]));
    await handle(orderConfirmed(done, [['RB-2', 1]]));
    assert.deepEqual(await levels('RB-1'), [[MAIN, 5, 4], [east, 3, 3]]);
    assert.deepEqual(await levels('RB-2'), [[MAIN, 3, 3]]);
    const doneMovements = await movements(done);

    const confirmA = orderConfirmed(a, [['RB-1', 6], ['RB-2', 1]]);
    const run = [confirmA, orderConfirmed(b, [['RB-1', 1], ['RB-2', 2]]), orderConfirmed(a, [['RB-1', 6], ['RB-2', 1]]), orderConfirmed(never, [['RB-1', 1]]), orderConfirmed(done, [['RB-2', 1]])];
    await inventory.svc.consumer.deliver(run);

    assert.deepEqual(await levels('RB-1'), [[MAIN, 1, 0], [east, 0, 0]], 'what a and b held is gone from on hand and reserved');
    assert.deepEqual(await levels('RB-2'), [[MAIN, 0, 0]]);
    assert.deepEqual(await ledgerMismatches(inventory.svc.db), []);
    const commits = (await movements(a)).filter((m) => m.kind === 'commit').map((m) => [m.sku, m.warehouse_id, m.on_hand_delta, m.reserved_delta, m.event_id]);
    assert.deepEqual(commits, [['RB-1', MAIN, -3, -3, confirmA.id], ['RB-1', east, -3, -3, confirmA.id], ['RB-2', MAIN, -1, -1, confirmA.id]], 'a is committed once, against its first confirmation');
    assert.equal((await movements(b)).filter((m) => m.kind === 'commit').length, 2);
    assert.deepEqual(await movements(done), doneMovements, 'an order committed before changes nothing');
    assert.deepEqual([await status(a), await status(b), await status(never), await status(done)], ['committed', 'committed', undefined, 'committed']);
    const committed = async (orderId: string) =>
      (await q<{ payload: { data: unknown } }>(`SELECT payload FROM outbox WHERE type = 'StockCommitted' AND subject = $1`, [orderId])).rows.map((r) => r.payload.data);
    assert.deepEqual(await committed(a), [{ orderId: a, lines: [{ sku: 'RB-1', quantity: 6 }, { sku: 'RB-2', quantity: 1 }] }]);
    assert.deepEqual(await committed(b), [{ orderId: b, lines: [{ sku: 'RB-1', quantity: 1 }, { sku: 'RB-2', quantity: 2 }] }]);
    assert.equal((await committed(done)).length, 1);
    assert.equal(await emitted('StockCommitted', never), 0);
    assert.ok(logs.lines.some((l) => l.orderId === never && l.level === 'error'), 'a confirmation with nothing held is logged for an operator');
    // One transaction for the run (not the events one by one after a failed run): one commit time.
    const times = await q<{ n: number }>(`SELECT count(DISTINCT created_at)::int AS n FROM stock_movements WHERE kind = 'commit' AND order_id = ANY($1)`, [[a, b]]);
    assert.equal(times.rows[0]!.n, 1);
    assert.equal((await q('SELECT 1 FROM event_failures')).rowCount, 0);
  });

  it('leaves a committed reservation to the cancellation: the sweeper skips it; LowStock stays right', async () => {
    await handle(productCreated(newId('prd'), ['RS-3']));
    await adjust('RS-3', 10);
    await setThreshold(inventory.svc, 'RS-3', 5);
    const low = async () =>
      (await q<{ payload: { data: unknown } }>(`SELECT payload FROM outbox WHERE type = 'LowStock' AND subject = 'RS-3' ORDER BY created_at, id`)).rows.map((r) => r.payload.data);
    const orderId = newId('ord');
    await handle(orderPlaced(orderId, [['RS-3', 6]])); // 4 available: crosses 5
    assert.deepEqual(await low(), [{ sku: 'RS-3', available: 4, threshold: 5 }]);
    await handle(orderConfirmed(orderId, [['RS-3', 6]]));

    await q(`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE order_id = $1`, [orderId]);
    const committed = await snapshot(inventory.svc.db);
    assert.equal(await expireReservations(inventory.svc, 100), 0, 'expiry never touches a committed reservation');
    assert.equal(await snapshot(inventory.svc.db), committed);
    assert.equal(await status(orderId), 'committed');

    await handle(orderCancelled(orderId, [['RS-3', 6]]));
    assert.deepEqual(await levels('RS-3'), [[MAIN, 10, 0]]);
    assert.equal((await low()).length, 1, 'stock going up raises no LowStock');
    // The restock took available back above the threshold: the next crossing alerts again.
    await handle(orderPlaced(newId('ord'), [['RS-3', 5]]));
    assert.deepEqual((await low()).at(-1), { sku: 'RS-3', available: 5, threshold: 5 });
    assert.equal((await low()).length, 2);
    assert.deepEqual(await ledgerMismatches(inventory.svc.db), []);
  });

  it('keeps refusing what the schema forbids: restock without an order, or moving reserved', async () => {
    await assert.rejects(
      q(`INSERT INTO stock_movements (sku, warehouse_id, kind, on_hand_delta, reserved_delta) VALUES ('RS-1', $1, 'restock', 1, 0)`, [MAIN]),
      /stock_movements_order_kind_check/,
    );
    await assert.rejects(
      q(`INSERT INTO stock_movements (sku, warehouse_id, kind, on_hand_delta, reserved_delta, order_id) VALUES ('RS-1', $1, 'restock', 1, 1, $2)`, [MAIN, newId('ord')]),
      /stock_movements_restock_check/,
    );
  });
});

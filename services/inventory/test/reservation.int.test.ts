import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Tx } from '@mercato/chassis';
import { skipUnless } from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';
import { LastSeenStock } from '../src/reservations/last-seen-stock.js';
import { reserveOrder, reserveOrders, type ReserveOrderInput } from '../src/reservations/reserve-order.js';
import { createWarehouse } from '../src/warehouses/create-warehouse.js';
import { inventoryUnderTest, ledgerMismatches, MAIN, orderPlaced, productCreated } from './support.js';

// Reserving an order is one statement on the stock when it fits (claim, locks, allocation,
// levels and ledger), and a run of orders two (claims and locks, then every reservation); a line
// that falls short leaves the stock as it was.

describe('reserving orders in as few statements as the stock allows (PostgreSQL)', { skip: skipUnless('postgres') }, () => {
  const inventory = inventoryUnderTest('inv_reserve');
  const { q, handle, adjust, operator } = inventory;
  let east: string;

  const stockOf = async (skus: string[]) =>
    (
      await q<{ sku: string; warehouse_id: string; on_hand: number; reserved: number }>(
        'SELECT sku, warehouse_id, on_hand, reserved FROM stock_levels WHERE sku = ANY($1) ORDER BY sku, warehouse_id',
        [skus],
      )
    ).rows.map((r) => [r.sku, r.warehouse_id, r.on_hand, r.reserved]);
  const ledgerOf = async (skus: string[]) =>
    (await q<{ n: number }>('SELECT count(*)::int AS n FROM stock_movements WHERE sku = ANY($1)', [skus])).rows[0]!.n;
  const movements = async (orderId: string) =>
    (
      await q<{ sku: string; warehouse_id: string; reserved_delta: number; event_id: string | null }>(
        'SELECT sku, warehouse_id, reserved_delta, event_id FROM stock_movements WHERE order_id = $1 ORDER BY id',
        [orderId],
      )
    ).rows.map((m) => [m.sku, m.warehouse_id, m.reserved_delta, m.event_id]);
  const status = async (orderId: string) => (await q<{ status: string }>('SELECT status FROM reservations WHERE order_id = $1', [orderId])).rows[0]?.status;
  const outbox = async (type: string, subject: string) =>
    (await q<{ payload: { data: Record<string, unknown> } }>('SELECT payload FROM outbox WHERE type = $1 AND subject = $2 ORDER BY created_at, id', [type, subject])).rows.map(
      (r) => r.payload.data,
    );
  const input = (orderId: string, lines: [string, number][]): ReserveOrderInput => ({
    orderId,
    lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
    eventId: newId('evt'),
    ttlSeconds: 3600,
  });
  /** Runs `fn` in a transaction whose statements (those matching `only`) are counted. */
  const statementsIn = async <T>(fn: (tx: Tx) => Promise<T>, only?: RegExp): Promise<{ result: T; statements: number }> => {
    let statements = 0;
    const result = await inventory.svc.db.tx(async (tx) => {
      const counting: Tx = {
        query: ((sql: string | { text: string }, params?: readonly unknown[]) => {
          if (!only || only.test(typeof sql === 'string' ? sql : sql.text)) statements++;
          return tx.query(sql as string, params);
        }) as Tx['query'],
        afterCommit: (f) => tx.afterCommit(f),
        beforeCommit: (f, opts) => tx.beforeCommit(f, opts),
        tryCommitWith: (f) => tx.tryCommitWith(f),
      };
      return fn(counting);
    });
    return { result, statements };
  };
  /** Runs `fn` in a transaction whose statements on the stock rows are counted. */
  const counted = async <T>(fn: (tx: Tx) => Promise<T>): Promise<{ result: T; stockStatements: number }> => {
    const { result, statements } = await statementsIn(fn, /stock_levels/);
    return { result, stockStatements: statements };
  };

  before(async () => {
    east = (await createWarehouse(inventory.svc, { code: 'east', name: 'East', priority: 200 })).id;
    await handle(productCreated(newId('prd'), ['RV-1', 'RV-2', 'RV-3']));
    await adjust('RV-1', 3);
    await adjust('RV-1', 4, 'east');
    await adjust('RV-2', 2);
    await adjust('RV-3', 5, 'east');
  });

  it('reserves an order that fits in one statement on the stock, split across warehouses by priority', async () => {
    const order = input(newId('ord'), [['RV-1', 4], ['RV-3', 1], ['RV-1', 1]]);
    const { result, stockStatements } = await counted((tx) => reserveOrder(tx, inventory.svc.outbox, inventory.svc.logger, order));
    assert.equal(result, 'reserved');
    assert.equal(stockStatements, 1);
    assert.deepEqual(await movements(order.orderId), [
      ['RV-1', MAIN, 3, order.eventId],
      ['RV-1', east, 2, order.eventId],
      ['RV-3', east, 1, order.eventId],
    ]);
    const [reserved] = await outbox('StockReserved', order.orderId);
    assert.deepEqual(reserved?.lines, [
      { sku: 'RV-1', quantity: 5, allocations: [{ warehouseId: MAIN, quantity: 3 }, { warehouseId: east, quantity: 2 }] },
      { sku: 'RV-3', quantity: 1, allocations: [{ warehouseId: east, quantity: 1 }] },
    ]);
    assert.deepEqual(await stockOf(['RV-1', 'RV-3']), [['RV-1', MAIN, 3, 3], ['RV-1', east, 4, 2], ['RV-3', MAIN, 0, 0], ['RV-3', east, 5, 1]]);
    // The same order again: nothing changes.
    const again = await counted((tx) => reserveOrder(tx, inventory.svc.outbox, inventory.svc.logger, { ...order, eventId: newId('evt') }));
    assert.equal(again.result, 'duplicate');
    assert.deepEqual(await stockOf(['RV-1', 'RV-3']), [['RV-1', MAIN, 3, 3], ['RV-1', east, 4, 2], ['RV-3', MAIN, 0, 0], ['RV-3', east, 5, 1]]);
    // A run of orders that fit: two statements on the stock for the run.
    const run = [input(newId('ord'), [['RV-3', 1]]), input(newId('ord'), [['RV-3', 1], ['RV-1', 1]])];
    const both = await counted((tx) => reserveOrders(tx, inventory.svc.outbox, inventory.svc.logger, run));
    assert.deepEqual(both.result, ['reserved', 'reserved']);
    assert.equal(both.stockStatements, 2);
    assert.deepEqual(await stockOf(['RV-1', 'RV-3']), [['RV-1', MAIN, 3, 3], ['RV-1', east, 4, 3], ['RV-3', MAIN, 0, 0], ['RV-3', east, 5, 3]]);
    assert.deepEqual(await ledgerMismatches(inventory.svc.db), []);
  });

  it('reserves nothing of a multi-line order when one line falls short', async () => {
    const skus = ['RV-1', 'RV-2', 'RV-3'];
    const stock = await stockOf(skus);
    const ledger = await ledgerOf(skus);
    // RV-1 has 1 left, RV-3 2: those lines fit; RV-2 has 2, 3 asked.
    const order = input(newId('ord'), [['RV-1', 1], ['RV-2', 3], ['RV-3', 2]]);
    const { result } = await counted((tx) => reserveOrder(tx, inventory.svc.outbox, inventory.svc.logger, order));
    assert.equal(result, 'rejected');
    assert.deepEqual(await stockOf(skus), stock, 'no level changed');
    assert.equal(await ledgerOf(skus), ledger, 'no movement written');
    assert.deepEqual(await movements(order.orderId), []);
    assert.equal(await status(order.orderId), 'rejected');
    assert.deepEqual(await outbox('StockRejected', order.orderId), [{ orderId: order.orderId, lines: [{ sku: 'RV-2', requested: 3, available: 2 }] }]);
    assert.deepEqual(await outbox('StockReserved', order.orderId), []);
  });

  it('reserves a run in two statements on the stock, each order on what the ones before left, a short one holding nothing', async () => {
    const skus = ['RV-1', 'RV-2', 'RV-3'];
    await adjust('RV-3', 2, 'east');
    await adjust('RV-1', 1, 'east');
    await adjust('RV-2', 1);
    // Left: RV-1 2 (east), RV-2 3 (main), RV-3 4 (east); an order placed before takes 1 RV-2.
    const first = input(newId('ord'), [['RV-1', 1], ['RV-2', 1]]);
    const short = input(newId('ord'), [['RV-3', 2], ['RV-2', 1], ['RV-1', 2]]); // RV-1: 1 left after the first
    const third = input(newId('ord'), [['RV-3', 4], ['RV-1', 1]]); // fits because the short one took nothing
    const fourth = input(newId('ord'), [['RV-2', 2]]); // 1 left
    const placedBefore = input(newId('ord'), [['RV-2', 1]]);
    await inventory.svc.db.tx((tx) => reserveOrder(tx, inventory.svc.outbox, inventory.svc.logger, placedBefore));
    const ledger = await ledgerOf(skus);
    const { result, stockStatements } = await counted((tx) =>
      reserveOrders(tx, inventory.svc.outbox, inventory.svc.logger, [first, short, third, { ...first, eventId: newId('evt') }, fourth, { ...placedBefore, eventId: newId('evt') }]),
    );
    assert.deepEqual(result, ['reserved', 'rejected', 'reserved', 'duplicate', 'rejected', 'duplicate']);
    assert.equal(stockStatements, 3, 'claims and locks, the rows read again before refusing, the reservations');
    assert.deepEqual(await movements(first.orderId), [['RV-1', east, 1, first.eventId], ['RV-2', MAIN, 1, first.eventId]]);
    assert.deepEqual(await movements(short.orderId), [], 'the short order holds nothing');
    assert.deepEqual(await movements(third.orderId), [['RV-3', east, 4, third.eventId], ['RV-1', east, 1, third.eventId]]);
    assert.equal(await ledgerOf(skus), ledger + 4);
    assert.deepEqual(await stockOf(skus), [['RV-1', MAIN, 3, 3], ['RV-1', east, 5, 5], ['RV-2', MAIN, 3, 2], ['RV-3', MAIN, 0, 0], ['RV-3', east, 7, 7]]);
    assert.deepEqual(await outbox('StockRejected', short.orderId), [{ orderId: short.orderId, lines: [{ sku: 'RV-1', requested: 2, available: 1 }] }]);
    assert.deepEqual(await outbox('StockRejected', fourth.orderId), [{ orderId: fourth.orderId, lines: [{ sku: 'RV-2', requested: 2, available: 1 }] }]);
    assert.deepEqual([await status(first.orderId), await status(short.orderId), await status(third.orderId), await status(fourth.orderId)], [
      'reserved',
      'rejected',
      'reserved',
      'rejected',
    ]);
    assert.deepEqual(await ledgerMismatches(inventory.svc.db), []);
  });

  it('reserves from a stock row added after the run read its rows, rather than refuse', async () => {
    await handle(productCreated(newId('prd'), ['RV-4']));
    const west = (await createWarehouse(inventory.svc, { code: 'west', name: 'West', priority: 20 })).id;
    await adjust('RV-4', 1);
    // The run's first statement waits for the lock on RV-4 while another transaction adds its
    // first row in the west warehouse; the run's snapshot does not see that row.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const adding = inventory.svc.db.tx(async (tx) => {
      await tx.query(`SELECT 1 FROM skus WHERE sku = 'RV-4' FOR UPDATE`);
      locked();
      await held;
      await tx.query(`INSERT INTO stock_levels (sku, warehouse_id, on_hand) VALUES ('RV-4', $1, 3)`, [west]);
      await tx.query(`INSERT INTO stock_movements (sku, warehouse_id, kind, on_hand_delta, reserved_delta, reason, actor_user_id) VALUES ('RV-4', $1, 'adjustment', 3, 0, 'count', $2)`, [west, operator]);
    });
    await isLocked;
    const a = input(newId('ord'), [['RV-4', 1]]);
    const b = input(newId('ord'), [['RV-4', 2]]);
    const run = inventory.svc.db.tx((tx) => reserveOrders(tx, inventory.svc.outbox, inventory.svc.logger, [a, b]));
    await new Promise((r) => setTimeout(r, 200));
    release();
    await adding;
    assert.deepEqual(await run, ['reserved', 'reserved']);
    assert.deepEqual(await movements(b.orderId), [['RV-4', west, 2, b.eventId]]);
    assert.deepEqual(await ledgerMismatches(inventory.svc.db), []);
    assert.deepEqual(await outbox('StockRejected', b.orderId), []);
  });

  it('handles a run of OrderPlaced delivered together as reserving each in turn', async () => {
    await handle(productCreated(newId('prd'), ['RV-5']));
    await adjust('RV-5', 2);
    const [x, y, z] = [newId('ord'), newId('ord'), newId('ord')];
    await inventory.svc.consumer.deliver([orderPlaced(x, [['RV-5', 1]]), orderPlaced(y, [['RV-5', 2]]), orderPlaced(z, [['RV-5', 1]])]);
    assert.deepEqual([await status(x), await status(y), await status(z)], ['reserved', 'rejected', 'reserved']);
    assert.deepEqual(await stockOf(['RV-5']), [['RV-5', MAIN, 2, 2]]);
    assert.equal((await q('SELECT 1 FROM event_failures')).rowCount, 0);
  });

  it('reserves an order in the statement that commits it when the rows last seen tell what it will find, and as usual when they do not', async () => {
    await handle(productCreated(newId('prd'), ['RC-1', 'RC-2']));
    await adjust('RC-1', 10);
    await adjust('RC-1', 5, 'east');
    await adjust('RC-2', 20, 'east');
    const skus = ['RC-1', 'RC-2'];
    const seen = new LastSeenStock();
    const outcomes: string[] = [];
    const reserve = (order: ReserveOrderInput, endsTransaction = true) =>
      statementsIn((tx) => reserveOrder(tx, inventory.svc.outbox, inventory.svc.logger, order, { seen, endsTransaction, onOutcome: (o) => outcomes.push(o) }));

    // Nothing seen yet: as usual (the reservation, then its event with the COMMIT); its rows are remembered.
    const first = input(newId('ord'), [['RC-1', 2], ['RC-2', 1]]);
    assert.deepEqual(await reserve(first), { result: 'reserved', statements: 2 });
    assert.equal(seen.size, 2);
    // Seen: one statement, which commits.
    const second = input(newId('ord'), [['RC-1', 3], ['RC-2', 2]]);
    assert.deepEqual(await reserve(second), { result: 'reserved', statements: 1 });
    assert.deepEqual(await movements(second.orderId), [['RC-1', MAIN, 3, second.eventId], ['RC-2', east, 2, second.eventId]]);
    assert.deepEqual(await outbox('StockReserved', second.orderId), [
      {
        orderId: second.orderId,
        expiresAt: (await outbox('StockReserved', second.orderId))[0]!.expiresAt,
        lines: [
          { sku: 'RC-1', quantity: 3, allocations: [{ warehouseId: MAIN, quantity: 3 }] },
          { sku: 'RC-2', quantity: 2, allocations: [{ warehouseId: east, quantity: 2 }] },
        ],
      },
    ]);
    assert.equal(await status(second.orderId), 'reserved');
    assert.deepEqual(await stockOf(skus), [['RC-1', MAIN, 10, 5], ['RC-1', east, 5, 0], ['RC-2', MAIN, 0, 0], ['RC-2', east, 20, 3]]);
    // Not the transaction's last work: as usual, though the rows are known.
    const third = input(newId('ord'), [['RC-2', 1]]);
    assert.deepEqual(await reserve(third, false), { result: 'reserved', statements: 2 });

    // The stock changed behind this process's back: main has 1 of RC-1 left, not 5. The statement
    // finds another allocation than the one expected, refuses, and the order is reserved as usual.
    await adjust('RC-1', -4);
    const split = input(newId('ord'), [['RC-1', 3]]);
    assert.deepEqual(await reserve(split), { result: 'reserved', statements: 3 });
    assert.deepEqual(await movements(split.orderId), [['RC-1', MAIN, 1, split.eventId], ['RC-1', east, 2, split.eventId]]);
    assert.equal((await outbox('StockReserved', split.orderId)).length, 1);
    assert.deepEqual(await stockOf(['RC-1']), [['RC-1', MAIN, 6, 6], ['RC-1', east, 5, 2]]);

    // A threshold set meanwhile, which this reservation crosses: the statement refuses, and the
    // order is reserved as usual, with its LowStock.
    await q(`UPDATE skus SET threshold = 15 WHERE sku = 'RC-2'`);
    const low = input(newId('ord'), [['RC-2', 1]]);
    assert.deepEqual((await reserve(low)).result, 'reserved');
    assert.deepEqual(await outbox('LowStock', 'RC-2'), [{ sku: 'RC-2', available: 15, threshold: 15 }]);
    assert.deepEqual(await movements(low.orderId), [['RC-2', east, 1, low.eventId]]);

    // The same order again, under another event: refused (claimed already), then a duplicate as usual.
    assert.deepEqual(await reserve({ ...third, eventId: newId('evt') }), { result: 'duplicate', statements: 2 });
    // More than is left: refused, then rejected as usual; nothing changes.
    const before = await stockOf(skus);
    assert.equal((await reserve(input(newId('ord'), [['RC-2', 100]]))).result, 'rejected');
    assert.deepEqual(await stockOf(skus), before);
    // Known short from the rows seen: not tried.
    assert.deepEqual(outcomes, ['not_tried', 'committed', 'refused', 'refused', 'refused', 'not_tried']);
    assert.deepEqual(await ledgerMismatches(inventory.svc.db), []);
    const open = await q<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
    assert.equal(open.rows[0]!.n, 0);
  });

  it("writes a run's reservations and every event of the run in one statement, the last of its transaction when nothing follows", async () => {
    await handle(productCreated(newId('prd'), ['RR-1', 'RR-2']));
    await adjust('RR-1', 3);
    await adjust('RR-2', 1);
    const a = input(newId('ord'), [['RR-1', 2]]);
    const b = input(newId('ord'), [['RR-2', 2]]); // 1 left: refused
    const c = input(newId('ord'), [['RR-1', 1], ['RR-2', 1]]);
    const mark = (await q<{ seq: string | null }>('SELECT max(seq) AS seq FROM outbox')).rows[0]!.seq ?? '0';
    const { result, statements } = await statementsIn((tx) => reserveOrders(tx, inventory.svc.outbox, inventory.svc.logger, [a, b, c], { endsTransaction: true }));
    assert.deepEqual(result, ['reserved', 'rejected', 'reserved']);
    // Claims and locks, the stock read again before refusing, the refusal, then the reservations with the events.
    assert.equal(statements, 4);
    const events = await q<{ type: string; subject: string }>('SELECT type, subject FROM outbox WHERE seq > $1 ORDER BY seq', [mark]);
    assert.deepEqual(
      events.rows.map((e) => [e.type, e.subject]),
      [
        ['StockReserved', a.orderId],
        ['StockRejected', b.orderId],
        ['LowStock', 'RR-1'],
        ['LowStock', 'RR-2'],
        ['StockReserved', c.orderId],
      ],
    );
    assert.equal(await status(b.orderId), 'rejected');
    assert.deepEqual(await stockOf(['RR-1', 'RR-2']), [['RR-1', MAIN, 3, 3], ['RR-2', MAIN, 1, 1]]);
    assert.deepEqual(await ledgerMismatches(inventory.svc.db), []);
    // Through the consumer, whose transaction the statement then commits.
    await adjust('RR-1', 2);
    const [x, y] = [newId('ord'), newId('ord')];
    await inventory.svc.consumer.deliver([orderPlaced(x, [['RR-1', 1]]), orderPlaced(y, [['RR-1', 1]])]);
    assert.deepEqual([await status(x), await status(y)], ['reserved', 'reserved']);
    assert.equal((await outbox('StockReserved', y)).length, 1);
    assert.deepEqual(await stockOf(['RR-1']), [['RR-1', MAIN, 5, 5]]);
    assert.equal((await q('SELECT 1 FROM event_failures')).rowCount, 0);
  });
});

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AmqpBus, amqpNames, createLogger, createOutbox, Db, type PublishItem } from '@mercato/chassis';
import { createTestDatabase, deleteBusNamespace, eventually, skipUnless, TEST_AMQP_URL, uniqueName, type TestDatabase } from '@mercato/chassis/testing';
import { newId, type Envelope } from '@mercato/contracts';
import amqp from 'amqplib';
import { seedStock } from '../src/service.js';
import { adjustStock } from '../src/stock/adjust-stock.js';
import { createWarehouse } from '../src/warehouses/create-warehouse.js';
import { ledgerMismatches, orderCancelled, orderConfirmed, orderPlaced } from './support.js';

// The promise of the service, on the real servers: two inventory processes consume the same
// queue from RabbitMQ and reserve against one PostgreSQL database; 1,000 one-unit orders for a
// SKU with 37 in stock reserve exactly 37, whatever the interleaving and however often each
// order is delivered. Each process is started as an operator starts it (the platform's entry,
// configured by environment), on a broker namespace of this run's own.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ORDERS = 1000;
const STOCK = 37;

interface Proc {
  child: ChildProcess;
  exit: Promise<number | null>;
  err: () => string;
}

function startInventory(env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'apps/platform/src/main.ts', '--service', 'inventory'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  return { child, exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))), err: () => err };
}

describe('never oversell: two inventory processes on PostgreSQL and RabbitMQ', { skip: skipUnless('postgres', 'rabbitmq') }, () => {
  let db: TestDatabase;
  let pool: Db;
  let bus: AmqpBus;
  const namespace = uniqueName('inv').toLowerCase();
  const procs: Proc[] = [];

  before(async () => {
    db = await createTestDatabase('inv_oversell');
    const common = {
      INVENTORY_DATABASE_URL: db.url,
      BUS_URL: TEST_AMQP_URL,
      BUS_NAMESPACE: namespace,
      INVENTORY_PORT: '0',
      INVENTORY_SWEEP_INTERVAL_MS: '200',
      OUTBOX_POLL_MS: '60000',
      DB_POOL_MAX: '8',
    };
    // The first process migrates; the second starts on the migrated database.
    for (let i = 0; i < 2; i++) {
      const p = startInventory(common);
      procs.push(p);
      pool ??= new Db({ url: db.url, poolMax: 4 });
      await eventually(
        async () => {
          if (p.child.exitCode !== null) throw new Error(`inventory exited: ${p.err()}`);
          return (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'reservations'`)).rows[0]!.n === 1;
        },
        30_000,
        100,
      );
    }
    bus = new AmqpBus({ url: TEST_AMQP_URL, logger: createLogger({ service: 'test', level: 'silent' }), namespace });
    await bus.start();
    // Both processes consume the one queue of the inventory service.
    const conn = await amqp.connect(TEST_AMQP_URL);
    try {
      await eventually(async () => {
        // A missing queue closes the channel with an error: a fresh channel per look.
        const ch = await conn.createChannel();
        ch.on('error', () => undefined);
        try {
          const { consumerCount } = await ch.checkQueue(amqpNames(namespace).queue('inventory'));
          await ch.close();
          return consumerCount === 2;
        } catch {
          return false;
        }
      }, 30_000, 100);
    } finally {
      await conn.close();
    }
  });

  after(async () => {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
    const codes = await Promise.all(procs.map((p) => p.exit));
    await bus?.close();
    await pool?.close();
    await deleteBusNamespace(TEST_AMQP_URL, namespace, ['inventory']);
    await db?.drop();
    assert.deepEqual(codes, [0, 0], 'both processes stopped gracefully');
  });

  const level = async (sku: string) =>
    (await pool.query<{ on_hand: number; reserved: number }>('SELECT on_hand, reserved FROM stock_levels WHERE sku = $1', [sku])).rows[0]!;
  const statuses = async (orderIds: string[]) => {
    const r = await pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM reservations WHERE order_id = ANY($1) GROUP BY status', [orderIds]);
    return Object.fromEntries(r.rows.map((x) => [x.status, x.n])) as Record<string, number>;
  };
  const emitted = async (type: string, orderIds: string[]) =>
    (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE type = $1 AND subject = ANY($2)', [type, orderIds])).rows[0]!.n;

  /**
   * Publishes the events in concurrent batches and samples the SKU's row while they are
   * handled; resolves once every order has an outcome. Returns the samples that broke a rule.
   */
  async function run(sku: string, events: Envelope[], orderIds: string[]): Promise<{ samples: number; broken: unknown[] }> {
    let done = false;
    const broken: unknown[] = [];
    let samples = 0;
    const sampler = (async () => {
      while (!done) {
        const r = await pool.query<{ on_hand: number; reserved: number; sum_reserved: number }>(
          `SELECT s.on_hand, s.reserved, (SELECT coalesce(sum(reserved_delta), 0)::int FROM stock_movements m WHERE m.sku = s.sku) AS sum_reserved
             FROM stock_levels s WHERE s.sku = $1`,
          [sku],
        );
        const row = r.rows[0]!;
        samples++;
        if (row.reserved < 0 || row.reserved > row.on_hand || row.on_hand !== STOCK || row.reserved !== row.sum_reserved) broken.push(row);
        await new Promise((res) => setTimeout(res, 5));
      }
    })();
    const batches: PublishItem[][] = [];
    for (let i = 0; i < events.length; i += 50) batches.push(events.slice(i, i + 50));
    await Promise.all(batches.map((b) => bus.publish(b)));
    await eventually(async () => {
      const s = await statuses(orderIds);
      return (s.reserved ?? 0) + (s.rejected ?? 0) === orderIds.length;
    }, 40_000, 50);
    done = true;
    await sampler;
    return { samples, broken };
  }

  async function stockOf(sku: string): Promise<void> {
    await seedStock(pool, createOutbox('inventory'), [{ sku, onHand: STOCK }], { reason: 'test stock' });
  }

  it(`reserves exactly ${STOCK} of ${ORDERS} concurrent one-unit orders, never going negative`, async () => {
    await stockOf('HOT-1');
    const orderIds = Array.from({ length: ORDERS }, () => newId('ord'));
    const result = await run(
      'HOT-1',
      orderIds.map((id) => orderPlaced(id, [['HOT-1', 1]])),
      orderIds,
    );
    assert.deepEqual(result.broken, [], 'no sample broke on hand ≥ reserved ≥ 0');
    assert.ok(result.samples > 5, `sampled during the run (${result.samples})`);
    assert.deepEqual(await statuses(orderIds), { reserved: STOCK, rejected: ORDERS - STOCK });
    assert.deepEqual(await level('HOT-1'), { on_hand: STOCK, reserved: STOCK });
    assert.equal(await emitted('StockReserved', orderIds), STOCK);
    assert.equal(await emitted('StockRejected', orderIds), ORDERS - STOCK);
    assert.deepEqual(await ledgerMismatches(pool), []);
    const failures = await pool.query('SELECT consumer, status, last_error FROM event_failures');
    assert.deepEqual(failures.rows, [], 'no event was parked');

    // The sweepers of both processes release the expired reservations, each exactly once.
    await pool.query(`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE order_id = ANY($1) AND status = 'reserved'`, [orderIds]);
    await eventually(async () => (await statuses(orderIds)).expired === STOCK, 20_000, 50);
    assert.deepEqual(await level('HOT-1'), { on_hand: STOCK, reserved: 0 });
    assert.equal(await emitted('StockReleased', orderIds), STOCK);
    assert.deepEqual(await ledgerMismatches(pool), []);
  });

  it('gives the same numbers when every event is delivered twice, and some again under a new id', async () => {
    await stockOf('HOT-2');
    const orderIds = Array.from({ length: ORDERS }, () => newId('ord'));
    const events = orderIds.map((id) => orderPlaced(id, [['HOT-2', 1]]));
    // Every event twice (redelivery), and 50 orders a third time as a new event (a producer retry).
    const copies = orderIds.slice(0, 50).map((id) => orderPlaced(id, [['HOT-2', 1]]));
    const all = [...events, ...events, ...copies];
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    const result = await run('HOT-2', all, orderIds);
    assert.deepEqual(result.broken, []);
    // Let the duplicates still in flight land before counting.
    await eventually(
      async () => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1)`, [all.map((e) => e.id)])).rows[0]!.n === ORDERS + 50,
      20_000,
      50,
    );
    assert.deepEqual(await statuses(orderIds), { reserved: STOCK, rejected: ORDERS - STOCK });
    assert.deepEqual(await level('HOT-2'), { on_hand: STOCK, reserved: STOCK });
    assert.equal(await emitted('StockReserved', orderIds), STOCK);
    assert.equal(await emitted('StockRejected', orderIds), ORDERS - STOCK);
    assert.equal(
      (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM stock_movements WHERE sku = 'HOT-2' AND kind = 'reservation'`)).rows[0]!.n,
      STOCK,
    );
    assert.deepEqual(await ledgerMismatches(pool), []);
    assert.deepEqual((await pool.query(`SELECT consumer, status FROM event_failures WHERE status = 'dead'`)).rows, []);
  });

  it('keeps every invariant when multi-line orders, cancellations and confirmations race across both processes', async () => {
    const skus = ['MIX-A', 'MIX-B', 'MIX-C', 'MIX-D', 'MIX-E'];
    await seedStock(pool, createOutbox('inventory'), skus.map((sku) => ({ sku, onHand: 30 })), { reason: 'test stock' });
    await createWarehouse({ db: pool }, { code: 'overflow', name: 'Overflow', priority: 500 });
    for (const sku of skus) await adjustStock({ db: pool, outbox: createOutbox('inventory') }, { sku, warehouseCode: 'overflow', delta: 20, reason: 'test', actorUserId: 'usr_00000000000000000000000000' });
    const orders = Array.from({ length: 300 }, () => {
      const lines = [...new Set(Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => skus[Math.floor(Math.random() * skus.length)]!))];
      return { id: newId('ord'), lines: lines.map((sku) => [sku, 1 + Math.floor(Math.random() * 3)] as [string, number]) };
    });
    const events: Envelope[] = orders.map((o) => orderPlaced(o.id, o.lines));
    // A third is cancelled and a third confirmed at once: these race their OrderPlaced.
    orders.forEach((o, i) => {
      if (i % 3 === 1) events.push(orderCancelled(o.id, o.lines));
      if (i % 3 === 2) events.push(orderConfirmed(o.id, o.lines));
    });
    const batches: PublishItem[][] = [];
    for (let i = 0; i < events.length; i += 25) batches.push(events.slice(i, i + 25));
    await Promise.all(batches.map((b) => bus.publish(b)));
    const ids = events.map((e) => e.id);
    await eventually(async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1)', [ids])).rows[0]!.n === ids.length, 40_000, 50);

    assert.deepEqual(await ledgerMismatches(pool), []);
    // What each order holds (by the ledger) adds up to what is reserved; on hand fell by what was committed.
    const held = await pool.query<{ sku: string; reserved: number; on_hand: number; held: number; committed: number }>(
      `SELECT s.sku, sum(s.reserved)::int AS reserved, sum(s.on_hand)::int AS on_hand,
              (SELECT coalesce(sum(m.reserved_delta), 0)::int FROM stock_movements m JOIN reservations r USING (order_id) WHERE m.sku = s.sku AND r.status = 'reserved') AS held,
              (SELECT coalesce(-sum(m.on_hand_delta), 0)::int FROM stock_movements m WHERE m.sku = s.sku AND m.kind = 'commit') AS committed
         FROM stock_levels s WHERE s.sku = ANY($1) GROUP BY s.sku ORDER BY s.sku`,
      [skus],
    );
    for (const row of held.rows) {
      assert.equal(row.reserved, row.held, `${row.sku}: reserved is what open reservations hold`);
      assert.equal(row.on_hand, 50 - row.committed, `${row.sku}: on hand fell by what was committed`);
    }
    const closedHolding = await pool.query(
      `SELECT r.order_id FROM reservations r JOIN stock_movements m USING (order_id) WHERE r.status <> 'reserved' GROUP BY r.order_id HAVING sum(m.reserved_delta) <> 0`,
    );
    assert.deepEqual(closedHolding.rows, [], 'no closed reservation still holds stock');
    assert.deepEqual((await pool.query(`SELECT consumer, last_error FROM event_failures WHERE status = 'dead'`)).rows, []);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { newId, type Envelope } from '@mercato/contracts';
import fc from 'fast-check';
import { expireReservations } from '../src/reservations/expire-reservations.js';
import { inventoryService } from '../src/service.js';
import { adjustStock } from '../src/stock/adjust-stock.js';
import { allocate, applyChanges, commitChanges, releaseChanges, reservationChanges, restockChanges, type AllocatedLine, type StockRow } from '../src/stock/allocation.js';
import { createWarehouse } from '../src/warehouses/create-warehouse.js';
import { ledgerMismatches, levels, orderCancelled, orderConfirmed, orderPlaced, productCreated } from './support.js';

// Random sequences of reserve, release, commit, adjust, expire and redelivery (a cancel after a
// commit restocks), run through the service's own paths (the consumer with its inbox, the adjustment and sweeper use cases) on
// PostgreSQL, beside a model built from the pure rules. After every step: the database equals
// the model, on hand ≥ reserved ≥ 0, every level equals the sum of its movements, and a
// redelivered action (same event id, or the same order under a new id) changes nothing.

type Action =
  | { t: 'reserve'; lines: { sku: number; quantity: number }[] }
  | { t: 'adjust'; sku: number; warehouse: number; delta: number }
  | { t: 'release' | 'commit' | 'restock' | 'expire' | 'replay'; k: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('reserve' as const), lines: fc.array(fc.record({ sku: fc.nat(2), quantity: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('adjust' as const), sku: fc.nat(2), warehouse: fc.nat(2), delta: fc.integer({ min: -6, max: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('release' as const), k: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('commit' as const), k: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('expire' as const), k: fc.nat(50) }) },
  // A cancellation aimed at a committed order (release picks any order, so rarely hits one).
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restock' as const), k: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('replay' as const), k: fc.nat(50) }) },
);

const RUNS = Number(process.env.INVENTORY_PROPERTY_RUNS ?? 30);
const STEPS = 20;

describe('stock invariants under random sequences (property, PostgreSQL)', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  const warehouses: { id: string; code: string; priority: number }[] = [];

  before(async () => {
    db = await createTestDatabase('inv_prop');
    svc = await startService(inventoryService, {
      env: { INVENTORY_PORT: '0', INVENTORY_DATABASE_URL: db.url, OUTBOX_POLL_MS: '60000' },
      bus: new MemoryBus(),
      logger: captureLogger('inventory', 'silent').logger,
      listen: false,
      background: false,
    });
    warehouses.push({ id: 'whs_00000000000000000000000000', code: 'main', priority: 100 });
    for (const [code, priority] of [['east', 10], ['west', 100]] as const) {
      const w = await createWarehouse(svc, { code, name: code, priority });
      warehouses.push({ id: w.id, code, priority });
    }
  });

  after(async () => {
    await svc?.stop();
    await db?.drop();
  });

  it(`holds after every step (${RUNS} runs × ${STEPS} steps)`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: STEPS, maxLength: STEPS }), async (actions) => {
        run++;
        const skus = [0, 1, 2].map((i) => `P${run}-${i}-${Math.random().toString(36).slice(2, 8)}`);
        const handle = async (event: Envelope) => {
          const outcome = await svc.consumer.process(event, undefined);
          assert.equal(outcome, 'handled', `${event.type} was handled`);
        };
        await handle(productCreated(newId('prd'), skus));

        // The model: stock rows and orders, moved by the pure rules.
        let rows: StockRow[] = skus.map((sku) => ({ sku, warehouseId: warehouses[0]!.id, priority: 100, onHand: 0, reserved: 0 }));
        const orders: { id: string; status: string; lines: AllocatedLine[]; asked: [string, number][]; events: Envelope[] }[] = [];
        const pick = (k: number) => orders[k % Math.max(1, orders.length)];
        const ours = (all: Awaited<ReturnType<typeof levels>>) => all.filter((l) => skus.includes(l.sku));
        const modelLevels = () =>
          rows
            .map((r) => ({ sku: r.sku, warehouseId: r.warehouseId, onHand: r.onHand, reserved: r.reserved }))
            .sort((a, b) => (a.sku + a.warehouseId < b.sku + b.warehouseId ? -1 : 1));
        const statuses = async () => {
          const r = await svc.db.query<{ order_id: string; status: string }>('SELECT order_id, status FROM reservations WHERE order_id = ANY($1)', [orders.map((o) => o.id)]);
          return Object.fromEntries(r.rows.map((x) => [x.order_id, x.status]));
        };
        const apply = (changes: ReturnType<typeof releaseChanges>) => {
          const next = applyChanges(rows, changes);
          assert.ok(next.ok, 'the model never breaks the rules');
          rows = next.rows;
        };

        for (const a of actions) {
          if (a.t === 'reserve') {
            const asked = a.lines.map((l) => [skus[l.sku]!, l.quantity] as [string, number]);
            const event = orderPlaced(newId('ord'), asked);
            await handle(event);
            const predicted = allocate(a.lines.map((l) => ({ sku: skus[l.sku]!, quantity: l.quantity })), rows);
            const order = { id: event.data.orderId, status: predicted.ok ? 'reserved' : 'rejected', lines: predicted.ok ? predicted.lines : [], asked, events: [event as Envelope] };
            if (predicted.ok) apply(reservationChanges(predicted.lines));
            orders.push(order);
          } else if (a.t === 'adjust') {
            const sku = skus[a.sku]!;
            const w = warehouses[a.warehouse]!;
            const row = rows.find((r) => r.sku === sku && r.warehouseId === w.id);
            const current = row ?? { onHand: 0, reserved: 0 };
            const input = { sku, warehouseCode: w.code, delta: a.delta, reason: 'property', actorUserId: 'usr_00000000000000000000000000' };
            if (a.delta === 0) {
              await assert.rejects(adjustStock(svc, input), { status: 400 });
            } else if (current.onHand + a.delta < current.reserved) {
              await assert.rejects(adjustStock(svc, input), { status: 409, extensions: { onHand: current.onHand, reserved: current.reserved, delta: a.delta } });
            } else {
              await adjustStock(svc, input);
              if (!row) rows.push({ sku, warehouseId: w.id, priority: w.priority, onHand: 0, reserved: 0 });
              apply([{ sku, warehouseId: w.id, onHandDelta: a.delta, reservedDelta: 0 }]);
            }
          } else if (a.t === 'release' || a.t === 'commit') {
            const order = pick(a.k);
            if (!order) continue;
            const event = a.t === 'release' ? orderCancelled(order.id, order.asked) : orderConfirmed(order.id, order.asked);
            await handle(event);
            order.events.push(event);
            if (order.status === 'reserved') {
              apply(a.t === 'release' ? releaseChanges(order.lines) : commitChanges(order.lines));
              order.status = a.t === 'release' ? 'released' : 'committed';
            } else if (a.t === 'release' && order.status === 'committed') {
              // Cancelled after it was confirmed, before it shipped: what was committed goes back.
              apply(restockChanges(order.lines));
              order.status = 'restocked';
            }
          } else if (a.t === 'restock') {
            const committed = orders.filter((o) => o.status === 'committed');
            const order = committed[a.k % Math.max(1, committed.length)];
            if (!order) continue;
            const event = orderCancelled(order.id, order.asked);
            await handle(event);
            order.events.push(event);
            apply(restockChanges(order.lines));
            order.status = 'restocked';
          } else if (a.t === 'expire') {
            const order = pick(a.k);
            if (!order) continue;
            await svc.db.query(`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE order_id = $1 AND status = 'reserved'`, [order.id]);
            assert.equal(await expireReservations(svc, 10), order.status === 'reserved' ? 1 : 0);
            if (order.status === 'reserved') {
              apply(releaseChanges(order.lines));
              order.status = 'expired';
            }
          } else {
            // Redelivery: the same event again (the inbox), and the same action under a new event id.
            const order = pick(a.k);
            const last = order?.events.at(-1);
            if (!order || !last) continue;
            const before = JSON.stringify([ours(await levels(svc.db)), await statuses()]);
            assert.equal(await svc.consumer.process(last, undefined), 'duplicate');
            const again =
              last.type === 'OrderPlaced' ? orderPlaced(order.id, order.asked) : last.type === 'OrderCancelled' ? orderCancelled(order.id, order.asked) : orderConfirmed(order.id, order.asked);
            await handle(again);
            assert.equal(JSON.stringify([ours(await levels(svc.db)), await statuses()]), before, `replaying ${last.type} changed nothing`);
          }

          // The invariants, after every step.
          const actual = ours(await levels(svc.db));
          assert.deepEqual(actual, modelLevels(), `after ${JSON.stringify(a)}`);
          for (const l of actual) assert.ok(l.onHand >= l.reserved && l.reserved >= 0, `on hand ≥ reserved ≥ 0 for ${l.sku}`);
          assert.deepEqual(await ledgerMismatches(svc.db), []);
          assert.deepEqual(await statuses(), Object.fromEntries(orders.map((o) => [o.id, o.status])));
        }
      }),
      { numRuns: RUNS },
    );
    assert.equal((await svc.db.query('SELECT 1 FROM event_failures')).rowCount, 0);
  });
});

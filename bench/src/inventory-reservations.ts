// Reservations per second for 3-line orders through the inventory service's own path — the
// OrderPlaced consumer with its inbox row, the SKU and stock-row locks, the level update, the
// ledger, the reservation record and the StockReserved outbox event, one transaction per
// order — beside the same number of bare single-row statements on the same server in the same
// run: `UPDATE … SET reserved = reserved + n WHERE sku = … AND on_hand - reserved >= n`, each
// its own autocommit transaction (3 per order). Target: the service ≥ 0.3 of the bare path.
//
//   npm run bench:inventory [-- --orders 2000 --concurrency 8 --rounds 5]
//
// Two scenarios: orders spread over many SKUs (no contention), and orders over 10 hot SKUs
// (every order waits on locks others hold). A third figure, an empty handler through the same
// consumer (inbox row and transaction only), shows what the platform costs before any stock
// work. The benchmark creates its own database on the PostgreSQL server and drops it after.
import { MemoryBus, startService, type EventConsumer, type RunningService } from '@mercato/chassis';
import { CHASSIS_MIGRATIONS, createLogger, createOutbox, Db, EventConsumer as Consumer, migrate } from '@mercato/chassis';
import { createTestDatabase, TEST_PG_URL } from '@mercato/chassis/testing';
import { createEvent, newId, type Envelope } from '@mercato/contracts';
import { inventoryService, seedStock } from '@mercato/inventory';
import { argNumber as arg } from './support/args.js';

const ORDERS = arg('orders', 2000);
const CONCURRENCY = arg('concurrency', 8);
const ROUNDS = arg('rounds', 5);
const LINES = 3;
const WIDE_SKUS = 3000;
const HOT_SKUS = 10;
const silent = createLogger({ service: 'bench', level: 'silent' });

const skuName = (prefix: string, i: number) => `${prefix}-${String(i).padStart(5, '0')}`;

/** Orders of LINES distinct SKUs out of `pool`, one unit each. */
function orders(pool: string[], n: number): Envelope[] {
  return Array.from({ length: n }, () => {
    const picked = new Set<string>();
    while (picked.size < LINES) picked.add(pool[Math.floor(Math.random() * pool.length)]!);
    const orderId = newId('ord');
    const lines = [...picked].map((sku) => ({ sku, productId: newId('prd'), variantId: newId('var'), title: sku, quantity: 1, unitPrice: { amount: 1000, currency: 'EUR' } }));
    return createEvent('OrderPlaced', { orderId, userId: null, email: 'buyer@example.com', lines, total: { amount: 3000, currency: 'EUR' } }, { source: 'order', subject: orderId });
  });
}

/** Runs `work` over the items with `CONCURRENCY` workers; returns items per second. */
async function timed<T>(items: T[], work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
  return items.length / ((performance.now() - start) / 1000);
}

async function servicePath(consumer: EventConsumer, events: Envelope[]): Promise<number> {
  return timed(events, async (e) => {
    const outcome = await consumer.process(e, undefined);
    if (outcome !== 'handled') throw new Error(`OrderPlaced ${outcome}`);
  });
}

const RUN = 16;

/** The same orders as the broker hands them over: runs of RUN events, one transaction per run. */
async function deliveredPath(consumer: EventConsumer, events: Envelope[]): Promise<number> {
  const runs = Array.from({ length: Math.ceil(events.length / RUN) }, (_, i) => events.slice(i * RUN, (i + 1) * RUN));
  return (await timed(runs, (run) => consumer.deliver(run))) * RUN;
}

/** The bare path: LINES single-row autocommit UPDATEs per order, as separate statements. */
async function barePath(db: Db, events: Envelope[]): Promise<number> {
  const statements = events.flatMap((e) => (e.data as { lines: { sku: string; quantity: number }[] }).lines.map((l) => [l.sku, l.quantity] as const));
  const perSecond = await timed(statements, async ([sku, n]) => {
    const r = await db.query('UPDATE bare_stock SET reserved = reserved + $2 WHERE sku = $1 AND on_hand - reserved >= $2', [sku, n]);
    if (r.rowCount !== 1) throw new Error('bare update reserved nothing');
  });
  return perSecond / LINES;
}

interface Scenario {
  name: string;
  pool: string[];
}

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_inventory', TEST_PG_URL);
  let svc: RunningService | undefined;
  const bare = new Db({ url: database.url, poolMax: CONCURRENCY + 2 });
  try {
    svc = await startService(inventoryService, {
      env: { INVENTORY_DATABASE_URL: database.url, INVENTORY_PORT: '0', DB_POOL_MAX: String(CONCURRENCY + 2), OUTBOX_POLL_MS: '60000', LOG_LEVEL: 'silent' },
      bus: new MemoryBus(),
      logger: silent,
      listen: false,
      background: false,
    });
    const wide = Array.from({ length: WIDE_SKUS }, (_, i) => skuName('WIDE', i));
    const hot = Array.from({ length: HOT_SKUS }, (_, i) => skuName('HOT', i));
    const plenty = 100_000_000;
    await seedStock(svc.db, svc.outbox, [...wide, ...hot].map((sku) => ({ sku, onHand: plenty })), { reason: 'benchmark stock' });
    await bare.query('CREATE TABLE bare_stock (sku text PRIMARY KEY, on_hand integer NOT NULL, reserved integer NOT NULL DEFAULT 0, CHECK (reserved <= on_hand))');
    await bare.query('INSERT INTO bare_stock (sku, on_hand) SELECT unnest($1::text[]), $2', [[...wide, ...hot], plenty]);

    // The platform's own cost: the same consumer with a handler that does nothing.
    await migrate(bare, [CHASSIS_MIGRATIONS]);
    const empty = new Consumer({ service: 'empty', db: bare, logger: silent, outbox: createOutbox('empty'), manifest: { OrderPlaced: async () => undefined }, retry: { maxAttempts: 1, baseMs: 1, maxMs: 1 } });

    const scenarios: Scenario[] = [
      { name: `${WIDE_SKUS} SKUs, no contention`, pool: wide },
      { name: `${HOT_SKUS} hot SKUs, contended`, pool: hot },
    ];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`orders per round: ${ORDERS} of ${LINES} lines, ${CONCURRENCY} concurrent, ${ROUNDS} rounds (medians)`);
    for (const s of scenarios) {
      const bares: number[] = [];
      const platform: number[] = [];
      const emptyRuns: number[] = [];
      const delivered: number[] = [];
      // Alternate the paths, several rounds: the machine is shared and noisy.
      for (let r = 0; r < ROUNDS; r++) {
        bares.push(await barePath(bare, orders(s.pool, ORDERS)));
        platform.push(await servicePath(svc.consumer, orders(s.pool, ORDERS)));
        emptyRuns.push(await servicePath(empty, orders(s.pool, ORDERS)));
        delivered.push(await deliveredPath(svc.consumer, orders(s.pool, ORDERS)));
        console.log(`  ${s.name} round ${r + 1}: bare ${bares[r]!.toFixed(0)} orders/s, mercato ${platform[r]!.toFixed(0)} orders/s`);
      }
      const ratio = median(platform) / median(bares);
      console.log(`${s.name}`);
      console.log(`  baseline  ${LINES} single-row UPDATE … WHERE available >= n per order (autocommit): ${median(bares).toFixed(0)} orders/s (${(median(bares) * LINES).toFixed(0)} statements/s)`);
      console.log(`  mercato   OrderPlaced → inbox, locks, levels, ledger, reservation, outbox (1 tx):  ${median(platform).toFixed(0)} reservations/s`);
      console.log(`  reference the same consumer, empty handler (inbox row + transaction only):      ${median(emptyRuns).toFixed(0)} events/s`);
      console.log(`  ratio     ${ratio.toFixed(2)}  (target ≥ 0.30: ${ratio >= 0.3 ? 'met' : 'NOT met'})`);
      console.log(
        `  delivered in runs of ${RUN}, as the broker hands them over (one transaction per run): ${median(delivered).toFixed(0)} reservations/s, ratio ${(median(delivered) / median(bares)).toFixed(2)}`,
      );
    }
    const check = await svc.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM stock_levels s
         LEFT JOIN (SELECT sku, warehouse_id, sum(on_hand_delta) AS h, sum(reserved_delta) AS r FROM stock_movements GROUP BY 1, 2) m USING (sku, warehouse_id)
        WHERE s.on_hand <> m.h OR s.reserved <> m.r`,
    );
    if (check.rows[0]!.n !== 0) throw new Error('the ledger disagrees with the levels');
  } finally {
    await svc?.stop();
    await bare.close();
    await database.drop();
  }
}

await main();

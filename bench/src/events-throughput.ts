// Events per second through outbox → RabbitMQ → inbox, beside a bare amqplib
// publish/consume loop (publisher confirms, manual acks, persistent messages, durable queue)
// on the same broker in the same run. Target: the platform path ≥ 0.5 of the bare loop.
//
//   npm run bench:events [-- --events 20000]
import { newId } from '@mercato/contracts';
import {
  AmqpBus,
  CHASSIS_MIGRATIONS,
  createLogger,
  createOutbox,
  Db,
  EventConsumer,
  migrate,
  OutboxRelay,
  amqpNames,
} from '@mercato/chassis';
import { createTestDatabase, TEST_AMQP_URL, TEST_PG_URL, uniqueName } from '@mercato/chassis/testing';
import amqp from 'amqplib';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const EVENTS = arg('events', 20_000);
const BATCH = arg('batch', 500);
const PREFETCH = arg('prefetch', 64);
const POOL = arg('pool', 10);

function sampleData(orderId: string) {
  return {
    orderId,
    userId: null,
    email: 'buyer@example.com',
    lines: [
      { sku: 'TSHIRT-BLUE-M', productId: newId('prd'), variantId: newId('var'), title: 'Blue shirt', quantity: 1, unitPrice: { amount: 1999, currency: 'EUR' } },
    ],
    total: { amount: 1999, currency: 'EUR' },
  };
}

async function bareLoop(): Promise<number> {
  const ns = uniqueName('bench');
  const queue = `${ns}.bare`;
  const conn = await amqp.connect(TEST_AMQP_URL);
  const pub = await conn.createConfirmChannel();
  const sub = await conn.createChannel();
  await pub.assertExchange(`${ns}.events`, 'topic', { durable: true });
  await sub.assertQueue(queue, { durable: true });
  await sub.bindQueue(queue, `${ns}.events`, 'OrderPlaced');
  await sub.prefetch(PREFETCH);
  const bodies = Array.from({ length: EVENTS }, () => {
    const orderId = newId('ord');
    return Buffer.from(JSON.stringify({ id: newId('evt'), type: 'OrderPlaced', version: 1, occurredAt: new Date().toISOString(), source: 'order', subject: orderId, traceparent: null, data: sampleData(orderId) }));
  });
  let acked = 0;
  const done = new Promise<void>((resolve) => {
    void sub.consume(queue, (msg) => {
      if (!msg) return;
      JSON.parse(msg.content.toString('utf8'));
      sub.ack(msg);
      if (++acked === EVENTS) resolve();
    });
  });
  const start = performance.now();
  for (let i = 0; i < EVENTS; i += BATCH) {
    for (const body of bodies.slice(i, i + BATCH)) {
      if (!pub.publish(`${ns}.events`, 'OrderPlaced', body, { persistent: true, contentType: 'application/json' })) {
        await new Promise((r) => pub.once('drain', r));
      }
    }
    await pub.waitForConfirms();
  }
  await done;
  const seconds = (performance.now() - start) / 1000;
  await sub.deleteQueue(queue);
  await pub.deleteExchange(`${ns}.events`);
  await conn.close();
  return EVENTS / seconds;
}

async function platformPath(): Promise<{ rate: number; insertRate: number }> {
  const logger = createLogger({ service: 'bench', level: 'silent' });
  const producerDb = await createTestDatabase('bench_producer', TEST_PG_URL);
  const consumerDb = await createTestDatabase('bench_consumer', TEST_PG_URL);
  const producer = new Db({ url: producerDb.url, poolMax: 10 });
  const consumerPool = new Db({ url: consumerDb.url, poolMax: POOL });
  await migrate(producer, [CHASSIS_MIGRATIONS]);
  await migrate(consumerPool, [CHASSIS_MIGRATIONS]);
  const outbox = createOutbox('order');

  // The producing service's business transactions, written before the clock starts.
  const insertStart = performance.now();
  for (let i = 0; i < EVENTS; i += BATCH) {
    await producer.tx(async (tx) => {
      for (let j = i; j < Math.min(i + BATCH, EVENTS); j++) {
        const orderId = newId('ord');
        await outbox.emit(tx, 'OrderPlaced', sampleData(orderId), orderId);
      }
    });
  }
  const insertRate = EVENTS / ((performance.now() - insertStart) / 1000);

  const namespace = uniqueName('bench');
  const consumerBus = new AmqpBus({ url: TEST_AMQP_URL, logger, namespace });
  const producerBus = new AmqpBus({ url: TEST_AMQP_URL, logger, namespace });
  let handled = 0;
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  const consumer = new EventConsumer({
    service: 'inventory',
    db: consumerPool,
    logger,
    outbox: createOutbox('inventory'),
    manifest: {
      OrderPlaced: async () => {
        if (++handled === EVENTS) setImmediate(finish);
      },
    },
    retry: { maxAttempts: 5, baseMs: 100, maxMs: 1000 },
  });
  await consumerBus.subscribe('inventory', consumer.types, consumer.deliver, { prefetch: PREFETCH });
  await producerBus.start();
  const relay = new OutboxRelay({ db: producer, bus: producerBus, logger, batchSize: BATCH, pollMs: 50 });

  const start = performance.now();
  relay.start();
  await done;
  // The last handler has run; the clock stops when its transaction (the inbox row) has committed.
  const inboxCount = async () => (await consumerPool.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox')).rows[0]!.n;
  while ((await inboxCount()) < EVENTS) await new Promise((r) => setTimeout(r, 2));
  const seconds = (performance.now() - start) / 1000;
  if ((await inboxCount()) !== EVENTS) throw new Error('inbox does not hold every event exactly once');

  await relay.stop();
  await consumerBus.close();
  await producerBus.close();
  const names = amqpNames(namespace);
  const conn = await amqp.connect(TEST_AMQP_URL);
  const ch = await conn.createChannel();
  await ch.deleteQueue(names.queue('inventory'));
  await ch.deleteQueue(names.deadQueue('inventory'));
  await ch.deleteExchange(names.events);
  await ch.deleteExchange(names.deadLetter);
  await conn.close();
  await producer.close();
  await consumerPool.close();
  await producerDb.drop();
  await consumerDb.drop();
  return { rate: EVENTS / seconds, insertRate };
}

// Alternate the two, several rounds, and compare medians: the machine is shared and noisy.
const ROUNDS = arg('rounds', 3);
const bares: number[] = [];
const platforms: number[] = [];
const inserts: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  bares.push(await bareLoop());
  const p = await platformPath();
  platforms.push(p.rate);
  inserts.push(p.insertRate);
  console.log(`round ${r + 1}: bare ${bares[r]!.toFixed(0)}/s, mercato ${platforms[r]!.toFixed(0)}/s`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratio = median(platforms) / median(bares);
console.log(`events per round: ${EVENTS}, relay batch ${BATCH}, prefetch ${PREFETCH}, consumer pool ${POOL}, rounds ${ROUNDS} (medians)`);
console.log(`baseline  bare amqplib publish (confirms) / consume (acks):      ${median(bares).toFixed(0)} events/s`);
console.log(`mercato   outbox → relay → RabbitMQ → consumer inbox (committed): ${median(platforms).toFixed(0)} events/s`);
console.log(`ratio     ${ratio.toFixed(2)}  (target ≥ 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})`);
console.log(`(outbox writes in 500-event transactions, outside the timed path: ${median(inserts).toFixed(0)} events/s)`);

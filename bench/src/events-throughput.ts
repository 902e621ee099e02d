// Events per second through outbox → relay → RabbitMQ → consumer inbox, beside a bare amqplib
// publish/consume loop (publisher confirms per batch, manual acks, persistent messages, a durable
// queue) on the same broker in the same run. Target: the platform path ≥ 0.5 of the bare loop.
//
//   npm run bench:events [-- --events 20000 --rounds 3 --prefetch 256 --batch 500]
//
// Both paths run as they are deployed: the producing side (the order service's relay, or the
// bare publisher) in a process of its own, the consuming side (the inventory service's
// consumer, or the bare consumer) in this one. The clock runs from the producer's first publish
// until the last event is consumed — for the platform, until its inbox row has committed.
import { fileURLToPath } from 'node:url';
import { newId } from '@mercato/contracts';
import { AmqpBus, CHASSIS_MIGRATIONS, createLogger, createOutbox, Db, EventConsumer, migrate } from '@mercato/chassis';
import { createTestDatabase, deleteBusNamespace, TEST_AMQP_URL, TEST_PG_URL, uniqueName } from '@mercato/chassis/testing';
import amqp from 'amqplib';
import { forkGoRole, relayProducer, waitForGo } from './support/go-roles.js';
import { argNumber as arg, argText } from './support/args.js';

const role = argText('role', 'bench');
const EVENTS = arg('events', 20_000);
const BATCH = arg('batch', 500);
const PREFETCH = arg('prefetch', 256);
const ROUNDS = arg('rounds', 3);
const silent = createLogger({ service: 'bench', level: 'silent' });

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

// ── producer processes ────────────────────────────────────────────────────────────────────────
async function bareProducer(namespace: string): Promise<void> {
  const conn = await amqp.connect(TEST_AMQP_URL);
  const pub = await conn.createConfirmChannel();
  const exchange = `${namespace}.events`;
  const bodies = Array.from({ length: EVENTS }, () => {
    const orderId = newId('ord');
    const e = { id: newId('evt'), type: 'OrderPlaced', version: 1, occurredAt: new Date().toISOString(), source: 'order', subject: orderId, traceparent: null, data: sampleData(orderId) };
    return Buffer.from(JSON.stringify(e));
  });
  process.send!({ ready: true });
  await waitForGo();
  for (let i = 0; i < EVENTS; i += BATCH) {
    for (const body of bodies.slice(i, i + BATCH)) {
      if (!pub.publish(exchange, 'OrderPlaced', body, { persistent: true, contentType: 'application/json' })) {
        await new Promise((r) => pub.once('drain', r));
      }
    }
    await pub.waitForConfirms();
  }
  await conn.close();
}

// ── the two paths, measured from here (the consuming side) ─────────────────────────────────────
async function bareLoop(): Promise<number> {
  const ns = uniqueName('bench');
  const queue = `${ns}.bare`;
  const conn = await amqp.connect(TEST_AMQP_URL);
  const sub = await conn.createChannel();
  await sub.assertExchange(`${ns}.events`, 'topic', { durable: true });
  await sub.assertQueue(queue, { durable: true });
  await sub.bindQueue(queue, `${ns}.events`, 'OrderPlaced');
  await sub.prefetch(PREFETCH);
  let acked = 0;
  const done = new Promise<void>((resolve) => {
    void sub.consume(queue, (msg) => {
      if (!msg) return;
      JSON.parse(msg.content.toString('utf8'));
      sub.ack(msg);
      if (++acked === EVENTS) resolve();
    });
  });
  const p = await forkGoRole(fileURLToPath(import.meta.url), ['--role', 'bare-producer', '--ns', ns, ...process.argv.slice(2)]);
  const start = performance.now();
  p.go();
  await done;
  const seconds = (performance.now() - start) / 1000;
  await p.done;
  await sub.deleteQueue(queue);
  await sub.deleteExchange(`${ns}.events`);
  await conn.close();
  return EVENTS / seconds;
}

async function platformPath(): Promise<number> {
  const producerDb = await createTestDatabase('bench_producer', TEST_PG_URL);
  const consumerDb = await createTestDatabase('bench_consumer', TEST_PG_URL);
  const producerPool = new Db({ url: producerDb.url, poolMax: 4 });
  const consumerPool = new Db({ url: consumerDb.url, poolMax: 10 });
  await migrate(producerPool, [CHASSIS_MIGRATIONS]);
  await migrate(consumerPool, [CHASSIS_MIGRATIONS]);

  // The producing service's business transactions, written before the clock starts.
  const outbox = createOutbox('order');
  for (let i = 0; i < EVENTS; i += BATCH) {
    await producerPool.tx(async (tx) => {
      for (let j = i; j < Math.min(i + BATCH, EVENTS); j++) {
        const orderId = newId('ord');
        await outbox.emit(tx, 'OrderPlaced', sampleData(orderId), orderId);
      }
    });
  }
  await producerPool.close();

  const namespace = uniqueName('bench');
  const consumerBus = new AmqpBus({ url: TEST_AMQP_URL, logger: silent, namespace });
  let handled = 0;
  let finish!: () => void;
  const allHandled = new Promise<void>((r) => (finish = r));
  const consumer = new EventConsumer({
    service: 'inventory',
    db: consumerPool,
    logger: silent,
    outbox: createOutbox('inventory'),
    manifest: {
      OrderPlaced: async () => {
        if (++handled === EVENTS) setImmediate(finish);
      },
    },
    retry: { maxAttempts: 5, baseMs: 100, maxMs: 1000 },
  });
  await consumerBus.subscribe('inventory', consumer.types, consumer.deliver, { prefetch: PREFETCH });

  const p = await forkGoRole(fileURLToPath(import.meta.url), ['--role', 'relay-producer', '--ns', namespace, '--db', producerDb.url, ...process.argv.slice(2)]);
  const start = performance.now();
  p.go();
  await allHandled;
  // The last handler has run; the clock stops when its transaction (the inbox row) has committed.
  const inboxCount = async () => (await consumerPool.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox')).rows[0]!.n;
  while ((await inboxCount()) < EVENTS) await new Promise((r) => setTimeout(r, 2));
  const seconds = (performance.now() - start) / 1000;
  await p.done;
  if ((await inboxCount()) !== EVENTS) throw new Error('inbox does not hold every event exactly once');

  await consumerBus.close();
  await deleteBusNamespace(TEST_AMQP_URL, namespace, ['inventory']);
  await consumerPool.close();
  await producerDb.drop();
  await consumerDb.drop();
  return EVENTS / seconds;
}

if (role === 'bare-producer') {
  await bareProducer(argText('ns', ''));
} else if (role === 'relay-producer') {
  await relayProducer(argText('ns', ''), argText('db', ''), BATCH, silent);
} else {
  // Alternate the two, several rounds, and compare medians: the machine is shared and noisy.
  const bares: number[] = [];
  const platforms: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    bares.push(await bareLoop());
    platforms.push(await platformPath());
    console.log(`round ${r + 1}: bare ${bares[r]!.toFixed(0)}/s, mercato ${platforms[r]!.toFixed(0)}/s`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(platforms) / median(bares);
  console.log(`events per round: ${EVENTS}, batch ${BATCH}, prefetch ${PREFETCH}, rounds ${ROUNDS} (medians); producer and consumer in separate processes`);
  console.log(`baseline  bare amqplib publish (confirms) / consume (acks):      ${median(bares).toFixed(0)} events/s`);
  console.log(`mercato   outbox → relay → RabbitMQ → consumer inbox (committed): ${median(platforms).toFixed(0)} events/s`);
  console.log(`ratio     ${ratio.toFixed(2)}  (target ≥ 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})`);
}

// The checkout saga's work without the services: per order, the same number of database
// transactions (a trivial INSERT and its COMMIT on a scratch table) and the same number of bus
// messages, each a publish (persistent, broker-confirmed) → consume hop through RabbitMQ that
// waits for the one before, as the saga's steps wait for each other. Orders run with the same
// concurrency as the measured side. The broker connection has Nagle's algorithm off, as the
// services' has.
import { Db } from '@mercato/chassis';
import { createTestDatabase, TEST_AMQP_URL, TEST_PG_URL, uniqueName } from '@mercato/chassis/testing';
import amqp from 'amqplib';

export interface BareResult {
  perSecond: number;
  /** Per order, ms, sorted ascending. */
  latencies: number[];
  transactions: number;
  messages: number;
}

/** Spreads `total` over `n` slots as evenly as integers allow (slot i gets its share of the rounding). */
const share = (total: number, n: number, i: number) => Math.floor(((i + 1) * total) / n) - Math.floor((i * total) / n);

export async function bareSaga(opts: { orders: number; concurrency: number; txPerOrder: number; messagesPerOrder: number; poolMax: number }): Promise<BareResult> {
  const scratch = await createTestDatabase('bench_bare', TEST_PG_URL);
  const db = new Db({ url: scratch.url, poolMax: opts.poolMax });
  const ns = uniqueName('bench_bare');
  const conn = await amqp.connect(TEST_AMQP_URL, { noDelay: true });
  try {
    await db.query('CREATE TABLE scratch (id bigserial PRIMARY KEY, order_no integer NOT NULL, step integer NOT NULL, at timestamptz NOT NULL DEFAULT now())');
    const pub = await conn.createConfirmChannel();
    const sub = await conn.createChannel();
    const exchange = `${ns}.events`;
    const queue = `${ns}.hops`;
    await pub.assertExchange(exchange, 'topic', { durable: true });
    await sub.assertQueue(queue, { durable: true });
    await sub.bindQueue(queue, exchange, '#');
    await sub.prefetch(256);
    const waiting = new Map<string, () => void>();
    await sub.consume(queue, (m) => {
      if (!m) return;
      sub.ack(m);
      const key = m.content.toString();
      waiting.get(key)?.();
      waiting.delete(key);
    });
    const hop = (key: string) =>
      new Promise<void>((resolve, reject) => {
        waiting.set(key, resolve);
        pub.publish(exchange, 'Hop', Buffer.from(key), { persistent: true, contentType: 'application/json' }, (err) => {
          if (err) reject(err instanceof Error ? err : new Error(String(err)));
        });
      });

    // The totals over the run match the measured per-order figures (fractional on average).
    const txTotal = Math.round(opts.txPerOrder * opts.orders);
    const msgTotal = Math.round(opts.messagesPerOrder * opts.orders);
    const order = async (i: number) => {
      const tx = share(txTotal, opts.orders, i);
      const hops = share(msgTotal, opts.orders, i);
      // Transactions spread over the segments between hops, as each saga step commits its own.
      for (let s = 0; s <= hops; s++) {
        for (let t = share(tx, hops + 1, s); t > 0; t--) {
          await db.tx((c) => c.query('INSERT INTO scratch (order_no, step) VALUES ($1, $2)', [i, s]));
        }
        if (s < hops) await hop(`${i}:${s}`);
      }
    };

    const latencies: number[] = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (next < opts.orders) {
          const i = next++;
          const t0 = performance.now();
          await order(i);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    await sub.deleteQueue(queue);
    await pub.deleteExchange(exchange);
    latencies.sort((a, b) => a - b);
    return { perSecond: opts.orders / seconds, latencies, transactions: txTotal, messages: msgTotal };
  } finally {
    await conn.close();
    await db.close();
    await scratch.drop();
  }
}

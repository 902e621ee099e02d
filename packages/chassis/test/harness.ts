import { fileURLToPath } from 'node:url';
import { newId, type EventData } from '@mercato/contracts';
import { AmqpBus } from '../src/bus/amqp-bus.js';
import type { BusDriver } from '../src/bus/bus.js';
import { MemoryBus } from '../src/bus/memory-bus.js';
import { Db } from '../src/db/db.js';
import { CHASSIS_MIGRATIONS, migrate } from '../src/db/migrate.js';
import { EventConsumer, type EventHandler, type Outcome, type RetryPolicy } from '../src/events/consumer.js';
import { createOutbox, type Outbox } from '../src/events/outbox.js';
import { OutboxRelay, type RelayOptions } from '../src/events/relay.js';
import { createLogger } from '../src/logger.js';
import { deleteBusNamespace, TEST_AMQP_URL, uniqueName } from '../src/testing/index.js';

export const FIXTURE_MIGRATIONS = { scope: 'test', dir: fileURLToPath(new URL('./fixtures/migrations', import.meta.url)) };

export function orderPlaced(orderId = newId('ord')): EventData<'OrderPlaced'> {
  return {
    orderId,
    userId: null,
    email: 'buyer@example.com',
    lines: [
      {
        sku: 'TSHIRT-BLUE-M',
        productId: newId('prd'),
        variantId: newId('var'),
        title: 'Blue shirt',
        quantity: 1,
        unitPrice: { amount: 1999, currency: 'EUR' },
      },
    ],
    total: { amount: 1999, currency: 'EUR' },
  };
}

/** Inserts the effect row in the handler's transaction: counted once per handled event. */
export const recordEffect: EventHandler<'OrderPlaced'> = async (event, { tx }) => {
  await tx.query('INSERT INTO effects (event_id, subject) VALUES ($1, $2)', [event.id, event.subject]);
};

export interface Harness {
  db: Db;
  outbox: Outbox;
  bus: BusDriver;
  consumer: EventConsumer;
  relay: (opts?: Partial<RelayOptions>) => OutboxRelay;
  effects: () => Promise<{ event_id: string; subject: string }[]>;
  /** Messages the consumer has finished with (recorded), duplicates included. */
  deliveries: () => number;
  namespace: string;
  close: () => Promise<void>;
}

export interface HarnessOptions {
  dbUrl: string;
  bus: 'memory' | 'amqp';
  handler?: EventHandler<'OrderPlaced'>;
  retry?: Partial<RetryPolicy>;
  group?: string;
  namespace?: string;
  /** Subscribe the consumer to the bus (default true). */
  subscribe?: boolean;
  /** Told the outcome of every delivered event. */
  onOutcome?: (type: string, outcome: Outcome) => void;
}

/** One "service": its database with the event tables, an outbox, a consumer and a bus. */
export async function createHarness(opts: HarnessOptions): Promise<Harness> {
  const logger = createLogger({ service: 'test', level: process.env.LOG_LEVEL ?? 'silent' });
  const db = new Db({ url: opts.dbUrl, poolMax: 8 });
  await migrate(db, [CHASSIS_MIGRATIONS, FIXTURE_MIGRATIONS]);
  const namespace = opts.namespace ?? uniqueName('t');
  const bus: BusDriver = opts.bus === 'memory' ? new MemoryBus() : new AmqpBus({ url: TEST_AMQP_URL, logger, namespace, requeueDelayMs: 50 });
  await bus.start();
  const outbox = createOutbox('order');
  const consumer = new EventConsumer({
    service: opts.group ?? 'inventory',
    db,
    logger,
    outbox,
    manifest: { OrderPlaced: opts.handler ?? recordEffect },
    retry: { maxAttempts: 4, baseMs: 40, maxMs: 2000, ...opts.retry },
    onOutcome: opts.onOutcome,
  });
  let deliveries = 0;
  if (opts.subscribe !== false) {
    await bus.subscribe(
      opts.group ?? 'inventory',
      consumer.types,
      async (m) => {
        await consumer.deliver(m);
        deliveries += m.length;
      },
      { prefetch: 16 },
    );
  }
  if (bus instanceof MemoryBus) bus.open();
  const relays: OutboxRelay[] = [];
  return {
    db,
    outbox,
    bus,
    consumer,
    relay: (r = {}) => {
      const relay = new OutboxRelay({ db, bus, logger, batchSize: 100, pollMs: 50, ...r });
      relays.push(relay);
      return relay;
    },
    effects: async () => (await db.query<{ event_id: string; subject: string }>('SELECT event_id, subject FROM effects ORDER BY n')).rows,
    deliveries: () => deliveries,
    namespace,
    close: async () => {
      await Promise.all(relays.map((r) => r.stop()));
      await consumer.stop();
      await bus.close();
      await db.close();
      if (opts.bus === 'amqp') await deleteBusNamespace(TEST_AMQP_URL, namespace, [opts.group ?? 'inventory']);
    },
  };
}


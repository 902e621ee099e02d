import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createEvent, InvalidEventError, newId } from '@mercato/contracts';
import amqp from 'amqplib';
import type { PoolClient } from 'pg';
import { AmqpBus, amqpNames } from '../src/bus/amqp-bus.js';
import { replayFailures } from '../src/events/dead-letters.js';
import { inRuns, withBatch, withInboxRuns } from '../src/events/consumer.js';
import { createLogger } from '../src/logger.js';
import { createTestDatabase, eventually, TEST_AMQP_URL, type TestDatabase } from '../src/testing/index.js';
import { createHarness, orderPlaced, recordEffect, type Harness } from './harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function count(h: Harness, sql: string): Promise<number> {
  const res = await h.db.query<{ n: number }>(sql);
  return res.rows[0]!.n;
}

/**
 * The event backbone's guarantees, run against a PostgreSQL server (`serverUrl`) and one bus.
 * Each case starts from a fresh database.
 */
export function backboneSuite(title: string, opts: { serverUrl: () => string; bus: 'memory' | 'amqp'; skip: string | false }): void {
  describe(title, { skip: opts.skip }, () => {
    let database: TestDatabase;
    let h: Harness | undefined;

    beforeEach(async () => {
      database = await createTestDatabase('ev', opts.serverUrl());
    });
    afterEach(async () => {
      await h?.close();
      h = undefined;
      await database.drop();
    });

    it('never publishes an event written in a rolled back transaction', async () => {
      h = await createHarness({ dbUrl: database.url, bus: opts.bus });
      const harness = h;
      await assert.rejects(
        harness.db.tx(async (tx) => {
          await harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(), 'ord_rolled_back');
          throw new Error('payment of the state change failed');
        }),
        /state change failed/,
      );
      const id = newId('ord');
      const kept = await harness.db.tx((tx) => harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(id), id));
      assert.equal(await harness.relay().drain(), 1);
      await eventually(() => harness.deliveries() >= 1);
      await sleep(100);
      assert.deepEqual((await harness.effects()).map((e) => e.event_id), [kept.id]);
      assert.equal(await count(harness, 'SELECT count(*)::int AS n FROM outbox'), 1);
      assert.equal(harness.deliveries(), 1);
    });

    it('publishes again after a relay dies between publish and mark, and the consumer handles it once', async () => {
      h = await createHarness({ dbUrl: database.url, bus: opts.bus });
      const harness = h;
      const ids = await harness.db.tx(async (tx) => {
        const out: string[] = [];
        for (let i = 0; i < 3; i++) {
          const orderId = newId('ord');
          out.push((await harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(orderId), orderId)).id);
        }
        return out;
      });
      const dying = harness.relay({
        afterPublish: async () => {
          throw new Error('relay process killed');
        },
      });
      await assert.rejects(dying.drain(), /relay process killed/);
      assert.equal(await count(harness, 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'), 3);

      assert.equal(await harness.relay().drain(), 3);
      await eventually(() => harness.deliveries() === 6);
      assert.equal(await count(harness, 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'), 0);
      const failures = await harness.db.query('SELECT event_id, last_error FROM event_failures');
      assert.deepEqual((await harness.effects()).map((e) => e.event_id).sort(), [...ids].sort(), JSON.stringify(failures.rows));
      assert.equal(await count(harness, 'SELECT count(*)::int AS n FROM inbox'), 3);
    });

    it('retries a poison event with growing delays, dead-letters it, and handles it after replay', async () => {
      let fixed = false;
      h = await createHarness({
        dbUrl: database.url,
        bus: opts.bus,
        retry: { maxAttempts: 4, baseMs: 40, maxMs: 5000 },
        handler: async (event, ctx) => {
          // The effect is written first: a failure must roll it back with the inbox row.
          await recordEffect(event, ctx);
          if (!fixed) throw new Error('downstream rejected the order');
        },
      });
      const harness = h;
      harness.consumer.start(10);
      const orderId = newId('ord');
      const event = await harness.db.tx((tx) => harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(orderId), orderId));
      await harness.relay().drain();

      const dead = await eventually(async () => {
        const r = await harness.db.query<{ id: number; status: string; attempts: number; attempt_log: { at: string; retryInMs: number | null }[] }>(
          'SELECT id, status, attempts, attempt_log FROM event_failures WHERE event_id = $1',
          [event.id],
        );
        return r.rows[0]?.status === 'dead' ? r.rows[0] : undefined;
      });
      assert.equal(dead.attempts, 4);
      // Each failure scheduled its retry further out (base 40 ms, doubling, jittered to [0.5, 1)),
      // and no retry ran before its time.
      const delays = dead.attempt_log.map((a) => a.retryInMs);
      assert.equal(delays.length, 4);
      assert.equal(delays[3], null, 'the last attempt schedules nothing: the event is dead');
      const scheduled = delays.slice(0, 3) as number[];
      scheduled.forEach((d, i) => assert.ok(d >= 20 * 2 ** i && d < 40 * 2 ** i, `retry ${i + 1} in ${d} ms`));
      assert.ok(scheduled[0]! < scheduled[1]! && scheduled[1]! < scheduled[2]!, `delays grow: ${scheduled.join(', ')} ms`);
      const times = dead.attempt_log.map((a) => Date.parse(a.at));
      times.slice(1).forEach((t, i) => assert.ok(t - times[i]! >= scheduled[i]! - 1, `attempt ${i + 2} waited its delay`));
      assert.equal((await harness.effects()).length, 0, 'failed attempts leave no effect');
      assert.equal(await count(harness, 'SELECT count(*)::int AS n FROM inbox'), 0);

      fixed = true;
      assert.deepEqual(await replayFailures(harness.db, [dead.id]), [dead.id]);
      await eventually(async () => {
        const r = await harness.db.query<{ status: string }>('SELECT status FROM event_failures WHERE id = $1', [dead.id]);
        return r.rows[0]?.status === 'resolved';
      });
      assert.deepEqual((await harness.effects()).map((e) => e.event_id), [event.id]);
    });

    it('refuses an invalid event on publish and dead-letters an invalid one on consume', async () => {
      h = await createHarness({ dbUrl: database.url, bus: opts.bus });
      const harness = h;
      const bad = { ...orderPlaced(), total: { amount: -5, currency: 'euro' } };
      await assert.rejects(
        harness.db.tx((tx) => harness.outbox.emit(tx, 'OrderPlaced', bad, 'ord_x')),
        (err: unknown) => err instanceof InvalidEventError && err.errors.some((e) => e.pointer === '/data/total/currency'),
      );
      await assert.rejects(
        harness.db.tx((tx) => harness.outbox.emitAll(tx, [{ type: 'OrderPlaced', data: orderPlaced() }, { type: 'OrderPlaced', data: bad }], 'ord_x')),
        InvalidEventError,
      );
      assert.equal(await count(harness, 'SELECT count(*)::int AS n FROM outbox'), 0);

      // A producer that skipped validation: the consumer refuses it before any handler runs.
      const forged = { id: newId('evt'), type: 'OrderPlaced', version: 1, occurredAt: new Date().toISOString(), source: 'order', subject: 'ord_x', traceparent: null, data: { orderId: 'nope' } };
      await harness.bus.publish([forged as never]);
      const row = await eventually(async () => {
        const r = await harness.db.query<{ status: string; last_error: string }>('SELECT status, last_error FROM event_failures WHERE event_id = $1', [forged.id]);
        return r.rows[0];
      });
      assert.equal(row.status, 'dead');
      assert.match(row.last_error, /invalid event: .*\/data\/orderId/);
      assert.equal((await harness.effects()).length, 0);
    });

    it('isolates a failing event in a delivered batch: the others are handled once, it alone is retried', async () => {
      const poison = newId('ord');
      h = await createHarness({
        dbUrl: database.url,
        bus: opts.bus,
        retry: { maxAttempts: 2, baseMs: 20, maxMs: 100 },
        handler: async (event, ctx) => {
          await recordEffect(event, ctx);
          if (event.subject === poison) throw new Error('cannot handle this order');
        },
      });
      const harness = h;
      harness.consumer.start(10);
      const subjects = [newId('ord'), newId('ord'), poison, newId('ord'), newId('ord')];
      await harness.db.tx(async (tx) => {
        for (const s of subjects) await harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(s), s);
      });
      await harness.relay().drain();
      await eventually(async () => {
        const r = await harness.db.query<{ status: string }>(`SELECT status FROM event_failures`);
        return r.rows.length === 1 && r.rows[0]!.status === 'dead';
      });
      const handled = (await harness.effects()).map((e) => e.subject).sort();
      assert.deepEqual(handled, subjects.filter((s) => s !== poison).sort());
      assert.equal(await count(harness, 'SELECT count(*)::int AS n FROM inbox'), 4);
    });

    it('hands a delivered run of events to a batch handler at once, and falls back to one by one when it fails', async () => {
      const poison = newId('ord');
      const runs: number[] = [];
      h = await createHarness({
        dbUrl: database.url,
        bus: opts.bus,
        retry: { maxAttempts: 2, baseMs: 20, maxMs: 100 },
        handler: withBatch<'OrderPlaced'>(
          async (event, ctx) => {
            await recordEffect(event, ctx);
            if (event.subject === poison) throw new Error('cannot handle this order');
          },
          async (events, ctx) => {
            runs.push(events.length);
            if (events.some((e) => e.subject === poison)) throw new Error('cannot handle this batch');
            await ctx.tx.query('INSERT INTO effects (event_id, subject) SELECT * FROM unnest($1::text[], $2::text[])', [events.map((e) => e.id), events.map((e) => e.subject)]);
          },
        ),
      });
      const harness = h;
      harness.consumer.start(10);
      const good = [newId('ord'), newId('ord'), newId('ord'), newId('ord')];
      await harness.db.tx(async (tx) => {
        for (const s of good) await harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(s), s);
      });
      await harness.relay().drain();
      await eventually(async () => (await harness.effects()).length === 4);
      assert.ok(runs.some((n) => n > 1), `events delivered together reach the batch handler together (runs: ${runs.join(',')})`);
      // Once each (two delivered batches may commit in either order on the broker; per-subject
      // order is the bus's promise, tested above).
      assert.deepEqual((await harness.effects()).map((e) => e.subject).sort(), [...good].sort(), 'once each');

      const more = [newId('ord'), poison, newId('ord')];
      await harness.db.tx(async (tx) => {
        for (const s of more) await harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(s), s);
      });
      await harness.relay().drain();
      await eventually(async () => {
        const r = await harness.db.query<{ status: string }>(`SELECT status FROM event_failures`);
        return r.rows.length === 1 && r.rows[0]!.status === 'dead';
      });
      const handled = (await harness.effects()).map((e) => e.subject);
      assert.deepEqual(handled.slice(4).sort(), more.filter((s) => s !== poison).sort(), 'the others handled once, one by one');
      assert.equal(await count(harness, 'SELECT count(*)::int AS n FROM inbox'), 6);
    });

    it('tells a handler whether anything follows it in its transaction, and inRuns none of the events of a run', async () => {
      const told: Array<[string, boolean | undefined]> = [];
      const record = async (event: { subject: string }, ctx: { endsTransaction?: boolean }) => void told.push([event.subject, ctx.endsTransaction]);
      // Two handlers of their own: withBatch and inRuns give the function they wrap its batch.
      const each = inRuns<'OrderPlaced'>((event, ctx) => record(event, ctx));
      h = await createHarness({
        dbUrl: database.url,
        bus: opts.bus,
        handler: withBatch<'OrderPlaced'>((event, ctx) => record(event, ctx), async (events, ctx) => {
          told.push(['run', ctx.endsTransaction]);
          await each.batch!(events, ctx);
        }),
      });
      const event = (subject: string) => createEvent('OrderPlaced', orderPlaced(subject), { source: 'order', subject });
      const [alone, first, second] = [newId('ord'), newId('ord'), newId('ord')];
      await h.consumer.deliver([event(alone)]);
      await h.consumer.deliver([event(first), event(second)]);
      assert.deepEqual(told, [
        [alone, true],
        ['run', true],
        [first, false],
        [second, false],
      ]);
    });

    it('records a run\'s inbox rows in the handler\'s own statement: each event once, duplicates and redeliveries skipped, a failure isolated', async () => {
      const poison = newId('ord');
      const runs: number[] = [];
      const outcomes: string[] = [];
      h = await createHarness({
        dbUrl: database.url,
        bus: opts.bus,
        subscribe: false,
        retry: { maxAttempts: 1, baseMs: 20, maxMs: 100 },
        handler: withInboxRuns(
          withBatch<'OrderPlaced'>(
            async (event, ctx) => {
              if (event.subject === poison) throw new Error('cannot handle this order');
              await recordEffect(event, ctx);
            },
            async () => {
              throw new Error('the run goes through withInbox');
            },
          ),
          async (events, ctx, inbox) => {
            runs.push(events.length);
            if (events.some((e) => e.subject === poison)) throw new Error('cannot handle this run');
            const r = await ctx.tx.query<{ event_id: string }>(
              `WITH fresh AS (${inbox.sql(3)}),
               ins AS (INSERT INTO effects (event_id, subject)
                       SELECT e.id, e.subject FROM unnest($1::text[], $2::text[]) AS e(id, subject) WHERE e.id IN (SELECT event_id FROM fresh))
               SELECT event_id FROM fresh`,
              [events.map((e) => e.id), events.map((e) => e.subject), ...inbox.params],
            );
            return new Set(r.rows.map((row) => row.event_id));
          },
        ),
        onOutcome: (_type, outcome) => outcomes.push(outcome),
      });
      const harness = h;
      const event = (subject = newId('ord')) => createEvent('OrderPlaced', orderPlaced(subject), { source: 'order', subject });
      const [e1, e2, e3, e4] = [event(), event(), event(), event()];
      await harness.consumer.deliver([e1, e2, e1, e3]);
      assert.deepEqual(runs, [3], 'an event delivered twice in a run is in it once');
      assert.deepEqual(outcomes, ['handled', 'handled', 'duplicate', 'handled']);
      await harness.consumer.deliver([e2, e4, e3]);
      assert.deepEqual(outcomes.slice(4), ['duplicate', 'handled', 'duplicate']);
      assert.deepEqual((await harness.effects()).map((e) => e.event_id).sort(), [e1, e2, e3, e4].map((e) => e.id).sort(), 'each handled once');
      assert.equal(await count(harness, 'SELECT count(*)::int AS n FROM inbox'), 4);

      const bad = event(poison);
      const e5 = event();
      await harness.consumer.deliver([e5, bad]);
      assert.deepEqual((await harness.effects()).map((e) => e.event_id).sort(), [e1, e2, e3, e4, e5].map((e) => e.id).sort(), 'the others handled one by one');
      const failed = await harness.db.query<{ event_id: string; status: string }>('SELECT event_id, status FROM event_failures');
      assert.deepEqual(failed.rows, [{ event_id: bad.id, status: 'dead' }]);
      assert.equal(await count(harness, 'SELECT count(*)::int AS n FROM inbox'), 5, 'the failed event has no inbox row');
    });

    it('stores events in the caller\'s own statement, after those its transaction queued before, each once and in order', async () => {
      h = await createHarness({ dbUrl: database.url, bus: opts.bus, subscribe: false });
      const harness = h;
      const [a, b, c, d] = [newId('ord'), newId('ord'), newId('ord'), newId('ord')];
      const event = (subject: string) => createEvent('OrderPlaced', orderPlaced(subject), { source: 'order', subject });
      await harness.db.tx(async (tx) => {
        await harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(a), a);
        assert.throws(() => harness.outbox.insert(tx, [{ ...event(b), data: { orderId: 'nope' } } as never]), InvalidEventError);
        const events = harness.outbox.insert(tx, [event(b), event(c)]);
        // The state change and its events: one statement.
        const r = await tx.query<{ subject: string }>(
          `WITH effect AS (INSERT INTO effects (event_id, subject) VALUES ($1, $1)), events AS (${events.sql(2)} RETURNING subject) SELECT subject FROM events`,
          [b, ...events.params],
        );
        assert.deepEqual(r.rows.map((row) => row.subject).sort(), [a, b, c].sort(), 'the event queued before went in the same insert');
        await harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(d), d);
      });
      const rows = await harness.db.query<{ subject: string }>('SELECT subject FROM outbox ORDER BY seq');
      assert.deepEqual(rows.rows.map((row) => row.subject), [a, b, c, d]);
      assert.equal(await harness.relay().drain(), 4);
    });

    if (opts.bus === 'memory') {
      it('publishes in outbox order, so events of one subject arrive in order', async () => {
        h = await createHarness({ dbUrl: database.url, bus: opts.bus });
        const harness = h;
        const subjects = [newId('ord'), newId('ord'), newId('ord')];
        const emitted: string[] = [];
        for (let i = 0; i < 30; i++) {
          const subject = subjects[i % 3]!;
          emitted.push((await harness.db.tx((tx) => harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(subject), subject))).id);
        }
        await harness.relay({ batchSize: 7 }).drain();
        const seen = await harness.effects();
        for (const s of subjects) {
          assert.deepEqual(
            seen.filter((e) => e.subject === s).map((e) => e.event_id),
            emitted.filter((_, i) => subjects[i % 3] === s),
          );
        }
      });

      it('wakes the relay only for commits that wrote outbox rows, and keeps its lock while they keep coming', async () => {
        h = await createHarness({ dbUrl: database.url, bus: opts.bus });
        const harness = h;
        // Counts the relay's passes: each takes the publish lock once.
        const pool = harness.db.pool;
        const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
        const watched = new WeakSet<PoolClient>();
        let connects = 0;
        (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
          if (args.length > 0) return connect(...args); // the callback form (pool.query): not the relay
          return (connect() as Promise<PoolClient>).then((client) => {
            if (!watched.has(client)) {
              watched.add(client);
              const query = client.query.bind(client) as (...a: unknown[]) => unknown;
              (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
                if (typeof a[0] === 'string' && a[0].includes('pg_try_advisory_lock')) connects++;
                return query(...a);
              };
            }
            return client;
          });
        };
        // Each published batch is slow, so the next commit comes while the relay is publishing.
        const relay = harness.relay({ pollMs: 60_000, afterPublish: async () => { await sleep(40); } });
        relay.start();
        await sleep(100); // its first pass, on start: nothing to publish
        const idle = connects;

        // Commits that wrote no outbox rows: the relay sleeps on.
        for (let i = 0; i < 5; i++) await harness.db.tx((tx) => tx.query('SELECT 1'));
        await sleep(100);
        assert.equal(connects, idle, 'no pass for commits without outbox rows');

        // Commits that did, one after another while it publishes: one pass keeps the lock.
        const emitted: string[] = [];
        for (let i = 0; i < 5; i++) {
          const id = newId('ord');
          emitted.push((await harness.db.tx((tx) => harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(id), id))).id);
          await sleep(15);
        }
        await eventually(async () => (await harness.effects()).length === 5);
        assert.deepEqual((await harness.effects()).map((e) => e.event_id), emitted);
        assert.ok(connects - idle < 5, `the lock was taken ${connects - idle} times for 5 commits`);
        await eventually(async () => (await count(harness, 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')) === 0);
      });
    }

    if (opts.bus === 'amqp') {
      it('reconnects after the broker connection drops, and loses nothing', async () => {
        h = await createHarness({ dbUrl: database.url, bus: 'amqp' });
        const harness = h;
        const emit = async () => {
          const id = newId('ord');
          return (await harness.db.tx((tx) => harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(id), id))).id;
        };
        const first = await emit();
        const relay = harness.relay();
        relay.start();
        await eventually(async () => (await harness.effects()).length === 1);
        // Cut the TCP connection under the driver, as a broker restart or a network fault would.
        (harness.bus as unknown as { connection: { connection: { stream: { destroy(err: Error): void } } } }).connection.connection.stream.destroy(new Error('connection reset by peer'));
        const second = await emit();
        await eventually(async () => (await harness.effects()).length === 2, 20_000);
        assert.deepEqual((await harness.effects()).map((e) => e.event_id), [first, second]);
      });

      it('redelivers to a consumer that died before its ack, and the event is handled once', async () => {
        h = await createHarness({ dbUrl: database.url, bus: 'amqp', subscribe: false });
        const harness = h;
        const names = amqpNames(harness.namespace);
        const queue = names.queue('inventory');
        const conn = await amqp.connect(TEST_AMQP_URL);
        const ch = await conn.createChannel();
        await ch.assertExchange(names.events, 'topic', { durable: true });
        await ch.assertExchange(names.deadLetter, 'direct', { durable: true });
        await ch.assertQueue(queue, { durable: true, arguments: { 'x-dead-letter-exchange': names.deadLetter, 'x-dead-letter-routing-key': 'inventory' } });
        await ch.bindQueue(queue, names.events, 'OrderPlaced');

        const orderId = newId('ord');
        const event = await harness.db.tx((tx) => harness.outbox.emit(tx, 'OrderPlaced', orderPlaced(orderId), orderId));
        await harness.relay().drain();

        // The first consumer records the event, then its process dies before the ack.
        await new Promise<void>((resolve, reject) => {
          void ch.consume(queue, (msg) => {
            if (!msg) return;
            harness.consumer.deliver([JSON.parse(msg.content.toString())]).then(resolve, reject);
          });
        });
        await conn.close();
        assert.equal((await harness.effects()).length, 1);

        // Its replacement gets the message again and handles it as a duplicate.
        let redelivered = 0;
        const replacement = new AmqpBus({ url: TEST_AMQP_URL, logger: createLogger({ service: 'test', level: 'silent' }), namespace: harness.namespace });
        await replacement.subscribe('inventory', ['OrderPlaced'], async (m) => {
          await harness.consumer.deliver(m);
          redelivered += m.length;
        });
        await eventually(() => redelivered === 1);
        await sleep(100);
        await replacement.close();
        assert.deepEqual((await harness.effects()).map((e) => e.event_id), [event.id]);
        assert.equal(await count(harness, 'SELECT count(*)::int AS n FROM inbox'), 1);
      });
    }
  });
}

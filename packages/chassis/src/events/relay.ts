import { SerializedEvent, type BusDriver } from '../bus/bus.js';
import type { PoolClient } from 'pg';
import { prepared, type Db, type Queryable } from '../db/db.js';
import type { Logger } from '../logger.js';
import { tracingEnabled } from '../tracing/index.js';
import { backoffDelay } from './backoff.js';
import { wroteOutbox } from './outbox.js';

export interface RelayOptions {
  db: Db;
  bus: BusDriver;
  logger: Logger;
  batchSize?: number;
  /** Fallback poll; a commit in this process wakes the relay at once. */
  pollMs?: number;
  /** Published rows, handled inbox rows and resolved failures older than this are deleted. */
  retentionHours?: number;
  /** Told of the events the bus confirmed, batch by batch (metrics). */
  onPublished?: (events: readonly SerializedEvent[]) => void;
  /** Test seam: runs after the bus confirmed a batch and before the rows are marked. */
  afterPublish?: (events: SerializedEvent[]) => Promise<void>;
}

// Held while publishing: one relay per database publishes at a time, so events leave in
// outbox order, whichever process runs it.
const PUBLISH_LOCK = 0x6f757462; // 'outb'

interface Publisher {
  client: PoolClient;
}
const BUSY = -1;

/**
 * Publishes outbox rows in sequence order and marks them once the bus has confirmed them.
 * Every replica of a service runs one; a relay publishes only while it holds an advisory lock,
 * so batches of two replicas never interleave. A crash between publish and mark leaves the rows
 * unmarked and they are published again: consumers' inboxes absorb the duplicate. The relay
 * holds no connection while idle: it is woken by the commits of its own process that wrote
 * outbox rows (the rows its replica wrote) and polls for the rest. While such commits keep
 * coming it keeps the lock and its connection from one pass to the next.
 */
export class OutboxRelay {
  private readonly opts: Required<Omit<RelayOptions, 'afterPublish' | 'onPublished'>> & Pick<RelayOptions, 'afterPublish' | 'onPublished'>;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** Set by a commit that happened while a batch was being published. */
  private signalled = false;
  private failures = 0;
  private lastHousekeeping = 0;
  private unsubscribe: (() => void) | undefined;
  /** drain() publishes everything even when the relay loop is not running. */
  private draining = false;

  constructor(opts: RelayOptions) {
    this.opts = { batchSize: 500, pollMs: 1000, retentionHours: 72, ...opts };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.opts.db.onCommit((tx) => {
      // Only a commit that wrote outbox rows brings anything to publish.
      if (!wroteOutbox(tx)) return;
      this.signalled = true;
      // While backing off after a failure, new rows do not cut the wait short.
      if (this.failures === 0) this.wake?.();
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
  }

  /** Publishes every pending row now (tests and benchmarks); returns how many were published. */
  async drain(): Promise<number> {
    this.draining = true;
    try {
      for (;;) {
        const n = await this.publishBatch();
        if (n !== BUSY) return n;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      this.draining = false;
    }
  }

  private async run(): Promise<void> {
    // The publish lock and its connection, kept from one pass to the next while commits keep
    // coming (each pass would otherwise take and give back the lock: two statements), and
    // given back before the relay waits.
    let held: Publisher | undefined;
    while (this.running) {
      let published = 0;
      try {
        held ??= await this.lockPublisher();
        published = held ? await this.publishPending(held.client) : BUSY;
        this.failures = 0;
      } catch (err) {
        this.failures++;
        held?.client.release(true); // it may still hold the lock: closed, not reused
        held = undefined;
        this.opts.logger.error({ err }, 'outbox relay failed; will retry');
      }
      if (!this.running) break;
      let wait = this.opts.pollMs;
      if (this.failures > 0) wait = backoffDelay(this.failures, 200, 30_000);
      // Another replica is publishing: it may have read before our rows committed.
      else if (published === BUSY) wait = 50;
      else if (this.signalled) {
        this.signalled = false;
        continue;
      }
      if (held) {
        const h = held;
        held = undefined;
        await this.releasePublisher(h);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
      this.signalled = false;
    }
    if (held) await this.releasePublisher(held);
  }

  /** A pooled connection holding the publish lock, or undefined when another relay holds it. */
  private async lockPublisher(): Promise<Publisher | undefined> {
    const client = await this.opts.db.pool.connect();
    try {
      const lock = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [PUBLISH_LOCK]);
      if (lock.rows[0]?.locked) return { client };
      client.release();
      return undefined;
    } catch (err) {
      client.release(true);
      throw err;
    }
  }

  /**
   * Gives the publish lock back and the connection to the pool. A connection in an unknown state
   * (it may still hold the lock) is closed, not reused.
   */
  private async releasePublisher({ client }: Publisher, broken = false): Promise<void> {
    if (!broken) {
      try {
        await client.query('SELECT pg_advisory_unlock($1)', [PUBLISH_LOCK]);
      } catch {
        broken = true;
      }
    }
    client.release(broken);
  }

  /**
   * Publishes what is pending, batch after batch, while holding the publish lock on one pooled
   * connection (given back when there is nothing left, so an idle service holds none).
   * Returns how many were published, or BUSY when another relay holds the lock.
   */
  private async publishBatch(): Promise<number> {
    const client = await this.opts.db.pool.connect();
    let broken = false;
    try {
      const lock = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [PUBLISH_LOCK]);
      if (!lock.rows[0]?.locked) return BUSY;
      try {
        return await this.publishPending(client);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [PUBLISH_LOCK]);
      }
    } catch (err) {
      // A connection in an unknown state (it may still hold the lock) is closed, not reused.
      broken = true;
      throw err;
    } finally {
      client.release(broken);
    }
  }

  /**
   * Batch N+1 goes out only once the bus has confirmed batch N, so order holds; the database work
   * overlaps the wait: batch N+1 is read, and batch N−1 marked, while batch N is on its way.
   */
  private async publishPending(client: Queryable): Promise<number> {
    const { bus, batchSize } = this.opts;
    // With tracing on, each event's publish joins the trace it was emitted in.
    const traced = tracingEnabled();
    const read = (skip: number[]) =>
      prepared<{ seq: number; id: string; type: string; subject: string; body: string; traceparent?: string | null }>(
        client,
        traced ? 'chassis_relay_read_traced' : 'chassis_relay_read',
        `SELECT seq, id, type, subject, payload::text AS body${traced ? ", payload->>'traceparent' AS traceparent" : ''} FROM outbox
          WHERE published_at IS NULL AND NOT (seq = ANY($2::bigint[])) ORDER BY seq LIMIT $1`,
        [batchSize, skip],
      );
    const mark = (seqs: number[]) =>
      prepared(client, 'chassis_relay_mark', 'UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])', [seqs]);

    let total = 0;
    let rows = (await read([])).rows;
    let marking: Promise<unknown> = Promise.resolve();
    while (rows.length > 0) {
      const seqs = rows.map((r) => r.seq);
      const events = rows.map((r) => new SerializedEvent(r.id, r.type, r.subject, r.body, r.traceparent));
      // Queued on the same connection, after the previous batch's mark: it sees that batch
      // marked, and skips this one.
      const next = rows.length < batchSize ? undefined : read(seqs);
      try {
        await bus.publish(events);
        await this.opts.afterPublish?.(events);
        await marking;
      } catch (err) {
        await Promise.allSettled([next, marking]);
        await client
          .query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = $1', [seqs[0], String((err as Error).message).slice(0, 2000)])
          .catch(() => undefined);
        throw err;
      }
      marking = mark(seqs);
      this.opts.onPublished?.(events);
      total += rows.length;
      rows = next ? (await next).rows : [];
      if (!this.running && !this.draining) break;
    }
    await marking;
    if (total === 0) await this.housekeeping(client);
    return total;
  }

  private async housekeeping(tx: Queryable): Promise<void> {
    const now = Date.now();
    if (now - this.lastHousekeeping < 10 * 60_000) return;
    this.lastHousekeeping = now;
    const hours = this.opts.retentionHours;
    await tx.query(`DELETE FROM outbox WHERE published_at < now() - make_interval(hours => $1)`, [hours]);
    // Inbox rows must outlive any redelivery; keep them ten times longer than the outbox.
    await tx.query(`DELETE FROM inbox WHERE handled_at < now() - make_interval(hours => $1)`, [hours * 10]);
    await tx.query(`DELETE FROM event_failures WHERE status = 'resolved' AND updated_at < now() - make_interval(hours => $1)`, [hours * 10]);
  }
}

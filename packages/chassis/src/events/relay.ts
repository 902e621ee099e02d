import { SerializedEvent, type BusDriver } from '../bus/bus.js';
import type { Db, Queryable } from '../db/db.js';
import type { Logger } from '../logger.js';
import { backoffDelay } from './backoff.js';

export interface RelayOptions {
  db: Db;
  bus: BusDriver;
  logger: Logger;
  batchSize?: number;
  /** Fallback poll; a commit in this process wakes the relay at once. */
  pollMs?: number;
  /** Published rows, handled inbox rows and resolved failures older than this are deleted. */
  retentionHours?: number;
  /** Test seam: runs after the bus confirmed a batch and before the rows are marked. */
  afterPublish?: (events: SerializedEvent[]) => Promise<void>;
}

// Held for one batch at a time: one relay per database publishes at a time, so events leave
// in outbox order, whichever process runs it.
const PUBLISH_LOCK = 0x6f757462; // 'outb'
const BUSY = -1;

/**
 * Publishes outbox rows in sequence order and marks them once the bus has confirmed them.
 * Every replica of a service runs one; each batch is read, published and marked inside one
 * transaction holding an advisory lock, so batches never interleave. A crash between publish
 * and mark rolls the mark back and the rows are published again: consumers' inboxes absorb
 * the duplicate. The relay needs no connection of its own between batches: it is woken by the
 * commits of its own process (the rows its replica wrote) and polls for the rest.
 */
export class OutboxRelay {
  private readonly opts: Required<Omit<RelayOptions, 'afterPublish'>> & Pick<RelayOptions, 'afterPublish'>;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** Set by a commit that happened while a batch was being published. */
  private signalled = false;
  private failures = 0;
  private lastHousekeeping = 0;
  private unsubscribe: (() => void) | undefined;

  constructor(opts: RelayOptions) {
    this.opts = { batchSize: 500, pollMs: 1000, retentionHours: 72, ...opts };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.opts.db.onCommit(() => {
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
    let total = 0;
    for (;;) {
      const n = await this.publishBatch();
      if (n === BUSY) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      total += n;
      if (n < this.opts.batchSize) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
        this.failures = 0;
      } catch (err) {
        this.failures++;
        this.opts.logger.error({ err }, 'outbox relay failed; will retry');
      }
      if (!this.running) break;
      if (published >= this.opts.batchSize) continue;
      let wait = this.opts.pollMs;
      if (this.failures > 0) wait = backoffDelay(this.failures, 200, 30_000);
      // Another replica is publishing: it may have read before our rows committed.
      else if (published === BUSY) wait = 50;
      else if (this.signalled) {
        this.signalled = false;
        continue;
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
  }

  /** Reads, publishes and marks one batch; BUSY when another relay holds the lock. */
  private async publishBatch(): Promise<number> {
    const { db, bus, batchSize } = this.opts;
    const outcome = await db.tx(async (tx) => {
      const lock = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [PUBLISH_LOCK]);
      if (!lock.rows[0]?.locked) return BUSY;
      const rows = await tx.query<{ seq: number; id: string; type: string; subject: string; body: string }>(
        'SELECT seq, id, type, subject, payload::text AS body FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1',
        [batchSize],
      );
      if (rows.rows.length === 0) {
        await this.housekeeping(tx);
        return 0;
      }
      const seqs = rows.rows.map((r) => r.seq);
      const events = rows.rows.map((r) => new SerializedEvent(r.id, r.type, r.subject, r.body));
      try {
        await bus.publish(events);
      } catch (err) {
        return { failed: err as Error, firstSeq: seqs[0]! };
      }
      await this.opts.afterPublish?.(events);
      await tx.query('UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])', [seqs]);
      return rows.rows.length;
    }, { silent: true });
    if (typeof outcome === 'number') return outcome;
    // Record why the head of the queue is stuck, for an operator looking at the outbox.
    await db
      .query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = $1', [outcome.firstSeq, outcome.failed.message.slice(0, 2000)])
      .catch(() => undefined);
    throw outcome.failed;
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

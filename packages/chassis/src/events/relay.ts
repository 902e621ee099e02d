import pg from 'pg';
import { SerializedEvent, type BusDriver } from '../bus/bus.js';
import type { Db } from '../db/db.js';
import type { Logger } from '../logger.js';
import { backoffDelay } from './backoff.js';

export interface RelayOptions {
  db: Db;
  bus: BusDriver;
  logger: Logger;
  batchSize?: number;
  pollMs?: number;
  /** Published rows, handled inbox rows and resolved failures older than this are deleted. */
  retentionHours?: number;
  /** Test seam: runs after the bus confirmed a batch and before the rows are marked. */
  afterPublish?: (events: SerializedEvent[]) => Promise<void>;
}

// One relay per database publishes at a time, so events leave in outbox order.
const LEADER_LOCK = 0x6f757462; // 'outb'

/**
 * Publishes outbox rows in sequence order and marks them once the bus has confirmed them.
 * Several processes may run it; a session advisory lock elects one leader per database, and a
 * standby takes over when the leader's connection dies. A crash between publish and mark
 * publishes again: consumers' inboxes absorb the duplicate.
 */
export class OutboxRelay {
  private readonly opts: Required<Omit<RelayOptions, 'afterPublish'>> & Pick<RelayOptions, 'afterPublish'>;
  private client: pg.Client | undefined;
  private leader = false;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** Set by a notification that arrived while a batch was being published. */
  private signalled = false;
  /** Marking a published batch overlaps reading and publishing the next one. */
  private pendingMark: Promise<void> = Promise.resolve();
  /** Rows published and not yet marked: the next read skips them. */
  private marking: number[] = [];
  private failures = 0;
  private lastHousekeeping = 0;

  constructor(opts: RelayOptions) {
    this.opts = { batchSize: 500, pollMs: 1000, retentionHours: 72, ...opts };
  }

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.settleMarks().catch(() => undefined);
    await this.disconnect();
  }

  /** Publishes every pending row now (tests and benchmarks); returns how many were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.publishBatch();
      total += n;
      if (n < this.opts.batchSize) {
        await this.settleMarks();
        return total;
      }
    }
  }

  private async settleMarks(): Promise<void> {
    try {
      await this.pendingMark;
    } finally {
      this.pendingMark = Promise.resolve();
      this.marking = [];
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        if (!this.leader) await this.tryLead();
        if (this.leader) {
          published = await this.publishBatch();
          if (published < this.opts.batchSize) await this.settleMarks();
          await this.housekeeping();
        }
        this.failures = 0;
      } catch (err) {
        this.failures++;
        this.opts.logger.error({ err }, 'outbox relay failed; will retry');
        await this.settleMarks().catch(() => undefined);
        await this.disconnect();
      }
      if (!this.running) break;
      if (published >= this.opts.batchSize) continue;
      if (this.signalled && this.failures === 0) {
        this.signalled = false;
        continue;
      }
      const wait = this.failures > 0 ? backoffDelay(this.failures, 200, 30_000) : this.opts.pollMs;
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

  private async tryLead(): Promise<void> {
    if (!this.client) {
      const client = new pg.Client({ connectionString: this.opts.db.url, application_name: 'mercato-relay' });
      client.on('error', (err) => {
        this.opts.logger.warn({ err }, 'relay connection lost');
        this.leader = false;
        this.client = undefined;
      });
      client.on('notification', () => {
        this.signalled = true;
        // While backing off after a failure, new rows do not cut the wait short.
        if (this.failures === 0) this.wake?.();
      });
      await client.connect();
      this.client = client;
      await client.query('LISTEN mercato_outbox');
    }
    const res = await this.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LEADER_LOCK]);
    this.leader = res.rows[0]?.locked === true;
    if (this.leader) this.opts.logger.info('outbox relay is the leader for this database');
  }

  private async disconnect(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    this.leader = false;
    if (c) await c.end().catch(() => undefined);
  }

  private async publishBatch(): Promise<number> {
    const { db, bus, batchSize } = this.opts;
    const rows = await db.query<{ seq: number; id: string; type: string; subject: string; body: string }>(
      `SELECT seq, id, type, subject, payload::text AS body FROM outbox
        WHERE published_at IS NULL AND NOT (seq = ANY($2::bigint[])) ORDER BY seq LIMIT $1`,
      [batchSize, this.marking],
    );
    if (rows.rows.length === 0) return 0;
    const seqs = rows.rows.map((r) => r.seq);
    const events = rows.rows.map((r) => new SerializedEvent(r.id, r.type, r.subject, r.body));
    try {
      await bus.publish(events);
    } catch (err) {
      await db
        .query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = $1', [seqs[0], String((err as Error).message).slice(0, 2000)])
        .catch(() => undefined);
      throw err;
    }
    await this.opts.afterPublish?.(events);
    // At most one mark outstanding: wait for the previous batch's, then mark this one while the
    // caller reads the next. A crash before a mark lands publishes those rows again (harmless).
    await this.pendingMark;
    this.marking = seqs;
    this.pendingMark = db
      .query('UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])', [seqs])
      .then(() => undefined);
    // An unobserved rejection here is observed by the next await of pendingMark.
    this.pendingMark.catch(() => undefined);
    return rows.rows.length;
  }

  private async housekeeping(): Promise<void> {
    const now = Date.now();
    if (now - this.lastHousekeeping < 10 * 60_000) return;
    this.lastHousekeeping = now;
    const hours = this.opts.retentionHours;
    const { db } = this.opts;
    await db.query(`DELETE FROM outbox WHERE published_at < now() - make_interval(hours => $1)`, [hours]);
    // Inbox rows must outlive any redelivery; keep them ten times longer than the outbox.
    await db.query(`DELETE FROM inbox WHERE handled_at < now() - make_interval(hours => $1)`, [hours * 10]);
    await db.query(`DELETE FROM event_failures WHERE status = 'resolved' AND updated_at < now() - make_interval(hours => $1)`, [hours * 10]);
  }
}

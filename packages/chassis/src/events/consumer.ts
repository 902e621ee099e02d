import { validateEvent, newId, type Envelope, type EventType, type FieldError, type TypedEnvelope } from '@mercato/contracts';
import { childTraceparent, runWithContext } from '../context.js';
import { inSpan, tracingEnabled } from '../tracing/index.js';
import { prepared, type Db, type Tx } from '../db/db.js';
import type { Logger } from '../logger.js';
import { backoffDelay } from './backoff.js';
import type { Outbox } from './outbox.js';
import { redactSecrets, redactText, restoreSecrets, type Secrets } from './redact.js';
import type { ServiceMetrics } from '../metrics/metrics.js';

export interface HandlerContext {
  /**
   * The handler's transaction: the inbox row, its state changes and its outbox events commit
   * together; `tx.afterCommit` runs work once they have (e.g. clearing a cache).
   */
  tx: Tx;
  outbox: Outbox;
  logger: Logger;
  /** The service's metrics, for handlers that count what they did. */
  metrics?: ServiceMetrics;
  /**
   * Nothing runs in `tx` after this handler: it may end the transaction itself, with its last
   * statement (`Tx.tryCommitWith`). False when other events' handlers follow in it.
   */
  endsTransaction?: boolean;
}

export type EventHandler<T extends EventType> = ((event: TypedEnvelope<T>, ctx: HandlerContext) => Promise<void>) & {
  /**
   * Optional: handles a run of consecutive events of this type delivered together, in the same
   * transaction, with the same effect as calling the handler on each in order (e.g. one
   * multi-row insert instead of one per event). If it throws, the batch is retried event by
   * event through the handler itself, so a failure stays isolated to its event.
   */
  batch?: (events: Array<TypedEnvelope<T>>, ctx: HandlerContext) => Promise<void>;
  /**
   * Optional: handles a delivered run of events all of this type together with the recording of
   * their inbox rows, in one statement of its own (one round trip instead of two): `inbox.sql(n)`
   * is the inbox insert for a CTE (`INSERT … RETURNING event_id`, the events the inbox did not
   * have), its parameters `inbox.params` numbered from `$n`. Handles those events only, with the
   * effect of `batch` on them, and returns their ids. Each event of the run appears once. If it
   * throws, the run is rolled back and retried event by event through the handler itself.
   */
  withInbox?: (events: Array<TypedEnvelope<T>>, ctx: HandlerContext, inbox: InboxRun) => Promise<ReadonlySet<string>>;
};

/** The inbox rows of a delivered run, for a handler that records them in its own statement (see `EventHandler.withInbox`). */
export interface InboxRun {
  /** The insert, for a CTE: returns `event_id` of each event the inbox did not have; parameters from `$first`. */
  sql(first: number): string;
  /** Its parameters, in order. */
  readonly params: readonly unknown[];
}

/** A handler that can also take consecutive events of its type together (see `EventHandler.batch`). */
export function withBatch<T extends EventType>(
  one: (event: TypedEnvelope<T>, ctx: HandlerContext) => Promise<void>,
  many: (events: Array<TypedEnvelope<T>>, ctx: HandlerContext) => Promise<void>,
): EventHandler<T> {
  return Object.assign(one, { batch: many });
}

/** A batch handler that also records its runs' inbox rows in its own statement (see `EventHandler.withInbox`). */
export function withInboxRuns<T extends EventType>(
  handler: EventHandler<T>,
  withInbox: (events: Array<TypedEnvelope<T>>, ctx: HandlerContext, inbox: InboxRun) => Promise<ReadonlySet<string>>,
): EventHandler<T> {
  return Object.assign(handler, { withInbox });
}

/**
 * A handler whose runs are the handler applied to each event in order, in one transaction: one
 * commit for the run instead of one per event. For handlers whose events never contend with each
 * other for locks (e.g. each inserts its own rows).
 */
export function inRuns<T extends EventType>(one: (event: TypedEnvelope<T>, ctx: HandlerContext) => Promise<void>): EventHandler<T> {
  return withBatch(one, async (events, ctx) => {
    // Each event's handling is followed by the next one's in the same transaction: none of them
    // may end it (the context otherwise as given, its logger still made on first use).
    const each = Object.create(ctx, { endsTransaction: { value: false, enumerable: true } }) as HandlerContext;
    for (const event of events) await one(event, each);
  });
}

/** The subscription manifest of a service: event type → handler. Reads like a table. */
export type ConsumerManifest = { [T in EventType]?: EventHandler<T> };

export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export interface EventConsumerOptions {
  service: string;
  db: Db;
  logger: Logger;
  outbox: Outbox;
  manifest: ConsumerManifest;
  retry: RetryPolicy;
  /** How often the retry worker looks for due retries, in milliseconds. */
  retryPollMs?: number;
  metrics?: ServiceMetrics;
  /** Told the outcome of every delivered event (metrics). */
  onOutcome?: (type: string, outcome: Outcome) => void;
}

export type Outcome = 'handled' | 'duplicate' | 'failed' | 'invalid';

type AnyHandler = ((event: Envelope, ctx: HandlerContext) => Promise<void>) & {
  batch?: (events: Envelope[], ctx: HandlerContext) => Promise<void>;
  withInbox?: (events: Envelope[], ctx: HandlerContext, inbox: InboxRun) => Promise<ReadonlySet<string>>;
};

const MAX_ERROR = 2000;
// A claimed retry is leased for this long; if the process dies meanwhile it is retried after.
const LEASE_MS = 5 * 60_000;

function describe(err: unknown): string {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return message.slice(0, MAX_ERROR);
}

/**
 * Runs a service's handlers for delivered events, at-least-once in, exactly-once in effect:
 * - every event is validated against the contracts first; an invalid one is parked as dead at
 *   once, logged loudly, and never reaches a handler;
 * - each handler runs in a transaction with its inbox row, so a redelivery is a no-op;
 * - a handler that throws is rolled back, and the event is parked for retry with exponential
 *   backoff and jitter, then marked dead after `maxAttempts` for an operator to replay.
 */
export class EventConsumer {
  readonly service: string;
  private readonly opts: EventConsumerOptions;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private ticking = false;
  private dueAt: number | undefined;
  private minPollMs = 500;
  private idleMs = 5_000;
  private pass: Promise<unknown> = Promise.resolve();

  constructor(opts: EventConsumerOptions) {
    this.opts = opts;
    this.service = opts.service;
  }

  get types(): EventType[] {
    return Object.keys(this.opts.manifest) as EventType[];
  }

  consumerName(type: string): string {
    return `${this.service}.${type}`;
  }

  /**
   * The bus calls this with one or more messages, in order; it resolves once every outcome is
   * durably recorded. A batch runs in one transaction (one inbox insert, the handlers in order,
   * one commit); if any handler throws, the batch is rolled back and each event is handled on
   * its own, so a failure is isolated to its event.
   */
  readonly deliver = async (messages: readonly unknown[]): Promise<void> => {
    const valid: { event: Envelope; handler: AnyHandler }[] = [];
    for (const message of messages) {
      const result = validateEvent(message);
      if (!result.ok) {
        await this.recordInvalid(message, result.errors, undefined);
        continue;
      }
      const handler = this.opts.manifest[result.event.type as EventType] as AnyHandler | undefined;
      if (handler) valid.push({ event: result.event, handler });
      else this.opts.logger.warn({ eventId: result.event.id, type: result.event.type }, 'event delivered that this service does not consume');
    }
    if (valid.length === 0) return;
    if (valid.length > 1) {
      try {
        const head = valid[0]!;
        if (head.handler.withInbox && valid.every((v) => v.event.type === head.event.type)) {
          await this.opts.db.tx((tx) => this.deliverWithInbox(tx, head.handler, valid.map((v) => v.event)));
          return;
        }
        await this.opts.db.tx(async (tx) => {
          const inserted = await prepared<{ consumer: string; event_id: string }>(
            tx,
            'chassis_inbox_add_many',
            `INSERT INTO inbox (consumer, event_id, type)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING RETURNING consumer, event_id`,
            [valid.map((v) => this.consumerName(v.event.type)), valid.map((v) => v.event.id), valid.map((v) => v.event.type)],
          );
          const fresh = new Set(inserted.rows.map((r) => `${r.consumer}\u0000${r.event_id}`));
          // Only the first delivery of an event in this batch runs its handler.
          const todo = valid.filter(({ event }) => fresh.delete(`${this.consumerName(event.type)}\u0000${event.id}`));
          for (let i = 0; i < todo.length; ) {
            const { event, handler } = todo[i]!;
            let j = i + 1;
            if (handler.batch) while (j < todo.length && todo[j]!.handler === handler) j++;
            if (j - i > 1) {
              const run = todo.slice(i, j).map((t) => t.event);
              await this.inEventContext(run, () => handler.batch!(run, this.handlerContext(tx, event, j === todo.length)));
            } else {
              await this.inEventContext([event], () => handler(event, this.handlerContext(tx, event, j === todo.length)));
            }
            i = j;
          }
          if (this.opts.onOutcome) {
            const handled = new Set(todo.map((t) => t.event));
            for (const { event } of valid) this.opts.onOutcome(event.type, handled.has(event) ? 'handled' : 'duplicate');
          }
        });
        return;
      } catch (err) {
        this.opts.logger.debug({ err, size: valid.length }, 'batch failed; handling its events one by one');
      }
    }
    for (const { event } of valid) await this.process(event, undefined);
  };

  /**
   * A run of one type whose handler records the inbox rows itself: one statement for the inbox
   * and the handling. Only the first delivery of an event in the run counts.
   */
  private async deliverWithInbox(tx: Tx, handler: AnyHandler, delivered: readonly Envelope[]): Promise<void> {
    const ids = new Set<string>();
    const run = delivered.filter((e) => !ids.has(e.id) && ids.add(e.id));
    const type = run[0]!.type;
    const inbox: InboxRun = {
      sql: (n) =>
        `INSERT INTO inbox (consumer, event_id, type) SELECT $${n}::text, e.id, $${n + 1}::text FROM unnest($${n + 2}::text[]) AS e(id)
         ON CONFLICT DO NOTHING RETURNING event_id`,
      params: [this.consumerName(type), type, [...ids]],
    };
    const fresh = new Set(await this.inEventContext(run, () => handler.withInbox!(run, this.handlerContext(tx, run[0]!), inbox)));
    if (this.opts.onOutcome) for (const event of delivered) this.opts.onOutcome(event.type, fresh.delete(event.id) ? 'handled' : 'duplicate');
  }

  /**
   * Runs the handling of `events` (one, or a run handled together) in the trace of the first:
   * with tracing on, in a consumer span whose parent is the span that emitted it (the others of
   * a run are linked); otherwise under a new span id in the event's trace.
   */
  private inEventContext<T>(events: readonly Envelope[], fn: () => Promise<T>): Promise<T> {
    const event = events[0]!;
    if (!tracingEnabled()) return runWithContext({ kind: 'event', requestId: event.id, traceparent: childTraceparent(event.traceparent) }, fn);
    const attributes = {
      'messaging.operation.type': 'process',
      'messaging.destination.name': event.type,
      'messaging.consumer.group.name': this.service,
      'messaging.message.id': event.id,
      'messaging.batch.message_count': events.length > 1 ? events.length : undefined,
      'mercato.service': this.service,
      'mercato.event.subject': event.subject,
    };
    const links = events.slice(1).map((e) => e.traceparent);
    return inSpan(`process ${event.type}`, event.traceparent ?? null, { kind: 'consumer', attributes, links }, (traceparent) =>
      runWithContext({ kind: 'event', requestId: event.id, traceparent: traceparent! }, fn),
    );
  }

  /** The logger is made on first use: most handlers never log, and a child per event costs. */
  private handlerContext(tx: Tx, event: Envelope, endsTransaction = false): HandlerContext {
    let logger: Logger | undefined;
    const loggerFor = () => (logger ??= this.loggerFor(event));
    return {
      tx,
      outbox: this.opts.outbox,
      metrics: this.opts.metrics,
      endsTransaction,
      get logger() {
        return loggerFor();
      },
    };
  }

  private loggerFor(event: Envelope): Logger {
    return this.opts.logger.child({ eventId: event.id, eventType: event.type, subject: event.subject });
  }

  async process(message: unknown, failureId: number | undefined): Promise<Outcome> {
    const result = validateEvent(message);
    if (!result.ok) {
      await this.recordInvalid(message, result.errors, failureId);
      return 'invalid';
    }
    const event = result.event;
    const handler = this.opts.manifest[event.type as EventType] as AnyHandler | undefined;
    if (!handler) {
      this.opts.logger.warn({ eventId: event.id, type: event.type }, 'event delivered that this service does not consume');
      return 'duplicate';
    }
    const consumer = this.consumerName(event.type);
    const outcome = await this.handleOne(event, handler, consumer, failureId);
    this.opts.onOutcome?.(event.type, outcome);
    return outcome;
  }

  private handleOne(event: Envelope, handler: AnyHandler, consumer: string, failureId: number | undefined): Promise<Outcome> {
    return this.inEventContext([event], async () => {
      const logger = this.loggerFor(event);
      try {
        const outcome = await this.opts.db.tx(async (tx) => {
          const inserted = await prepared(tx, 'chassis_inbox_add', 'INSERT INTO inbox (consumer, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
            consumer,
            event.id,
            event.type,
          ]);
          if (inserted.rowCount === 0) return 'duplicate' as const;
          await handler(event, { tx, outbox: this.opts.outbox, logger, metrics: this.opts.metrics, endsTransaction: true });
          return 'handled' as const;
        });
        if (failureId !== undefined) {
          await this.opts.db.query(`UPDATE event_failures SET status = 'resolved', next_attempt_at = NULL, secrets = NULL, updated_at = now() WHERE id = $1`, [failureId]);
        }
        if (outcome === 'duplicate') logger.debug('event already handled; redelivery ignored');
        return outcome;
      } catch (err) {
        logger.warn({ err }, 'event handler failed');
        await this.recordFailure(consumer, event, describe(err), failureId);
        return 'failed';
      }
    });
  }

  /**
   * Parks a failed event. The stored envelope and error texts hold no secret: the secrets are
   * kept apart (`secrets`) only while the event is retried, and dropped when it dies or resolves.
   */
  private async recordFailure(consumer: string, event: Envelope, rawError: string, failureId: number | undefined): Promise<void> {
    const { maxAttempts, baseMs, maxMs } = this.opts.retry;
    const { redacted, secrets } = redactSecrets(event);
    const error = redactText(rawError, secrets);
    const kept = (dead: boolean): string | null => (dead || Object.keys(secrets).length === 0 ? null : JSON.stringify(secrets));
    if (failureId === undefined) {
      const dead = maxAttempts <= 1;
      const delay = backoffDelay(1, baseMs, maxMs);
      await this.opts.db.query(
        `INSERT INTO event_failures (consumer, event_id, type, envelope, status, attempts, next_attempt_at, last_error, attempt_log, secrets)
         VALUES ($1, $2, $3, $4::jsonb, $5, 1, CASE WHEN $5 = 'dead' THEN NULL ELSE now() + make_interval(secs => $6::double precision / 1000) END, $7,
                 jsonb_build_array(jsonb_build_object('at', now(), 'error', $7::text, 'retryInMs', CASE WHEN $5 = 'dead' THEN NULL ELSE $6::int END)), $8::jsonb)
         ON CONFLICT (consumer, event_id) DO NOTHING`,
        [consumer, event.id, event.type, JSON.stringify(redacted), dead ? 'dead' : 'retrying', delay, error, kept(dead)],
      );
      if (dead) this.opts.logger.error({ eventId: event.id, consumer, error }, 'event dead-lettered');
      else this.wakeWithin(delay);
      return;
    }
    const row = await this.opts.db.query<{ attempts: number }>('SELECT attempts FROM event_failures WHERE id = $1', [failureId]);
    const attempts = (row.rows[0]?.attempts ?? 0) + 1;
    const dead = attempts >= maxAttempts;
    await this.opts.db.query(
      `UPDATE event_failures
          SET attempts = $2, status = $3, last_error = $4, updated_at = now(),
              next_attempt_at = CASE WHEN $3 = 'dead' THEN NULL ELSE now() + make_interval(secs => $5::double precision / 1000) END,
              attempt_log = attempt_log || jsonb_build_array(jsonb_build_object('at', now(), 'error', $4::text,
                                                                                 'retryInMs', CASE WHEN $3 = 'dead' THEN NULL ELSE $5::int END)),
              secrets = CASE WHEN $3 = 'dead' THEN NULL ELSE secrets END
        WHERE id = $1`,
      [failureId, attempts, dead ? 'dead' : 'retrying', error, backoffDelay(attempts, baseMs, maxMs)],
    );
    if (dead) this.opts.logger.error({ eventId: event.id, consumer, attempts, error }, 'event dead-lettered after retries');
  }

  private async recordInvalid(message: unknown, errors: FieldError[], failureId: number | undefined): Promise<void> {
    const m = (typeof message === 'object' && message !== null ? message : { raw: message }) as Record<string, unknown>;
    const eventId = typeof m.id === 'string' ? m.id.slice(0, 100) : newId('evt');
    const type = typeof m.type === 'string' ? m.type.slice(0, 100) : 'unknown';
    const { redacted, secrets } = redactSecrets(m);
    const error = redactText(`invalid event: ${errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`, secrets).slice(0, MAX_ERROR);
    this.opts.onOutcome?.(type, 'invalid');
    // Loud: an invalid event is a bug in its producer, never half-handled here.
    this.opts.logger.error({ eventId, type, errors }, 'invalid event refused and dead-lettered');
    if (failureId !== undefined) {
      await this.opts.db.query(
        `UPDATE event_failures SET status = 'dead', attempts = attempts + 1, last_error = $2, next_attempt_at = NULL, secrets = NULL, updated_at = now(),
                attempt_log = attempt_log || jsonb_build_array(jsonb_build_object('at', now(), 'error', $2::text)) WHERE id = $1`,
        [failureId, error],
      );
      return;
    }
    await this.opts.db.query(
      `INSERT INTO event_failures (consumer, event_id, type, envelope, status, attempts, next_attempt_at, last_error, attempt_log)
       VALUES ($1, $2, $3, $4::jsonb, 'dead', 1, NULL, $5, jsonb_build_array(jsonb_build_object('at', now(), 'error', $5::text)))
       ON CONFLICT (consumer, event_id) DO NOTHING`,
      [this.consumerName(type), eventId, type, JSON.stringify(redacted), error],
    );
  }

  /** One pass of the retry worker: handles the retries that are due; returns how many. */
  async retryDue(limit = 20): Promise<number> {
    const claimed = await this.opts.db.query<{ id: number; envelope: unknown; secrets: Secrets | null }>(
      `UPDATE event_failures SET next_attempt_at = now() + make_interval(secs => $3::double precision / 1000), updated_at = now()
        WHERE id IN (SELECT id FROM event_failures
                      WHERE status = 'retrying' AND next_attempt_at <= now() AND consumer LIKE $1
                      ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, envelope, secrets`,
      [`${this.service}.%`, limit, LEASE_MS],
    );
    for (const row of claimed.rows) await this.process(restoreSecrets(row.envelope, row.secrets), row.id);
    return claimed.rows.length;
  }

  /**
   * Starts the retry worker. It sleeps until the earliest scheduled retry (at most `idleMs`, so
   * a replay from another process is seen), and is woken early by a failure recorded here.
   */
  start(pollMs = this.opts.retryPollMs ?? 500, idleMs = 5_000): void {
    if (this.running) return;
    this.running = true;
    this.minPollMs = pollMs;
    this.idleMs = idleMs;
    this.schedule(pollMs);
  }

  /** Runs the retry worker within `ms` (sooner than planned, never later). */
  wakeWithin(ms: number): void {
    if (!this.running || this.ticking) return;
    if (this.dueAt !== undefined && this.dueAt <= Date.now() + ms) return;
    this.schedule(ms);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.dueAt = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.pass = this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    this.dueAt = undefined;
    let wait = this.idleMs;
    try {
      while (this.running && (await this.retryDue()) > 0);
      const next = await this.opts.db.query<{ ms: number | null }>(
        `SELECT (extract(epoch FROM min(next_attempt_at) - now()) * 1000)::int AS ms FROM event_failures
          WHERE status = 'retrying' AND consumer LIKE $1`,
        [`${this.service}.%`],
      );
      const ms = next.rows[0]?.ms;
      if (ms !== null && ms !== undefined) wait = Math.min(this.idleMs, Math.max(this.minPollMs, ms));
    } catch (err) {
      this.opts.logger.error({ err }, 'retry worker failed');
    } finally {
      this.ticking = false;
    }
    if (this.running) this.schedule(wait);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.pass;
  }
}

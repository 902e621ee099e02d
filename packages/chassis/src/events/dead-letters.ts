import type { Db, Queryable } from '../db/db.js';
import { redactSecrets, redactText } from './redact.js';

export type FailureStatus = 'retrying' | 'dead' | 'resolved' | 'discarded';

export interface FailureRecord {
  id: number;
  consumer: string;
  eventId: string;
  type: string;
  status: FailureStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string;
  firstFailedAt: string;
  updatedAt: string;
  attemptLog: { at: string; error: string; retryInMs: number | null }[];
  envelope: unknown;
}

interface FailureRow {
  id: number;
  consumer: string;
  event_id: string;
  type: string;
  status: FailureStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string;
  first_failed_at: Date;
  updated_at: Date;
  attempt_log: { at: string; error: string; retryInMs: number | null }[];
  envelope: unknown;
  [key: string]: unknown;
}

// Never `secrets`: the values kept for a retry are not for anyone's eyes.
const VIEW_COLUMNS = 'id, consumer, event_id, type, status, attempts, next_attempt_at, last_error, first_failed_at, updated_at, attempt_log, envelope';

/** A stored failure as an operator sees it. Stored failures hold no secrets; this redacts again, whatever a row holds. */
function present(r: FailureRow): FailureRecord {
  const { redacted, secrets } = redactSecrets(r.envelope);
  return {
    id: r.id,
    consumer: r.consumer,
    eventId: r.event_id,
    type: r.type,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
    lastError: redactText(r.last_error, secrets),
    firstFailedAt: r.first_failed_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    attemptLog: r.attempt_log.map((a) => ({ ...a, error: redactText(a.error, secrets) })),
    envelope: redacted,
  };
}

/** The dead-letter store of one service database: list, inspect, replay. */
export async function listFailures(
  db: Queryable,
  opts: { status?: FailureStatus; limit?: number; cursor?: number } = {},
): Promise<{ items: FailureRecord[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 100);
  const res = await db.query<FailureRow>(
    `SELECT ${VIEW_COLUMNS} FROM event_failures
      WHERE ($1::text IS NULL OR status = $1) AND ($2::bigint IS NULL OR id < $2)
      ORDER BY id DESC LIMIT $3`,
    [opts.status ?? null, opts.cursor ?? null, limit + 1],
  );
  const rows = res.rows.slice(0, limit);
  const next = res.rows.length > limit ? String(rows[rows.length - 1]!.id) : null;
  return { items: rows.map(present), nextCursor: next };
}

export async function getFailure(db: Queryable, id: number): Promise<FailureRecord | undefined> {
  const res = await db.query<FailureRow>(`SELECT ${VIEW_COLUMNS} FROM event_failures WHERE id = $1`, [id]);
  return res.rows[0] ? present(res.rows[0]) : undefined;
}

/**
 * Puts dead events back in the retry queue, due now, with a fresh attempt budget.
 * Returns the ids that were replayed (an id that is not dead is left alone).
 */
export async function replayFailures(db: Queryable, ids: number[] | 'all-dead'): Promise<number[]> {
  const res =
    ids === 'all-dead'
      ? await db.query<{ id: number }>(
          `UPDATE event_failures SET status = 'retrying', attempts = 0, next_attempt_at = now(), updated_at = now()
            WHERE status = 'dead' RETURNING id`,
        )
      : await db.query<{ id: number }>(
          `UPDATE event_failures SET status = 'retrying', attempts = 0, next_attempt_at = now(), updated_at = now()
            WHERE status = 'dead' AND id = ANY($1::bigint[]) RETURNING id`,
          [ids],
        );
  return res.rows.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * Gives up on dead events for good: each is marked `discarded` and recorded in the inbox of its
 * consumer in the same transaction, so neither a replay nor a redelivery by the broker runs its
 * handler. Returns the ids discarded (an id that is not dead is left alone).
 */
export async function discardFailures(db: Db, ids: number[]): Promise<number[]> {
  return db.tx(async (tx) => {
    const res = await tx.query<{ id: number; consumer: string; event_id: string; type: string }>(
      `UPDATE event_failures SET status = 'discarded', next_attempt_at = NULL, updated_at = now()
        WHERE status = 'dead' AND id = ANY($1::bigint[]) RETURNING id, consumer, event_id, type`,
      [ids],
    );
    if (res.rows.length > 0) {
      await tx.query(
        `INSERT INTO inbox (consumer, event_id, type) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
        [res.rows.map((r) => r.consumer), res.rows.map((r) => r.event_id), res.rows.map((r) => r.type)],
      );
    }
    return res.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  });
}

/** How many failed events are in each state (every state present, 0 when none). */
export async function countFailures(db: Queryable): Promise<Record<FailureStatus, number>> {
  const res = await db.query<{ status: FailureStatus; n: number }>('SELECT status, count(*)::int AS n FROM event_failures GROUP BY status');
  const counts: Record<FailureStatus, number> = { retrying: 0, dead: 0, resolved: 0, discarded: 0 };
  for (const r of res.rows) counts[r.status] = r.n;
  return counts;
}

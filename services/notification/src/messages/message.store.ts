import type { Queryable } from '@mercato/chassis';
import type { EmailKind } from '../templates/templates.js';
import type { Message, MessageStatus } from './message.js';

// The only file that runs SQL on the messages table.

interface MessageRow {
  id: string;
  event_id: string;
  kind: EmailKind;
  recipient: string;
  subject: string;
  html: string;
  text: string;
  status: MessageStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  provider_message_id: string | null;
  [key: string]: unknown;
}

const COLUMNS = `id, event_id, kind, recipient, subject, html, text, status, attempts, next_attempt_at, last_error, created_at, sent_at, provider_message_id`;

function toMessage(r: MessageRow): Message {
  return {
    id: r.id,
    eventId: r.event_id,
    kind: r.kind,
    recipient: r.recipient,
    subject: r.subject,
    html: r.html,
    text: r.text,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    providerMessageId: r.provider_message_id,
  };
}

export interface NewMessage {
  id: string;
  eventId: string;
  kind: EmailKind;
  recipient: string;
  subject: string;
  html: string;
  text: string;
}

/** Queues a message; false when a message for this event already exists (a redelivery). */
export async function insertMessage(q: Queryable, m: NewMessage): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO messages (id, event_id, kind, recipient, subject, html, text)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
    [m.id, m.eventId, m.kind, m.recipient, m.subject, m.html, m.text],
  );
  return r.rowCount === 1;
}

/**
 * Claims up to `limit` due messages for this process: pending ones whose time has come, and
 * sending ones whose lease ran out (their process died or hung). Each is marked `sending`, its
 * attempt counted, and leased until now + leaseMs. SKIP LOCKED lets several processes claim
 * side by side without waiting on or taking each other's rows.
 */
export async function claimDue(q: Queryable, limit: number, leaseMs: number, maxAttempts: number): Promise<Message[]> {
  const r = await q.query<MessageRow>(
    `WITH due AS (
       SELECT id FROM messages
        WHERE status IN ('pending', 'sending') AND next_attempt_at <= now() AND attempts < $3
        ORDER BY next_attempt_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED
     )
     UPDATE messages m
        SET status = 'sending', attempts = m.attempts + 1, next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
       FROM due WHERE m.id = due.id
     RETURNING ${COLUMNS.split(', ').map((c) => `m.${c}`).join(', ')}`,
    [limit, leaseMs, maxAttempts],
  );
  return r.rows.map(toMessage).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * A message whose lease ran out on its last allowed attempt is not sent again: it is failed.
 * (Its last attempt may or may not have reached the mail server; nobody recorded the outcome.)
 */
export async function failAbandoned(q: Queryable, maxAttempts: number): Promise<number> {
  const r = await q.query(
    `UPDATE messages SET status = 'failed', last_error = coalesce(last_error || ' / ', '') || 'the last attempt did not finish (lease expired)'
      WHERE status = 'sending' AND next_attempt_at <= now() AND attempts >= $1`,
    [maxAttempts],
  );
  return r.rowCount ?? 0;
}

// The attempt number fences every update: a process whose lease ran out, and whose message
// another process has claimed since, cannot overwrite the newer outcome.

/** Records messages as sent, in one statement; answers the ids whose lease still held (a lost lease means another process may send it again). */
export async function markSentMany(q: Queryable, sent: Array<{ id: string; attempt: number; providerMessageId: string | null }>): Promise<Set<string>> {
  if (sent.length === 0) return new Set();
  const r = await q.query<{ id: string }>(
    `UPDATE messages m SET status = 'sent', sent_at = now(), provider_message_id = v.provider_message_id, last_error = NULL
       FROM unnest($1::text[], $2::int[], $3::text[]) AS v(id, attempts, provider_message_id)
      WHERE m.id = v.id AND m.attempts = v.attempts AND m.status = 'sending'
      RETURNING m.id`,
    [sent.map((s) => s.id), sent.map((s) => s.attempt), sent.map((s) => s.providerMessageId)],
  );
  return new Set(r.rows.map((row) => row.id));
}

export async function markRetry(q: Queryable, id: string, attempt: number, delayMs: number, error: string): Promise<boolean> {
  const r = await q.query(
    `UPDATE messages SET status = 'pending', next_attempt_at = now() + make_interval(secs => $3::double precision / 1000), last_error = $4
      WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
    [id, attempt, delayMs, error],
  );
  return r.rowCount === 1;
}

export async function markFailed(q: Queryable, id: string, attempt: number, error: string): Promise<boolean> {
  const r = await q.query(
    `UPDATE messages SET status = 'failed', last_error = $3
      WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
    [id, attempt, error],
  );
  return r.rowCount === 1;
}

export async function latestMessages(q: Queryable, limit: number): Promise<Message[]> {
  const r = await q.query<MessageRow>(`SELECT ${COLUMNS} FROM messages ORDER BY created_at DESC, id DESC LIMIT $1`, [limit]);
  return r.rows.map(toMessage);
}

export async function findMessage(q: Queryable, id: string): Promise<Message | undefined> {
  const r = await q.query<MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE id = $1`, [id]);
  return r.rows[0] ? toMessage(r.rows[0]) : undefined;
}

import { prepared, type Queryable } from '@mercato/chassis';
import type { Category, ChannelName } from '../preferences/preferences.js';
import type { EmailKind } from '../templates/templates.js';
import type { Message, MessagePayload, MessageStatus } from './message.js';

// The only file that runs SQL on the messages table.

interface MessageRow {
  id: string;
  event_id: string | null;
  channel: ChannelName;
  category: Category;
  user_id: string | null;
  order_id: string | null;
  locale: string | null;
  payload: MessagePayload;
  resent_from: string | null;
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

const COLUMNS = `id, event_id, channel, category, user_id, order_id, locale, payload, resent_from, kind, recipient, subject, html, text, status, attempts, next_attempt_at, last_error, created_at, sent_at, provider_message_id`;

function toMessage(r: MessageRow): Message {
  return {
    id: r.id,
    eventId: r.event_id,
    channel: r.channel,
    category: r.category,
    userId: r.user_id,
    orderId: r.order_id,
    locale: r.locale,
    payload: r.payload,
    resentFrom: r.resent_from,
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
  eventId: string | null;
  /** Unique: a second message with the same key is not queued (a redelivered event). */
  dedupeKey: string | null;
  channel: ChannelName;
  category: Category;
  kind: EmailKind;
  userId: string | null;
  orderId: string | null;
  locale: string | null;
  recipient: string;
  subject: string;
  html: string;
  text: string;
  payload: MessagePayload;
  /** pending (the default) or suppressed (not sent: the hourly cap). */
  status?: 'pending' | 'suppressed';
  lastError?: string | null;
  /** When it may first go (quiet hours); now when absent. */
  notBefore?: Date;
  resentFrom?: string | null;
}

// The columns a new message is inserted with, and their values in that order ($1 … $18; the
// 17th, when it may first go, is `coalesce($17, now())`).
const NEW_MESSAGE_COLUMNS = `id, event_id, dedupe_key, channel, category, kind, user_id, order_id, locale, recipient, subject, html, text, payload,
                             status, last_error, next_attempt_at, resent_from`;
const newMessageValues = (m: NewMessage): unknown[] => [
  m.id, m.eventId, m.dedupeKey, m.channel, m.category, m.kind, m.userId, m.orderId, m.locale, m.recipient, m.subject, m.html, m.text,
  JSON.stringify(m.payload), m.status ?? 'pending', m.lastError ?? null, m.notBefore?.toISOString() ?? null, m.resentFrom ?? null,
];

// Transactions that queued messages to send: the delivery worker wakes for their commits only
// (the others — an order's contact recorded, a preference changed, the worker's own marks —
// bring nothing due; its poll still catches whatever is).
const queuers = new WeakSet<Queryable>();

/** Whether `tx` queued a message to send (it is due once the transaction has committed). */
export const queuedMessages = (tx: Queryable): boolean => queuers.has(tx);

/** Queues a message; false when one with its dedupe key exists already (a redelivery). */
export async function insertMessage(q: Queryable, m: NewMessage): Promise<boolean> {
  const r = await prepared(
    q,
    'notification_insert_message',
    `INSERT INTO messages (${NEW_MESSAGE_COLUMNS})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, coalesce($17, now()), $18)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    newMessageValues(m),
  );
  if (r.rowCount === 1 && (m.status ?? 'pending') === 'pending') queuers.add(q);
  return r.rowCount === 1;
}

/** A message to queue under the hourly cap of its recipient and channel. */
export interface CappedMessage {
  message: NewMessage;
  limit: { transactional: boolean; cap: number; capError: string };
}

/**
 * Queues messages under the hourly cap of their recipient and channel, in two statements however
 * many they are: first transaction-scoped locks on every (channel, kind of cap, recipient) named,
 * taken in one order (two queuings for one recipient count in turn, and two runs never wait on
 * each other in a cycle), then one that counts the messages queued to each recipient in the last
 * hour (not those the cap held back; transactional ones and the rest apart) and inserts the
 * messages — each `suppressed`, with its `capError`, when `cap` are already there, counting the
 * ones before it here to the same recipient. A second statement, so its counts see what was
 * committed while it waited for the locks. Answers, per message, the status it was recorded
 * with, or undefined when a message with its dedupe key exists already (a redelivery; the first
 * of two here with one key is the one queued).
 */
export async function insertCapped(q: Queryable, items: readonly CappedMessage[]): Promise<Array<'pending' | 'suppressed' | undefined>> {
  if (items.length === 0) return [];
  await prepared(
    q,
    'notification_cap_lock_many',
    `SELECT count(pg_advisory_xact_lock(h))::int AS n FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS l`,
    [items.map(({ message: m, limit }) => `notification-cap:${m.channel}:${limit.transactional}:${m.recipient}`)],
  );
  const column = <T>(f: (m: NewMessage) => T) => items.map(({ message }) => f(message));
  const r = await prepared<{ id: string; status: 'pending' | 'suppressed' }>(
    q,
    'notification_insert_capped_many',
    `WITH m AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                            $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::timestamptz[], $18::text[],
                            $19::boolean[], $20::int[], $21::text[])
              WITH ORDINALITY AS m(id, event_id, dedupe_key, channel, category, kind, user_id, order_id, locale, recipient, subject, html, text,
                                   payload, status, last_error, not_before, resent_from, transactional, cap, cap_error, n)
     ),
     fresh AS (
       SELECT DISTINCT ON (coalesce(m.dedupe_key, m.id)) m.* FROM m
        WHERE m.dedupe_key IS NULL OR NOT EXISTS (SELECT 1 FROM messages x WHERE x.dedupe_key = m.dedupe_key)
        ORDER BY coalesce(m.dedupe_key, m.id), m.n
     ),
     counted AS (
       SELECT f.*, row_number() OVER (PARTITION BY f.recipient, f.channel, f.transactional ORDER BY f.n) - 1
                   + (SELECT count(*) FROM messages x
                       WHERE x.recipient = f.recipient AND x.channel = f.channel AND x.created_at > now() - interval '1 hour'
                         AND x.status <> 'suppressed' AND (x.category = 'transactional') = f.transactional) AS queued
         FROM fresh f
     )
     INSERT INTO messages (${NEW_MESSAGE_COLUMNS})
     SELECT id, event_id, dedupe_key, channel, category, kind, user_id, order_id, locale, recipient, subject, html, text, payload::jsonb,
            CASE WHEN queued >= cap THEN 'suppressed' ELSE status END, CASE WHEN queued >= cap THEN cap_error ELSE last_error END,
            coalesce(not_before, now()), resent_from
       FROM counted ORDER BY n
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id, status`,
    [
      column((m) => m.id),
      column((m) => m.eventId),
      column((m) => m.dedupeKey),
      column((m) => m.channel),
      column((m) => m.category),
      column((m) => m.kind),
      column((m) => m.userId),
      column((m) => m.orderId),
      column((m) => m.locale),
      column((m) => m.recipient),
      column((m) => m.subject),
      column((m) => m.html),
      column((m) => m.text),
      column((m) => JSON.stringify(m.payload)),
      column((m) => m.status ?? 'pending'),
      column((m) => m.lastError ?? null),
      column((m) => m.notBefore?.toISOString() ?? null),
      column((m) => m.resentFrom ?? null),
      items.map((i) => i.limit.transactional),
      items.map((i) => i.limit.cap),
      items.map((i) => i.limit.capError),
    ],
  );
  const status = new Map(r.rows.map((row) => [row.id, row.status]));
  if (r.rows.some((row) => row.status === 'pending')) queuers.add(q);
  return items.map((i) => status.get(i.message.id));
}

/**
 * Claims up to `limit` due messages for this process: pending ones whose time has come, and
 * sending ones whose lease ran out (their process died or hung). Each is marked `sending`, its
 * attempt counted, and leased until now + leaseMs. SKIP LOCKED lets several processes claim
 * side by side without waiting on or taking each other's rows.
 */
export async function claimDue(q: Queryable, limit: number, leaseMs: number, maxAttempts: number): Promise<Message[]> {
  const r = await prepared<MessageRow>(
    q,
    'notification_claim_due',
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
  const r = await prepared(
    q,
    'notification_fail_abandoned',
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
  const r = await prepared<{ id: string }>(
    q,
    'notification_mark_sent_many',
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

/** A sent message the provider later could not deliver (an SMS status callback, a push subscription gone). */
export async function markBounced(q: Queryable, id: string, error: string, attempt?: number): Promise<boolean> {
  const r = await q.query(
    `UPDATE messages SET status = 'bounced', last_error = $2 WHERE id = $1 AND ($3::int IS NULL OR (attempts = $3 AND status = 'sending'))`,
    [id, error, attempt ?? null],
  );
  return r.rowCount === 1;
}

/** The message a provider knows by this id (the SMS provider's message sid). */
export async function findByProviderId(q: Queryable, channel: ChannelName, providerMessageId: string): Promise<Message | undefined> {
  const r = await q.query<MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE provider_message_id = $1 AND channel = $2`, [providerMessageId, channel]);
  return r.rows[0] ? toMessage(r.rows[0]) : undefined;
}

export interface LogFilter {
  userId?: string;
  orderId?: string;
  statuses?: MessageStatus[];
  channel?: ChannelName;
  before?: { createdAtUs: number; id: string };
  limit: number;
}

/** The delivery log, newest first, filtered; the cursor is (created_at, id) of the last row. */
export async function pageMessages(q: Queryable, f: LogFilter): Promise<Array<Message & { createdAtUs: number }>> {
  const r = await q.query<MessageRow & { created_us: number }>(
    `SELECT ${COLUMNS}, (extract(epoch FROM created_at) * 1000000)::int8 AS created_us FROM messages
      WHERE ($1::text IS NULL OR user_id = $1) AND ($2::text IS NULL OR order_id = $2) AND ($3::text[] IS NULL OR status = ANY($3::text[]))
        AND ($4::text IS NULL OR channel = $4)
        AND ($5::int8 IS NULL OR (created_at, id) < (timestamptz 'epoch' + $5::int8 * interval '1 microsecond', $6))
      ORDER BY created_at DESC, id DESC LIMIT $7`,
    [f.userId ?? null, f.orderId ?? null, f.statuses ?? null, f.channel ?? null, f.before?.createdAtUs ?? null, f.before?.id ?? null, f.limit],
  );
  return r.rows.map((row) => ({ ...toMessage(row), createdAtUs: row.created_us }));
}

/** Erasure: the log keeps that a message went, not to whom or what it said. */
export async function anonymiseMessages(q: Queryable, userId: string): Promise<void> {
  await q.query(
    `UPDATE messages SET user_id = NULL, recipient = '[erased]', subject = '[erased]', html = '', text = '', payload = '{}'
      WHERE user_id = $1`,
    [userId],
  );
}

/** A copy of a message to send again (a new row: the log keeps both), due now. */
export async function copyForResend(q: Queryable, id: string, newMessageId: string): Promise<Message | undefined> {
  const r = await q.query<MessageRow>(
    `INSERT INTO messages (id, event_id, channel, category, kind, user_id, order_id, locale, recipient, subject, html, text, payload, resent_from)
     SELECT $2, event_id, channel, category, kind, user_id, order_id, locale, recipient, subject, html, text, payload, id
       FROM messages WHERE id = $1 AND recipient <> '[erased]'
     RETURNING ${COLUMNS}`,
    [id, newMessageId],
  );
  if (r.rows[0]) queuers.add(q);
  return r.rows[0] ? toMessage(r.rows[0]) : undefined;
}

export async function latestMessages(q: Queryable, limit: number): Promise<Message[]> {
  const r = await q.query<MessageRow>(`SELECT ${COLUMNS} FROM messages ORDER BY created_at DESC, id DESC LIMIT $1`, [limit]);
  return r.rows.map(toMessage);
}

export async function findMessage(q: Queryable, id: string): Promise<Message | undefined> {
  const r = await q.query<MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE id = $1`, [id]);
  return r.rows[0] ? toMessage(r.rows[0]) : undefined;
}

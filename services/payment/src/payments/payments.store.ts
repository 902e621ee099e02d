import { prepared, type InboxRun, type OutboxInsert, type Queryable } from '@mercato/chassis';
import type { ProviderName } from '../providers/provider.js';
import type { OutcomeColumns } from './payment-outcome.js';
import type { PaymentState } from './payment-states.js';
import type { Payment, PaymentChanges } from './payment.js';

interface PaymentRow extends Record<string, unknown> {
  id: string;
  order_id: string;
  user_id: string | null;
  email: string;
  provider: ProviderName;
  payment_method: string;
  amount: string;
  currency: string;
  state: PaymentState;
  provider_ref: string | null;
  charge_ref: string | null;
  card_brand: string | null;
  card_last4: string | null;
  next_action_url: string | null;
  failure_code: string | null;
  failure_message: string | null;
  captured_amount: string;
  refunded_amount: string;
  attempts: number;
  created_at: Date;
  updated_at: Date;
}

const toPayment = (r: PaymentRow): Payment => ({
  id: r.id,
  orderId: r.order_id,
  userId: r.user_id,
  email: r.email,
  provider: r.provider,
  paymentMethod: r.payment_method,
  amount: Number(r.amount),
  currency: r.currency,
  state: r.state,
  providerRef: r.provider_ref,
  chargeRef: r.charge_ref,
  cardBrand: r.card_brand,
  cardLast4: r.card_last4,
  nextActionUrl: r.next_action_url,
  failureCode: r.failure_code,
  failureMessage: r.failure_message,
  capturedAmount: Number(r.captured_amount),
  refundedAmount: Number(r.refunded_amount),
  attempts: r.attempts,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** What a call to the provider needs of a payment. */
export type ChargeTarget = Pick<Payment, 'id' | 'orderId' | 'email' | 'provider' | 'paymentMethod' | 'amount' | 'currency' | 'providerRef' | 'chargeRef'>;

/** A new payment locked for its charge in the transaction that records the outcome: what both need. */
export type ChargeLock = ChargeTarget & OutcomeColumns;

type ChargeLockRow = Pick<
  PaymentRow,
  | 'id' | 'order_id' | 'email' | 'provider' | 'payment_method' | 'amount' | 'currency' | 'state' | 'provider_ref' | 'charge_ref'
  | 'card_brand' | 'card_last4' | 'next_action_url' | 'failure_code' | 'failure_message' | 'captured_amount' | 'attempts'
>;

export interface NewPayment {
  id: string;
  orderId: string;
  userId: string | null;
  email: string;
  provider: ProviderName;
  paymentMethod: string;
  amount: number;
  currency: string;
  state: PaymentState;
  failureCode?: string;
  failureMessage?: string;
  /** Seconds before the reconciler may pick the payment up (the in-process charge goes first). */
  graceSeconds: number;
}

/**
 * New payments announced by one notification at most: a payload stays under PostgreSQL's 8,000
 * bytes (200 ids of ≤ 36 characters with their commas, the prefix and a traceparent: < 7,500).
 */
export const ANNOUNCED_AT_ONCE = 200;

/**
 * The multi-row insert of new payments with their announcement. With `inbox` (an insert for a
 * CTE returning `event_id`), only the rows whose `event_id` it returned are inserted, and the
 * statement returns those events (`kind` 'event') beside the payments (`kind` 'payment').
 */
function insertManySql(inbox: string | undefined): string {
  return `WITH ${inbox ? `fresh AS (${inbox}),` : ''}
       ins AS (
         INSERT INTO payments (id, order_id, user_id, email, provider, payment_method, amount, currency, state, failure_code, failure_message, lease_until)
         SELECT p.id, p.order_id, p.user_id, p.email, p.provider, p.payment_method, p.amount, p.currency, p.state, p.failure_code, p.failure_message,
                now() + make_interval(secs => p.grace_seconds)
         FROM json_to_recordset($1::json) AS p(id text, order_id text, user_id text, email text, provider text, payment_method text, amount bigint,
                                              currency text, state text, failure_code text, failure_message text, grace_seconds int, event_id text, n int)
         ${inbox ? 'WHERE p.event_id IN (SELECT event_id FROM fresh) ORDER BY p.n' : ''}
         ON CONFLICT (order_id) DO NOTHING RETURNING id, state),
       announced AS (
         SELECT pg_notify($2, 'payment:' || string_agg(id, ',') || coalesce(':' || $3::text, ''))
           FROM (SELECT id, (row_number() OVER () - 1) / ${ANNOUNCED_AT_ONCE} AS chunk FROM ins WHERE state = 'created') c
          GROUP BY chunk)
       SELECT 'payment' AS kind, id FROM ins WHERE (SELECT count(*) FROM announced) >= 0
       ${inbox ? `UNION ALL SELECT 'event', event_id FROM fresh` : ''}`;
}

function insertManyParams(list: readonly NewPayment[], channel: string, traceparent: string | null | undefined, eventIds?: readonly string[]): unknown[] {
  return [
    JSON.stringify(
      list.map((p, n) => ({
        id: p.id,
        order_id: p.orderId,
        user_id: p.userId,
        email: p.email,
        provider: p.provider,
        payment_method: p.paymentMethod,
        amount: p.amount,
        currency: p.currency,
        state: p.state,
        failure_code: p.failureCode ?? null,
        failure_message: p.failureMessage ?? null,
        grace_seconds: p.graceSeconds,
        event_id: eventIds?.[n] ?? null,
        n,
      })),
    ),
    channel,
    traceparent ?? null,
  ];
}

/** The only code that reads or writes `payments`. */
export const paymentsStore = {
  /**
   * Inserts the order's payment unless it has one (one payment per order); false when it had.
   * The announcement of the work rides in the same statement (one round trip), and PostgreSQL
   * delivers it on commit only.
   */
  async insert(q: Queryable, p: NewPayment, notify?: { channel: string; payload: string }): Promise<boolean> {
    const r = await q.query(
      `WITH ins AS (
         INSERT INTO payments (id, order_id, user_id, email, provider, payment_method, amount, currency, state, failure_code, failure_message, lease_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() + make_interval(secs => $12))
         ON CONFLICT (order_id) DO NOTHING RETURNING id)
       SELECT CASE WHEN $13::text IS NULL THEN NULL ELSE pg_notify($13, $14) END AS notified FROM ins`,
      [p.id, p.orderId, p.userId, p.email, p.provider, p.paymentMethod, p.amount, p.currency, p.state, p.failureCode ?? null, p.failureMessage ?? null, p.graceSeconds,
        notify?.channel ?? null, notify?.payload ?? null],
    );
    return r.rowCount === 1;
  },

  /**
   * Several new payments in one statement (a run of PaymentRequested delivered together); an
   * order that has a payment already, or appears twice, keeps its first. Announces the inserted
   * payments in state `created` on `channel` (delivered on commit), up to ANNOUNCED_AT_ONCE in
   * one notification (`payment:<id>,<id>,…[:<traceparent>]`). Returns the inserted ids.
   */
  async insertMany(q: Queryable, list: readonly NewPayment[], channel: string, traceparent?: string | null): Promise<Set<string>> {
    if (list.length === 0) return new Set();
    const r = await prepared<{ id: string }>(q, 'payment_insert_many', insertManySql(undefined), insertManyParams(list, channel, traceparent));
    return new Set(r.rows.map((row) => row.id));
  },

  /**
   * The same, in the statement that records the run's inbox rows: only the payments of the
   * events the inbox did not have (`eventIds[i]` asked for `list[i]`) are inserted. Returns the
   * inserted payments' ids and the ids of those events.
   */
  async insertManyWithInbox(
    q: Queryable,
    list: readonly NewPayment[],
    eventIds: readonly string[],
    inbox: InboxRun,
    channel: string,
    traceparent?: string | null,
  ): Promise<{ inserted: Set<string>; fresh: Set<string> }> {
    const params = insertManyParams(list, channel, traceparent, eventIds);
    const r = await prepared<{ kind: 'payment' | 'event'; id: string }>(q, 'payment_insert_many_inbox', insertManySql(inbox.sql(params.length + 1)), [...params, ...inbox.params]);
    const inserted = new Set<string>();
    const fresh = new Set<string>();
    for (const row of r.rows) (row.kind === 'payment' ? inserted : fresh).add(row.id);
    return { inserted, fresh };
  },

  async get(q: Queryable, id: string): Promise<Payment | undefined> {
    const r = await q.query<PaymentRow>('SELECT * FROM payments WHERE id = $1', [id]);
    return r.rows[0] && toPayment(r.rows[0]);
  },

  async getForUpdate(q: Queryable, id: string): Promise<Payment | undefined> {
    const r = await q.query<PaymentRow>('SELECT * FROM payments WHERE id = $1 FOR UPDATE', [id]);
    return r.rows[0] && toPayment(r.rows[0]);
  },

  async byOrder(q: Queryable, orderId: string, opts: { forUpdate?: boolean } = {}): Promise<Payment | undefined> {
    const r = await q.query<PaymentRow>(`SELECT * FROM payments WHERE order_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [orderId]);
    return r.rows[0] && toPayment(r.rows[0]);
  },

  /** A payment by the provider's id for it (intent / order) or for the charge; locked. */
  async byProviderRefForUpdate(q: Queryable, provider: ProviderName, ref: string): Promise<Payment | undefined> {
    const r = await q.query<PaymentRow>('SELECT * FROM payments WHERE provider = $1 AND (provider_ref = $2 OR charge_ref = $2) LIMIT 1 FOR UPDATE', [provider, ref]);
    return r.rows[0] && toPayment(r.rows[0]);
  },

  /**
   * The in-process charge's claim: `created` → `processing`, committed before the provider is
   * called. Exactly one caller wins it, however many deliveries of PaymentRequested race.
   * Returns what the provider call needs (the outcome is recorded on the row locked again).
   */
  async claimForCharge(q: Queryable, ids: readonly string[], leaseSeconds: number): Promise<ChargeTarget[]> {
    const r = await prepared<Pick<PaymentRow, 'id' | 'order_id' | 'email' | 'provider' | 'payment_method' | 'amount' | 'currency' | 'provider_ref' | 'charge_ref'>>(
      q,
      'payment_claim_for_charge',
      `UPDATE payments SET state = 'processing', attempts = attempts + 1, lease_until = now() + make_interval(secs => $2), updated_at = now()
        WHERE id = ANY($1::text[]) AND state = 'created'
        RETURNING id, order_id, email, provider, payment_method, amount, currency, provider_ref, charge_ref`,
      [ids, leaseSeconds],
    );
    return r.rows.map((row) => ({
      id: row.id,
      orderId: row.order_id,
      email: row.email,
      provider: row.provider,
      paymentMethod: row.payment_method,
      amount: Number(row.amount),
      currency: row.currency,
      providerRef: row.provider_ref,
      chargeRef: row.charge_ref,
    }));
  },

  /**
   * Locks the new payments of `provider` among `ids` for the rest of the caller's transaction,
   * in id order, skipping rows another transaction holds (it is settling them; should it roll
   * back, they stay `created` for the reconciler). Reads what the charge and its outcome need,
   * not the whole row.
   */
  async lockNewForCharge(q: Queryable, ids: readonly string[], provider: ProviderName): Promise<ChargeLock[]> {
    const r = await prepared<ChargeLockRow>(
      q,
      'payment_lock_new_for_charge',
      `SELECT id, order_id, email, provider, payment_method, amount, currency, state, provider_ref, charge_ref, card_brand, card_last4,
              next_action_url, failure_code, failure_message, captured_amount, attempts
         FROM payments WHERE id = ANY($1::text[]) AND state = 'created' AND provider = $2 ORDER BY id FOR UPDATE SKIP LOCKED`,
      [ids, provider],
    );
    return r.rows.map((row) => ({
      id: row.id,
      orderId: row.order_id,
      email: row.email,
      provider: row.provider,
      paymentMethod: row.payment_method,
      amount: Number(row.amount),
      currency: row.currency,
      state: row.state,
      providerRef: row.provider_ref,
      chargeRef: row.charge_ref,
      cardBrand: row.card_brand,
      cardLast4: row.card_last4,
      nextActionUrl: row.next_action_url,
      failureCode: row.failure_code,
      failureMessage: row.failure_message,
      capturedAmount: Number(row.captured_amount),
      attempts: row.attempts,
    }));
  },

  /** Locks several payments, always in id order (two batches never wait on each other in a cycle). */
  async getManyForUpdate(q: Queryable, ids: readonly string[]): Promise<Payment[]> {
    const r = await prepared<PaymentRow>(q, 'payment_lock_many', 'SELECT * FROM payments WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [ids]);
    return r.rows.map(toPayment);
  },

  /**
   * The reconciler's claim: unsettled payments whose lease has run out, leased to this process
   * for `leaseSeconds`. SKIP LOCKED lets several processes share the work without waiting.
   */
  async leaseUnsettled(q: Queryable, limit: number, leaseSeconds: number): Promise<Payment[]> {
    const r = await q.query<PaymentRow>(
      // A payment waiting for its customer is looked at less and less often (at most daily).
      `UPDATE payments SET attempts = attempts + 1, updated_at = now(),
              lease_until = now() + make_interval(secs => CASE WHEN state = 'requires_action' THEN least($2 * power(2, least(attempts, 10)), 86400) ELSE $2 END)
        WHERE id IN (SELECT id FROM payments WHERE state IN ('created', 'processing', 'unknown', 'requires_action') AND lease_until <= now()
                      ORDER BY lease_until LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [limit, leaseSeconds],
    );
    return r.rows.map(toPayment);
  },

  /** Leases one payment for a lookup now (a webhook asked for a capture); undefined when another process holds it. */
  async leaseNow(q: Queryable, id: string, leaseSeconds: number): Promise<Payment | undefined> {
    const r = await q.query<PaymentRow>(
      `UPDATE payments SET lease_until = now() + make_interval(secs => $2), attempts = attempts + 1, updated_at = now()
        WHERE id = (SELECT id FROM payments WHERE id = $1 FOR UPDATE SKIP LOCKED) RETURNING *`,
      [id, leaseSeconds],
    );
    return r.rows[0] && toPayment(r.rows[0]);
  },

  async update(q: Queryable, id: string, c: PaymentChanges): Promise<Payment> {
    const sets: string[] = ['state = $2', 'updated_at = now()'];
    const params: unknown[] = [id, c.state];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (c.providerRef !== undefined) set('provider_ref', c.providerRef);
    if (c.chargeRef !== undefined) set('charge_ref', c.chargeRef);
    if (c.cardBrand !== undefined) set('card_brand', c.cardBrand);
    if (c.cardLast4 !== undefined) set('card_last4', c.cardLast4);
    if (c.nextActionUrl !== undefined) set('next_action_url', c.nextActionUrl);
    if (c.failureCode !== undefined) set('failure_code', c.failureCode);
    if (c.failureMessage !== undefined) set('failure_message', c.failureMessage);
    if (c.capturedAmount !== undefined) set('captured_amount', c.capturedAmount);
    if (c.refundedAmount !== undefined) set('refunded_amount', c.refundedAmount);
    if (c.leaseSeconds !== undefined) {
      params.push(c.leaseSeconds);
      sets.push(`lease_until = now() + make_interval(secs => $${params.length})`);
    }
    const r = await q.query<PaymentRow>(`UPDATE payments SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, params);
    return toPayment(r.rows[0]!);
  },

  /**
   * Writes outcomes to payments the caller has locked in this transaction (the columns an
   * outcome may change, as changed in memory; `leaseSeconds` null keeps the lease) and inserts
   * their events (`events`, the outbox's insert), in one statement.
   */
  async saveOutcomes(q: Queryable, items: readonly { next: OutcomeColumns; leaseSeconds: number | null }[], events: OutboxInsert): Promise<void> {
    const col = <T>(f: (p: OutcomeColumns) => T) => items.map((i) => f(i.next));
    await prepared(
      q,
      'payment_save_outcomes',
      `WITH saved AS (
         UPDATE payments p SET state = u.state, provider_ref = u.provider_ref, charge_ref = u.charge_ref, card_brand = u.card_brand, card_last4 = u.card_last4,
                next_action_url = u.next_action_url, failure_code = u.failure_code, failure_message = u.failure_message, captured_amount = u.captured_amount,
                attempts = u.attempts, lease_until = CASE WHEN u.lease IS NULL THEN p.lease_until ELSE now() + make_interval(secs => u.lease) END, updated_at = now()
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::int[], $12::int[])
                AS u(id, state, provider_ref, charge_ref, card_brand, card_last4, next_action_url, failure_code, failure_message, captured_amount, attempts, lease)
          WHERE p.id = u.id
          RETURNING 1),
       events AS (${events.sql(13)} RETURNING 1)
       SELECT (SELECT count(*) FROM saved) AS saved, (SELECT count(*) FROM events) AS events`,
      [
        col((p) => p.id),
        col((p) => p.state),
        col((p) => p.providerRef),
        col((p) => p.chargeRef),
        col((p) => p.cardBrand),
        col((p) => p.cardLast4),
        col((p) => p.nextActionUrl),
        col((p) => p.failureCode),
        col((p) => p.failureMessage),
        col((p) => p.capturedAmount),
        col((p) => p.attempts),
        items.map((i) => i.leaseSeconds),
        ...events.params,
      ],
    );
  },

  async listByOrder(q: Queryable, orderId: string, userId: string | null): Promise<Payment[]> {
    const r = await q.query<PaymentRow>('SELECT * FROM payments WHERE order_id = $1 AND ($2::text IS NULL OR user_id = $2)', [orderId, userId]);
    return r.rows.map(toPayment);
  },
};

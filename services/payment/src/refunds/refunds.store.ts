import type { Queryable } from '@mercato/chassis';

export type RefundState = 'pending' | 'succeeded' | 'failed';

export interface Refund {
  id: string;
  paymentId: string;
  refundRequestId: string | null;
  amount: number;
  currency: string;
  reason: string;
  state: RefundState;
  providerRef: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  requestedBy: string | null;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

interface RefundRow extends Record<string, unknown> {
  id: string;
  payment_id: string;
  refund_request_id: string | null;
  amount: string;
  currency: string;
  reason: string;
  state: RefundState;
  provider_ref: string | null;
  failure_code: string | null;
  failure_message: string | null;
  requested_by: string | null;
  attempts: number;
  created_at: Date;
  updated_at: Date;
}

const toRefund = (r: RefundRow): Refund => ({
  id: r.id,
  paymentId: r.payment_id,
  refundRequestId: r.refund_request_id,
  amount: Number(r.amount),
  currency: r.currency,
  reason: r.reason,
  state: r.state,
  providerRef: r.provider_ref,
  failureCode: r.failure_code,
  failureMessage: r.failure_message,
  requestedBy: r.requested_by,
  attempts: r.attempts,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The only code that reads or writes the refunds ledger. */
export const refundsStore = {
  async byRequest(q: Queryable, refundRequestId: string): Promise<Refund | undefined> {
    const r = await q.query<RefundRow>('SELECT * FROM refunds WHERE refund_request_id = $1', [refundRequestId]);
    return r.rows[0] && toRefund(r.rows[0]);
  },

  async get(q: Queryable, id: string): Promise<Refund | undefined> {
    const r = await q.query<RefundRow>('SELECT * FROM refunds WHERE id = $1', [id]);
    return r.rows[0] && toRefund(r.rows[0]);
  },

  async getForUpdate(q: Queryable, id: string): Promise<Refund | undefined> {
    const r = await q.query<RefundRow>('SELECT * FROM refunds WHERE id = $1 FOR UPDATE', [id]);
    return r.rows[0] && toRefund(r.rows[0]);
  },

  async listByPayment(q: Queryable, paymentId: string): Promise<Refund[]> {
    const r = await q.query<RefundRow>('SELECT * FROM refunds WHERE payment_id = $1 ORDER BY created_at, id', [paymentId]);
    return r.rows.map(toRefund);
  },

  /** What is reserved against the capture: refunds done and refunds under way. */
  async reserved(q: Queryable, paymentId: string): Promise<number> {
    const r = await q.query<{ n: string }>(`SELECT coalesce(sum(amount), 0) AS n FROM refunds WHERE payment_id = $1 AND state IN ('pending', 'succeeded')`, [paymentId]);
    return Number(r.rows[0]!.n);
  },

  async insert(
    q: Queryable,
    r: { id: string; paymentId: string; refundRequestId: string | null; amount: number; currency: string; reason: string; requestedBy: string | null; graceSeconds: number },
  ): Promise<Refund> {
    const res = await q.query<RefundRow>(
      `INSERT INTO refunds (id, payment_id, refund_request_id, amount, currency, reason, state, requested_by, lease_until)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, now() + make_interval(secs => $8)) RETURNING *`,
      [r.id, r.paymentId, r.refundRequestId, r.amount, r.currency, r.reason, r.requestedBy, r.graceSeconds],
    );
    return toRefund(res.rows[0]!);
  },

  /** The first attempt's claim (attempts 0 → 1): one caller wins it. */
  async claimFirst(q: Queryable, id: string, leaseSeconds: number): Promise<Refund | undefined> {
    const r = await q.query<RefundRow>(
      `UPDATE refunds SET attempts = 1, lease_until = now() + make_interval(secs => $2), updated_at = now()
        WHERE id = $1 AND state = 'pending' AND attempts = 0 RETURNING *`,
      [id, leaseSeconds],
    );
    return r.rows[0] && toRefund(r.rows[0]);
  },

  /** The reconciler's claim of pending refunds whose lease has run out (SKIP LOCKED). */
  async leasePending(q: Queryable, limit: number, leaseSeconds: number): Promise<Refund[]> {
    const r = await q.query<RefundRow>(
      `UPDATE refunds SET attempts = attempts + 1, lease_until = now() + make_interval(secs => $2), updated_at = now()
        WHERE id IN (SELECT id FROM refunds WHERE state = 'pending' AND lease_until <= now() ORDER BY lease_until LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [limit, leaseSeconds],
    );
    return r.rows.map(toRefund);
  },

  async settle(q: Queryable, id: string, s: { state: 'succeeded'; providerRef: string } | { state: 'failed'; code: string; message: string }): Promise<Refund> {
    const r = await q.query<RefundRow>(
      `UPDATE refunds SET state = $2, provider_ref = $3, failure_code = $4, failure_message = $5, updated_at = now() WHERE id = $1 RETURNING *`,
      s.state === 'succeeded' ? [id, s.state, s.providerRef, null, null] : [id, s.state, null, s.code, s.message],
    );
    return toRefund(r.rows[0]!);
  },

  async postpone(q: Queryable, id: string, seconds: number): Promise<void> {
    await q.query('UPDATE refunds SET lease_until = now() + make_interval(secs => $2), updated_at = now() WHERE id = $1', [id, seconds]);
  },
};

import { prepared, type Queryable } from '@mercato/chassis';

export type SandboxChargeStatus = 'succeeded' | 'failed' | 'requires_action';

export interface SandboxCharge {
  id: string;
  idempotencyKey: string;
  paymentId: string;
  paymentMethod: string;
  amount: number;
  currency: string;
  status: SandboxChargeStatus;
  actionToken: string | null;
  refundedAmount: number;
}

interface Row extends Record<string, unknown> {
  id: string;
  idempotency_key: string;
  payment_id: string;
  payment_method: string;
  amount: string;
  currency: string;
  status: SandboxChargeStatus;
  action_token: string | null;
  refunded_amount: string;
}

const toCharge = (r: Row): SandboxCharge => ({
  id: r.id,
  idempotencyKey: r.idempotency_key,
  paymentId: r.payment_id,
  paymentMethod: r.payment_method,
  amount: Number(r.amount),
  currency: r.currency,
  status: r.status,
  actionToken: r.action_token,
  refundedAmount: Number(r.refunded_amount),
});

/** What a charge is read as (not its creation time: a Date parsed per row for nothing). */
const COLUMNS = 'idempotency_key, id, payment_id, payment_method, amount, currency, status, action_token, refunded_amount';

/** The sandbox provider's books (its side of the charge, as a real provider keeps its own). */
export const sandboxStore = {
  /**
   * Records charges under their idempotency keys in one statement; a key seen before keeps
   * the charge recorded first (returned as it is). The answer is keyed by idempotency key.
   */
  async charge(q: Queryable, charges: readonly Omit<SandboxCharge, 'refundedAmount'>[]): Promise<Map<string, SandboxCharge>> {
    const cols = (f: (c: Omit<SandboxCharge, 'refundedAmount'>) => unknown) => charges.map(f);
    const keys = charges.map((c) => c.idempotencyKey);
    const inserted = await prepared<Row>(
      q,
      'payment_sandbox_charge',
      `INSERT INTO sandbox_charges (idempotency_key, id, payment_id, payment_method, amount, currency, status, action_token)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[])
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [keys, cols((c) => c.id), cols((c) => c.paymentId), cols((c) => c.paymentMethod), cols((c) => c.amount), cols((c) => c.currency), cols((c) => c.status), cols((c) => c.actionToken)],
    );
    const byKey = new Map(inserted.rows.map((row) => [row.idempotency_key, toCharge(row)]));
    // A key seen before (a charge sent again) answers with the charge recorded first.
    const seen = keys.filter((k) => !byKey.has(k));
    if (seen.length > 0) {
      const r = await q.query<Row>(`SELECT ${COLUMNS} FROM sandbox_charges WHERE idempotency_key = ANY($1::text[])`, [seen]);
      for (const row of r.rows) byKey.set(row.idempotency_key, toCharge(row));
    }
    return byKey;
  },

  async byKey(q: Queryable, key: string): Promise<SandboxCharge | undefined> {
    const r = await q.query<Row>('SELECT * FROM sandbox_charges WHERE idempotency_key = $1', [key]);
    return r.rows[0] && toCharge(r.rows[0]);
  },

  async byPayment(q: Queryable, paymentId: string): Promise<SandboxCharge | undefined> {
    const r = await q.query<Row>('SELECT * FROM sandbox_charges WHERE payment_id = $1', [paymentId]);
    return r.rows[0] && toCharge(r.rows[0]);
  },

  /** The customer's step: requires_action → succeeded or failed, once. */
  async settleAction(q: Queryable, id: string, status: 'succeeded' | 'failed'): Promise<SandboxCharge | undefined> {
    const r = await q.query<Row>(`UPDATE sandbox_charges SET status = $2, action_token = NULL WHERE id = $1 AND status = 'requires_action' RETURNING *`, [id, status]);
    return r.rows[0] && toCharge(r.rows[0]);
  },

  /** Refunds once per key, never past the charge. Run it in a transaction. */
  async refund(q: Queryable, chargeId: string, key: string, refundId: string, amount: number): Promise<{ id: string } | 'too_large'> {
    {
      const existing = await q.query<{ id: string }>('SELECT id FROM sandbox_refunds WHERE idempotency_key = $1', [key]);
      if (existing.rows[0]) return existing.rows[0];
      const r = await q.query(
        `UPDATE sandbox_charges SET refunded_amount = refunded_amount + $2 WHERE id = $1 AND status = 'succeeded' AND refunded_amount + $2 <= amount`,
        [chargeId, amount],
      );
      if (r.rowCount !== 1) return 'too_large' as const;
      await q.query('INSERT INTO sandbox_refunds (idempotency_key, id, charge_id, amount) VALUES ($1, $2, $3, $4)', [key, refundId, chargeId, amount]);
      return { id: refundId };
    }
  },
};

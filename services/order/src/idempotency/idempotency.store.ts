import { prepared, type Queryable } from '@mercato/chassis';

/** A write for a CTE of the caller's own statement: its SQL with parameters numbered from `$first`, and those parameters. */
export interface SqlFragment {
  sql(first: number): string;
  readonly params: readonly unknown[];
}

export interface StoredAnswer {
  status: number;
  body: Record<string, unknown>;
}
export type IdempotencyRecord =
  | { state: 'claimed' }
  | { state: 'in_flight'; requestHash: Buffer }
  | { state: 'done'; requestHash: Buffer; answer: StoredAnswer };

/** The only SQL on idempotency keys. */
export const idempotencyStore = {
  /**
   * Claims a key: a new key (or one past `ttlHours`, or an in-flight claim older than
   * `staleSeconds`, abandoned by a crash) becomes in flight for this request; otherwise answers
   * what the key holds.
   */
  async claim(db: Queryable, scope: string, key: string, requestHash: Buffer, ttlHours: number, staleSeconds: number): Promise<IdempotencyRecord> {
    const claimed = await prepared(
      db,
      'order_idempotency_claim',
      `INSERT INTO idempotency_keys AS k (scope, key, request_hash, status) VALUES ($1, $2, $3, 'in_flight')
       ON CONFLICT (scope, key) DO UPDATE
          SET request_hash = EXCLUDED.request_hash, status = 'in_flight', response_status = NULL, response_body = NULL,
              created_at = now(), claimed_at = now()
        WHERE k.created_at <= now() - make_interval(hours => $4::int)
           OR (k.status = 'in_flight' AND k.claimed_at <= now() - make_interval(secs => $5::int))
       RETURNING 1`,
      [scope, key, requestHash, ttlHours, staleSeconds],
    );
    if ((claimed.rowCount ?? 0) > 0) return { state: 'claimed' };
    const r = await prepared<{ request_hash: Buffer; status: 'in_flight' | 'done'; response_status: number | null; response_body: Record<string, unknown> | null }>(
      db,
      'order_idempotency_read',
      'SELECT request_hash, status, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    const row = r.rows[0];
    // Gone between the two statements (swept or released): claim again.
    if (!row) return idempotencyStore.claim(db, scope, key, requestHash, ttlHours, staleSeconds);
    if (row.status === 'in_flight') return { state: 'in_flight', requestHash: row.request_hash };
    return { state: 'done', requestHash: row.request_hash, answer: { status: row.response_status!, body: row.response_body! } };
  },

  /** Stores the answer of the request holding the claim (a no-op when the key is already done). */
  async complete(db: Queryable, scope: string, key: string, answer: StoredAnswer): Promise<void> {
    await prepared(
      db,
      'order_idempotency_complete',
      `UPDATE idempotency_keys SET status = 'done', response_status = $3, response_body = $4::jsonb
        WHERE scope = $1 AND key = $2 AND status = 'in_flight'`,
      [scope, key, answer.status, JSON.stringify(answer.body)],
    );
  },

  /**
   * `complete` as a data-modifying CTE for the caller's own statement (one round trip for the
   * work's write and its answer): the UPDATE, parameters from `$first`.
   */
  completion(scope: string, key: string, answer: StoredAnswer): SqlFragment {
    return {
      sql: (first) => `UPDATE idempotency_keys SET status = 'done', response_status = $${first + 2}, response_body = $${first + 3}::jsonb
        WHERE scope = $${first} AND key = $${first + 1} AND status = 'in_flight'`,
      params: [scope, key, answer.status, JSON.stringify(answer.body)],
    };
  },

  async release(db: Queryable, scope: string, key: string): Promise<void> {
    await db.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status = 'in_flight'`, [scope, key]);
  },

  async deleteExpired(db: Queryable, ttlHours: number, limit: number): Promise<number> {
    const r = await db.query(
      `DELETE FROM idempotency_keys WHERE ctid IN (
         SELECT ctid FROM idempotency_keys WHERE created_at <= now() - make_interval(hours => $1::int) LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [ttlHours, limit],
    );
    return r.rowCount ?? 0;
  },
};

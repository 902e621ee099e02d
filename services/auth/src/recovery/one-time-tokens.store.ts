import type { Queryable } from '@mercato/chassis';

export type TokenPurpose = 'password_reset' | 'email_verification';

export interface OneTimeTokenRow extends Record<string, unknown> {
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
}

/** The only code that reads or writes `one_time_tokens`. Tokens are known here only by hash. */
export const oneTimeTokensStore = {
  async insert(q: Queryable, t: { tokenHash: Buffer; purpose: TokenPurpose; userId: string; ttlS: number }): Promise<Date> {
    const r = await q.query<{ expires_at: Date }>(
      `INSERT INTO one_time_tokens (token_hash, purpose, user_id, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING expires_at`,
      [t.tokenHash, t.purpose, t.userId, t.ttlS],
    );
    return r.rows[0]!.expires_at;
  },

  /**
   * Marks the token used when it exists for this purpose, is unused and unexpired; returns its
   * user, or undefined (one statement, so two concurrent uses cannot both succeed).
   */
  async consume(tx: Queryable, tokenHash: Buffer, purpose: TokenPurpose): Promise<string | undefined> {
    const r = await tx.query<{ user_id: string }>(
      `UPDATE one_time_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [tokenHash, purpose],
    );
    return r.rows[0]?.user_id;
  },

  /** Uses every unused token of the user for `purpose` (when one is used, the older links die with it). */
  async useAll(tx: Queryable, userId: string, purpose: TokenPurpose): Promise<number> {
    const r = await tx.query('UPDATE one_time_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL', [userId, purpose]);
    return r.rowCount ?? 0;
  },

  /** Whether a token of `purpose` was made for the user less than `withinS` seconds ago (an email cooldown). */
  async madeWithin(q: Queryable, userId: string, purpose: TokenPurpose, withinS: number): Promise<boolean> {
    const r = await q.query(
      'SELECT 1 FROM one_time_tokens WHERE user_id = $1 AND purpose = $2 AND created_at > now() - make_interval(secs => $3) LIMIT 1',
      [userId, purpose, withinS],
    );
    return (r.rowCount ?? 0) > 0;
  },

  /** The user of a usable token, without using it (to check a new password before hashing it). */
  async peek(q: Queryable, tokenHash: Buffer, purpose: TokenPurpose): Promise<string | undefined> {
    const r = await q.query<{ user_id: string }>(
      `SELECT user_id FROM one_time_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()`,
      [tokenHash, purpose],
    );
    return r.rows[0]?.user_id;
  },
};

import type { Queryable } from '@mercato/chassis';

export interface RefreshTokenRow extends Record<string, unknown> {
  id: string;
  family_id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  /** Used less than the reuse grace ago (by the database's clock). */
  in_grace: boolean;
  /** Expired (by the database's clock). */
  expired: boolean;
}

/** The only code that reads or writes `refresh_tokens`. Tokens are known here only by hash. */
export const refreshTokensStore = {
  async insert(q: Queryable, t: { id: string; familyId: string; userId: string; tokenHash: Buffer; ttlS: number }): Promise<Date> {
    const r = await q.query<{ expires_at: Date }>(
      `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING expires_at`,
      [t.id, t.familyId, t.userId, t.tokenHash, t.ttlS],
    );
    return r.rows[0]!.expires_at;
  },

  /** The token row, locked for the caller's transaction (concurrent refreshes queue up). */
  async byHashForUpdate(tx: Queryable, tokenHash: Buffer, graceS = 0): Promise<RefreshTokenRow | undefined> {
    const r = await tx.query<RefreshTokenRow>(
      `SELECT id, family_id, user_id, expires_at, used_at, revoked_at,
              (used_at IS NOT NULL AND used_at > now() - make_interval(secs => $2)) AS in_grace,
              expires_at <= now() AS expired
         FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash, graceS],
    );
    return r.rows[0];
  },

  async markUsed(tx: Queryable, id: string): Promise<void> {
    await tx.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [id]);
  },

  /** Revokes every token of the family; returns how many were still live. */
  async revokeFamily(q: Queryable, familyId: string): Promise<number> {
    const r = await q.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
    return r.rowCount ?? 0;
  },

  /** Revokes every live token of every family of the user (a password reset signs out everywhere). */
  async revokeUser(q: Queryable, userId: string): Promise<number> {
    const r = await q.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
    return r.rowCount ?? 0;
  },
};

import type { Queryable } from '@mercato/chassis';
import type { PublicJwk } from '../tokens/jwt.js';

export type KeyState = 'next' | 'active' | 'retired';

export interface SigningKeyRow {
  kid: string;
  public_jwk: PublicJwk;
  private_key_enc: string;
  state: KeyState;
  created_at: Date;
  activated_at: Date | null;
  retire_after: Date | null;
}

/** The only code that reads or writes `signing_keys`. */
export const signingKeysStore = {
  /** Serialises key changes across instances, for the caller's transaction. */
  async lock(tx: Queryable): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('mercato.auth.signing_keys'))`);
  },

  async byState(q: Queryable, state: 'next' | 'active'): Promise<SigningKeyRow | undefined> {
    const r = await q.query<SigningKeyRow & Record<string, unknown>>('SELECT * FROM signing_keys WHERE state = $1', [state]);
    return r.rows[0];
  },

  async insert(q: Queryable, key: { kid: string; publicJwk: PublicJwk; privateKeyEnc: string; state: 'next' | 'active' }): Promise<void> {
    await q.query(
      `INSERT INTO signing_keys (kid, public_jwk, private_key_enc, state, activated_at)
       VALUES ($1, $2::jsonb, $3, $4, CASE WHEN $4 = 'active' THEN now() END)`,
      [key.kid, JSON.stringify(key.publicJwk), key.privateKeyEnc, key.state],
    );
  },

  /** The active key becomes retired, published until `retireAfterS` seconds from now. */
  async retireActive(tx: Queryable, retireAfterS: number): Promise<string | undefined> {
    const r = await tx.query<{ kid: string }>(
      `UPDATE signing_keys SET state = 'retired', retire_after = now() + make_interval(secs => $1)
        WHERE state = 'active' RETURNING kid`,
      [retireAfterS],
    );
    return r.rows[0]?.kid;
  },

  async activateNext(tx: Queryable): Promise<string | undefined> {
    const r = await tx.query<{ kid: string }>(
      `UPDATE signing_keys SET state = 'active', activated_at = now() WHERE state = 'next' RETURNING kid`,
    );
    return r.rows[0]?.kid;
  },

  /** Keys to publish: next, active, and retired ones that may still have live tokens. */
  async publishable(q: Queryable): Promise<Pick<SigningKeyRow, 'kid' | 'public_jwk' | 'state'>[]> {
    const r = await q.query<Pick<SigningKeyRow, 'kid' | 'public_jwk' | 'state'> & Record<string, unknown>>(
      `SELECT kid, public_jwk, state FROM signing_keys
        WHERE state IN ('next', 'active') OR (state = 'retired' AND retire_after > now())
        ORDER BY CASE state WHEN 'active' THEN 0 WHEN 'next' THEN 1 ELSE 2 END, created_at DESC`,
    );
    return r.rows;
  },
};

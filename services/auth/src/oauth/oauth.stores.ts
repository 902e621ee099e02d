import type { Queryable } from '@mercato/chassis';
import type { OAuthProviderName } from './oauth.config.js';

export interface OAuthState {
  provider: OAuthProviderName;
  codeVerifier: string;
  nonce: string | undefined;
}

/** The only code that reads or writes `oauth_states`. States are known here only by hash. */
export const oauthStatesStore = {
  async insert(q: Queryable, s: OAuthState & { stateHash: Buffer; ttlS: number }): Promise<void> {
    await q.query(
      `INSERT INTO oauth_states (state_hash, provider, code_verifier, nonce, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [s.stateHash, s.provider, s.codeVerifier, s.nonce ?? null, s.ttlS],
    );
  },

  /**
   * Marks the state used when it exists for this provider, is unused and unexpired; returns it,
   * or undefined (one statement, so two concurrent callbacks cannot both use it).
   */
  async consume(q: Queryable, stateHash: Buffer, provider: OAuthProviderName): Promise<OAuthState | undefined> {
    const r = await q.query<{ provider: OAuthProviderName; code_verifier: string; nonce: string | null }>(
      `UPDATE oauth_states SET used_at = now()
        WHERE state_hash = $1 AND provider = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING provider, code_verifier, nonce`,
      [stateHash, provider],
    );
    const row = r.rows[0];
    return row && { provider: row.provider, codeVerifier: row.code_verifier, nonce: row.nonce ?? undefined };
  },

  /** Removes states that expired more than a day ago (kept a while for investigations). */
  async purgeExpired(q: Queryable): Promise<void> {
    await q.query(`DELETE FROM oauth_states WHERE expires_at < now() - interval '1 day'`);
  },
};

/** The only code that reads or writes `oauth_links`. */
export const oauthLinksStore = {
  async userOf(q: Queryable, provider: OAuthProviderName, subject: string): Promise<string | undefined> {
    const r = await q.query<{ user_id: string }>('SELECT user_id FROM oauth_links WHERE provider = $1 AND subject = $2', [provider, subject]);
    return r.rows[0]?.user_id;
  },

  /** Links the provider's subject to the user; false when the subject was already linked. */
  async insert(q: Queryable, l: { provider: OAuthProviderName; subject: string; userId: string; email: string | undefined }): Promise<boolean> {
    const r = await q.query(
      `INSERT INTO oauth_links (provider, subject, user_id, email) VALUES ($1, $2, $3, $4) ON CONFLICT (provider, subject) DO NOTHING`,
      [l.provider, l.subject, l.userId, l.email ?? null],
    );
    return (r.rowCount ?? 0) > 0;
  },
};

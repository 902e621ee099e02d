import type { Queryable } from '@mercato/chassis';
import type { Role } from '@mercato/contracts';

export interface Credential {
  userId: string;
  email: string;
  name: string;
  passwordHash: string;
  emailVerified: boolean;
  roles: Role[];
  createdAt: Date;
  /** Moved on by a password reset: access tokens of an older generation are refused. */
  sessionGeneration: number;
}

interface CredentialRow extends Record<string, unknown> {
  user_id: string;
  email: string;
  name: string;
  password_hash: string;
  email_verified: boolean;
  roles: Role[];
  created_at: Date;
  session_generation: number;
}

const toCredential = (r: CredentialRow): Credential => ({
  userId: r.user_id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  emailVerified: r.email_verified,
  roles: r.roles,
  createdAt: r.created_at,
  sessionGeneration: r.session_generation,
});

/** Emails are compared trimmed and lower-cased: one account per address whatever its case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The only code that reads or writes `credentials`. */
export const credentialsStore = {
  /** Inserts a credential; undefined when the email is taken (nothing written). */
  async insert(q: Queryable, c: Omit<Credential, 'createdAt' | 'sessionGeneration'>): Promise<Credential | undefined> {
    const r = await q.query<CredentialRow>(
      `INSERT INTO credentials (user_id, email, name, password_hash, email_verified, roles)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING *`,
      [c.userId, c.email, c.name, c.passwordHash, c.emailVerified, c.roles],
    );
    return r.rows[0] && toCredential(r.rows[0]);
  },

  async byEmail(q: Queryable, email: string): Promise<Credential | undefined> {
    const r = await q.query<CredentialRow>('SELECT * FROM credentials WHERE email = $1', [email]);
    return r.rows[0] && toCredential(r.rows[0]);
  },

  async byId(q: Queryable, userId: string): Promise<Credential | undefined> {
    const r = await q.query<CredentialRow>('SELECT * FROM credentials WHERE user_id = $1', [userId]);
    return r.rows[0] && toCredential(r.rows[0]);
  },

  async setPasswordHash(q: Queryable, userId: string, passwordHash: string): Promise<void> {
    await q.query('UPDATE credentials SET password_hash = $2 WHERE user_id = $1', [userId, passwordHash]);
  },

  /** Moves the user's session generation on (every access token signed before is revoked). */
  async nextSessionGeneration(q: Queryable, userId: string): Promise<void> {
    await q.query('UPDATE credentials SET session_generation = session_generation + 1, session_changed_at = now() WHERE user_id = $1', [userId]);
  },

  /** Users whose generation moved within the last `withinS` seconds (older moves concern only expired tokens). */
  async recentSessionGenerations(q: Queryable, withinS: number, limit: number): Promise<{ userId: string; generation: number; changedAt: Date }[]> {
    const r = await q.query<{ user_id: string; session_generation: number; session_changed_at: Date }>(
      `SELECT user_id, session_generation, session_changed_at FROM credentials
        WHERE session_changed_at > now() - make_interval(secs => $1) ORDER BY session_changed_at DESC LIMIT $2`,
      [withinS, limit],
    );
    return r.rows.map((row) => ({ userId: row.user_id, generation: row.session_generation, changedAt: row.session_changed_at }));
  },

  /** Whether an account has this email (one indexed lookup, nothing else read). */
  async emailTaken(q: Queryable, email: string): Promise<boolean> {
    const r = await q.query('SELECT 1 FROM credentials WHERE email = $1', [email]);
    return (r.rowCount ?? 0) > 0;
  },

  async setEmailVerified(q: Queryable, userId: string): Promise<void> {
    await q.query('UPDATE credentials SET email_verified = true WHERE user_id = $1', [userId]);
  },

  /** Adds the role when missing; true when it was added. The change is dated now. */
  async addRole(q: Queryable, userId: string, role: Role): Promise<boolean> {
    const r = await q.query(
      'UPDATE credentials SET roles = array_append(roles, $2), roles_changed_at = now() WHERE user_id = $1 AND NOT ($2 = ANY (roles))',
      [userId, role],
    );
    return (r.rowCount ?? 0) > 0;
  },

  /**
   * Replaces the roles with those of a change made at `changedAt`, unless a change at or after
   * that time is already stored (an older or repeated event changes nothing). True when written;
   * false too for an unknown user.
   */
  async setRolesIfNewer(q: Queryable, userId: string, roles: readonly Role[], changedAt: Date): Promise<boolean> {
    const r = await q.query(
      `UPDATE credentials SET roles = $2, roles_changed_at = $3
        WHERE user_id = $1 AND (roles_changed_at IS NULL OR roles_changed_at < $3)`,
      [userId, roles, changedAt],
    );
    return (r.rowCount ?? 0) > 0;
  },

  /** Sets a password only on an account that has none. */
  async setPasswordHashIfNone(q: Queryable, userId: string, passwordHash: string): Promise<void> {
    await q.query(`UPDATE credentials SET password_hash = $2 WHERE user_id = $1 AND (password_hash IS NULL OR password_hash = '')`, [userId, passwordHash]);
  },
};

import type { Queryable } from '@mercato/chassis';
import type { Role } from '@mercato/contracts';

export interface Profile {
  userId: string;
  email: string;
  emailVerified: boolean;
  name: string;
  phone: string | null;
  roles: Role[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** Creation time in microseconds since the epoch: the list cursor's key, exact. */
  createdAtUs: number;
}

interface ProfileRow extends Record<string, unknown> {
  user_id: string;
  email: string;
  email_verified: boolean;
  name: string;
  phone: string | null;
  roles: Role[];
  created_at: Date;
  updated_at: Date;
  version: number;
  created_us: number;
}

const COLUMNS = `user_id, email, email_verified, name, phone, roles, created_at, updated_at, version,
  (extract(epoch FROM created_at) * 1000000)::int8 AS created_us`;

const toProfile = (r: ProfileRow): Profile => ({
  userId: r.user_id,
  email: r.email,
  emailVerified: r.email_verified,
  name: r.name,
  phone: r.phone,
  roles: r.roles,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
  createdAtUs: r.created_us,
});

/** Escapes LIKE's wildcards so an email prefix matches literally. */
const likePrefix = (s: string) => `${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The only code that reads or writes `profiles`. */
export const profilesStore = {
  /** Inserts a profile unless one exists for the user; true when inserted. */
  async insertIfAbsent(q: Queryable, p: { userId: string; email: string; emailVerified: boolean; name: string; roles: Role[] }): Promise<boolean> {
    const r = await q.query(
      'INSERT INTO profiles (user_id, email, email_verified, name, roles) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id) DO NOTHING',
      [p.userId, p.email, p.emailVerified, p.name, p.roles],
    );
    return r.rowCount === 1;
  },

  /** Marks the email verified when it is still the one proven; true when the profile exists. */
  async markEmailVerified(q: Queryable, userId: string, email: string): Promise<boolean> {
    const r = await q.query(
      `UPDATE profiles SET email_verified = true, updated_at = CASE WHEN email_verified THEN updated_at ELSE now() END
        WHERE user_id = $1 AND lower(email) = lower($2)`,
      [userId, email],
    );
    if ((r.rowCount ?? 0) > 0) return true;
    return (await q.query('SELECT 1 FROM profiles WHERE user_id = $1', [userId])).rowCount === 1;
  },

  async byId(q: Queryable, userId: string, opts: { forUpdate?: boolean } = {}): Promise<Profile | undefined> {
    const r = await q.query<ProfileRow>(`SELECT ${COLUMNS} FROM profiles WHERE user_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [userId]);
    return r.rows[0] && toProfile(r.rows[0]);
  },

  async update(q: Queryable, userId: string, fields: { name?: string; phone?: string | null; roles?: Role[] }): Promise<Profile> {
    const r = await q.query<ProfileRow>(
      `UPDATE profiles SET
         name = CASE WHEN $2 THEN $3 ELSE name END,
         phone = CASE WHEN $4 THEN $5 ELSE phone END,
         roles = CASE WHEN $6 THEN $7::text[] ELSE roles END,
         updated_at = now(), version = version + 1
       WHERE user_id = $1 RETURNING ${COLUMNS}`,
      [userId, fields.name !== undefined, fields.name ?? null, fields.phone !== undefined, fields.phone ?? null, fields.roles !== undefined, fields.roles ?? null],
    );
    return toProfile(r.rows[0]!);
  },

  /**
   * One page in (created_at, user_id) order, after the cursor; optionally by email prefix, by a
   * search (an email prefix or any part of the name, any case) and by role.
   */
  async page(
    q: Queryable,
    opts: { limit: number; after?: { createdAtUs: number; userId: string }; emailPrefix?: string; search?: string; role?: Role },
  ): Promise<Profile[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (opts.after) {
      params.push(opts.after.createdAtUs, opts.after.userId);
      // Integer microseconds, so the comparison is exact (no float on the way).
      where.push(`(created_at, user_id) > (timestamptz 'epoch' + $${params.length - 1}::int8 * interval '1 microsecond', $${params.length})`);
    }
    if (opts.emailPrefix !== undefined) {
      params.push(likePrefix(opts.emailPrefix));
      where.push(`lower(email) LIKE $${params.length}`);
    }
    if (opts.search !== undefined) {
      params.push(likePrefix(opts.search), `%${likePrefix(opts.search)}`);
      where.push(`(lower(email) LIKE $${params.length - 1} OR lower(name) LIKE $${params.length})`);
    }
    if (opts.role !== undefined) {
      params.push([opts.role]);
      where.push(`roles @> $${params.length}::text[]`);
    }
    params.push(opts.limit);
    const r = await q.query<ProfileRow>(
      `SELECT ${COLUMNS} FROM profiles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at, user_id LIMIT $${params.length}`,
      params,
    );
    return r.rows.map(toProfile);
  },
};

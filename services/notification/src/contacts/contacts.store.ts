import type { Queryable } from '@mercato/chassis';

// The only file that runs SQL on contacts (how to reach each customer).

export interface Contact {
  userId: string;
  email: string;
  name: string;
  phone: string | null;
  locale: string | null;
  timeZone: string | null;
  roles: string[];
}

interface ContactRow extends Record<string, unknown> {
  user_id: string;
  email: string;
  name: string;
  phone: string | null;
  locale: string | null;
  time_zone: string | null;
  roles: string[];
}

const toContact = (r: ContactRow): Contact => ({ userId: r.user_id, email: r.email, name: r.name, phone: r.phone, locale: r.locale, timeZone: r.time_zone, roles: r.roles });

export const contactsStore = {
  /**
   * Records what a profile event says about a user; `undefined` fields keep their value. Only a
   * newer event changes a contact (events may arrive out of order).
   */
  async upsert(
    q: Queryable,
    c: { userId: string; email: string; name: string; phone?: string | null; locale?: string | null; timeZone?: string | null; roles?: string[] },
    at: string,
  ): Promise<void> {
    await q.query(
      `INSERT INTO contacts (user_id, email, name, phone, locale, time_zone, roles, updated_at)
       VALUES ($1, $2, $3, $5, $7, $9, coalesce($10::text[], '{customer}'), $11)
       ON CONFLICT (user_id) DO UPDATE SET
         email = excluded.email, name = excluded.name,
         phone = CASE WHEN $4 THEN excluded.phone ELSE contacts.phone END,
         locale = CASE WHEN $6 THEN excluded.locale ELSE contacts.locale END,
         time_zone = CASE WHEN $8 THEN excluded.time_zone ELSE contacts.time_zone END,
         updated_at = excluded.updated_at
       WHERE contacts.updated_at <= excluded.updated_at`,
      [c.userId, c.email, c.name, c.phone !== undefined, c.phone ?? null, c.locale !== undefined, c.locale ?? null, c.timeZone !== undefined, c.timeZone ?? null, c.roles ?? null, at],
    );
  },

  /** A user's roles (RolesChanged); a user not seen yet is recorded when their profile arrives. */
  async setRoles(q: Queryable, userId: string, roles: readonly string[]): Promise<void> {
    await q.query('UPDATE contacts SET roles = $2 WHERE user_id = $1', [userId, roles]);
  },

  async get(q: Queryable, userId: string): Promise<Contact | undefined> {
    const r = await q.query<ContactRow>('SELECT user_id, email, name, phone, locale, time_zone, roles FROM contacts WHERE user_id = $1', [userId]);
    return r.rows[0] && toContact(r.rows[0]);
  },

  /** The staff who hear about stock: administrators and catalog managers. */
  async stockStaff(q: Queryable): Promise<Contact[]> {
    const r = await q.query<ContactRow>(
      `SELECT user_id, email, name, phone, locale, time_zone, roles FROM contacts WHERE roles && '{admin,catalog_manager}'::text[] AND email <> '' ORDER BY user_id`,
    );
    return r.rows.map(toContact);
  },

  async erase(q: Queryable, userId: string): Promise<void> {
    await q.query('DELETE FROM contacts WHERE user_id = $1', [userId]);
  },
};

import type { Queryable } from '@mercato/chassis';

export interface AddressFields {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  phone: string | null;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
}

export interface Address extends AddressFields {
  id: string;
  userId: string;
  createdAt: Date;
  updatedAt: Date;
}

interface AddressRow extends Record<string, unknown> {
  id: string;
  user_id: string;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string | null;
  country: string;
  phone: string | null;
  is_default_shipping: boolean;
  is_default_billing: boolean;
  created_at: Date;
  updated_at: Date;
}

const toAddress = (r: AddressRow): Address => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  line1: r.line1,
  line2: r.line2,
  city: r.city,
  region: r.region,
  postalCode: r.postal_code,
  country: r.country,
  phone: r.phone,
  isDefaultShipping: r.is_default_shipping,
  isDefaultBilling: r.is_default_billing,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const values = (a: AddressFields) => [a.name, a.line1, a.line2, a.city, a.region, a.postalCode, a.country, a.phone, a.isDefaultShipping, a.isDefaultBilling];

/** The only code that reads or writes `addresses`. Every query is scoped to its owner. */
export const addressesStore = {
  async list(q: Queryable, userId: string): Promise<Address[]> {
    const r = await q.query<AddressRow>('SELECT * FROM addresses WHERE user_id = $1 ORDER BY created_at, id', [userId]);
    return r.rows.map(toAddress);
  },

  async count(q: Queryable, userId: string): Promise<number> {
    const r = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM addresses WHERE user_id = $1', [userId]);
    return r.rows[0]!.n;
  },

  async get(q: Queryable, userId: string, id: string): Promise<Address | undefined> {
    const r = await q.query<AddressRow>('SELECT * FROM addresses WHERE user_id = $1 AND id = $2', [userId, id]);
    return r.rows[0] && toAddress(r.rows[0]);
  },

  async insert(q: Queryable, userId: string, id: string, a: AddressFields): Promise<Address> {
    const r = await q.query<AddressRow>(
      `INSERT INTO addresses (user_id, id, name, line1, line2, city, region, postal_code, country, phone, is_default_shipping, is_default_billing)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
      [userId, id, ...values(a)],
    );
    return toAddress(r.rows[0]!);
  },

  async replace(q: Queryable, userId: string, id: string, a: AddressFields): Promise<Address> {
    const r = await q.query<AddressRow>(
      `UPDATE addresses SET name = $3, line1 = $4, line2 = $5, city = $6, region = $7, postal_code = $8, country = $9, phone = $10,
              is_default_shipping = $11, is_default_billing = $12, updated_at = now()
        WHERE user_id = $1 AND id = $2 RETURNING *`,
      [userId, id, ...values(a)],
    );
    return toAddress(r.rows[0]!);
  },

  /** Clears the user's default flags named here, except on `keepId`, so a new default can be set. */
  async clearDefaults(q: Queryable, userId: string, which: { shipping: boolean; billing: boolean }, keepId: string | null): Promise<void> {
    if (!which.shipping && !which.billing) return;
    await q.query(
      `UPDATE addresses SET
         is_default_shipping = CASE WHEN $2 THEN false ELSE is_default_shipping END,
         is_default_billing = CASE WHEN $3 THEN false ELSE is_default_billing END,
         updated_at = now()
       WHERE user_id = $1 AND id IS DISTINCT FROM $4 AND ((is_default_shipping AND $2) OR (is_default_billing AND $3))`,
      [userId, which.shipping, which.billing, keepId],
    );
  },

  async remove(q: Queryable, userId: string, id: string): Promise<boolean> {
    const r = await q.query('DELETE FROM addresses WHERE user_id = $1 AND id = $2', [userId, id]);
    return r.rowCount === 1;
  },
};

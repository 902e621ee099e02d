import { prepared, type Queryable } from '@mercato/chassis';
import type { SkuState } from '../catalog/catalog-projection.js';
import { toSku, type SkuRow } from '../catalog/catalog.store.js';

export interface CartRow {
  id: string;
  ownerUserId: string | null;
  ownerPublicId: string | null;
  currency: string;
  shippingCountry: string | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date | null;
}
export interface CartItemRow {
  sku: string;
  quantity: number;
  unitPriceSeen: number;
  addedAt: Date;
}

interface RawCart extends Record<string, unknown> {
  id: string;
  owner_user_id: string | null;
  owner_public_id: string | null;
  currency: string;
  shipping_country: string | null;
  created_at: Date;
  updated_at: Date;
  expires_at: Date | null;
}
const toCart = (r: RawCart): CartRow => ({
  id: r.id,
  ownerUserId: r.owner_user_id,
  ownerPublicId: r.owner_public_id,
  currency: r.currency,
  shippingCountry: r.shipping_country,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  expiresAt: r.expires_at,
});
const COLUMNS = 'id, owner_user_id, owner_public_id, currency, shipping_country, created_at, updated_at, expires_at';
// An expired cart is gone for every request, whether or not the sweeper has removed it yet.
const LIVE = `status = 'open' AND (expires_at IS NULL OR expires_at > now())`;

/** The only SQL on carts and their lines. */
export const cartsStore = {
  async insert(
    tx: Queryable,
    c: { id: string; tokenHash: Buffer; ownerUserId: string | null; ownerPublicId: string | null; currency: string; shippingCountry: string | null; ttlDays: number | null },
  ): Promise<CartRow> {
    const r = await tx.query<RawCart>(
      `INSERT INTO carts (id, token_hash, owner_user_id, owner_public_id, currency, shipping_country, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(days => $7::int) END)
       RETURNING ${COLUMNS}`,
      [c.id, c.tokenHash, c.ownerUserId, c.ownerPublicId, c.currency, c.shippingCountry, c.ttlDays],
    );
    return toCart(r.rows[0]!);
  },

  /** A live cart by the hash of its public id; `lock` takes its row lock for a change. */
  async byToken(db: Queryable, tokenHash: Buffer, lock = false): Promise<CartRow | undefined> {
    const r = await db.query<RawCart>(`SELECT ${COLUMNS} FROM carts WHERE token_hash = $1 AND ${LIVE}${lock ? ' FOR UPDATE' : ''}`, [tokenHash]);
    return r.rows[0] ? toCart(r.rows[0]) : undefined;
  },

  /**
   * For the checkout, in one statement: a cart by the hash of its public id, locked, whatever its
   * status (so a second checkout can tell `checked_out` apart), unless it has expired; with its
   * lines and their SKUs' catalog state as `itemsWithSkus` reads them.
   *
   * The lines are read from the statement's snapshot, taken before the lock was granted. They
   * are the lines as of the lock because every change of a cart's lines locks the cart row first
   * and updates it (`touch`, `closeMerged`) or deletes it in the same transaction: a change that
   * committed while this statement waited for the lock left a newer version of the cart row than
   * the snapshot's, and the statement answers `stale` then (the locked row's xmin is not the
   * snapshot's) — the lines are read again under the lock (`itemsWithSkus`, a statement of its
   * own). Once the lock is held, no other change of the lines can start.
   */
  async forCheckout(
    tx: Queryable,
    tokenHash: Buffer,
  ): Promise<(CartRow & { status: string; items: CartItemRow[]; skus: Map<string, SkuState> }) | undefined> {
    const r = await prepared<RawCart & { status: string; stale: boolean; sku: string | null; quantity: number; unit_price_seen: number; added_at: Date; catalog: SkuRow | null }>(
      tx,
      'order_cart_for_checkout_with_items',
      `WITH c AS MATERIALIZED (
         SELECT ${COLUMNS}, status, xmin::text AS version FROM carts WHERE token_hash = $1 AND (expires_at IS NULL OR expires_at > now()) FOR UPDATE
       )
       SELECT c.${COLUMNS.split(', ').join(', c.')}, c.status,
              c.version IS DISTINCT FROM (SELECT k.xmin::text FROM carts k WHERE k.id = c.id) AS stale,
              i.sku, i.quantity, i.unit_price_seen, i.added_at, to_jsonb(s) AS catalog
         FROM c LEFT JOIN cart_items i ON i.cart_id = c.id LEFT JOIN catalog_skus s ON s.sku = i.sku
        ORDER BY i.added_at, i.sku`,
      [tokenHash],
    );
    const first = r.rows[0];
    if (!first) return undefined;
    const cart = { ...toCart(first), status: first.status };
    if (first.stale) return { ...cart, ...(await cartsStore.itemsWithSkus(tx, cart.id)) };
    const skus = new Map<string, SkuState>();
    const items: CartItemRow[] = [];
    for (const row of r.rows) {
      if (row.sku === null) continue;
      if (row.catalog) skus.set(row.sku, toSku(row.catalog));
      items.push({ sku: row.sku, quantity: row.quantity, unitPriceSeen: Number(row.unit_price_seen), addedAt: row.added_at });
    }
    return { ...cart, items, skus };
  },

  async openCartOf(db: Queryable, userId: string, lock = false): Promise<CartRow | undefined> {
    const r = await db.query<RawCart>(`SELECT ${COLUMNS} FROM carts WHERE owner_user_id = $1 AND ${LIVE}${lock ? ' FOR UPDATE' : ''}`, [userId]);
    return r.rows[0] ? toCart(r.rows[0]) : undefined;
  },

  async items(db: Queryable, cartId: string): Promise<CartItemRow[]> {
    const r = await prepared<{ sku: string; quantity: number; unit_price_seen: number; added_at: Date }>(
      db,
      'order_cart_items',
      'SELECT sku, quantity, unit_price_seen, added_at FROM cart_items WHERE cart_id = $1 ORDER BY added_at, sku',
      [cartId],
    );
    return r.rows.map((i) => ({ sku: i.sku, quantity: i.quantity, unitPriceSeen: Number(i.unit_price_seen), addedAt: i.added_at }));
  },

  /**
   * A cart's lines (as `items`) and, in the same statement, the catalog projection's state of
   * their SKUs (as `catalogStore.bySku`; a SKU it does not know is absent from the map).
   */
  async itemsWithSkus(db: Queryable, cartId: string): Promise<{ items: CartItemRow[]; skus: Map<string, SkuState> }> {
    const r = await prepared<{ sku: string; quantity: number; unit_price_seen: number; added_at: Date; catalog: SkuRow | null }>(
      db,
      'order_cart_items_with_skus',
      `SELECT i.sku, i.quantity, i.unit_price_seen, i.added_at, to_jsonb(s) AS catalog
         FROM cart_items i LEFT JOIN catalog_skus s ON s.sku = i.sku
        WHERE i.cart_id = $1 ORDER BY i.added_at, i.sku`,
      [cartId],
    );
    const skus = new Map<string, SkuState>();
    for (const row of r.rows) if (row.catalog) skus.set(row.sku, toSku(row.catalog));
    return { items: r.rows.map((i) => ({ sku: i.sku, quantity: i.quantity, unitPriceSeen: Number(i.unit_price_seen), addedAt: i.added_at })), skus };
  },

  /** The caller holds the cart row locked and updates it (`touch`) in the same transaction: see `forCheckout`. */
  async putItem(tx: Queryable, cartId: string, sku: string, quantity: number, unitPriceSeen: number): Promise<void> {
    await tx.query(
      `INSERT INTO cart_items (cart_id, sku, quantity, unit_price_seen) VALUES ($1, $2, $3, $4)
       ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = EXCLUDED.quantity, unit_price_seen = EXCLUDED.unit_price_seen, updated_at = now()`,
      [cartId, sku, quantity, unitPriceSeen],
    );
  },

  /** As `putItem`: under the cart's lock, the cart row updated in the same transaction. */
  async removeItem(tx: Queryable, cartId: string, sku: string): Promise<boolean> {
    return ((await tx.query('DELETE FROM cart_items WHERE cart_id = $1 AND sku = $2', [cartId, sku])).rowCount ?? 0) > 0;
  },

  /** Records a change: a guest cart lives `ttlDays` from now. */
  async touch(tx: Queryable, cartId: string, ttlDays: number): Promise<void> {
    await tx.query(
      `UPDATE carts SET updated_at = now(), expires_at = CASE WHEN owner_user_id IS NULL THEN now() + make_interval(days => $2::int) ELSE NULL END WHERE id = $1`,
      [cartId, ttlDays],
    );
  },

  async setShippingCountry(tx: Queryable, cartId: string, country: string): Promise<void> {
    await tx.query('UPDATE carts SET shipping_country = $2 WHERE id = $1', [cartId, country]);
  },

  /** A guest cart becomes the user's own (it no longer expires). */
  async adopt(tx: Queryable, cartId: string, userId: string, publicId: string): Promise<void> {
    await tx.query('UPDATE carts SET owner_user_id = $2, owner_public_id = $3, expires_at = NULL, updated_at = now() WHERE id = $1', [cartId, userId, publicId]);
  },

  async closeMerged(tx: Queryable, cartId: string, into: string): Promise<void> {
    await tx.query(`UPDATE carts SET status = 'merged', merged_into = $2, updated_at = now() WHERE id = $1`, [cartId, into]);
    await tx.query('DELETE FROM cart_items WHERE cart_id = $1', [cartId]);
  },

  /**
   * Removes up to `limit` guest carts past their expiry, and merged carts closed more than
   * `ttlDays` ago; returns how many.
   */
  async deleteExpired(db: Queryable, ttlDays: number, limit: number): Promise<number> {
    const r = await db.query(
      `DELETE FROM carts WHERE id IN (
         SELECT id FROM carts
          WHERE (status = 'open' AND expires_at <= now())
             OR (status = 'merged' AND updated_at <= now() - make_interval(days => $1::int))
          LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [ttlDays, limit],
    );
    return r.rowCount ?? 0;
  },
};

import type { Queryable } from '@mercato/chassis';

// SQL for finding abandoned carts (the rest of the cart SQL is in carts.store.ts).

export interface AbandonedCart {
  id: string;
  userId: string;
  currency: string;
  updatedAt: Date;
  lines: Array<{ sku: string; productId: string; title: string; quantity: number; unitPrice: number }>;
}

/**
 * Claims up to `limit` signed-in customers' open carts with items, untouched for `hours`, not
 * noticed before, and marks them noticed — all in the caller's transaction. SKIP LOCKED lets
 * several replicas sweep side by side: each cart is claimed by one of them, once.
 */
export async function claimAbandonedCarts(tx: Queryable, hours: number, limit: number): Promise<AbandonedCart[]> {
  const r = await tx.query<{ id: string; owner_user_id: string; currency: string; updated_at: Date; lines: AbandonedCart['lines'] }>(
    `WITH due AS (
       SELECT c.id FROM carts c
        WHERE c.status = 'open' AND c.owner_user_id IS NOT NULL AND c.abandonment_noticed_at IS NULL
          AND c.updated_at < now() - make_interval(secs => $1::double precision * 3600)
          AND EXISTS (SELECT 1 FROM cart_items i WHERE i.cart_id = c.id)
        ORDER BY c.updated_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED
     ), marked AS (
       UPDATE carts c SET abandonment_noticed_at = now() FROM due WHERE c.id = due.id
       RETURNING c.id, c.owner_user_id, c.currency, c.updated_at
     )
     SELECT m.id, m.owner_user_id, m.currency, m.updated_at,
            (SELECT jsonb_agg(jsonb_build_object('sku', i.sku, 'productId', s.product_id, 'title', coalesce(s.title, i.sku),
                                                 'quantity', i.quantity, 'unitPrice', i.unit_price_seen) ORDER BY i.added_at)
               FROM cart_items i JOIN catalog_skus s ON s.sku = i.sku WHERE i.cart_id = m.id) AS lines
       FROM marked m`,
    [hours, limit],
  );
  return r.rows.map((row) => ({ id: row.id, userId: row.owner_user_id, currency: row.currency, updatedAt: row.updated_at, lines: row.lines ?? [] }));
}

import type { Queryable } from '@mercato/chassis';
import { cartsStore } from './carts.store.js';

/**
 * Removes abandoned carts: guest carts past their expiry (ORDER_CART_TTL_DAYS after their last
 * change) and merged guest carts closed that long ago, in batches. Reads already treat an expired
 * cart as gone; this reclaims the rows. Returns how many carts were removed.
 */
export async function expireCarts(db: Queryable, ttlDays: number, batch = 500): Promise<number> {
  let removed = 0;
  for (;;) {
    const n = await cartsStore.deleteExpired(db, ttlDays, batch);
    removed += n;
    if (n < batch) return removed;
  }
}

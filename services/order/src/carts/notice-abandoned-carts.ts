import type { OrderDeps } from '../deps.js';
import { claimAbandonedCarts } from './abandoned-carts.store.js';

/**
 * Emits CartAbandoned for each signed-in customer's cart left untouched for
 * CART_ABANDONED_AFTER_HOURS, once per cart: the claim and the event commit together, so a crash
 * loses nothing and no replica emits a cart twice. The order service owns carts and their times;
 * the notification service decides whether and how to remind (marketing preferences).
 */
export async function noticeAbandonedCarts(deps: Pick<OrderDeps, 'db' | 'outbox'>, hours: number, batch = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await deps.db.tx(async (tx) => {
      const carts = await claimAbandonedCarts(tx, hours, batch);
      for (const c of carts) {
        const lines = c.lines.slice(0, 100).map((l) => ({ sku: l.sku, productId: l.productId, title: l.title.slice(0, 300), quantity: l.quantity, unitPrice: { amount: l.unitPrice, currency: c.currency } }));
        if (lines.length === 0) continue;
        await deps.outbox.emit(tx, 'CartAbandoned', { cartId: c.id, userId: c.userId, currency: c.currency, lines, lastChangedAt: c.updatedAt.toISOString() }, c.userId);
      }
      return carts.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

import type { Identity } from '@mercato/chassis';
import type { OrderDeps } from '../deps.js';
import { cartTokenHash } from './cart-id.js';
import { viewCart, type CartView } from './cart-view.js';
import { stockedView } from './stocked-view.js';
import { CartNotFound, CurrencyMismatch } from './cart.errors.js';
import { cartsStore } from './carts.store.js';
import { MAX_LINES, MAX_QUANTITY } from './change-cart.js';

/**
 * On login the client sends the guest cart's id with the user's token. When the user has no open
 * cart the guest cart becomes theirs (same id, no longer expiring); otherwise its lines join the
 * user's cart (quantities add up, capped at 99; new lines beyond the 100-line limit are left out)
 * and the guest cart is closed. Merging a cart the user already owns changes nothing, so a retry
 * is safe. The answer is the user's cart: its id is the one to use from now on.
 */
export async function mergeCarts(deps: OrderDeps, guestPublicId: string, identity: Identity): Promise<CartView> {
  return stockedView(deps, await merge(deps, guestPublicId, identity));
}

function merge(deps: OrderDeps, guestPublicId: string, identity: Identity): Promise<CartView> {
  return deps.db.tx(async (tx) => {
    const guest = await cartsStore.byToken(tx, cartTokenHash(guestPublicId), true);
    if (!guest) throw new CartNotFound();
    if (guest.ownerUserId === identity.userId) return viewCart(tx, guest, guestPublicId, deps.config.totals);
    if (guest.ownerUserId !== null) throw new CartNotFound();

    const mine = await cartsStore.openCartOf(tx, identity.userId, true);
    if (!mine) {
      await cartsStore.adopt(tx, guest.id, identity.userId, guestPublicId);
      return viewCart(tx, (await cartsStore.byToken(tx, cartTokenHash(guestPublicId)))!, guestPublicId, deps.config.totals);
    }
    if (mine.currency !== guest.currency) {
      throw new CurrencyMismatch(`The guest cart is in ${guest.currency} and your cart in ${mine.currency}; carts in different currencies do not merge`);
    }

    const [theirs, ours] = await Promise.all([cartsStore.items(tx, guest.id), cartsStore.items(tx, mine.id)]);
    const existing = new Map(ours.map((i) => [i.sku, i]));
    let lines = ours.length;
    for (const item of theirs) {
      const line = existing.get(item.sku);
      if (line) await cartsStore.putItem(tx, mine.id, item.sku, Math.min(MAX_QUANTITY, line.quantity + item.quantity), line.unitPriceSeen);
      else if (lines < MAX_LINES) {
        await cartsStore.putItem(tx, mine.id, item.sku, item.quantity, item.unitPriceSeen);
        lines++;
      }
    }
    if (mine.shippingCountry === null && guest.shippingCountry !== null) await cartsStore.setShippingCountry(tx, mine.id, guest.shippingCountry);
    await cartsStore.closeMerged(tx, guest.id, mine.id);
    await cartsStore.touch(tx, mine.id, deps.config.cartTtlDays);
    const publicId = mine.ownerPublicId!;
    return viewCart(tx, (await cartsStore.byToken(tx, cartTokenHash(publicId)))!, publicId, deps.config.totals);
  });
}

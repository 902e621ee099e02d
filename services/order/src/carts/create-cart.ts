import type { Identity } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import type { OrderDeps } from '../deps.js';
import { cartTokenHash, newCartCapability } from './cart-id.js';
import { viewCart, type CartView } from './cart-view.js';
import { stockedView } from './stocked-view.js';
import { CurrencyMismatch } from './cart.errors.js';
import { cartsStore } from './carts.store.js';

/**
 * Creates a cart. Anonymous: a guest cart, reachable by its id, expiring after the TTL without a
 * change. Signed in: the user's cart; a user has one open cart, so when they already have one it
 * is returned (`created: false`) rather than a second made.
 */
export async function createCart(
  deps: OrderDeps,
  identity: Identity | undefined,
  input: { currency?: string; shippingCountry?: string },
): Promise<{ view: CartView; created: boolean }> {
  let made: { view: CartView; created: boolean };
  try {
    made = await create(deps, identity, input);
  } catch (err) {
    // Two first requests of one user raced: the other made their cart; answer that one.
    if (!identity || (err as { code?: string }).code !== '23505') throw err;
    made = await create(deps, identity, input);
  }
  return { view: await stockedView(deps, made.view), created: made.created };
}

function create(deps: OrderDeps, identity: Identity | undefined, input: { currency?: string; shippingCountry?: string }): Promise<{ view: CartView; created: boolean }> {
  return deps.db.tx(async (tx) => {
    if (identity) {
      const mine = await cartsStore.openCartOf(tx, identity.userId, true);
      if (mine) {
        if (input.currency !== undefined && input.currency !== mine.currency) {
          throw new CurrencyMismatch(`Your open cart is in ${mine.currency}; empty it or check it out before starting one in ${input.currency}`);
        }
        return { view: await viewCart(tx, mine, mine.ownerPublicId!, deps.config.totals), created: false };
      }
    }
    const publicId = newCartCapability();
    const cart = await cartsStore.insert(tx, {
      id: newId('cart'),
      tokenHash: cartTokenHash(publicId),
      ownerUserId: identity?.userId ?? null,
      ownerPublicId: identity ? publicId : null,
      currency: input.currency ?? deps.config.defaultCurrency,
      shippingCountry: input.shippingCountry ?? null,
      ttlDays: identity ? null : deps.config.cartTtlDays,
    });
    return { view: await viewCart(tx, cart, publicId, deps.config.totals), created: true };
  });
}

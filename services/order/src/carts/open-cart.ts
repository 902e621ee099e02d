import type { Identity, Queryable } from '@mercato/chassis';
import type { OrderDeps } from '../deps.js';
import { cartTokenHash } from './cart-id.js';
import { viewCart, type CartView } from './cart-view.js';
import { CartNotFound } from './cart.errors.js';
import { cartsStore, type CartRow } from './carts.store.js';
import { stockedView } from './stocked-view.js';

/**
 * The cart a request may use: a live guest cart by its id alone, an owned cart only with its
 * owner's token. Anything else is the same 404, so an id reveals nothing about other carts.
 */
export async function openCart(db: Queryable, publicId: string, identity: Identity | undefined, lock = false): Promise<CartRow> {
  const cart = await cartsStore.byToken(db, cartTokenHash(publicId), lock);
  if (!cart) throw new CartNotFound();
  if (cart.ownerUserId !== null && cart.ownerUserId !== identity?.userId) throw new CartNotFound();
  return cart;
}

export async function getCart(deps: OrderDeps, publicId: string, identity: Identity | undefined): Promise<CartView> {
  const cart = await openCart(deps.db, publicId, identity);
  return stockedView(deps, await viewCart(deps.db, cart, publicId, deps.config.totals));
}

import type { Identity, Queryable } from '@mercato/chassis';
import { priceIn } from '../catalog/catalog-projection.js';
import { catalogStore } from '../catalog/catalog.store.js';
import type { OrderDeps } from '../deps.js';
import { unavailability, viewCart, type CartView } from './cart-view.js';
import { CartItemNotFound, NoPriceInCurrency, ProductUnavailable, QuantityLimit, TooManyLines, UnknownSku } from './cart.errors.js';
import { cartsStore, type CartRow } from './carts.store.js';
import { openCart } from './open-cart.js';
import { stockedView } from './stocked-view.js';

export const MAX_QUANTITY = 99;
export const MAX_LINES = 100;

/** Runs a change on the cart with its row locked, records the activity and answers the new cart. */
async function change(deps: OrderDeps, publicId: string, identity: Identity | undefined, fn: (tx: Queryable, cart: CartRow) => Promise<void>): Promise<CartView> {
  const view = await deps.db.tx(async (tx) => {
    const cart = await openCart(tx, publicId, identity, true);
    await fn(tx, cart);
    await cartsStore.touch(tx, cart.id, deps.config.cartTtlDays);
    const fresh = await openCart(tx, publicId, identity);
    return viewCart(tx, fresh, publicId, deps.config.totals);
  });
  return stockedView(deps, view);
}

/** The current price of a SKU the cart may take, or the reason it may not. */
async function sellablePrice(tx: Queryable, sku: string, currency: string): Promise<number> {
  const state = (await catalogStore.bySku(tx, [sku])).get(sku);
  const reason = unavailability(state, currency);
  if (reason === 'unknown_sku') throw new UnknownSku(sku);
  if (reason === 'product_unavailable') throw new ProductUnavailable(sku);
  if (reason === 'no_price_in_currency') throw new NoPriceInCurrency(sku, currency);
  return priceIn(state!, currency)!;
}

/** Adds a quantity of a SKU: to its existing line, or as a new line. */
export function addItem(deps: OrderDeps, publicId: string, identity: Identity | undefined, sku: string, quantity: number): Promise<CartView> {
  return change(deps, publicId, identity, async (tx, cart) => {
    const price = await sellablePrice(tx, sku, cart.currency);
    const items = await cartsStore.items(tx, cart.id);
    const line = items.find((i) => i.sku === sku);
    if (!line && items.length >= MAX_LINES) throw new TooManyLines(MAX_LINES);
    const total = (line?.quantity ?? 0) + quantity;
    if (total > MAX_QUANTITY) throw new QuantityLimit(sku, MAX_QUANTITY);
    // Changing a line is seeing its price: the shopper acknowledges the current one.
    await cartsStore.putItem(tx, cart.id, sku, total, price);
  });
}

/** Sets the quantity of an existing line. */
export function setItemQuantity(deps: OrderDeps, publicId: string, identity: Identity | undefined, sku: string, quantity: number): Promise<CartView> {
  return change(deps, publicId, identity, async (tx, cart) => {
    const items = await cartsStore.items(tx, cart.id);
    if (!items.some((i) => i.sku === sku)) throw new CartItemNotFound(sku);
    const price = await sellablePrice(tx, sku, cart.currency);
    await cartsStore.putItem(tx, cart.id, sku, quantity, price);
  });
}

export function removeItem(deps: OrderDeps, publicId: string, identity: Identity | undefined, sku: string): Promise<CartView> {
  return change(deps, publicId, identity, async (tx, cart) => {
    if (!(await cartsStore.removeItem(tx, cart.id, sku))) throw new CartItemNotFound(sku);
  });
}

export function setShippingCountry(deps: OrderDeps, publicId: string, identity: Identity | undefined, country: string): Promise<CartView> {
  return change(deps, publicId, identity, async (tx, cart) => {
    await cartsStore.setShippingCountry(tx, cart.id, country);
  });
}

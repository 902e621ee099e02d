import type { Queryable } from '@mercato/chassis';
import { priceIn, type SkuState } from '../catalog/catalog-projection.js';
import { catalogStore } from '../catalog/catalog.store.js';
import { cartTotals, type Totals, type TotalsConfig } from './cart-totals.js';
import { cartsStore, type CartItemRow, type CartRow } from './carts.store.js';

export type Unavailable = 'unknown_sku' | 'product_unavailable' | 'no_price_in_currency';

export interface CartLine {
  sku: string;
  quantity: number;
  productId: string | null;
  variantId: string | null;
  title: string | null;
  slug: string | null;
  /** The current price; null when the line is unavailable. */
  unitPrice: number | null;
  lineTotal: number | null;
  available: boolean;
  unavailableReason: Unavailable | null;
  /** True when the current price differs from the one the shopper last saw on this line. */
  priceChanged: boolean;
  previousUnitPrice: number | null;
  addedAt: Date;
}

export interface CartView {
  cart: CartRow;
  publicId: string;
  lines: CartLine[];
  totals: Totals;
}

/** Why a SKU cannot be sold in `currency` now, or null when it can. */
export function unavailability(sku: SkuState | undefined, currency: string): Unavailable | null {
  if (!sku || sku.status === 'pending') return 'unknown_sku';
  if (sku.status !== 'published') return 'product_unavailable';
  if (priceIn(sku, currency) === null) return 'no_price_in_currency';
  return null;
}

/** A cart line priced from the catalog projection as it is now. */
export function priceLine(item: CartItemRow, sku: SkuState | undefined, currency: string): CartLine {
  const reason = unavailability(sku, currency);
  const unitPrice = reason === null ? priceIn(sku!, currency) : null;
  const priceChanged = unitPrice !== null && unitPrice !== item.unitPriceSeen;
  return {
    sku: item.sku,
    quantity: item.quantity,
    productId: sku?.productId ?? null,
    variantId: sku?.variantId ?? null,
    title: sku?.title ?? null,
    slug: sku?.slug ?? null,
    unitPrice,
    lineTotal: unitPrice === null ? null : unitPrice * item.quantity,
    available: reason === null,
    unavailableReason: reason,
    priceChanged,
    previousUnitPrice: priceChanged ? item.unitPriceSeen : null,
    addedAt: item.addedAt,
  };
}

/** The cart with every line priced from the projection now, and its totals. */
export async function viewCart(db: Queryable, cart: CartRow, publicId: string, totals: TotalsConfig): Promise<CartView> {
  const items = await cartsStore.items(db, cart.id);
  const skus = await catalogStore.bySku(db, items.map((i) => i.sku));
  const lines = items.map((i) => priceLine(i, skus.get(i.sku), cart.currency));
  return { cart, publicId, lines, totals: cartTotals(lines, cart.currency, cart.shippingCountry, totals) };
}

import type { Queryable } from '@mercato/chassis';
import { priceIn, type SkuState } from '../catalog/catalog-projection.js';
import { cartTotals, type Totals, type TotalsConfig } from './cart-totals.js';
import { cartsStore, type CartItemRow, type CartRow } from './carts.store.js';

/** Why a line cannot be bought now: the first three from the catalog, the last two from inventory. */
export type Unavailable = 'unknown_sku' | 'product_unavailable' | 'no_price_in_currency' | 'out_of_stock' | 'insufficient_stock';

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
  /** Units inventory can sell now; null when it was not asked (an unsellable line) or did not answer in time. */
  availableQuantity: number | null;
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
    availableQuantity: null,
    priceChanged,
    previousUnitPrice: priceChanged ? item.unitPriceSeen : null,
    addedAt: item.addedAt,
  };
}

/**
 * The cart as inventory sees it now: each sellable line gets the units available, and a line
 * asking for more than that is not available (`out_of_stock`, or `insufficient_stock` when some
 * are left). Stock is advisory here (the reservation at checkout decides), so such a line keeps
 * its price and stays in the totals: they remain what the checkout would charge. Without levels
 * (inventory did not answer) the view is left as it is.
 */
export function withStockLevels(view: CartView, levels: ReadonlyMap<string, number> | null): CartView {
  if (levels === null) return view;
  const lines = view.lines.map((l): CartLine => {
    if (l.unavailableReason !== null) return l;
    const units = levels.get(l.sku) ?? 0;
    if (units >= l.quantity) return { ...l, availableQuantity: units };
    return { ...l, availableQuantity: units, available: false, unavailableReason: units === 0 ? 'out_of_stock' : 'insufficient_stock' };
  });
  return { ...view, lines };
}

/** The cart with every line priced from the projection now, and its totals. */
export async function viewCart(db: Queryable, cart: CartRow, publicId: string, totals: TotalsConfig): Promise<CartView> {
  const { items, skus } = await cartsStore.itemsWithSkus(db, cart.id);
  const lines = items.map((i) => priceLine(i, skus.get(i.sku), cart.currency));
  return { cart, publicId, lines, totals: cartTotals(lines, cart.currency, cart.shippingCountry, totals) };
}

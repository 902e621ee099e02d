import type { CartView } from '../carts/cart-view.js';

/** A cart as the API shows it: money as { amount, currency }, no internal ids. */
export function presentCart(v: CartView) {
  const money = (amount: number | null) => (amount === null ? null : { amount, currency: v.cart.currency });
  return {
    id: v.publicId,
    currency: v.cart.currency,
    shippingCountry: v.cart.shippingCountry,
    owned: v.cart.ownerUserId !== null,
    items: v.lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      productId: l.productId,
      variantId: l.variantId,
      title: l.title,
      slug: l.slug,
      unitPrice: money(l.unitPrice),
      lineTotal: money(l.lineTotal),
      available: l.available,
      unavailableReason: l.unavailableReason,
      availableQuantity: l.availableQuantity,
      priceChanged: l.priceChanged,
      previousUnitPrice: money(l.previousUnitPrice),
      addedAt: l.addedAt.toISOString(),
    })),
    itemCount: v.lines.reduce((n, l) => n + l.quantity, 0),
    totals: {
      subtotal: money(v.totals.subtotal)!,
      shipping: money(v.totals.shipping),
      tax: money(v.totals.tax),
      total: money(v.totals.total)!,
      taxRate: v.totals.taxRate,
      pricesIncludeTax: v.totals.pricesIncludeTax,
    },
    createdAt: v.cart.createdAt.toISOString(),
    updatedAt: v.cart.updatedAt.toISOString(),
    expiresAt: v.cart.expiresAt ? v.cart.expiresAt.toISOString() : null,
  };
}

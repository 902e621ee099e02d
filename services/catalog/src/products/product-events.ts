import type { EventData } from '@mercato/contracts';
import type { Product } from './product.js';

/** What ProductCreated and ProductUpdated carry: enough for inventory and order, not the row. */
export function productFacts(p: Product): EventData<'ProductCreated'> {
  return {
    productId: p.id,
    slug: p.slug,
    title: p.title,
    status: p.status,
    variants: p.variants.map((v) => ({ variantId: v.id, sku: v.sku, prices: v.prices.map((x) => ({ amount: x.amount, currency: x.currency })) })),
  };
}

/** One PriceChanged per variant and currency whose price differs between two states of a product. */
export function priceChanges(before: Product | null, after: Product): Array<EventData<'PriceChanged'>> {
  const out: Array<EventData<'PriceChanged'>> = [];
  for (const v of after.variants) {
    const old = before?.variants.find((x) => x.id === v.id);
    const currencies = new Set([...v.prices.map((p) => p.currency), ...(old?.prices.map((p) => p.currency) ?? [])]);
    for (const currency of [...currencies].sort()) {
      const now = v.prices.find((p) => p.currency === currency) ?? null;
      const was = old?.prices.find((p) => p.currency === currency) ?? null;
      if (now?.amount === was?.amount) continue;
      out.push({
        productId: after.id,
        variantId: v.id,
        sku: v.sku,
        price: now ? { amount: now.amount, currency } : null,
        previous: was ? { amount: was.amount, currency } : null,
      });
    }
  }
  return out;
}

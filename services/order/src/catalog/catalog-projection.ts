/**
 * The pure rules of the catalog projection: how one catalog event changes what the order service
 * knows of a product's SKUs. Events may arrive late, twice or out of order; each rule compares
 * the event's occurredAt with what the state already holds, so applying an older event after a
 * newer one, or the same event again, changes nothing.
 *
 * - Product facts (title, slug, status, which SKUs exist) follow the latest whole-product event
 *   (ProductCreated, ProductUpdated, ProductDeleted), by occurredAt per product.
 * - Prices are kept per SKU and currency, each with the occurredAt that set it, so a PriceChanged
 *   and a ProductUpdated can interleave in any order and the newest word on each price wins.
 */
export type SkuStatus = 'pending' | 'draft' | 'published' | 'archived' | 'removed';
export interface PriceEntry {
  amount: number | null;
  at: string;
}
export interface SkuState {
  sku: string;
  productId: string;
  variantId: string;
  title: string | null;
  slug: string | null;
  status: SkuStatus;
  prices: Record<string, PriceEntry>;
}
export interface ProductState {
  productId: string;
  factsAt: string | null;
  deleted: boolean;
}
export interface ProductFacts {
  productId: string;
  slug: string;
  title: string;
  status: 'draft' | 'published' | 'archived';
  variants: Array<{ variantId: string; sku: string; prices: Array<{ amount: number; currency: string }> }>;
}

const newer = (at: string, than: string | null): boolean => than === null || Date.parse(at) > Date.parse(than);

/** Sets one price when the event is newer than what set the current one. */
function setPrice(prices: Record<string, PriceEntry>, currency: string, amount: number | null, at: string): Record<string, PriceEntry> {
  const current = prices[currency];
  if (current && !newer(at, current.at)) return prices;
  return { ...prices, [currency]: { amount, at } };
}

/**
 * A ProductCreated or ProductUpdated at `at`: the SKUs to write (those of the product it names
 * and those of the product it no longer has), or null when the event is stale.
 */
export function applyProductFacts(product: ProductState, skus: readonly SkuState[], facts: ProductFacts, at: string): { product: ProductState; skus: SkuState[] } | null {
  if (!newer(at, product.factsAt)) return null;
  const known = new Map(skus.map((s) => [s.sku, s]));
  const out: SkuState[] = [];
  const named = new Set<string>();
  for (const v of facts.variants) {
    named.add(v.sku);
    const before = known.get(v.sku);
    let prices = before && before.productId === facts.productId ? before.prices : {};
    const listed = new Set(v.prices.map((p) => p.currency));
    for (const p of v.prices) prices = setPrice(prices, p.currency, p.amount, at);
    for (const currency of Object.keys(prices)) if (!listed.has(currency)) prices = setPrice(prices, currency, null, at);
    out.push({ sku: v.sku, productId: facts.productId, variantId: v.variantId, title: facts.title, slug: facts.slug, status: facts.status, prices });
  }
  for (const s of skus) {
    if (s.productId === facts.productId && !named.has(s.sku) && s.status !== 'removed') out.push({ ...s, status: 'removed' });
  }
  return { product: { productId: facts.productId, factsAt: at, deleted: false }, skus: out };
}

/** A ProductDeleted at `at`: every SKU of the product is removed, unless a newer event was seen. */
export function applyProductDeleted(product: ProductState, skus: readonly SkuState[], at: string): { product: ProductState; skus: SkuState[] } | null {
  if (!newer(at, product.factsAt)) return null;
  return {
    product: { productId: product.productId, factsAt: at, deleted: true },
    skus: skus.filter((s) => s.productId === product.productId && s.status !== 'removed').map((s) => ({ ...s, status: 'removed' as const })),
  };
}

/** A PriceChanged at `at` for one currency of one SKU; a SKU not seen yet is kept as pending. */
export function applyPriceChanged(
  sku: SkuState | undefined,
  change: { productId: string; variantId: string; sku: string; currency: string; amount: number | null },
  at: string,
): SkuState | null {
  const base: SkuState = sku ?? { sku: change.sku, productId: change.productId, variantId: change.variantId, title: null, slug: null, status: 'pending', prices: {} };
  if (base.productId !== change.productId) return null; // the SKU belongs to another product now
  const prices = setPrice(base.prices, change.currency, change.amount, at);
  return prices === base.prices ? null : { ...base, prices };
}

/** The current price of a SKU in a currency, or null. */
export function priceIn(sku: Pick<SkuState, 'prices'>, currency: string): number | null {
  return sku.prices[currency]?.amount ?? null;
}

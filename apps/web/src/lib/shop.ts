import { cookies } from 'next/headers';
import { api, must } from './api';
import { TtlCache } from './cache';
import { apiBase, frontendKey } from './runtime';
import { COUNTRY_COOKIE, CURRENCY_COOKIE } from './session-cookies';
import type { Availability, CategoryNode, CategoryTree, PaymentProviders, Product, Review, ReviewSummary } from './types';

// Public reads of the shop, shared by every visitor and kept briefly in memory: a busy page
// does not ask the API for the same product hundreds of times a second.

const categoriesCache = new TtlCache<CategoryTree>(30_000, 4);
const productCache = new TtlCache<Product | null>(5_000, 2_000);
const availabilityCache = new TtlCache<Availability>(1_000, 2_000);
const reviewsCache = new TtlCache<{ summary: ReviewSummary; reviews: Review[] } | null>(10_000, 2_000);
const currenciesCache = new TtlCache<string[]>(300_000, 1);
const providersCache = new TtlCache<PaymentProviders>(60_000, 1);

export const DEFAULT_CURRENCY = 'USD';
/** Countries shipping can be computed for (ISO 3166-1 alpha-2), in the order the picker shows. */
export const COUNTRIES = ['US', 'CA', 'GB', 'IE', 'DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'AT', 'SE', 'DK', 'FI', 'PL', 'PT', 'CH', 'NO', 'JP', 'AU', 'NZ', 'IN', 'SG'] as const;

export async function chosenCurrency(): Promise<string> {
  const c = (await cookies()).get(CURRENCY_COOKIE)?.value;
  return c && /^[A-Z]{3}$/.test(c) ? c : DEFAULT_CURRENCY;
}

/** The country shipping and tax are computed for: the shopper's choice, else the shop's (WEB_DEFAULT_COUNTRY, US). */
export async function chosenCountry(): Promise<string> {
  const c = (await cookies()).get(COUNTRY_COOKIE)?.value;
  if (c && /^[A-Z]{2}$/.test(c)) return c;
  const d = process.env.WEB_DEFAULT_COUNTRY;
  return d && /^[A-Z]{2}$/.test(d) ? d : 'US';
}

export async function categories(): Promise<CategoryTree> {
  const client = await api({ anonymous: true });
  return categoriesCache.get('tree', async () => must(await client.GET('/api/v1/categories'), 'the catalog'));
}

/** A category by slug anywhere in the tree, with the path of its ancestors. */
export function findCategory(tree: readonly CategoryNode[], slug: string, trail: CategoryNode[] = []): { node: CategoryNode; trail: CategoryNode[] } | undefined {
  for (const node of tree) {
    if (node.slug === slug) return { node, trail };
    const hit = findCategory(node.children as CategoryNode[], slug, [...trail, node]);
    if (hit) return hit;
  }
  return undefined;
}

/** A product by slug, or null when there is none (the page answers 404). */
export async function productBySlug(slug: string): Promise<Product | null> {
  const client = await api({ anonymous: true });
  return productCache.get(slug, async () => {
    const r = await client.GET('/api/v1/products/{id}', { params: { path: { id: slug } } });
    if (r.response.status === 404 || r.response.status === 400) return null;
    return must(r, 'the catalog');
  });
}

export async function availability(skus: readonly string[]): Promise<Map<string, { available: number; inStock: boolean }>> {
  const out = new Map<string, { available: number; inStock: boolean }>();
  if (skus.length === 0) return out;
  const client = await api({ anonymous: true });
  const sorted = [...new Set(skus)].sort().slice(0, 100);
  const res = await availabilityCache
    .get(sorted.join(','), async () => {
      const r = await client.GET('/api/v1/inventory/availability', { params: { query: { sku: sorted } } });
      return must(r, 'inventory');
    })
    .catch(() => undefined);
  for (const item of res?.items ?? []) out.set(item.sku, { available: item.available, inStock: item.inStock });
  return out;
}

/** A GET of a path the generated client does not know yet (a service that is not in the document). */
async function rawGet<T>(path: string): Promise<T | undefined> {
  const base = apiBase();
  if (!base) return undefined;
  const key = frontendKey();
  const res = await fetch(`${base}/api/v1${path}`, { headers: key ? { 'x-mercato-frontend-key': key } : {} }).catch(() => undefined);
  if (!res?.ok) return undefined;
  return (await res.json().catch(() => undefined)) as T | undefined;
}

/** Whether a path answers 404 (a route the API does not have), as opposed to failing. */
async function absent(path: string): Promise<boolean> {
  const base = apiBase();
  if (!base) return false;
  const res = await fetch(`${base}/api/v1${path}`, { method: 'HEAD' }).catch(() => undefined);
  return res?.status === 404;
}

/** Rating and the latest reviews, or null while the review service does not answer (the page shows none). */
export async function reviewsOf(productId: string): Promise<{ summary: ReviewSummary; reviews: Review[] } | null> {
  return reviewsCache.get(productId, async () => {
    const [summary, list] = await Promise.all([
      rawGet<ReviewSummary>(`/reviews/summary?productId=${encodeURIComponent(productId)}`),
      rawGet<{ items: Review[] }>(`/reviews?productId=${encodeURIComponent(productId)}&sort=helpful`),
    ]);
    if (!summary || typeof summary.count !== 'number') return null;
    return { summary, reviews: Array.isArray(list?.items) ? list.items.slice(0, 10) : [] };
  });
}

/** The payment providers the shop accepts; without the endpoint, the sandbox and its three test cards. */
export async function paymentProviders(): Promise<PaymentProviders> {
  const fallback: PaymentProviders = {
    providers: [{ name: 'sandbox', paymentMethods: [{ id: 'pm_card_visa' }, { id: 'pm_card_chargeDeclined' }, { id: 'pm_card_authenticationRequired' }] }],
  };
  return providersCache.get('providers', async () => {
    const got = await rawGet<PaymentProviders>('/payments/providers');
    if (got && Array.isArray(got.providers)) return got;
    // Only a payment service without the endpoint means "the sandbox alone"; a failure is not kept.
    if (!(await absent('/payments/providers'))) throw new Error('payment providers unavailable');
    return fallback;
  }).catch(() => fallback);
}

/**
 * The currencies the catalog prices in: those of the newest products' variants (every product of
 * a shop is normally priced in the same set), the default first.
 */
export async function currencies(): Promise<string[]> {
  const client = await api({ anonymous: true });
  return currenciesCache
    .get('all', async () => {
      // A failure is not kept: the list is asked for again on the next page.
      const list = must(await client.GET('/api/v1/products', { params: { query: { sort: 'newest', limit: 3 } } }), 'the catalog');
      // An empty catalog (a shop still being filled) says nothing yet: asked again next time.
      if (list.items.length === 0) throw new Error('no products yet');
      const found = new Set<string>([DEFAULT_CURRENCY]);
      for (const p of list?.items ?? []) {
        const detail = await productBySlug(p.slug);
        for (const v of detail?.variants ?? []) for (const price of v.prices) found.add(price.currency);
      }
      return [...found].sort((a, b) => (a === DEFAULT_CURRENCY ? -1 : b === DEFAULT_CURRENCY ? 1 : a.localeCompare(b)));
    })
    .catch(() => [DEFAULT_CURRENCY]);
}


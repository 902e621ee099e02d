import { SORTS, type Sort } from './types';

/** The filters of a listing page, from its URL (anything malformed is dropped, not sent on). */
export interface ListingParams {
  q?: string;
  category?: string;
  sort?: Sort;
  minPrice?: number;
  maxPrice?: number;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function listingParams(sp: Record<string, string | string[] | undefined>, category?: string): ListingParams {
  const out: ListingParams = {};
  // What a shopper typed or pasted: control characters (which the API refuses) become spaces.
  // eslint-disable-next-line no-control-regex
  const q = first(sp.q)?.replace(/[\x00-\x1F\x7F]+/g, ' ').trim().slice(0, 200);
  if (q) out.q = q;
  const sort = first(sp.sort);
  if (sort && (SORTS as readonly string[]).includes(sort)) out.sort = sort as Sort;
  const min = Number(first(sp.minPrice));
  const max = Number(first(sp.maxPrice));
  if (first(sp.minPrice) && Number.isInteger(min) && min >= 0) out.minPrice = min;
  if (first(sp.maxPrice) && Number.isInteger(max) && max >= 0) out.maxPrice = max;
  const cat = category ?? first(sp.category);
  if (cat && /^[a-z0-9-]{1,200}$/.test(cat)) out.category = cat;
  return out;
}

export function listingQuery(p: ListingParams, currency: string) {
  return {
    currency,
    limit: 24,
    ...(p.q ? { q: p.q } : {}),
    ...(p.category ? { category: p.category } : {}),
    ...(p.sort ? { sort: p.sort } : {}),
    ...(p.minPrice !== undefined ? { minPrice: p.minPrice } : {}),
    ...(p.maxPrice !== undefined ? { maxPrice: p.maxPrice } : {}),
  };
}

/** A listing URL with some filters changed (undefined removes one). */
export function listingHref(path: string, p: ListingParams, change: Partial<Record<keyof ListingParams, string | number | undefined>>): string {
  const merged: Record<string, string | number | undefined> = { ...p, ...change };
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(path.startsWith('/c/') && k === 'category')) qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

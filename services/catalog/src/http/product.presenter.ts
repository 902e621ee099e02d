import { priceRanges, type Product } from '../products/product.js';
import type { ListedProduct } from '../search/listing.store.js';

export function presentProduct(p: Product) {
  const ranges = priceRanges(p.variants);
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    description: p.description,
    status: p.status,
    images: p.images,
    attributes: p.attributes,
    seo: p.seo,
    options: p.options,
    variants: p.variants.map((v) => ({ id: v.id, sku: v.sku, title: v.title, options: v.options, prices: v.prices })),
    categories: p.categories,
    priceRanges: Object.keys(ranges)
      .sort()
      .map((currency) => ({ min: { amount: ranges[currency]!.min, currency }, max: { amount: ranges[currency]!.max, currency } })),
    rating: p.rating,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    publishedAt: p.publishedAt,
  };
}

export function presentSummary(p: ListedProduct, currency: string) {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    status: p.status,
    image: p.image,
    price: p.minAmount === null || p.maxAmount === null ? null : { min: { amount: p.minAmount, currency }, max: { amount: p.maxAmount, currency } },
    rating: { average: p.ratingAverage, count: p.ratingCount },
    publishedAt: p.publishedAt ? p.publishedAt.toISOString() : null,
  };
}

/** A page of the listing (listProducts) → the public list: summaries, the next cursor, facets on the first page. */
export function presentListing({ items, currency, ...rest }: { items: ListedProduct[]; currency: string; nextCursor: string | null; facets?: unknown }) {
  return { items: items.map((p) => presentSummary(p, currency)), ...rest };
}

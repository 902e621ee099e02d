import { buildCategories } from './categories.js';
import { renderSvg } from './images.js';
import { buildCatalog, type Catalog } from './products.js';
import { reviewsFor } from './reviews.js';
import { stockFor } from './stock.js';
import type { DemoCategory, DemoProduct, DemoReview, DemoStockEntry } from './types.js';

export { createRandom, type Random } from './random.js';
export type { DemoCategory, DemoImage, DemoPrice, DemoProduct, DemoReview, DemoStockEntry, DemoVariant } from './types.js';

let catalog: Catalog | undefined;

function getCatalog(): Catalog {
  catalog ??= buildCatalog();
  return catalog;
}

/** The demo category tree, parents before children. */
export function demoCategories(): DemoCategory[] {
  return buildCategories();
}

/** About 200 published demo products; a fresh copy on every call, identical every time. */
export function demoProducts(): DemoProduct[] {
  return structuredClone(getCatalog().products);
}

let reviews: Map<string, DemoReview[]> | undefined;

/** The demo reviews of the product with this slug ([] for any other slug); identical every time. */
export function demoReviews(productSlug: string): DemoReview[] {
  if (!reviews) {
    reviews = new Map();
    for (const r of reviewsFor(getCatalog().products)) reviews.set(r.productSlug, [...(reviews.get(r.productSlug) ?? []), r]);
  }
  return structuredClone(typeof productSlug === 'string' ? (reviews.get(productSlug) ?? []) : []);
}

/** Every demo review, product by product. */
export function allDemoReviews(): DemoReview[] {
  return reviewsFor(getCatalog().products);
}

/** One on-hand quantity per demo SKU. */
export function demoStock(): DemoStockEntry[] {
  return stockFor(getCatalog().products);
}

/**
 * The SVG for demo image `name` (without `.svg`), or undefined if `name` is not a demo image.
 * Safe to call with user input: it is only ever a key into the set of known names.
 */
export function demoImageSvg(name: string): string | undefined {
  if (typeof name !== 'string' || name.length > 256) return undefined;
  const spec = getCatalog().images.get(name);
  return spec ? renderSvg(spec) : undefined;
}

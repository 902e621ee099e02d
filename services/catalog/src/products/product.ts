import type { ImageInput } from '../media/product-images.js';
import { isCurrency, type FieldError } from '@mercato/contracts';

export type ProductStatus = 'draft' | 'published' | 'archived';

export interface Money {
  amount: number;
  currency: string;
}
export interface Image {
  url: string;
  alt: string;
  /** An uploaded image: its id, size, and one rendition per storefront width. */
  mediaId?: string;
  width?: number;
  height?: number;
  renditions?: Array<{ url: string; width: number; height: number }>;
}
export interface ProductOption {
  name: string;
  values: string[];
}
export interface VariantInput {
  sku: string;
  title?: string | null;
  options?: Record<string, string>;
  prices: Money[];
}
/** A product as written by an admin or an import row, before it has ids. */
export interface ProductInput {
  slug?: string;
  title: string;
  description?: string;
  status?: ProductStatus;
  categories?: string[];
  images?: ImageInput[];
  attributes?: Record<string, string>;
  seo?: { title?: string; description?: string };
  options?: ProductOption[];
  variants: VariantInput[];
}

export interface Variant {
  id: string;
  sku: string;
  title: string | null;
  options: Record<string, string>;
  prices: Money[];
}
export interface CategoryRef {
  id: string;
  slug: string;
  name: string;
}
/** A product as stored, with everything its public representation needs. */
export interface Product {
  id: string;
  slug: string;
  title: string;
  description: string;
  status: ProductStatus;
  images: Image[];
  attributes: Record<string, string>;
  seo: { title?: string; description?: string };
  options: ProductOption[];
  variants: Variant[];
  categories: CategoryRef[];
  rating: { average: number; count: number };
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export const MAX_VARIANTS = 100;

const fold = (s: string) => s.trim().toLowerCase();

/**
 * The rules a product must keep that a JSON schema cannot say: known currencies, one price per
 * currency, option names and values unique, every variant choosing exactly one value of every
 * option and no two variants choosing the same, SKUs unique within the product. Returns every
 * broken rule with a pointer into the input (empty when the product is valid).
 */
export function productRuleErrors(input: Pick<ProductInput, 'options' | 'variants'>, base = ''): FieldError[] {
  const errors: FieldError[] = [];
  const options = input.options ?? [];
  const names = new Set<string>();
  options.forEach((opt, i) => {
    if (names.has(fold(opt.name))) errors.push({ pointer: `${base}/options/${i}/name`, message: `option "${opt.name}" is listed twice` });
    names.add(fold(opt.name));
    const values = new Set<string>();
    opt.values.forEach((v, j) => {
      if (values.has(fold(v))) errors.push({ pointer: `${base}/options/${i}/values/${j}`, message: `value "${v}" is listed twice` });
      values.add(fold(v));
    });
  });
  if (options.length === 0 && input.variants.length > 1) {
    errors.push({ pointer: `${base}/variants`, message: 'a product without options has exactly one variant' });
  }
  const skus = new Set<string>();
  const combos = new Set<string>();
  input.variants.forEach((variant, i) => {
    const at = `${base}/variants/${i}`;
    if (skus.has(variant.sku)) errors.push({ pointer: `${at}/sku`, message: `SKU ${variant.sku} is used by another variant of this product` });
    skus.add(variant.sku);
    errors.push(...variantOptionErrors(options, variant.options ?? {}, at));
    errors.push(...priceErrors(variant.prices, `${at}/prices`));
    const combo = options.map((o) => fold(variant.options?.[o.name] ?? '')).join('\u0000');
    if (options.length > 0) {
      if (combos.has(combo)) errors.push({ pointer: `${at}/options`, message: 'another variant has the same option values' });
      combos.add(combo);
    }
  });
  return errors;
}

/** A variant names exactly the product's options, each with one of its values. */
export function variantOptionErrors(options: readonly ProductOption[], chosen: Record<string, string>, at: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const name of Object.keys(chosen)) {
    if (!options.some((o) => o.name === name)) errors.push({ pointer: `${at}/options/${escapePointer(name)}`, message: `the product has no option "${name}"` });
  }
  for (const opt of options) {
    const value = chosen[opt.name];
    if (value === undefined) errors.push({ pointer: `${at}/options`, message: `a value for option "${opt.name}" is required` });
    else if (!opt.values.includes(value)) {
      errors.push({ pointer: `${at}/options/${escapePointer(opt.name)}`, message: `"${value}" is not one of ${opt.values.map((v) => `"${v}"`).join(', ')}` });
    }
  }
  return errors;
}

export function priceErrors(prices: readonly Money[], at: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  prices.forEach((p, i) => {
    if (!isCurrency(p.currency)) errors.push({ pointer: `${at}/${i}/currency`, message: `${p.currency} is not an ISO 4217 currency` });
    if (seen.has(p.currency)) errors.push({ pointer: `${at}/${i}/currency`, message: `a second price in ${p.currency}` });
    seen.add(p.currency);
  });
  return errors;
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The lowest and highest variant price per currency. */
export function priceRanges(variants: readonly Pick<Variant, 'prices'>[]): Record<string, { min: number; max: number }> {
  const out: Record<string, { min: number; max: number }> = {};
  for (const v of variants) {
    for (const p of v.prices) {
      const r = out[p.currency];
      if (!r) out[p.currency] = { min: p.amount, max: p.amount };
      else {
        r.min = Math.min(r.min, p.amount);
        r.max = Math.max(r.max, p.amount);
      }
    }
  }
  return out;
}

/** Turns a title into a slug: `"Blue Linen Shirt!"` → `blue-linen-shirt`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/g, '');
}

import type { Product } from './types';
import { tOr } from './i18n';
import { minorDigits } from './money';

// The product editor's form ⇄ the catalog API's bodies, and the API's field errors back to the
// form's fields. Prices are typed in major units ("19.99") and sent as integer minor units.

export const MAX_OPTIONS = 3;

export interface EditableProduct {
  title: string;
  slug: string;
  description: string;
  categories: string[];
  seoTitle: string;
  seoDescription: string;
  options: Array<{ name: string; values: string }>;
}

/** The fields a product edit may change, as the form shows them (to compare versions). */
export function editableOf(p: Product): EditableProduct {
  return {
    title: p.title,
    slug: p.slug,
    description: p.description,
    categories: p.categories.map((c) => c.id).sort(),
    seoTitle: p.seo.title ?? '',
    seoDescription: p.seo.description ?? '',
    options: p.options.map((o) => ({ name: o.name, values: o.values.join(', ') })),
  };
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

export function editableFromForm(form: FormData): EditableProduct {
  const options: EditableProduct['options'] = [];
  for (let i = 0; i < MAX_OPTIONS; i++) {
    const name = text(form, `options.${i}.name`);
    const values = text(form, `options.${i}.values`);
    if (name || values) options.push({ name, values });
  }
  return {
    title: text(form, 'title'),
    slug: text(form, 'slug'),
    description: text(form, 'description'),
    categories: form
      .getAll('categories')
      .filter((c): c is string => typeof c === 'string' && c !== '')
      .sort(),
    seoTitle: text(form, 'seo.title'),
    seoDescription: text(form, 'seo.description'),
    options,
  };
}

export const splitValues = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The body fields of a product write from the editable fields (empty optional text left out). */
export function productBody(e: EditableProduct) {
  return {
    title: e.title,
    ...(e.slug ? { slug: e.slug } : {}),
    description: e.description,
    categories: e.categories,
    seo: { ...(e.seoTitle ? { title: e.seoTitle } : {}), ...(e.seoDescription ? { description: e.seoDescription } : {}) },
    options: e.options.map((o) => ({ name: o.name, values: splitValues(o.values) })),
  };
}

/** `"19.99"` in USD → 1999 exactly; undefined for an empty field; a message when it is not a price. */
export function minorOf(textValue: string, currency: string): number | undefined | string {
  const v = textValue.trim();
  if (v === '') return undefined;
  const digits = minorDigits(currency);
  const m = /^(\d{1,12})(?:[.,](\d+))?$/.exec(v);
  if (!m) return `“${v}” is not a price (e.g. 19.99)`;
  const frac = m[2] ?? '';
  if (frac.length > digits) return `${currency} has ${digits} decimal places`;
  return Number(m[1]) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
}

/** Minor units back to what the field shows (1999 USD → "19.99"). */
export function majorOf(amount: number, currency: string): string {
  const d = minorDigits(currency);
  return (amount / 10 ** d).toFixed(d);
}

export interface VariantInput {
  sku: string;
  title: string | null;
  options: Record<string, string>;
  prices: Array<{ amount: number; currency: string }>;
}

/**
 * A variant's fields `<prefix>.sku`, `.title`, `.option.<i>`, `.price.<CUR>` → the API body, the
 * local errors (a price that is not a number), and how the API's pointers map back to fields.
 */
export function variantFromForm(form: FormData, prefix: string, optionNames: string[], currencies: string[]) {
  const errors: Record<string, string> = {};
  const pointerToField: Record<string, string> = {};
  const options: Record<string, string> = {};
  optionNames.forEach((name, i) => {
    const v = text(form, `${prefix}.option.${i}`);
    if (v) options[name] = v;
    pointerToField[`options.${name}`] = `${prefix}.option.${i}`;
  });
  const prices: VariantInput['prices'] = [];
  for (const cur of currencies) {
    const r = minorOf(text(form, `${prefix}.price.${cur}`), cur);
    if (typeof r === 'string') errors[`${prefix}.price.${cur}`] = r;
    else if (r !== undefined) {
      pointerToField[`prices.${prices.length}`] = `${prefix}.price.${cur}`;
      prices.push({ amount: r, currency: cur });
    }
  }
  const title = text(form, `${prefix}.title`);
  const variant: VariantInput = { sku: text(form, `${prefix}.sku`), title: title || null, options, prices };
  return { variant, errors, pointerToField };
}

/**
 * The API's field errors (by their pointer's dotted path) onto the form's field names: the
 * longest known mapping prefix wins, else the longest prefix that is a field of the form.
 */
export function remapErrors(errors: Record<string, string>, map: Record<string, string>, fields: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    let target: string | undefined;
    for (let n = parts.length; n > 0 && !target; n--) {
      const head = parts.slice(0, n).join('.');
      if (map[head]) target = map[head];
      else if (fields.has(head)) target = head;
    }
    const key = target ?? path;
    if (!out[key]) out[key] = message;
  }
  return out;
}

export interface FlatCategory {
  id: string;
  name: string;
  slug: string;
  depth: number;
  parentId: string | null;
  position: number;
  productCount: number;
  childCount: number;
}

interface TreeNode {
  id: string;
  name: string;
  slug: string;
  position: number;
  productCount: number;
  children: readonly TreeNode[];
}

/** The category tree flattened depth-first (parents before children), with each one's depth. */
export function flattenTree(items: readonly TreeNode[], depth = 0, parentId: string | null = null, out: FlatCategory[] = []): FlatCategory[] {
  for (const n of items) {
    out.push({ id: n.id, name: n.name, slug: n.slug, depth, parentId, position: n.position, productCount: n.productCount, childCount: n.children.length });
    flattenTree(n.children, depth + 1, n.id, out);
  }
  return out;
}

/** The currencies the editor offers a price column for: the shop's, and USD and EUR at least. */
export function editorCurrencies(shop: readonly string[]): string[] {
  return [...new Set(['USD', 'EUR', ...shop])].slice(0, 6);
}

const PRODUCT_FORM_LABELS = ['conflictTitle', 'conflictBody', 'conflictField', 'conflictBefore', 'conflictNow', 'conflictYours', 'conflictReload', 'conflictOverwrite', 'general', 'title', 'slug', 'slugHint', 'description', 'categories', 'options', 'optionsHint', 'optionName', 'optionValues', 'optionValuesHint', 'variants', 'variantsHint', 'variant', 'sku', 'variantTitle', 'optionValue', 'price', 'addVariantRow', 'seo', 'seoTitle', 'seoDescription', 'save', 'saving'] as const;
export type ProductFormLabels = Record<(typeof PRODUCT_FORM_LABELS)[number], string>;

/** The product editor's strings (a client component: they travel as props). */
export function productFormLabels(): ProductFormLabels {
  return Object.fromEntries(PRODUCT_FORM_LABELS.map((k) => [k, tOr(`admin.catalog.form.${k}`, k)])) as ProductFormLabels;
}

import { DomainError } from '@mercato/chassis';
import { createAjv, plainText, toFieldErrors, type FieldError } from '@mercato/contracts';
import type { CatalogDeps } from '../deps.js';
import { ProductBody } from '../products/product.input.js';
import { productRuleErrors, slugify, type Product, type ProductInput } from '../products/product.js';
import { productsStore } from '../products/products.store.js';
import { categoriesStore } from '../categories/categories.store.js';
import { insertProducts } from '../products/write-product.js';

export const MAX_IMPORT_PRODUCTS = 10_000;

/** One product to import: where it came from (1-based position, or CSV lines) and its body. */
export interface ImportRow {
  row: number;
  lines?: number[];
  body: unknown;
  /** Problems found while reading the file (a CSV price that is not a number…). */
  errors?: FieldError[];
}

export interface RejectedRow {
  row: number;
  lines?: number[];
  slug: string | null;
  errors: FieldError[];
}

export interface ImportReport {
  dryRun: true;
  total: number;
  valid: number;
  rejected: RejectedRow[];
}

export class ImportRejected extends DomainError {
  constructor(rejected: RejectedRow[], total: number) {
    super({
      type: 'import_rejected',
      status: 422,
      title: 'The import was rejected',
      detail: `${rejected.length} of ${total} products are invalid; nothing was imported. Fix every listed row and send the file again.`,
      extensions: { rejected, total },
    });
  }
}

// Compiled on the first import, not at every start of the catalog.
let bodyValidator: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;
const validateBody = () => (bodyValidator ??= createAjv().compile(plainText(ProductBody)));

/**
 * Imports products all or nothing: every row is checked (schema, catalog rules, duplicates
 * within the file and against the catalog, categories) and every rejected row is reported; only
 * a file with no rejected row is written, in one transaction, with a ProductCreated per product.
 */
export async function importProducts(deps: CatalogDeps, rows: readonly ImportRow[]): Promise<Product[]>;
/** A dry run: every check, nothing written; the report of every rejected row instead of a 422. */
export async function importProducts(deps: CatalogDeps, rows: readonly ImportRow[], opts: { dryRun: true }): Promise<ImportReport>;
export async function importProducts(deps: CatalogDeps, rows: readonly ImportRow[], opts: { dryRun?: boolean } = {}): Promise<Product[] | ImportReport> {
  const rejected = new Map<number, RejectedRow>();
  const reject = (r: ImportRow, slug: string | null, errors: FieldError[]) => {
    if (errors.length === 0) return;
    const entry = rejected.get(r.row) ?? { row: r.row, ...(r.lines ? { lines: r.lines } : {}), slug, errors: [] };
    entry.errors.push(...errors);
    rejected.set(r.row, entry);
  };

  const valid: Array<{ row: ImportRow; input: ProductInput; slug: string }> = [];
  for (const row of rows) {
    const body = row.body as Partial<ProductInput> | null;
    const slugGuess = typeof body?.slug === 'string' ? body.slug : typeof body?.title === 'string' ? slugify(body.title) : null;
    reject(row, slugGuess, row.errors ?? []);
    const validate = validateBody();
    if (!validate(row.body)) {
      reject(row, slugGuess, toFieldErrors(validate.errors));
      continue;
    }
    const input = row.body as ProductInput;
    const slug = input.slug ?? slugify(input.title);
    const ruleErrors = productRuleErrors(input);
    if (!slug) ruleErrors.push({ pointer: '/slug', message: 'a slug is required when the title has no letters or digits' });
    reject(row, slug, ruleErrors);
    if (ruleErrors.length === 0 && !(row.errors?.length)) valid.push({ row, input, slug });
  }

  // Duplicates inside the file: the first use wins, every later one is rejected.
  const slugSeen = new Map<string, number>();
  const skuSeen = new Map<string, number>();
  for (const { row, input, slug } of valid) {
    const first = slugSeen.get(slug);
    if (first !== undefined) reject(row, slug, [{ pointer: '/slug', message: `slug "${slug}" is also used by row ${first}` }]);
    else slugSeen.set(slug, row.row);
    input.variants.forEach((v, i) => {
      const owner = skuSeen.get(v.sku);
      if (owner !== undefined && owner !== row.row) reject(row, slug, [{ pointer: `/variants/${i}/sku`, message: `SKU ${v.sku} is also used by row ${owner}` }]);
      else skuSeen.set(v.sku, row.row);
    });
  }

  return deps.db.tx(async (tx) => {
    // Against the catalog as it is, under the same transaction that writes.
    const takenSlugs = new Set(await productsStore.slugsTaken(tx, [...slugSeen.keys()]));
    const takenSkus = new Set(await productsStore.skusTaken(tx, [...skuSeen.keys()]));
    const categories = await categoriesStore.resolve(tx, [...new Set(valid.flatMap((v) => v.input.categories ?? []))]);
    for (const { row, input, slug } of valid) {
      if (takenSlugs.has(slug)) reject(row, slug, [{ pointer: '/slug', message: `a product with slug "${slug}" already exists` }]);
      input.variants.forEach((v, i) => {
        if (takenSkus.has(v.sku)) reject(row, slug, [{ pointer: `/variants/${i}/sku`, message: `SKU ${v.sku} already belongs to another product` }]);
      });
      (input.categories ?? []).forEach((ref, i) => {
        if (!categories.has(ref)) reject(row, slug, [{ pointer: `/categories/${i}`, message: `no category has the id or slug "${ref}"` }]);
      });
    }
    const sorted = [...rejected.values()].sort((a, b) => a.row - b.row);
    if (opts.dryRun) return { dryRun: true as const, total: rows.length, valid: rows.length - sorted.length, rejected: sorted };
    if (rejected.size > 0) throw new ImportRejected(sorted, rows.length);
    const products: Product[] = [];
    // In slices, so that one statement never carries an unbounded document.
    for (let i = 0; i < valid.length; i += 500) products.push(...(await insertProducts(tx, deps, valid.slice(i, i + 500).map((v) => v.input))));
    return products;
  }).then(async (result) => {
    if (!Array.isArray(result)) return result;
    await deps.cache.invalidate();
    return result;
  });
}

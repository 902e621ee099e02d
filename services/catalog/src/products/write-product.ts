import { InvalidData, type Queryable } from '@mercato/chassis';
import { newId, type FieldError } from '@mercato/contracts';
import { categoriesStore } from '../categories/categories.store.js';
import type { CatalogDeps } from '../deps.js';
import { ifMatchHolds, productEtag } from './etag.js';
import { productRuleErrors, slugify, type Product, type ProductInput } from './product.js';
import { ProductNotFound, SkuTaken, SlugTaken, StaleProduct, uniqueViolation } from './product.errors.js';
import { priceChanges, productFacts } from './product-events.js';
import { productsStore, type NewVariant } from './products.store.js';

/** Category ids for references given as ids or slugs; unknown ones are field errors. */
export async function resolveCategories(q: Queryable, refs: readonly string[], at: string): Promise<{ ids: string[]; errors: FieldError[] }> {
  const map = await categoriesStore.resolve(q, refs);
  const ids: string[] = [];
  const errors: FieldError[] = [];
  refs.forEach((ref, i) => {
    const id = map.get(ref);
    if (!id) errors.push({ pointer: `${at}/${i}`, message: `no category has the id or slug "${ref}"` });
    else if (!ids.includes(id)) ids.push(id);
  });
  return { ids, errors };
}

export function newVariants(input: ProductInput['variants']): NewVariant[] {
  return input.map((v) => ({ id: newId('var'), sku: v.sku, title: v.title ?? null, options: v.options ?? {}, prices: v.prices }));
}

/**
 * Writes one new product with its variants, prices and categories, and its ProductCreated event,
 * in the caller's transaction. Every rule is checked first; nothing is written when one fails.
 */
export async function insertProduct(tx: Queryable, deps: Pick<CatalogDeps, 'outbox'>, input: ProductInput, pointerBase = ''): Promise<Product> {
  const slug = input.slug ?? slugify(input.title);
  const errors = productRuleErrors(input, pointerBase);
  if (!slug) errors.push({ pointer: `${pointerBase}/slug`, message: 'a slug is required when the title has no letters or digits' });
  const categories = await resolveCategories(tx, input.categories ?? [], `${pointerBase}/categories`);
  errors.push(...categories.errors);
  if (errors.length > 0) throw new InvalidData('The product breaks one or more catalog rules', errors);
  if ((await productsStore.slugsTaken(tx, [slug])).length > 0) throw new SlugTaken(slug);
  const skus = input.variants.map((v) => v.sku);
  const taken = await productsStore.skusTaken(tx, skus);
  if (taken.length > 0) throw new SkuTaken(taken);

  const id = newId('prod');
  try {
    await productsStore.insert(
      tx,
      {
        id,
        slug,
        title: input.title,
        description: input.description ?? '',
        status: input.status ?? 'draft',
        images: input.images ?? [],
        attributes: input.attributes ?? {},
        seo: input.seo ?? {},
        options: input.options ?? [],
      },
      newVariants(input.variants),
      categories.ids,
    );
  } catch (err) {
    throw uniqueViolation(err, slug, skus) ?? err;
  }
  await productsStore.refreshDerived(tx, id, { bumpVersion: false });
  const product = (await productsStore.get(tx, id))!;
  await deps.outbox.emit(tx, 'ProductCreated', productFacts(product), id);
  return product;
}

export async function createProduct(deps: CatalogDeps, input: ProductInput): Promise<Product> {
  const product = await deps.db.tx((tx) => insertProduct(tx, deps, input));
  await deps.cache.invalidate();
  return product;
}

/**
 * The one path for every change of an existing product: lock it, check `If-Match`, apply the
 * change, rebuild what is derived from it, and write ProductUpdated (plus a PriceChanged per
 * changed price) in the same transaction; the cache is invalidated once it has committed.
 */
export async function changeProduct(
  deps: CatalogDeps,
  idOrSlug: string,
  ifMatch: string | undefined,
  change: (tx: Queryable, current: Product) => Promise<void>,
): Promise<Product> {
  const product = await deps.db.tx(async (tx) => {
    const before = await productsStore.get(tx, idOrSlug, { lock: true });
    if (!before) throw new ProductNotFound();
    const etag = productEtag(before.version);
    if (!ifMatchHolds(ifMatch, etag)) throw new StaleProduct(etag);
    await change(tx, before);
    await productsStore.refreshDerived(tx, before.id);
    const after = (await productsStore.get(tx, before.id))!;
    await deps.outbox.emit(tx, 'ProductUpdated', productFacts(after), after.id);
    for (const change of priceChanges(before, after)) await deps.outbox.emit(tx, 'PriceChanged', change, after.id);
    return after;
  });
  await deps.cache.invalidate();
  return product;
}

export async function deleteProduct(deps: CatalogDeps, idOrSlug: string, ifMatch: string | undefined): Promise<void> {
  await deps.db.tx(async (tx) => {
    const product = await productsStore.get(tx, idOrSlug, { lock: true });
    if (!product) throw new ProductNotFound();
    const etag = productEtag(product.version);
    if (!ifMatchHolds(ifMatch, etag)) throw new StaleProduct(etag);
    await productsStore.delete(tx, product.id);
    await deps.outbox.emit(tx, 'ProductDeleted', { productId: product.id, skus: product.variants.map((v) => v.sku) }, product.id);
  });
  await deps.cache.invalidate();
}

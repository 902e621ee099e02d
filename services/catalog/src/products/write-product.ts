import { currentContext, InvalidData, type Queryable } from '@mercato/chassis';
import { createEvent, newId, type FieldError } from '@mercato/contracts';
import { categoriesStore } from '../categories/categories.store.js';
import type { CatalogDeps } from '../deps.js';
import { ifMatchHolds, productEtag, requireIfMatch } from './etag.js';
import { productRuleErrors, slugify, type Product, type ProductInput } from './product.js';
import { ProductNotFound, SkuTaken, SlugTaken, StaleProduct, uniqueViolation } from './product.errors.js';
import { priceChanges, productFacts } from './product-events.js';
import { productsStore, type NewVariant } from './products.store.js';
import { mediaNamedIn, resolveImages } from '../media/product-images.js';

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
 * Writes new products with their variants, prices and categories, and a ProductCreated for each,
 * in the caller's transaction and a handful of statements however many there are. Every rule is
 * checked first; nothing is written when one fails.
 */
export async function insertProducts(tx: Queryable, deps: Pick<CatalogDeps, 'outbox'>, inputs: readonly ProductInput[]): Promise<Product[]> {
  if (inputs.length === 0) return [];
  const base = (i: number) => (inputs.length === 1 ? '' : `/${i}`);
  const errors: FieldError[] = [];
  const refs = [...new Set(inputs.flatMap((p) => p.categories ?? []))];
  const categoryIds = await categoriesStore.resolve(tx, refs);
  const media = await mediaNamedIn(tx, inputs.map((p) => p.images));
  const prepared = inputs.map((input, i) => {
    const images = resolveImages(media, input.images ?? [], `${base(i)}/images`);
    errors.push(...images.errors);
    const slug = input.slug ?? slugify(input.title);
    errors.push(...productRuleErrors(input, base(i)));
    if (!slug) errors.push({ pointer: `${base(i)}/slug`, message: 'a slug is required when the title has no letters or digits' });
    const ids: string[] = [];
    (input.categories ?? []).forEach((ref, k) => {
      const id = categoryIds.get(ref);
      if (!id) errors.push({ pointer: `${base(i)}/categories/${k}`, message: `no category has the id or slug "${ref}"` });
      else if (!ids.includes(id)) ids.push(id);
    });
    return { input, slug, categoryIds: ids, images: images.images };
  });
  if (errors.length > 0) throw new InvalidData('The product breaks one or more catalog rules', errors);
  const slugs = prepared.map((p) => p.slug);
  const skus = inputs.flatMap((p) => p.variants.map((v) => v.sku));
  const takenSlugs = await productsStore.slugsTaken(tx, slugs);
  if (takenSlugs.length > 0) throw new SlugTaken(takenSlugs[0]!);
  const takenSkus = await productsStore.skusTaken(tx, skus);
  if (takenSkus.length > 0) throw new SkuTaken(takenSkus);

  const items = prepared.map(({ input, slug, categoryIds: ids, images }) => ({
    product: {
      id: newId('prod'),
      slug,
      title: input.title,
      description: input.description ?? '',
      status: input.status ?? 'draft',
      images,
      attributes: input.attributes ?? {},
      seo: input.seo ?? {},
      options: input.options ?? [],
    },
    variants: newVariants(input.variants),
    categoryIds: ids,
  }));
  try {
    await productsStore.insertMany(tx, items);
  } catch (err) {
    throw uniqueViolation(err, slugs[0], skus) ?? err;
  }
  const ids = items.map((i) => i.product.id);
  await productsStore.refreshDerivedMany(tx, ids, { bumpVersion: false });
  const products = await productsStore.getMany(tx, ids);
  const traceparent = currentContext()?.traceparent ?? null;
  await deps.outbox.add(
    tx,
    products.map((p) => createEvent('ProductCreated', productFacts(p), { source: 'catalog', subject: p.id, traceparent })),
  );
  return products;
}

export async function insertProduct(tx: Queryable, deps: Pick<CatalogDeps, 'outbox'>, input: ProductInput): Promise<Product> {
  return (await insertProducts(tx, deps, [input]))[0]!;
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
  const precondition = requireIfMatch(ifMatch);
  const product = await deps.db.tx(async (tx) => {
    const before = await productsStore.get(tx, idOrSlug, { lock: true });
    if (!before) throw new ProductNotFound();
    const etag = productEtag(before.version);
    if (!ifMatchHolds(precondition, etag)) throw new StaleProduct(etag);
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
  const precondition = requireIfMatch(ifMatch);
  await deps.db.tx(async (tx) => {
    const product = await productsStore.get(tx, idOrSlug, { lock: true });
    if (!product) throw new ProductNotFound();
    const etag = productEtag(product.version);
    if (!ifMatchHolds(precondition, etag)) throw new StaleProduct(etag);
    await productsStore.delete(tx, product.id);
    await deps.outbox.emit(tx, 'ProductDeleted', { productId: product.id, skus: product.variants.map((v) => v.sku) }, product.id);
  });
  await deps.cache.invalidate();
}

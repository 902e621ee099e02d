import type { Queryable } from '@mercato/chassis';
import { applyPriceChanged, applyProductDeleted, applyProductFacts, type ProductFacts } from './catalog-projection.js';
import { catalogStore } from './catalog.store.js';

/**
 * The use cases that keep the catalog projection; each runs in the event handler's transaction,
 * with the product's projection row locked so two events of one product apply one after the other.
 */
export async function projectProductFacts(tx: Queryable, facts: ProductFacts, occurredAt: string): Promise<boolean> {
  const product = await catalogStore.lockProduct(tx, facts.productId);
  const skus = await catalogStore.skusFor(tx, facts.productId, facts.variants.map((v) => v.sku));
  for (const other of new Set(skus.filter((s) => s.productId !== facts.productId).map((s) => s.productId))) await catalogStore.lockProduct(tx, other);
  const next = applyProductFacts(product, skus, facts, occurredAt);
  if (!next) return false;
  await catalogStore.saveProduct(tx, next.product);
  await catalogStore.saveSkus(tx, next.skus);
  return true;
}

export async function projectProductDeleted(tx: Queryable, productId: string, occurredAt: string): Promise<boolean> {
  const product = await catalogStore.lockProduct(tx, productId);
  const next = applyProductDeleted(product, await catalogStore.skusFor(tx, productId), occurredAt);
  if (!next) return false;
  await catalogStore.saveProduct(tx, next.product);
  await catalogStore.saveSkus(tx, next.skus);
  return true;
}

export async function projectPriceChanged(
  tx: Queryable,
  change: { productId: string; variantId: string; sku: string; currency: string; amount: number | null },
  occurredAt: string,
): Promise<boolean> {
  await catalogStore.lockProduct(tx, change.productId);
  const [sku] = await catalogStore.skusFor(tx, '', [change.sku]);
  const next = applyPriceChanged(sku, change, occurredAt);
  if (!next) return false;
  await catalogStore.saveSkus(tx, [next]);
  return true;
}

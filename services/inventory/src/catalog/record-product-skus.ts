import type { Queryable } from '@mercato/chassis';
import { stockStore } from '../stock/stock.store.js';

export interface ProductSkus {
  productId: string;
  variants: readonly { variantId: string; sku: string }[];
}

/**
 * Gives each SKU of a product a stock record (zero on hand, in the default warehouse) unless it
 * has one: from ProductCreated, and from ProductUpdated for variants added later. Idempotent:
 * a SKU already known keeps its stock. A SKU seeded before its product arrived takes the
 * product's id; a discontinued SKU taken over by another product is revived for it.
 */
export async function recordProductSkus(tx: Queryable, product: ProductSkus): Promise<{ created: string[]; adopted: number }> {
  const variants = [...new Map(product.variants.map((v) => [v.sku, v])).values()];
  const created = await stockStore.registerSkus(
    tx,
    variants.map((v) => ({ sku: v.sku, productId: product.productId, variantId: v.variantId })),
  );
  const adopted = await stockStore.adopt(tx, product.productId, variants);
  return { created, adopted };
}

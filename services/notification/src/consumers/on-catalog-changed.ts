import type { EventHandler, Queryable } from '@mercato/chassis';
import { stockProductsStore } from '../stock/stock-products.store.js';

interface ProductFacts {
  productId: string;
  slug: string;
  title: string;
  status: string;
  variants: ReadonlyArray<{ sku: string }>;
}

/**
 * The catalog's product events keep the SKU → product projection that back-in-stock messages
 * name and link: a published product's SKUs with its title and slug; a product that is not (or
 * no longer) published, or deleted, leaves it. Older events than the row's never win.
 */
async function project(tx: Queryable, p: ProductFacts, occurredAt: string): Promise<void> {
  if (p.status === 'published') {
    await stockProductsStore.project(tx, { productId: p.productId, slug: p.slug, title: p.title, skus: p.variants.map((v) => v.sku) }, occurredAt);
  } else {
    await stockProductsStore.forget(tx, p.productId, occurredAt);
  }
}

export const onProductCreated: EventHandler<'ProductCreated'> = (event, { tx }) => project(tx, event.data, event.occurredAt);
export const onProductUpdated: EventHandler<'ProductUpdated'> = (event, { tx }) => project(tx, event.data, event.occurredAt);
export const onProductDeleted: EventHandler<'ProductDeleted'> = (event, { tx }) => stockProductsStore.forget(tx, event.data.productId, event.occurredAt);

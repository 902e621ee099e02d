import type { EventHandler } from '@mercato/chassis';
import { projectPriceChanged, projectProductDeleted, projectProductFacts } from '../catalog/project-catalog.js';

/**
 * Catalog events feed the order service's projection of the catalog (see README): carts read
 * products, SKUs and prices from it and never call the catalog while serving a request.
 */
export const onProductCreated: EventHandler<'ProductCreated'> = async (event, { tx, logger }) => {
  if (!(await projectProductFacts(tx, event.data, event.occurredAt))) logger.debug({ productId: event.data.productId }, 'older product event ignored');
};

export const onProductUpdated: EventHandler<'ProductUpdated'> = async (event, { tx, logger }) => {
  if (!(await projectProductFacts(tx, event.data, event.occurredAt))) logger.debug({ productId: event.data.productId }, 'older product event ignored');
};

export const onProductDeleted: EventHandler<'ProductDeleted'> = async (event, { tx, logger }) => {
  if (!(await projectProductDeleted(tx, event.data.productId, event.occurredAt))) logger.debug({ productId: event.data.productId }, 'older product deletion ignored');
};

export const onPriceChanged: EventHandler<'PriceChanged'> = async (event, { tx, logger }) => {
  const { productId, variantId, sku, price, previous } = event.data;
  const currency = price?.currency ?? previous?.currency;
  if (!currency) return;
  const changed = await projectPriceChanged(tx, { productId, variantId, sku, currency, amount: price?.amount ?? null }, event.occurredAt);
  if (!changed) logger.debug({ sku, currency }, 'older or unchanged price ignored');
};

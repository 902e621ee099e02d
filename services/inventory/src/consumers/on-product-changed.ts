import type { EventHandler } from '@mercato/chassis';
import { discontinueProductSkus } from '../catalog/discontinue-product-skus.js';
import { recordProductSkus } from '../catalog/record-product-skus.js';

/** ProductCreated gives each SKU its stock record; ProductUpdated does it for variants added later. */
export const onProductCreated: EventHandler<'ProductCreated'> = async (event, { tx, logger }) => {
  const { created } = await recordProductSkus(tx, event.data);
  if (created.length > 0) logger.debug({ productId: event.data.productId, created }, 'stock records created');
};

export const onProductUpdated: EventHandler<'ProductUpdated'> = async (event, { tx, logger }) => {
  const { created } = await recordProductSkus(tx, event.data);
  if (created.length > 0) logger.info({ productId: event.data.productId, created }, 'stock records created for new variants');
};

export const onProductDeleted: EventHandler<'ProductDeleted'> = async (event, { tx }) => {
  await discontinueProductSkus(tx, event.data.productId, event.data.skus);
};

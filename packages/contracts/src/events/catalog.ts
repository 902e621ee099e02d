import { Type } from '@sinclair/typebox';
import { Id, Money, NonNegativeMoney, Sku } from '../common.js';

const Slug = Type.String({ minLength: 1, maxLength: 200, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' });
const Status = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]);
const Variant = Type.Object(
  {
    variantId: Id(),
    sku: Sku,
    prices: Type.Array(NonNegativeMoney, { maxItems: 50 }),
  },
  { additionalProperties: false },
);

const ProductFacts = {
  productId: Id(),
  slug: Slug,
  title: Type.String({ minLength: 1, maxLength: 300 }),
  status: Status,
  variants: Type.Array(Variant, { maxItems: 500 }),
};

// Published by catalog. Inventory creates stock records from ProductCreated.
export const ProductCreatedV1 = Type.Object(ProductFacts, { additionalProperties: false });
export const ProductUpdatedV1 = Type.Object(ProductFacts, { additionalProperties: false });
export const ProductDeletedV1 = Type.Object(
  { productId: Id(), skus: Type.Array(Sku, { maxItems: 500 }) },
  { additionalProperties: false },
);
export const PriceChangedV1 = Type.Object(
  {
    productId: Id(),
    variantId: Id(),
    sku: Sku,
    price: Type.Union([NonNegativeMoney, Type.Null()], { description: 'null when the price in this currency was removed' }),
    previous: Type.Union([Money, Type.Null()]),
  },
  { additionalProperties: false },
);

// Published by review, consumed by catalog to show and sort by rating.
export const ReviewSummaryChangedV1 = Type.Object(
  {
    productId: Id(),
    ratingAverage: Type.Number({ minimum: 0, maximum: 5 }),
    ratingCount: Type.Integer({ minimum: 0, maximum: 1e9 }),
  },
  { additionalProperties: false },
);

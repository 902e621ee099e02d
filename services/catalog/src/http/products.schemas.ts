import { Type } from '@sinclair/typebox';
import { CurrencyCode, Image, OptionChoice, OptionName, OptionValue, Price, productFields, Seo, Sku, Slug, Status } from '../products/product.input.js';

// Every string, array, number and object here is bounded: the chassis refuses unbounded schemas.

export { CurrencyCode, Price, ProductBody, ProductPatchBody, Sku, Slug, VariantBody, VariantPatchBody } from '../products/product.input.js';
export { ListQuery, SORTS, type Sort } from '../search/list-query.js';

export const ProductParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export const VariantParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 200 }), variantId: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
export const PriceParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 200 }), variantId: Type.String({ minLength: 1, maxLength: 40 }), currency: CurrencyCode },
  { additionalProperties: false },
);
export const PriceBody = Type.Object({ amount: Price.properties.amount }, { additionalProperties: false });

// Responses
const Rating = Type.Object({ average: Type.Number({ minimum: 0, maximum: 5 }), count: Type.Integer({ minimum: 0, maximum: 1e9 }) }, { additionalProperties: false });
const PriceRange = Type.Object({ min: Price, max: Price }, { additionalProperties: false });
export const VariantSchema = Type.Object(
  {
    id: Type.String({ maxLength: 40 }),
    sku: Sku,
    title: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
    options: OptionChoice,
    prices: Type.Array(Price, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export const ProductSchema = Type.Object(
  {
    id: Type.String({ maxLength: 40 }),
    slug: Slug,
    title: productFields.title,
    description: productFields.description,
    status: Status,
    images: Type.Array(Image, { maxItems: 20 }),
    attributes: productFields.attributes,
    seo: Seo,
    options: productFields.options,
    variants: Type.Array(VariantSchema, { maxItems: 100 }),
    categories: Type.Array(
      Type.Object({ id: Type.String({ maxLength: 40 }), slug: Slug, name: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
      { maxItems: 20 },
    ),
    priceRanges: Type.Array(PriceRange, { maxItems: 50 }),
    rating: Rating,
    version: Type.Integer({ minimum: 1, maximum: 2 ** 31 }),
    createdAt: Type.String({ maxLength: 40 }),
    updatedAt: Type.String({ maxLength: 40 }),
    publishedAt: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export const ProductSummarySchema = Type.Object(
  {
    id: Type.String({ maxLength: 40 }),
    slug: Slug,
    title: productFields.title,
    status: Status,
    image: Type.Union([Image, Type.Null()]),
    price: Type.Union([PriceRange, Type.Null()], { description: 'in the requested currency; null when the product has no price in it' }),
    rating: Rating,
    publishedAt: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
  },
  { additionalProperties: false },
);
const Count = Type.Integer({ minimum: 0, maximum: 1e9 });
export const FacetsSchema = Type.Object(
  {
    categories: Type.Array(Type.Object({ id: Type.String({ maxLength: 40 }), slug: Slug, name: Type.String({ maxLength: 200 }), count: Count }, { additionalProperties: false }), { maxItems: 1000 }),
    priceBands: Type.Array(
      Type.Object({ min: Type.Integer({ minimum: 0, maximum: 1e15 }), max: Type.Union([Type.Integer({ minimum: 0, maximum: 1e15 }), Type.Null()]), count: Count }, { additionalProperties: false }),
      { maxItems: 20 },
    ),
    currency: CurrencyCode,
    options: Type.Array(
      Type.Object(
        { name: OptionName, values: Type.Array(Type.Object({ value: OptionValue, count: Count }, { additionalProperties: false }), { maxItems: 100 }) },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
export const ProductListSchema = Type.Object(
  {
    items: Type.Array(ProductSummarySchema, { maxItems: 100 }),
    nextCursor: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
    facets: Type.Optional(FacetsSchema),
  },
  { additionalProperties: false },
);

import { Type, type Static } from '@sinclair/typebox';

// Every string, array, number and object here is bounded: the chassis refuses unbounded schemas.
export const Slug = Type.String({ minLength: 1, maxLength: 200, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', description: 'lower-case words joined by hyphens' });
export const Sku = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3, description: 'ISO 4217 code' });
export const Price = Type.Object(
  {
    amount: Type.Integer({ minimum: 0, maximum: 1e12, description: 'integer minor units (cents for USD, yen for JPY, fils for KWD)' }),
    currency: CurrencyCode,
  },
  { additionalProperties: false },
);
const Status = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]);
const ImageUrl = Type.String({ minLength: 1, maxLength: 2048, pattern: '^(https?://[^\\s]+|/[^\\s]*)$', description: 'an http(s) URL or a path on this shop' });
const MediaId = Type.String({ minLength: 5, maxLength: 40, pattern: '^med_[0-9A-Za-z]+$', description: 'an uploaded image (POST /media/images); its URL, size and renditions are filled in' });
const ImageInput = Type.Object(
  { url: Type.Optional(ImageUrl), alt: Type.String({ maxLength: 300, description: 'what the image shows, for people who cannot see it' }), mediaId: Type.Optional(MediaId) },
  { additionalProperties: false, description: 'a url, or the mediaId of an uploaded image' },
);
const Image = Type.Object(
  {
    url: ImageUrl,
    alt: Type.String({ maxLength: 300 }),
    mediaId: Type.Optional(MediaId),
    width: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    height: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    renditions: Type.Optional(
      Type.Array(Type.Object({ url: ImageUrl, width: Type.Integer({ minimum: 1, maximum: 100000 }), height: Type.Integer({ minimum: 1, maximum: 100000 }) }, { additionalProperties: false }), {
        maxItems: 10,
        description: 'WebP renditions, narrowest first, for srcset',
      }),
    ),
  },
  { additionalProperties: false },
);
// No control characters: option facets join a name and its value with one (chr 31).
const OptionName = Type.String({ minLength: 1, maxLength: 50, pattern: '^[^\\u0000-\\u001f]+$' });
const OptionValue = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f]+$' });
const Option = Type.Object(
  { name: OptionName, values: Type.Array(OptionValue, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);
const Attributes = Type.Record(Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001f]+$' }), Type.String({ maxLength: 1000 }), { maxProperties: 50 });
const Seo = Type.Object(
  { title: Type.Optional(Type.String({ maxLength: 200 })), description: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
const OptionChoice = Type.Record(OptionName, OptionValue, { maxProperties: 3 });
const CategoryRefInput = Type.String({ minLength: 1, maxLength: 200, description: 'a category id or slug' });

export const VariantBody = Type.Object(
  {
    sku: Sku,
    title: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 300 }), Type.Null()])),
    options: Type.Optional(OptionChoice),
    prices: Type.Array(Price, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export const VariantPatchBody = Type.Object(
  {
    sku: Type.Optional(Sku),
    title: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 300 }), Type.Null()])),
    options: Type.Optional(OptionChoice),
    prices: Type.Optional(Type.Array(Price, { maxItems: 50 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const productFields = {
  slug: Slug,
  title: Type.String({ minLength: 1, maxLength: 300 }),
  description: Type.String({ maxLength: 20000 }),
  status: Status,
  categories: Type.Array(CategoryRefInput, { maxItems: 20 }),
  images: Type.Array(ImageInput, { maxItems: 20 }),
  attributes: Attributes,
  seo: Seo,
  options: Type.Array(Option, { maxItems: 3 }),
};

export const ProductBody = Type.Object(
  {
    slug: Type.Optional(productFields.slug),
    title: productFields.title,
    description: Type.Optional(productFields.description),
    status: Type.Optional(productFields.status),
    categories: Type.Optional(productFields.categories),
    images: Type.Optional(productFields.images),
    attributes: Type.Optional(productFields.attributes),
    seo: Type.Optional(productFields.seo),
    options: Type.Optional(productFields.options),
    variants: Type.Array(VariantBody, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type ProductBody = Static<typeof ProductBody>;

/** Product fields; variants and prices change through their own resources. */
export const ProductPatchBody = Type.Object(
  {
    slug: Type.Optional(productFields.slug),
    title: Type.Optional(productFields.title),
    description: Type.Optional(productFields.description),
    status: Type.Optional(productFields.status),
    categories: Type.Optional(productFields.categories),
    images: Type.Optional(productFields.images),
    attributes: Type.Optional(productFields.attributes),
    seo: Type.Optional(productFields.seo),
    options: Type.Optional(productFields.options),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ProductPatchBody = Static<typeof ProductPatchBody>;

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

export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'rating'] as const;
export type Sort = (typeof SORTS)[number];
export const ListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'a category id or slug; includes its sub-categories' })),
    minPrice: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e12, description: 'minor units of `currency`' })),
    maxPrice: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e12, description: 'minor units of `currency`' })),
    currency: Type.Optional(CurrencyCode),
    sort: Type.Optional(Type.Union(SORTS.map((s) => Type.Literal(s)))),
    status: Type.Optional(
      Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived'), Type.Literal('any')], {
        description: 'default published; the others, and any (every status: the back office list), for catalog managers only',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

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

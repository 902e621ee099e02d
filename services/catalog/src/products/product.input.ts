import { Type, type Static } from '@sinclair/typebox';

// What a product write takes, from the API or an import file alike (the import validates each
// row against ProductBody). Every string, array, number and object here is bounded: the chassis
// refuses unbounded schemas.
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
export const Status = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]);
const ImageUrl = Type.String({ minLength: 1, maxLength: 2048, pattern: '^(https?://[^\\s]+|/[^\\s]*)$', description: 'an http(s) URL or a path on this shop' });
const MediaId = Type.String({ minLength: 5, maxLength: 40, pattern: '^med_[0-9A-Za-z]+$', description: 'an uploaded image (POST /media/images); its URL, size and renditions are filled in' });
const ImageInput = Type.Object(
  { url: Type.Optional(ImageUrl), alt: Type.String({ maxLength: 300, description: 'what the image shows, for people who cannot see it' }), mediaId: Type.Optional(MediaId) },
  { additionalProperties: false, description: 'a url, or the mediaId of an uploaded image' },
);
export const Image = Type.Object(
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
export const OptionName = Type.String({ minLength: 1, maxLength: 50, pattern: '^[^\\u0000-\\u001f]+$' });
export const OptionValue = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f]+$' });
const Option = Type.Object(
  { name: OptionName, values: Type.Array(OptionValue, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);
const Attributes = Type.Record(Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001f]+$' }), Type.String({ maxLength: 1000 }), { maxProperties: 50 });
export const Seo = Type.Object(
  { title: Type.Optional(Type.String({ maxLength: 200 })), description: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const OptionChoice = Type.Record(OptionName, OptionValue, { maxProperties: 3 });
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

export const productFields = {
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

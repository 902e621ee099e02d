import { Type, type Static } from '@sinclair/typebox';
import { CurrencyCode } from '../products/product.input.js';

/** What a product listing takes: search, filters, sort and page (the query string of `GET /products`). */
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

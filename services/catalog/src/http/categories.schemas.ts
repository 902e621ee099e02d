import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Slug } from './products.schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Ref = Type.String({ minLength: 1, maxLength: 200, description: 'a category id or slug' });
const Position = Type.Integer({ minimum: 0, maximum: 10000, description: 'place among its siblings, from 0' });

export const CategoryBody = Type.Object(
  { name: Name, slug: Type.Optional(Slug), parentId: Type.Optional(Type.Union([Ref, Type.Null()])), position: Type.Optional(Position) },
  { additionalProperties: false },
);
export type CategoryBody = Static<typeof CategoryBody>;
export const CategoryPatchBody = Type.Object(
  {
    name: Type.Optional(Name),
    slug: Type.Optional(Slug),
    parentId: Type.Optional(Type.Union([Ref, Type.Null()], { description: 'move under this category; null moves it to the top level' })),
    position: Type.Optional(Position),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const CategoryParams = Type.Object({ id: Ref }, { additionalProperties: false });
export const DeleteCategoryQuery = Type.Object(
  { reassignTo: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'move the products and sub-categories here first' })) },
  { additionalProperties: false },
);
export const CategorySchema = Type.Object(
  {
    id: Type.String({ maxLength: 40 }),
    parentId: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
    slug: Slug,
    name: Name,
    position: Type.Integer({ minimum: 0, maximum: 1e6 }),
    path: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10, description: 'ids from the top level down to this category' }),
  },
  { additionalProperties: false },
);

// Nesting is at most 10 deep: spelt out rather than recursive, so the schema stays bounded.
function node(depth: number): TSchema {
  const fields = {
    id: Type.String({ maxLength: 40 }),
    slug: Slug,
    name: Name,
    position: Type.Integer({ minimum: 0, maximum: 1e6 }),
    productCount: Type.Integer({ minimum: 0, maximum: 1e9, description: 'published products here or in a sub-category' }),
  };
  return Type.Object(depth > 1 ? { ...fields, children: Type.Array(node(depth - 1), { maxItems: 1000 }) } : { ...fields, children: Type.Array(Type.Never(), { maxItems: 0 }) }, {
    additionalProperties: false,
  });
}
export const CategoryTreeSchema = Type.Object({ items: Type.Array(node(10), { maxItems: 1000 }) }, { additionalProperties: false });

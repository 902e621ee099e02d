import { accessOf, type HttpApp, NoBody, operation, optionalIdentity, requires } from '@mercato/chassis';
import { categoriesStore, type CategoryRow } from '../categories/categories.store.js';
import { buildTree } from '../categories/category-tree.js';
import { CategoryNotFound, createCategory, deleteCategory, updateCategory } from '../categories/category-writes.js';
import type { CatalogDeps } from '../deps.js';
import { cachedRead, NotModified } from './cached-read.js';
import { CategoryBody, CategoryParams, CategoryPatchBody, CategorySchema, CategoryTreeSchema, DeleteCategoryQuery } from './categories.schemas.js';

const tags = ['categories'];
const present = (c: CategoryRow) => ({ id: c.id, parentId: c.parentId, slug: c.slug, name: c.name, position: c.position, path: c.ancestors });

export function categoriesRoutes(app: HttpApp, deps: CatalogDeps): void {
  const manage = requires(deps, 'catalog:write');

  app.get(
    '/categories',
    {
      ...optionalIdentity(deps),
      schema: {
        ...operation('getCategoryTree', 'optional'),
        tags,
        summary: 'The category tree, with published product counts',
        response: { 200: CategoryTreeSchema, 304: NotModified },
      },
    },
    async (req, reply) =>
      cachedRead(deps, req, reply, 'categories:tree', async () => {
        const [rows, counts] = await Promise.all([categoriesStore.all(deps.db), categoriesStore.publishedCounts(deps.db)]);
        return { body: { items: buildTree(rows, counts) } };
      }),
  );

  app.get(
    '/categories/:id',
    { schema: { ...operation('getCategory', 'public', { 404: 'not_found' }), tags, summary: 'One category, by id or slug', params: CategoryParams, response: { 200: CategorySchema } } },
    async (req) => {
      const c = await categoriesStore.get(deps.db, req.params.id);
      if (!c) throw new CategoryNotFound();
      return present(c);
    },
  );

  app.post(
    '/categories',
    { ...manage, schema: { ...operation('createCategory', accessOf('catalog:write'), { 409: 'slug_taken' }), tags, summary: 'Create a category', body: CategoryBody, response: { 201: CategorySchema } } },
    async (req, reply) => reply.code(201).send(present(await createCategory(deps, req.body))),
  );

  app.patch(
    '/categories/:id',
    {
      ...manage,
      schema: {
        ...operation('updateCategory', accessOf('catalog:write'), { 404: 'not_found', 409: ['slug_taken', 'category_cycle'] }),
        tags,
        summary: 'Rename, move (with its sub-categories) or reorder a category',
        params: CategoryParams,
        body: CategoryPatchBody,
        response: { 200: CategorySchema },
      },
    },
    async (req) => present(await updateCategory(deps, req.params.id, req.body)),
  );

  app.delete(
    '/categories/:id',
    {
      ...manage,
      schema: {
        ...operation('deleteCategory', accessOf('catalog:write'), { 404: 'not_found', 409: ['category_not_empty', 'category_cycle'] }),
        tags,
        summary: 'Delete a category: only when empty, or with reassignTo for its products and sub-categories',
        params: CategoryParams,
        querystring: DeleteCategoryQuery,
        response: { 204: NoBody('Deleted') },
      },
    },
    async (req, reply) => {
      await deleteCategory(deps, req.params.id, req.query.reassignTo);
      return reply.code(204).send();
    },
  );
}

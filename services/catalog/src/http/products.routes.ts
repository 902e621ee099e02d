import { accessOf, type HttpApp, NoBody, operation, optionalIdentity, requires } from '@mercato/chassis';
import type { CatalogDeps } from '../deps.js';
import { productEtag } from '../products/etag.js';
import { ProductNotFound } from '../products/product.errors.js';
import { addVariant, deleteVariant, removePrice, setPrice, updateVariant } from '../products/product-variants.js';
import { productsStore } from '../products/products.store.js';
import { updateProduct } from '../products/update-product.js';
import { createProduct, deleteProduct } from '../products/write-product.js';
import { listProducts } from '../search/list-products.js';
import { cachedRead, cacheKey, NotModified } from './cached-read.js';
import { presentListing, presentProduct } from './product.presenter.js';
import {
  ListQuery,
  PriceBody,
  PriceParams,
  ProductBody,
  ProductListSchema,
  ProductParams,
  ProductPatchBody,
  ProductSchema,
  VariantBody,
  VariantParams,
  VariantPatchBody,
} from './products.schemas.js';

const tags = ['products'];
const ifMatchHeader = {
  type: 'object',
  properties: {
    'if-match': { type: 'string', maxLength: 1000, description: 'Required: the ETag of the product as last read (428 without it; 412 if it has changed since; `*` overwrites whatever it is now)' },
  },
} as const;
/** What every write of an existing product can answer besides its own refusals. */
const VERSIONED = { 404: 'not_found', 412: 'precondition_failed', 428: 'precondition_required' } as const;

export function productsRoutes(app: HttpApp, deps: CatalogDeps): void {
  const manage = requires(deps, 'catalog:write');
  const read = optionalIdentity(deps);

  app.get(
    '/products',
    {
      ...read,
      schema: {
        ...operation('listProducts', 'optional', { 404: 'not_found' }),
        tags,
        summary: 'Search and list products (published ones; managers may list any status)',
        description:
          'Full-text search with prefix matching and typo tolerance (`q`: a word of four letters or more may have one typo, of eight or more two; a shorter one matches as a prefix only), category including sub-categories, price range in a currency, sorts, cursor pagination. The first page carries facet counts for the whole result.',
        querystring: ListQuery,
        response: { 200: ProductListSchema, 304: NotModified },
      },
    },
    async (req, reply) =>
      cachedRead(deps, req, reply, cacheKey('list', req.query), async (opts) => ({ body: presentListing(await listProducts(deps, req.query, opts)) })),
  );

  app.get(
    '/products/:id',
    {
      ...read,
      schema: {
        ...operation('getProduct', 'optional', { 404: 'not_found' }),
        tags,
        summary: 'One product, by id or slug',
        description: 'Its ETag is the version a write names in If-Match.',
        params: ProductParams,
        response: { 200: ProductSchema, 304: NotModified },
      },
    },
    async (req, reply) =>
      cachedRead(deps, req, reply, cacheKey('product', req.params.id), async ({ manager }) => {
        const product = await productsStore.get(deps.db, req.params.id);
        if (!product || (!manager && product.status !== 'published')) throw new ProductNotFound();
        return { body: presentProduct(product), etag: productEtag(product.version) };
      }),
  );

  app.post(
    '/products',
    {
      ...manage,
      schema: {
        ...operation('createProduct', accessOf('catalog:write'), { 409: ['slug_taken', 'sku_taken'] }),
        tags,
        summary: 'Create a product with its variants and prices',
        body: ProductBody,
        response: { 201: ProductSchema },
      },
    },
    async (req, reply) => {
      const product = await createProduct(deps, req.body);
      return reply.code(201).header('etag', productEtag(product.version)).header('location', `/products/${product.id}`).send(presentProduct(product));
    },
  );

  app.patch(
    '/products/:id',
    {
      ...manage,
      schema: {
        ...operation('updateProduct', accessOf('catalog:write'), { ...VERSIONED, 409: 'slug_taken' }),
        tags,
        summary: 'Change product fields',
        headers: ifMatchHeader,
        params: ProductParams,
        body: ProductPatchBody,
        response: { 200: ProductSchema },
      },
    },
    async (req, reply) => {
      const product = await updateProduct(deps, req.params.id, req.headers['if-match'], req.body);
      return reply.header('etag', productEtag(product.version)).send(presentProduct(product));
    },
  );

  app.delete(
    '/products/:id',
    {
      ...manage,
      schema: {
        ...operation('deleteProduct', accessOf('catalog:write'), VERSIONED),
        tags,
        summary: 'Delete a product (archive it instead to keep it out of sight)',
        headers: ifMatchHeader,
        params: ProductParams,
        response: { 204: NoBody('Deleted') },
      },
    },
    async (req, reply) => {
      await deleteProduct(deps, req.params.id, req.headers['if-match']);
      return reply.code(204).send();
    },
  );

  app.post(
    '/products/:id/variants',
    {
      ...manage,
      schema: {
        ...operation('addVariant', accessOf('catalog:write'), { ...VERSIONED, 409: 'sku_taken' }),
        tags,
        summary: 'Add a variant',
        headers: ifMatchHeader,
        params: ProductParams,
        body: VariantBody,
        response: { 201: ProductSchema },
      },
    },
    async (req, reply) => {
      const product = await addVariant(deps, req.params.id, req.headers['if-match'], req.body);
      return reply.code(201).header('etag', productEtag(product.version)).send(presentProduct(product));
    },
  );

  app.patch(
    '/products/:id/variants/:variantId',
    {
      ...manage,
      schema: {
        ...operation('updateVariant', accessOf('catalog:write'), { ...VERSIONED, 409: 'sku_taken' }),
        tags,
        summary: 'Change a variant (its prices are replaced when given)',
        headers: ifMatchHeader,
        params: VariantParams,
        body: VariantPatchBody,
        response: { 200: ProductSchema },
      },
    },
    async (req, reply) => {
      const product = await updateVariant(deps, req.params.id, req.params.variantId, req.headers['if-match'], req.body);
      return reply.header('etag', productEtag(product.version)).send(presentProduct(product));
    },
  );

  app.delete(
    '/products/:id/variants/:variantId',
    {
      ...manage,
      schema: {
        ...operation('deleteVariant', accessOf('catalog:write'), VERSIONED),
        tags,
        summary: 'Delete a variant (not the last one)',
        headers: ifMatchHeader,
        params: VariantParams,
        response: { 200: ProductSchema },
      },
    },
    async (req, reply) => {
      const product = await deleteVariant(deps, req.params.id, req.params.variantId, req.headers['if-match']);
      return reply.header('etag', productEtag(product.version)).send(presentProduct(product));
    },
  );

  app.put(
    '/products/:id/variants/:variantId/prices/:currency',
    {
      ...manage,
      schema: {
        ...operation('setVariantPrice', accessOf('catalog:write'), VERSIONED),
        tags,
        summary: 'Set the price of a variant in one currency',
        headers: ifMatchHeader,
        params: PriceParams,
        body: PriceBody,
        response: { 200: ProductSchema },
      },
    },
    async (req, reply) => {
      const product = await setPrice(deps, req.params.id, req.params.variantId, req.headers['if-match'], { amount: req.body.amount, currency: req.params.currency });
      return reply.header('etag', productEtag(product.version)).send(presentProduct(product));
    },
  );

  app.delete(
    '/products/:id/variants/:variantId/prices/:currency',
    {
      ...manage,
      schema: {
        ...operation('removeVariantPrice', accessOf('catalog:write'), VERSIONED),
        tags,
        summary: 'Remove the price of a variant in one currency',
        headers: ifMatchHeader,
        params: PriceParams,
        response: { 200: ProductSchema },
      },
    },
    async (req, reply) => {
      const product = await removePrice(deps, req.params.id, req.params.variantId, req.headers['if-match'], req.params.currency);
      return reply.header('etag', productEtag(product.version)).send(presentProduct(product));
    },
  );
}

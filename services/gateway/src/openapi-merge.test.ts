import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemCodesOf, problemResponse } from '@mercato/chassis';
import { mergeOpenApi, publicPath } from './openapi-merge.js';

const problem = { type: 'object', properties: { code: { type: 'string' } } };

const catalog = {
  openapi: '3.1.0',
  info: { title: 'mercato catalog service', version: '0.1.0' },
  security: [{ bearer: [] }],
  paths: {
    '/products/{id}': {
      parameters: [{ $ref: '#/components/parameters/Id' }],
      get: {
        operationId: 'getOne',
        tags: ['whatever'],
        responses: {
          200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          404: { description: 'no', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    },
    '/categories': { get: { responses: { 200: { description: 'ok' } } } },
    // Not a catalog segment: the gateway would not route it there, so it is not public.
    '/orders': { get: { responses: { 200: { description: 'no' } } } },
  },
  components: {
    schemas: {
      Problem: problem,
      Item: { type: 'object', properties: { sku: { type: 'string' }, price: { $ref: '#/components/schemas/Money' } } },
      Money: { type: 'object', properties: { amount: { type: 'integer' } } },
    },
    parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  },
};

const order = {
  openapi: '3.1.0',
  info: { title: 'mercato order service', version: '0.1.0' },
  paths: {
    '/orders/{id}': {
      get: {
        operationId: 'getOne',
        security: [{ bearer: [] }],
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } } },
      },
    },
    '/checkout': { post: { responses: { 202: { description: 'accepted' } } } },
  },
  components: {
    schemas: {
      Problem: problem,
      // Same names, different meanings: neither may replace the other.
      Item: { type: 'object', properties: { lineId: { type: 'string' }, price: { $ref: '#/components/schemas/Money' } } },
      Money: { type: 'object', properties: { amount: { type: 'integer' }, currency: { type: 'string' } } },
    },
    securitySchemes: { bearer: { type: 'apiKey', in: 'header', name: 'x-key' } },
  },
};

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('mergeOpenApi', () => {
  const merged = mergeOpenApi({
    title: 'mercato API',
    version: '0.1.0',
    documents: [
      { service: 'catalog', doc: catalog },
      { service: 'order', doc: order },
    ],
    unavailable: [{ service: 'payment', reason: 'payment is unreachable (ECONNREFUSED)' }],
    gateway: {
      openapi: '3.1.0',
      info: { title: 'mercato gateway', version: '0.1.0' },
      paths: { '/api/v1/openapi.json': { get: { operationId: 'getOpenApiDocument', security: [], responses: { 200: { description: 'this' } } } } },
      components: { schemas: { Problem: problem } },
    },
  }) as Json;

  it('prefixes the routed paths with /api/v1 and leaves out paths routed elsewhere', () => {
    assert.equal(merged.openapi, '3.1.0');
    assert.deepEqual(Object.keys(merged.paths).sort(), ['/api/v1/categories', '/api/v1/checkout', '/api/v1/openapi.json', '/api/v1/orders/{id}', '/api/v1/products/{id}']);
    assert.deepEqual(merged.info.license, { name: 'MIT', identifier: 'MIT' });
  });

  it("adds the gateway's 429 to every routed operation, not to its own", () => {
    assert.deepEqual(merged.paths['/api/v1/categories'].get.responses['429'], { $ref: '#/components/responses/TooManyRequests' });
    assert.deepEqual(merged.components.responses.TooManyRequests.content['application/problem+json'].schema.allOf[1].properties.code.enum, ['rate_limited']);
    assert.equal(merged.paths['/api/v1/openapi.json'].get.responses['429'], undefined);
    // An operation with a 429 of its own lists both codes.
    const withOwn = mergeOpenApi({
      title: 't',
      version: '1',
      unavailable: [],
      documents: [{ service: 'auth', doc: { openapi: '3.1.0', info: { title: 'auth' }, paths: { '/auth/login': { post: { responses: { 429: problemResponse('429', ['login_throttled']) } } } } } }],
    }) as Json;
    assert.deepEqual(problemCodesOf(withOwn.paths['/api/v1/auth/login'].post.responses['429']), ['login_throttled', 'rate_limited']);
  });

  it('tags every operation with its service and keeps operation ids unique', () => {
    assert.deepEqual(merged.tags.map((t: Json) => t.name), ['gateway', 'catalog', 'order']);
    assert.equal(merged.tags[1].description, 'mercato catalog service');
    assert.deepEqual(merged.paths['/api/v1/products/{id}'].get.tags, ['catalog']);
    assert.deepEqual(merged.paths['/api/v1/checkout'].post.tags, ['order']);
    assert.equal(merged.paths['/api/v1/products/{id}'].get.operationId, 'getOne');
    assert.equal(merged.paths['/api/v1/orders/{id}'].get.operationId, 'order_getOne');
  });

  it('shares identical components and renames clashing ones, with their references', () => {
    const schemas = merged.components.schemas;
    assert.deepEqual(Object.keys(schemas).sort(), ['Item', 'Money', 'Problem', 'order_Item', 'order_Money']);
    assert.deepEqual(schemas.order_Money, order.components.schemas.Money);
    assert.equal(schemas.order_Item.properties.price.$ref, '#/components/schemas/order_Money');
    assert.equal(schemas.Item.properties.price.$ref, '#/components/schemas/Money');
    const orderOk = merged.paths['/api/v1/orders/{id}'].get.responses[200].content['application/json'].schema;
    assert.equal(orderOk.$ref, '#/components/schemas/order_Item');
    const catalogOk = merged.paths['/api/v1/products/{id}'].get.responses[200].content['application/json'].schema;
    assert.equal(catalogOk.$ref, '#/components/schemas/Item');
    assert.equal(merged.paths['/api/v1/products/{id}'].parameters[0].$ref, '#/components/parameters/Id');
  });

  it('renames security schemes in the requirements that name them, and keeps document-wide ones per operation', () => {
    assert.deepEqual(Object.keys(merged.components.securitySchemes).sort(), ['bearer', 'order_bearer']);
    assert.deepEqual(merged.paths['/api/v1/orders/{id}'].get.security, [{ order_bearer: [] }]);
    assert.deepEqual(merged.paths['/api/v1/products/{id}'].get.security, [{ bearer: [] }]);
    assert.equal(merged.paths['/api/v1/checkout'].post.security, undefined);
  });

  it('notes the services it could not read', () => {
    assert.deepEqual(merged['x-unavailable'], [{ service: 'payment', reason: 'payment is unreachable (ECONNREFUSED)' }]);
    assert.match(merged.info.description, /missing here: payment/);
  });

  it('does not change the documents it merged', () => {
    assert.deepEqual(catalog.paths['/products/{id}'].get.tags, ['whatever']);
  });
});

describe('publicPath', () => {
  it('maps only the paths the gateway routes to that service', () => {
    assert.equal(publicPath('catalog', '/products'), '/api/v1/products');
    assert.equal(publicPath('auth', '/.well-known/jwks.json'), '/.well-known/jwks.json');
    assert.equal(publicPath('catalog', '/orders'), undefined);
    assert.equal(publicPath('catalog', '/healthz'), undefined);
    assert.equal(publicPath('user', '/constructor'), undefined);
  });
});

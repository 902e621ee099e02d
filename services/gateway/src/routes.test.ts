import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedMethods, resolveRoute, segmentsOf } from './routes.js';

describe('resolveRoute', () => {
  it('routes on the first segment and strips the prefix, keeping the query as sent', () => {
    assert.deepEqual(resolveRoute('/api/v1/products?q=red%20shoe&limit=5'), { service: 'catalog', routeClass: 'products', path: '/products?q=red%20shoe&limit=5' });
    assert.deepEqual(resolveRoute('/api/v1/categories/c1'), { service: 'catalog', routeClass: 'categories', path: '/categories/c1' });
    assert.deepEqual(resolveRoute('/api/v1/users/me/addresses'), { service: 'user', routeClass: 'users', path: '/users/me/addresses' });
    assert.deepEqual(resolveRoute('/api/v1/checkout'), { service: 'order', routeClass: 'checkout', path: '/checkout' });
    assert.deepEqual(resolveRoute('/api/v1/carts/abc/items/SKU%201'), { service: 'order', routeClass: 'carts', path: '/carts/abc/items/SKU%201' });
    assert.deepEqual(resolveRoute('/api/v1/payments/webhooks/stripe'), { service: 'payment', routeClass: 'payments', path: '/payments/webhooks/stripe' });
    assert.deepEqual(resolveRoute('/api/v1/notifications/preferences'), { service: 'notification', routeClass: 'notifications', path: '/notifications/preferences' });
  });

  it('serves the JWKS from auth at its own path', () => {
    assert.deepEqual(resolveRoute('/.well-known/jwks.json'), { service: 'auth', routeClass: 'well-known', path: '/.well-known/jwks.json' });
  });

  it('knows no other segment, nor anything outside the prefix', () => {
    assert.deepEqual(resolveRoute('/api/v1/ops/dead-letters'), { refused: 'not_found' });
    assert.deepEqual(resolveRoute('/api/v1/constructor'), { refused: 'not_found' });
    assert.deepEqual(resolveRoute('/api/v1/__proto__/x'), { refused: 'not_found' });
    assert.deepEqual(resolveRoute('/products'), { refused: 'not_found' });
    assert.deepEqual(resolveRoute('/api/v2/products'), { refused: 'not_found' });
  });

  it('refuses dot segments, plain or encoded, and encoded separators', () => {
    for (const url of [
      '/api/v1/products/../ops/dead-letters',
      '/api/v1/products/%2e%2e/ops',
      '/api/v1/products/.%2E/ops',
      '/api/v1/products/./x',
      '/api/v1/products/a%2Fb',
      '/api/v1/products/a%5Cb',
      '/api/v1/products/%E0%A4%A',
      '/api/v1/products/a\\b',
      '/api/v1/products/..',
      '/api/v1/products/.',
    ]) {
      assert.deepEqual(resolveRoute(url), { refused: 'bad_path' }, url);
    }
    // Dots inside a segment are ordinary.
    assert.deepEqual(resolveRoute('/api/v1/products/v1.2..3'), { service: 'catalog', routeClass: 'products', path: '/products/v1.2..3' });
    assert.deepEqual(resolveRoute('/api/v1/products/red-shoe?q=a.b%20c'), { service: 'catalog', routeClass: 'products', path: '/products/red-shoe?q=a.b%20c' });
    assert.deepEqual(resolveRoute('/api/v1/products/'), { service: 'catalog', routeClass: 'products', path: '/products/' });
    assert.deepEqual(resolveRoute('/api/v1/'), { refused: 'not_found' });
    assert.deepEqual(resolveRoute('/api/v1/products%2F..'), { refused: 'not_found' });
  });

  it('allows the usual methods on the segments and only reads on the fixed routes', () => {
    assert.deepEqual(allowedMethods('/api/v1/orders/o1?x=1'), ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    assert.deepEqual(allowedMethods('/api/v1/products/../x'), ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    assert.deepEqual(allowedMethods('/.well-known/jwks.json?kid=1'), ['GET', 'HEAD']);
  });

  it('lists the segments of a service', () => {
    assert.deepEqual(segmentsOf('order').sort(), ['carts', 'checkout', 'orders']);
    assert.deepEqual(segmentsOf('catalog').sort(), ['categories', 'media', 'products']);
  });
});

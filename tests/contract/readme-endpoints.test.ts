import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { endpointsOf, listedEndpoints, readmes, templateOf } from './readme-endpoints.js';

describe('the endpoints a README lists', () => {
  it('reads methods and paths from code spans, as the public API has them', () => {
    const text = [
      '| `GET /carts/{id}` | the cart |',
      '- `POST /carts/{id}/items` `{ sku, quantity }` and `GET/PATCH /users/me`',
      'Search with `GET /products?q=&limit=` or read `GET /api/v1/orders/{orderId}`; keys at `GET /.well-known/jwks.json`.',
      'Operators use `GET /ops/dead-letters`, `GET /healthz` and `GET /notifications/dev/mailbox`; `/reviews` comes later.',
    ].join('\n');
    const { endpoints, malformed } = endpointsOf('x.md', text);
    assert.deepEqual(malformed, []);
    assert.deepEqual(
      endpoints.map((e) => `${e.line} ${e.method} ${e.path}`),
      [
        '1 GET /api/v1/carts/{}',
        '2 POST /api/v1/carts/{}/items',
        '2 GET /api/v1/users/me',
        '2 PATCH /api/v1/users/me',
        '3 GET /api/v1/products',
        '3 GET /api/v1/orders/{}',
        '3 GET /.well-known/jwks.json',
      ],
    );
  });

  it('reports a span that starts with a method but has no path it can read', () => {
    const { endpoints, malformed } = endpointsOf('x.md', 'Use `GET carts` or `POST /carts[/{id}]`.');
    assert.deepEqual(endpoints, []);
    assert.equal(malformed.length, 2);
  });

  it('compares templates whatever their parameter names', () => {
    assert.equal(templateOf('/auth/oauth/{google,facebook}/start'), templateOf('/auth/oauth/{provider}/start'));
    assert.notEqual(templateOf('/carts/{id}'), templateOf('/carts'));
  });

  it("finds every package's, service's and app's README, and each parses", () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const files = readmes(root);
    for (const f of ['README.md', 'services/order/README.md', 'packages/chassis/README.md', 'apps/platform/README.md']) assert.ok(files.includes(f), f);
    const { endpoints, malformed } = listedEndpoints(root);
    assert.deepEqual(malformed, []);
    assert.ok(endpoints.length > 40, 'the service READMEs list their endpoints');
  });
});

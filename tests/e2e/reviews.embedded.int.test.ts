import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eventually } from '@mercato/chassis/testing';
import { startEmbedded, type EmbeddedPlatform } from './support/embedded.js';
import { stockedProduct, type Shop } from './support/shop.js';

// A customer's review from purchase to the catalog, through the gateway of the embedded platform:
// buy → ship → deliver → review → the product's rating (and the rating sort) show it.

const ADMIN = { email: 'owner@example.com', password: 'correct horse battery staple' };
const json = { 'content-type': 'application/json' };

describe('reviews end to end in the embedded mode', () => {
  let platform: EmbeddedPlatform;
  let shop: Shop;
  let adminToken = '';

  const call = async (method: string, path: string, token?: string, body?: unknown, extra: Record<string, string> = {}) => {
    const res = await fetch(`${platform.api}${path}`, {
      method,
      headers: { ...(body !== undefined ? json : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown>, cache: res.headers.get('cache-status') };
  };

  before(async () => {
    platform = await startEmbedded({
      MERCATO_DEMO_DATA: 'false',
      PAYMENT_SANDBOX: 'true',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      AUTH_SCRYPT_N: '1024',
      OUTBOX_POLL_MS: '100',
      GATEWAY_RATE_LIMIT_IP: '1000000/min',
      GATEWAY_RATE_LIMIT_USER: '1000000/min',
    });
    adminToken = (await call('POST', '/auth/login', undefined, ADMIN)).body.accessToken as string;
    shop = { api: platform.api, admin: () => ({ authorization: `Bearer ${adminToken}`, ...json }), paymentDb: '', orderDb: '' };
  });
  after(async () => platform?.close());

  it('buy → deliver → review → summary and the product rating show it', async () => {
    const sku = `REV-${randomUUID().slice(0, 8).toUpperCase()}`;
    await stockedProduct(shop, sku, 5);
    const product = (await call('GET', `/products/${sku.toLowerCase()}`)).body as { id: string; rating: { average: number; count: number } };
    assert.deepEqual(product.rating, { average: 0, count: 0 });

    const registered = await call('POST', '/auth/register', undefined, { email: `buyer-${sku.toLowerCase()}@example.com`, password: 'a long enough passphrase 42', name: 'Rita Reviewer' });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    const token = registered.body.accessToken as string;

    // Before buying, a review is refused.
    const early = await call('POST', '/reviews', token, { productId: product.id, rating: 5, title: 'Love it', body: 'Great fit and the fabric is soft.' });
    assert.equal(early.status, 403);
    assert.equal(early.body.code, 'purchase_required');

    // The empty summary is kept at the edge (the gateway answers it from memory)…
    const summaryPath = `/reviews/summary?productId=${product.id}`;
    assert.equal((await call('GET', summaryPath)).body.count, 0);
    const kept = await call('GET', summaryPath);
    assert.deepEqual([kept.body.count, kept.cache], [0, 'mercato-gateway; hit']);

    const cart = (await call('POST', '/carts', token, { currency: 'USD' })).body as { id: string };
    await eventually(async () => (await call('POST', `/carts/${cart.id}/items`, token, { sku, quantity: 1 })).status === 200, 15_000, 100);
    const placed = await call(
      'POST',
      '/checkout',
      token,
      { cartId: cart.id, email: `buyer-${sku.toLowerCase()}@example.com`, shippingAddress: { name: 'Rita Reviewer', line1: '1 Main St', city: 'Boston', country: 'US' }, payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' } },
      { 'idempotency-key': randomUUID(), prefer: 'wait=20' },
    );
    assert.equal(placed.body.status, 'confirmed', JSON.stringify(placed.body));
    const orderId = placed.body.orderId as string;
    assert.equal((await call('POST', `/orders/${orderId}/ship`, adminToken, { carrier: 'DHL', trackingNumber: 'JD0001' })).status, 200);
    assert.equal((await call('POST', `/orders/${orderId}/deliver`, adminToken)).status, 200);

    // OrderDelivered reaches the review service: the buyer may review, once.
    const review = await eventually(async () => {
      const r = await call('POST', '/reviews', token, { productId: product.id, rating: 4, title: 'Very good', body: 'Great fit, and the fabric is soft after washing.' });
      return r.status === 201 ? r.body : undefined;
    }, 20_000, 200);
    assert.equal(review.status, 'published');
    assert.equal(review.verifiedPurchase, true);
    assert.equal(review.author, 'Rita R.');
    assert.equal((await call('POST', '/reviews', token, { productId: product.id, rating: 1, title: 'Again', body: 'A second review of the same product.' })).status, 409);

    // …and purged by the write: the next read is the new summary.
    const fresh = await call('GET', summaryPath);
    assert.deepEqual(fresh.body, { productId: product.id, count: 1, average: 4, distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 } });
    assert.equal(fresh.cache, 'mercato-gateway; fwd=miss');
    const list = (await call('GET', `/reviews?productId=${product.id}`)).body as { items: Array<{ id: string }> };
    assert.deepEqual(list.items.map((i) => i.id), [review.id]);

    // ReviewSummaryChanged reaches the catalog: the product shows its rating and leads the rating sort.
    await eventually(async () => {
      const p = (await call('GET', `/products/${sku.toLowerCase()}`)).body as { rating: { average: number; count: number } };
      return p.rating.count === 1 && p.rating.average === 4;
    }, 20_000, 200);
    const sorted = (await call('GET', '/products?sort=rating&limit=5')).body as { items: Array<{ id: string; rating: { average: number } }> };
    assert.equal(sorted.items[0]!.id, product.id);

    // A moderator hides it: the summary and the catalog follow.
    const moderator = (await call('POST', `/reviews/${review.id as string}/hide`, adminToken, {})).body;
    assert.equal(moderator.status, 'hidden');
    assert.equal((await call('GET', summaryPath)).body.count, 0);
    await eventually(async () => ((await call('GET', `/products/${sku.toLowerCase()}`)).body as { rating: { count: number } }).rating.count === 0, 20_000, 200);
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';
import { cartTokenHash } from '../src/carts/cart-id.js';
import { expireCarts } from '../src/service.js';
import { catalogEvent, productFacts, startOrder, variantIdOf, type OrderUnderTest } from './support.js';

interface Money {
  amount: number;
  currency: string;
}
interface CartJson {
  id: string;
  currency: string;
  shippingCountry: string | null;
  owned: boolean;
  itemCount: number;
  expiresAt: string | null;
  items: Array<{
    sku: string;
    quantity: number;
    title: string | null;
    unitPrice: Money | null;
    lineTotal: Money | null;
    available: boolean;
    unavailableReason: string | null;
    availableQuantity: number | null;
    priceChanged: boolean;
    previousUnitPrice: Money | null;
  }>;
  totals: { subtotal: Money; shipping: Money | null; tax: Money | null; total: Money; taxRate: number | null; pricesIncludeTax: boolean };
}

const ENV = {
  ORDER_SHIPPING_RATES: JSON.stringify({ US: { USD: 499 }, '*': { USD: 1499, EUR: 1299, JPY: 1500 } }),
  ORDER_FREE_SHIPPING_OVER: JSON.stringify({ USD: 100_000 }),
  ORDER_TAX_RATES: JSON.stringify({ US: 0, DE: 0.19, JP: 0.1, '*': 0 }),
};
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('carts on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let o: OrderUnderTest;
  const tee = newId('prd');
  const mug = newId('prd');
  const draft = newId('prd');
  const gone = newId('prd');

  /** Everything a refused request must leave as it was. */
  const snapshot = async () =>
    JSON.stringify(
      (
        await o.svc.db.query(
          `SELECT (SELECT coalesce(json_agg(c ORDER BY c.id), '[]') FROM carts c) AS carts,
                  (SELECT coalesce(json_agg(i ORDER BY i.cart_id, i.sku), '[]') FROM cart_items i) AS items`,
        )
      ).rows[0],
    );
  const newCart = async (body: Record<string, unknown> = {}, userId?: string) => {
    const res = await o.as(userId)('POST', '/carts', body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json<CartJson>();
  };
  const sku = async (s: string) => (await o.svc.db.query('SELECT status, title, prices FROM catalog_skus WHERE sku = $1', [s])).rows[0];

  before(async () => {
    o = await startOrder(ENV);
    await o.deliver(
      catalogEvent('ProductCreated', productFacts({ productId: tee, variants: [{ sku: 'TEE-S', prices: { USD: 1050, EUR: 1190, JPY: 1234 } }, { sku: 'TEE-M', prices: { USD: 999 } }] }), at(0)),
      catalogEvent('ProductCreated', productFacts({ productId: mug, title: 'Mug', variants: [{ sku: 'MUG', prices: { USD: 500, JPY: 1005 } }] }), at(0)),
      catalogEvent('ProductCreated', productFacts({ productId: draft, status: 'draft', variants: [{ sku: 'DRAFT-1', prices: { USD: 100 } }] }), at(0)),
      catalogEvent('ProductCreated', productFacts({ productId: gone, variants: [{ sku: 'GONE-1', prices: { USD: 700 } }] }), at(0)),
    );
  });
  after(async () => {
    await o?.stop();
  });

  it('documents its routes in OpenAPI', async () => {
    const doc = (await o.anonymous('GET', '/openapi.json')).json<{ paths: Record<string, unknown> }>();
    assert.deepEqual(Object.keys(doc.paths).filter((p) => p.startsWith('/carts')).sort(), [
      '/carts',
      '/carts/{id}',
      '/carts/{id}/items',
      '/carts/{id}/items/{sku}',
      '/carts/{id}/merge',
      '/carts/{id}/shipping-country',
    ]);
  });

  describe('the catalog projection', () => {
    it('keeps SKUs, status and prices per currency from catalog events', async () => {
      const row = await sku('TEE-S');
      assert.equal(row?.status, 'published');
      assert.equal(row?.title, 'Plain Tee');
      assert.deepEqual(
        Object.fromEntries(Object.entries(row?.prices as Record<string, { amount: number }>).map(([c, p]) => [c, p.amount])),
        { USD: 1050, EUR: 1190, JPY: 1234 },
      );
    });

    it('ignores a ProductUpdated older than the state it holds, and a redelivered event', async () => {
      const p = newId('prd');
      const newer = catalogEvent('ProductUpdated', productFacts({ productId: p, title: 'New', variants: [{ sku: 'ORD-1', prices: { USD: 300 } }] }), at(10));
      const older = catalogEvent('ProductUpdated', productFacts({ productId: p, title: 'Old', status: 'archived', variants: [{ sku: 'ORD-1', prices: { USD: 200 } }] }), at(5));
      await o.deliver(newer);
      await o.deliver(older);
      let row = await sku('ORD-1');
      assert.equal(row?.title, 'New');
      assert.equal(row?.status, 'published');
      assert.equal((row?.prices as Record<string, { amount: number }>).USD!.amount, 300);
      // The same event again (same id): handled once. The same facts under a new id: no change.
      await o.svc.consumer.deliver([newer]);
      await o.deliver({ ...newer, id: newId('evt') });
      row = await sku('ORD-1');
      assert.equal(row?.title, 'New');
      assert.equal(await o.count('SELECT count(*) AS n FROM inbox WHERE event_id = $1', [newer.id]), 1);
    });

    it('keeps the newest word on each price when PriceChanged and ProductUpdated interleave', async () => {
      const p = newId('prd');
      await o.deliver(catalogEvent('ProductCreated', productFacts({ productId: p, variants: [{ sku: 'PX-1', prices: { USD: 100, EUR: 90 } }] }), at(0)));
      const variantId = variantIdOf('PX-1');
      await o.deliver(catalogEvent('PriceChanged', { productId: p, variantId, sku: 'PX-1', price: { amount: 150, currency: 'USD' }, previous: { amount: 100, currency: 'USD' } }, at(20)));
      // A product update from before that price change does not roll the USD price back; its
      // title does apply (it is newer than the creation).
      await o.deliver(catalogEvent('ProductUpdated', productFacts({ productId: p, title: 'Renamed', variants: [{ sku: 'PX-1', prices: { USD: 120, EUR: 95 } }] }), at(10)));
      const row = await sku('PX-1');
      assert.equal(row?.title, 'Renamed');
      assert.deepEqual(
        Object.fromEntries(Object.entries(row?.prices as Record<string, { amount: number }>).map(([c, pr]) => [c, pr.amount])),
        { USD: 150, EUR: 95 },
      );
      // An older PriceChanged after a newer one changes nothing.
      await o.deliver(catalogEvent('PriceChanged', { productId: p, variantId, sku: 'PX-1', price: { amount: 110, currency: 'USD' }, previous: null }, at(15)));
      assert.equal(((await sku('PX-1'))?.prices as Record<string, { amount: number }>).USD!.amount, 150);
    });

    it('does not bring a deleted product back with an older update', async () => {
      const p = newId('prd');
      await o.deliver(catalogEvent('ProductCreated', productFacts({ productId: p, variants: [{ sku: 'DEL-1', prices: { USD: 100 } }] }), at(0)));
      await o.deliver(catalogEvent('ProductDeleted', { productId: p, skus: ['DEL-1'] }, at(30)));
      await o.deliver(catalogEvent('ProductUpdated', productFacts({ productId: p, variants: [{ sku: 'DEL-1', prices: { USD: 100 } }] }), at(20)));
      assert.equal((await sku('DEL-1'))?.status, 'removed');
    });
  });

  describe('a guest cart', () => {
    it('is created with an unguessable id, in the default currency, expiring after the TTL', async () => {
      const a = await newCart();
      const b = await newCart();
      assert.match(a.id, /^crt_[A-Za-z0-9_-]{32}$/);
      assert.notEqual(a.id, b.id);
      assert.equal(a.currency, 'USD');
      assert.equal(a.owned, false);
      assert.deepEqual(a.items, []);
      const days = (Date.parse(a.expiresAt!) - Date.now()) / 86_400_000;
      assert.ok(days > 29.9 && days <= 30, String(days));
      // Only a hash of the id is stored.
      assert.equal(await o.count('SELECT count(*) AS n FROM carts WHERE token_hash::text LIKE $1 OR id = $2 OR owner_public_id = $2', [`%${a.id}%`, a.id]), 0);
      const empty = await o.anonymous('POST', '/carts');
      assert.equal(empty.statusCode, 201, empty.body);
    });

    it('adds, changes and removes items with totals to the cent (tax exclusive)', async () => {
      const cart = await newCart();
      let res = await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'TEE-S', quantity: 2 });
      assert.equal(res.statusCode, 200, res.body);
      res = await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'TEE-S', quantity: 1 });
      res = await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'TEE-M', quantity: 1 });
      let c = res.json<CartJson>();
      assert.deepEqual(
        c.items.map((i) => [i.sku, i.quantity, i.unitPrice?.amount, i.lineTotal?.amount, i.priceChanged]),
        [
          ['TEE-S', 3, 1050, 3150, false],
          ['TEE-M', 1, 999, 999, false],
        ],
      );
      assert.equal(c.itemCount, 4);
      // No country yet: shipping and tax are open, the total is the subtotal.
      assert.deepEqual(c.totals, { subtotal: { amount: 4149, currency: 'USD' }, shipping: null, tax: null, total: { amount: 4149, currency: 'USD' }, taxRate: null, pricesIncludeTax: false });

      c = (await o.anonymous('PUT', `/carts/${cart.id}/shipping-country`, { country: 'DE' })).json<CartJson>();
      // Tax per line half-up: 3150 × 0.19 = 598.5 → 599; 999 × 0.19 = 189.81 → 190.
      assert.deepEqual(
        [c.totals.subtotal.amount, c.totals.shipping?.amount, c.totals.tax?.amount, c.totals.total.amount, c.totals.taxRate],
        [4149, 1499, 789, 4149 + 1499 + 789, 0.19],
      );

      c = (await o.anonymous('PATCH', `/carts/${cart.id}/items/TEE-S`, { quantity: 1 })).json<CartJson>();
      // 1050 × 0.19 = 199.5 → 200; 190 as before.
      assert.deepEqual([c.totals.subtotal.amount, c.totals.tax?.amount, c.totals.total.amount], [2049, 390, 2049 + 1499 + 390]);

      res = await o.anonymous('DELETE', `/carts/${cart.id}/items/TEE-M`);
      assert.equal(res.statusCode, 200);
      c = res.json<CartJson>();
      assert.deepEqual(c.items.map((i) => i.sku), ['TEE-S']);
      c = (await o.anonymous('PUT', `/carts/${cart.id}/shipping-country`, { country: 'US' })).json<CartJson>();
      assert.deepEqual([c.totals.shipping?.amount, c.totals.tax?.amount, c.totals.total.amount], [499, 0, 1050 + 499]);

      const read = (await o.anonymous('GET', `/carts/${cart.id}`)).json<CartJson>();
      assert.deepEqual(read.totals, c.totals);
    });

    it('totals a JPY cart to the yen', async () => {
      const cart = await newCart({ currency: 'JPY', shippingCountry: 'JP' });
      await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'TEE-S', quantity: 3 });
      const c = (await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'MUG', quantity: 1 })).json<CartJson>();
      // lines 3702 and 1005; tax 370.2 → 370 and 100.5 → 101
      assert.deepEqual(
        [c.currency, c.totals.subtotal.amount, c.totals.shipping?.amount, c.totals.tax?.amount, c.totals.total.amount],
        ['JPY', 4707, 1500, 471, 4707 + 1500 + 471],
      );
    });

    it('refuses a SKU with no price in the cart\'s currency', async () => {
      const cart = await newCart({ currency: 'EUR' });
      const before = await snapshot();
      const res = await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'MUG', quantity: 1 });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json<{ type: string }>().type, 'urn:mercato:problem:no_price_in_currency');
      assert.equal(await snapshot(), before);
    });

    it('flags a price that changed since the item was added and uses the new one', async () => {
      const p = newId('prd');
      await o.deliver(catalogEvent('ProductCreated', productFacts({ productId: p, variants: [{ sku: 'CHG-1', prices: { USD: 1000 } }] }), at(0)));
      const cart = await newCart({ shippingCountry: 'US' });
      await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'CHG-1', quantity: 2 });
      await o.deliver(catalogEvent('PriceChanged', { productId: p, variantId: variantIdOf('CHG-1'), sku: 'CHG-1', price: { amount: 1200, currency: 'USD' }, previous: { amount: 1000, currency: 'USD' } }, at(1)));
      let c = (await o.anonymous('GET', `/carts/${cart.id}`)).json<CartJson>();
      assert.deepEqual(
        [c.items[0]!.priceChanged, c.items[0]!.previousUnitPrice, c.items[0]!.unitPrice?.amount, c.items[0]!.lineTotal?.amount, c.totals.subtotal.amount],
        [true, { amount: 1000, currency: 'USD' }, 1200, 2400, 2400],
      );
      // Changing the line acknowledges the new price.
      c = (await o.anonymous('PATCH', `/carts/${cart.id}/items/CHG-1`, { quantity: 3 })).json<CartJson>();
      assert.deepEqual([c.items[0]!.priceChanged, c.items[0]!.previousUnitPrice, c.totals.subtotal.amount], [false, null, 3600]);
    });

    it('shows a line whose product was unpublished or deleted as unavailable, out of the totals', async () => {
      const p = newId('prd');
      await o.deliver(catalogEvent('ProductCreated', productFacts({ productId: p, variants: [{ sku: 'UNP-1', prices: { USD: 400 } }] }), at(0)));
      const cart = await newCart();
      await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'UNP-1', quantity: 1 });
      await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'GONE-1', quantity: 1 });
      await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'MUG', quantity: 1 });
      await o.deliver(catalogEvent('ProductUpdated', productFacts({ productId: p, status: 'draft', variants: [{ sku: 'UNP-1', prices: { USD: 400 } }] }), at(1)));
      await o.deliver(catalogEvent('ProductDeleted', { productId: gone, skus: ['GONE-1'] }, at(1)));
      const c = (await o.anonymous('GET', `/carts/${cart.id}`)).json<CartJson>();
      assert.deepEqual(
        c.items.map((i) => [i.sku, i.available, i.unavailableReason, i.unitPrice, i.availableQuantity]),
        [
          ['UNP-1', false, 'product_unavailable', null, null],
          ['GONE-1', false, 'product_unavailable', null, null],
          ['MUG', true, null, { amount: 500, currency: 'USD' }, 1000],
        ],
      );
      assert.equal(c.totals.subtotal.amount, 500);
      // Such a line can be removed, not raised.
      const before = await snapshot();
      assert.equal((await o.anonymous('PATCH', `/carts/${cart.id}/items/UNP-1`, { quantity: 2 })).statusCode, 422);
      assert.equal(await snapshot(), before);
      assert.equal((await o.anonymous('DELETE', `/carts/${cart.id}/items/GONE-1`)).statusCode, 200);
    });

    it('says whether each line\'s quantity is in stock, from inventory, and still answers when inventory does not', async () => {
      const cart = await newCart();
      o.peers.stock.set('TEE-M', 14).set('MUG', 0);
      const added = await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'TEE-M', quantity: 99 });
      assert.equal(added.statusCode, 200, 'stock is advice: the cart takes the line');
      await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'MUG', quantity: 1 });
      await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'TEE-S', quantity: 2 });
      const lines = (c: CartJson) => c.items.map((i) => [i.sku, i.quantity, i.available, i.unavailableReason, i.availableQuantity]);
      const short = (await o.anonymous('GET', `/carts/${cart.id}`)).json<CartJson>();
      assert.deepEqual(lines(short), [
        ['TEE-M', 99, false, 'insufficient_stock', 14],
        ['MUG', 1, false, 'out_of_stock', 0],
        ['TEE-S', 2, true, null, 1000],
      ]);
      // Still priced and counted: the totals are what the checkout would charge.
      assert.equal(short.totals.subtotal.amount, 99 * 999 + 500 + 2 * 1050);
      assert.deepEqual(short.items[0]!.lineTotal, { amount: 99 * 999, currency: 'USD' });
      // Every answer that shows the cart says it, the change's answer too.
      const fixed = (await o.anonymous('PATCH', `/carts/${cart.id}/items/TEE-M`, { quantity: 14 })).json<CartJson>();
      assert.deepEqual(lines(fixed)[0], ['TEE-M', 14, true, null, 14]);
      // Inventory down: the cart is answered all the same, without stock.
      o.peers.down.add('inventory');
      try {
        const blind = await o.anonymous('GET', `/carts/${cart.id}`);
        assert.equal(blind.statusCode, 200);
        assert.deepEqual(lines(blind.json<CartJson>()), [
          ['TEE-M', 14, true, null, null],
          ['MUG', 1, true, null, null],
          ['TEE-S', 2, true, null, null],
        ]);
      } finally {
        o.peers.down.delete('inventory');
        o.peers.stock.clear();
      }
    });

    it('refuses every bad request with problem+json and changes nothing', async () => {
      const cart = await newCart();
      await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'TEE-S', quantity: 98 });
      const before = await snapshot();
      const cases: Array<[string, string, unknown, number, string?]> = [
        ['POST', `/carts/${cart.id}/items`, { sku: 'TEE-M', quantity: 0 }, 400],
        ['POST', `/carts/${cart.id}/items`, { sku: 'TEE-M', quantity: 100 }, 400],
        ['POST', `/carts/${cart.id}/items`, { sku: 'TEE-M', quantity: -1 }, 400],
        ['POST', `/carts/${cart.id}/items`, { sku: 'TEE-M', quantity: 1.5 }, 400],
        ['POST', `/carts/${cart.id}/items`, { sku: 'TEE-M', quantity: '2' }, 400],
        ['POST', `/carts/${cart.id}/items`, { sku: 'TEE-M' }, 400],
        ['POST', `/carts/${cart.id}/items`, { sku: 'TEE-M', quantity: 1, price: 1 }, 400],
        ['POST', `/carts/${cart.id}/items`, { sku: 'no such sku!', quantity: 1 }, 400],
        ['POST', `/carts/${cart.id}/items`, { sku: 'NOPE-1', quantity: 1 }, 422, 'unknown_sku'],
        ['POST', `/carts/${cart.id}/items`, { sku: 'DRAFT-1', quantity: 1 }, 422, 'product_unavailable'],
        ['POST', `/carts/${cart.id}/items`, { sku: 'DEL-1', quantity: 1 }, 422, 'product_unavailable'],
        ['POST', `/carts/${cart.id}/items`, { sku: 'TEE-S', quantity: 2 }, 422, 'quantity_limit'],
        ['POST', `/carts/${cart.id}/items`, 'not json', 400],
        ['PATCH', `/carts/${cart.id}/items/TEE-S`, { quantity: 0 }, 400],
        ['PATCH', `/carts/${cart.id}/items/TEE-S`, { quantity: 100 }, 400],
        ['PATCH', `/carts/${cart.id}/items/TEE-M`, { quantity: 1 }, 404],
        ['DELETE', `/carts/${cart.id}/items/TEE-M`, undefined, 404],
        ['PUT', `/carts/${cart.id}/shipping-country`, { country: 'germany' }, 400],
        ['PUT', `/carts/${cart.id}/shipping-country`, { country: 'DE', extra: true }, 400],
        ['POST', '/carts', { currency: 'usd' }, 400],
        ['POST', '/carts', { currency: 'BTC' }, 400],
        ['POST', '/carts', { currency: 'XTS' }, 400],
        ['POST', '/carts', { shippingCountry: 'XX' }, 400],
        ['PUT', `/carts/${cart.id}/shipping-country`, { country: 'XX' }, 400],
        ['PUT', `/carts/${cart.id}/shipping-country`, { country: 'UK' }, 400],
        ['POST', '/carts', { currency: 'USD', owner: 'me' }, 400],
        ['GET', '/carts/not-a-cart-id', undefined, 400],
      ];
      for (const [method, url, body, status, type] of cases) {
        const res = await o.anonymous(method, url, body);
        assert.equal(res.statusCode, status, `${method} ${url} ${JSON.stringify(body)}: ${res.body}`);
        if (type) assert.equal(res.json<{ type: string }>().type, `urn:mercato:problem:${type}`);
        assert.equal(await snapshot(), before, `${method} ${url} ${JSON.stringify(body)} changed the database`);
      }
    });

    it('holds at most 100 lines', async () => {
      const p = newId('prd');
      const skus = Array.from({ length: 101 }, (_, i) => `LINE-${i}`);
      await o.deliver(catalogEvent('ProductCreated', productFacts({ productId: p, variants: skus.map((s) => ({ sku: s, prices: { USD: 1 } })) }), at(0)));
      const cart = await newCart();
      for (const s of skus.slice(0, 100)) assert.equal((await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: s, quantity: 1 })).statusCode, 200);
      const before = await snapshot();
      const res = await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: skus[100], quantity: 1 });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json<{ type: string }>().type, 'urn:mercato:problem:too_many_lines');
      assert.equal(await snapshot(), before);
      // Adding to an existing line is still fine.
      assert.equal((await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: skus[0], quantity: 1 })).statusCode, 200);
    });

    it('adds up concurrent adds of one SKU', async () => {
      const cart = await newCart();
      const replies = await Promise.all(Array.from({ length: 8 }, () => o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'MUG', quantity: 2 })));
      assert.deepEqual(replies.map((r) => r.statusCode), Array(8).fill(200));
      assert.deepEqual((await o.anonymous('GET', `/carts/${cart.id}`)).json<CartJson>().items.map((i) => [i.sku, i.quantity]), [['MUG', 16]]);
    });

    it('is a capability: a random id is a 404', async () => {
      const res = await o.anonymous('GET', `/carts/crt_${randomBytes(24).toString('base64url')}`);
      assert.equal(res.statusCode, 404);
      assert.equal(res.json<{ type: string }>().type, 'urn:mercato:problem:not_found');
    });
  });

  describe('a user\'s cart', () => {
    it('is reachable only with its owner\'s token', async () => {
      const alice = newId('usr');
      const cart = await newCart({}, alice);
      assert.equal(cart.owned, true);
      assert.equal(cart.expiresAt, null);
      assert.equal((await o.as(alice)('POST', `/carts/${cart.id}/items`, { sku: 'MUG', quantity: 1 })).statusCode, 200);
      const before = await snapshot();
      for (const caller of [o.anonymous, o.as(newId('usr'))]) {
        assert.equal((await caller('GET', `/carts/${cart.id}`)).statusCode, 404);
        assert.equal((await caller('POST', `/carts/${cart.id}/items`, { sku: 'MUG', quantity: 1 })).statusCode, 404);
        assert.equal((await caller('DELETE', `/carts/${cart.id}/items/MUG`)).statusCode, 404);
        assert.equal((await caller('POST', `/carts/${cart.id}/merge`)).statusCode, caller === o.anonymous ? 401 : 404);
      }
      assert.equal(await snapshot(), before);
      // A signed-in user has one open cart: starting another returns it.
      const again = await o.as(alice)('POST', '/carts', {});
      assert.equal(again.statusCode, 200);
      assert.equal(again.json<CartJson>().id, cart.id);
      assert.equal((await o.as(alice)('POST', '/carts', { currency: 'EUR' })).json<{ type: string }>().type, 'urn:mercato:problem:currency_mismatch');
    });

    it('takes in a guest cart on login: quantities add up to at most 99, the guest cart closes', async () => {
      const bob = newId('usr');
      const mine = await newCart({}, bob);
      await o.as(bob)('POST', `/carts/${mine.id}/items`, { sku: 'TEE-S', quantity: 60 });
      await o.as(bob)('POST', `/carts/${mine.id}/items`, { sku: 'MUG', quantity: 1 });
      const guest = await newCart({ shippingCountry: 'US' });
      await o.anonymous('POST', `/carts/${guest.id}/items`, { sku: 'TEE-S', quantity: 50 });
      await o.anonymous('POST', `/carts/${guest.id}/items`, { sku: 'TEE-M', quantity: 2 });
      await o.anonymous('POST', `/carts/${guest.id}/items`, { sku: 'MUG', quantity: 3 });

      const res = await o.as(bob)('POST', `/carts/${guest.id}/merge`);
      assert.equal(res.statusCode, 200, res.body);
      const c = res.json<CartJson>();
      assert.equal(c.id, mine.id);
      assert.equal(c.shippingCountry, 'US');
      assert.deepEqual(
        c.items.map((i) => [i.sku, i.quantity]),
        [
          ['TEE-S', 99],
          ['MUG', 4],
          ['TEE-M', 2],
        ],
      );
      assert.equal((await o.anonymous('GET', `/carts/${guest.id}`)).statusCode, 404);
      assert.equal((await o.as(bob)('POST', `/carts/${guest.id}/merge`)).statusCode, 404);
    });

    it('adopts the guest cart when the user has none, and a retry changes nothing', async () => {
      const carol = newId('usr');
      const guest = await newCart();
      await o.anonymous('POST', `/carts/${guest.id}/items`, { sku: 'MUG', quantity: 2 });
      const res = await o.as(carol)('POST', `/carts/${guest.id}/merge`);
      assert.equal(res.statusCode, 200, res.body);
      const c = res.json<CartJson>();
      assert.deepEqual([c.id, c.owned, c.expiresAt, c.items.map((i) => [i.sku, i.quantity])], [guest.id, true, null, [['MUG', 2]]]);
      assert.equal((await o.anonymous('GET', `/carts/${guest.id}`)).statusCode, 404);
      assert.deepEqual((await o.as(carol)('POST', `/carts/${guest.id}/merge`)).json<CartJson>().items, c.items);
      assert.equal((await o.as(newId('usr'))('POST', `/carts/${guest.id}/merge`)).statusCode, 404);
    });

    it('does not merge carts in different currencies', async () => {
      const dan = newId('usr');
      await newCart({ currency: 'USD' }, dan);
      const guest = await newCart({ currency: 'EUR' });
      await o.anonymous('POST', `/carts/${guest.id}/items`, { sku: 'TEE-S', quantity: 1 });
      const before = await snapshot();
      const res = await o.as(dan)('POST', `/carts/${guest.id}/merge`);
      assert.equal(res.statusCode, 409);
      assert.equal(res.json<{ type: string }>().type, 'urn:mercato:problem:currency_mismatch');
      assert.equal(await snapshot(), before);
    });
  });

  describe('abandoned carts', () => {
    it('answer 404 once expired, and the sweeper removes them (and old merged carts), never a user\'s cart', async () => {
      const old = await newCart();
      await o.anonymous('POST', `/carts/${old.id}/items`, { sku: 'MUG', quantity: 1 });
      const fresh = await newCart();
      const ownerId = newId('usr');
      const owned = await newCart({}, ownerId);
      await o.svc.db.query(`UPDATE carts SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [cartTokenHash(old.id)]);
      assert.equal((await o.anonymous('GET', `/carts/${old.id}`)).statusCode, 404);
      assert.equal((await o.anonymous('POST', `/carts/${old.id}/items`, { sku: 'MUG', quantity: 1 })).statusCode, 404);
      assert.equal((await o.anonymous('GET', `/carts/${fresh.id}`)).statusCode, 200);
      const removed = await expireCarts(o.svc.db, 30);
      assert.ok(removed >= 1);
      assert.equal(await o.count(`SELECT count(*) AS n FROM carts WHERE status = 'open' AND expires_at <= now()`), 0);
      assert.equal(await o.count(`SELECT count(*) AS n FROM cart_items i LEFT JOIN carts c ON c.id = i.cart_id WHERE c.id IS NULL`), 0);
      assert.equal((await o.anonymous('GET', `/carts/${fresh.id}`)).statusCode, 200);
      assert.equal((await o.as(ownerId)('GET', `/carts/${owned.id}`)).statusCode, 200);
      // Merged guest carts are kept for the TTL after closing, then removed too.
      const merged = await o.count(`SELECT count(*) AS n FROM carts WHERE status = 'merged'`);
      assert.ok(merged >= 1);
      assert.equal(await expireCarts(o.svc.db, 30), 0);
      await o.svc.db.query(`UPDATE carts SET updated_at = now() - interval '31 days' WHERE status = 'merged'`);
      assert.equal(await expireCarts(o.svc.db, 30), merged);
      // A user's cart does not expire.
      assert.equal((await o.as(ownerId)('GET', `/carts/${owned.id}`)).statusCode, 200);
    });
  });
});

describe('carts with tax-inclusive prices', { skip: skipUnless('postgres') }, () => {
  let o: OrderUnderTest;
  before(async () => {
    o = await startOrder({ ...ENV, ORDER_PRICES_INCLUDE_TAX: 'true', ORDER_DEFAULT_CURRENCY: 'EUR' });
  });
  after(async () => {
    await o?.stop();
  });

  it('shows the tax inside the prices without adding it again (EUR and JPY)', async () => {
    const p = newId('prd');
    await o.deliver(catalogEvent('ProductCreated', productFacts({ productId: p, variants: [{ sku: 'INC-1', prices: { EUR: 1190, JPY: 1005 } }] }), at(0)));
    const eur = (await o.anonymous('POST', '/carts', { shippingCountry: 'DE' })).json<CartJson>();
    assert.equal(eur.currency, 'EUR');
    let c = (await o.anonymous('POST', `/carts/${eur.id}/items`, { sku: 'INC-1', quantity: 2 })).json<CartJson>();
    // 2380 × 0.19 / 1.19 = 380
    assert.deepEqual([c.totals.subtotal.amount, c.totals.shipping?.amount, c.totals.tax?.amount, c.totals.total.amount, c.totals.pricesIncludeTax], [2380, 1299, 380, 2380 + 1299, true]);
    const jpy = (await o.anonymous('POST', '/carts', { currency: 'JPY', shippingCountry: 'JP' })).json<CartJson>();
    c = (await o.anonymous('POST', `/carts/${jpy.id}/items`, { sku: 'INC-1', quantity: 1 })).json<CartJson>();
    // 1005 × 0.1 / 1.1 = 91.36 → 91
    assert.deepEqual([c.totals.subtotal.amount, c.totals.tax?.amount, c.totals.total.amount], [1005, 91, 1005 + 1500]);
  });

  it('refuses a bad configuration with one clear line', async () => {
    const { loadOrderConfig } = await import('../src/config.js');
    assert.throws(() => loadOrderConfig({ ORDER_TAX_RATES: '{"DE":19}' }), /ORDER_TAX_RATES\.DE must be a number from 0 to 1/);
    assert.throws(() => loadOrderConfig({ ORDER_SHIPPING_RATES: '{"US":{"USD":4.99}}' }), /ORDER_SHIPPING_RATES\.US\.USD/);
    assert.throws(() => loadOrderConfig({ ORDER_SHIPPING_RATES: 'nope' }), /ORDER_SHIPPING_RATES is not valid JSON/);
    assert.throws(() => loadOrderConfig({ ORDER_DEFAULT_CURRENCY: 'XXQ' }), /ORDER_DEFAULT_CURRENCY/);
    assert.throws(() => loadOrderConfig({ ORDER_CART_TTL_DAYS: '0' }), /ORDER_CART_TTL_DAYS/);
  });
});

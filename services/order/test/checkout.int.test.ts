import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';
import { idempotent, requestHash } from '../src/idempotency/idempotent.js';
import { bearer, catalogEvent, productFacts, startOrder, variantIdOf, type OrderUnderTest } from './support.js';

interface Money {
  amount: number;
  currency: string;
}
interface CheckoutJson {
  orderId: string;
  status: string;
  accessToken: string | null;
  totals: { subtotal: Money; shipping: Money; tax: Money; total: Money };
}

const ENV = {
  ORDER_SHIPPING_RATES: JSON.stringify({ US: { USD: 499 }, DE: { USD: 1499 } }),
  ORDER_TAX_RATES: JSON.stringify({ US: 0, DE: 0.19, '*': 0 }),
};
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const address = { name: 'Ada Lovelace', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' };
const usd = (amount: number) => ({ amount, currency: 'USD' });
let keys = 0;
const newKey = () => `key-${Date.now()}-${++keys}`;

describe('checkout on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let o: OrderUnderTest;
  const tee = newId('prd');
  const mug = newId('prd');
  const gone = newId('prd');

  /** Everything a refused checkout must leave as it was. */
  const snapshot = async () =>
    JSON.stringify(
      (
        await o.svc.db.query(
          `SELECT (SELECT coalesce(json_agg(c ORDER BY c.id), '[]') FROM carts c) AS carts,
                  (SELECT count(*) FROM orders) AS orders,
                  (SELECT count(*) FROM outbox) AS outbox`,
        )
      ).rows[0],
    );
  const cartWith = async (lines: Array<[string, number]>, userId?: string) => {
    const call = o.as(userId);
    const cart = (await call('POST', '/carts', { currency: 'USD' })).json<{ id: string }>();
    for (const [sku, quantity] of lines) assert.equal((await call('POST', `/carts/${cart.id}/items`, { sku, quantity })).statusCode, 200);
    return cart.id;
  };
  const body = (cartId: string, extra: Record<string, unknown> = {}) => ({
    cartId,
    shippingAddress: address,
    email: 'ada@example.com',
    payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' },
    ...extra,
  });
  const checkout = (b: unknown, key: string | null = newKey(), userId?: string, headers: Record<string, string> = {}) =>
    o.as(userId)('POST', '/checkout', b, { ...(key === null ? {} : { 'idempotency-key': key }), ...headers });
  const placed = async (orderId: string) =>
    (await o.svc.db.query<{ payload: { data: Record<string, unknown>; subject: string } }>(`SELECT payload FROM outbox WHERE type = 'OrderPlaced' AND subject = $1`, [orderId])).rows;

  before(async () => {
    o = await startOrder(ENV);
    await o.deliver(
      catalogEvent('ProductCreated', productFacts({ productId: tee, variants: [{ sku: 'TEE-S', prices: { USD: 1050 } }, { sku: 'TEE-M', prices: { USD: 999 } }] }), at(0)),
      catalogEvent('ProductCreated', productFacts({ productId: mug, title: 'Mug', variants: [{ sku: 'MUG', prices: { USD: 500 } }] }), at(0)),
      catalogEvent('ProductCreated', productFacts({ productId: gone, variants: [{ sku: 'GONE-1', prices: { USD: 700 } }] }), at(0)),
    );
  });
  after(async () => {
    await o?.stop();
  });

  it('places a guest order: 202, a snapshot, OrderPlaced in the same transaction, the cart closed', async () => {
    const cartId = await cartWith([['TEE-S', 3], ['MUG', 2]]);
    const res = await checkout(body(cartId, { billingAddress: { ...address, name: 'Billing Dept' } }));
    assert.equal(res.statusCode, 202, res.body);
    const answer = res.json<CheckoutJson>();
    assert.equal(answer.status, 'pending');
    assert.match(answer.orderId, /^ord_/);
    assert.match(answer.accessToken ?? '', /^otk_[A-Za-z0-9_-]{32}$/);
    // 3 × 1050 + 2 × 500 = 4150; DE: shipping 1499, tax 19 % per line: 599 + 190 = 789
    assert.deepEqual(answer.totals, { subtotal: usd(4150), shipping: usd(1499), tax: usd(789), total: usd(6438) });

    const row = (await o.svc.db.query('SELECT * FROM orders WHERE id = $1', [answer.orderId])).rows[0] as Record<string, unknown>;
    assert.equal(row.status, 'pending');
    assert.equal(row.user_id, null);
    assert.equal(row.email, 'ada@example.com');
    assert.equal(Number(row.total), 6438);
    assert.deepEqual(row.shipping_address, address);
    assert.equal((row.billing_address as { name: string }).name, 'Billing Dept');
    assert.deepEqual(row.payment, { provider: 'sandbox', paymentMethod: 'pm_card_visa' });
    assert.deepEqual(
      (row.lines as Array<{ sku: string; quantity: number; unitPrice: number }>).map((l) => [l.sku, l.quantity, l.unitPrice]),
      [['TEE-S', 3, 1050], ['MUG', 2, 500]],
    );
    assert.equal((row.access_token_hash as Buffer).length, 32);

    const events = await placed(answer.orderId);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.payload.data, {
      orderId: answer.orderId,
      userId: null,
      email: 'ada@example.com',
      lines: [
        { sku: 'TEE-S', productId: tee, variantId: variantIdOf('TEE-S'), title: 'Plain Tee', quantity: 3, unitPrice: usd(1050) },
        { sku: 'MUG', productId: mug, variantId: variantIdOf('MUG'), title: 'Mug', quantity: 2, unitPrice: usd(500) },
      ],
      total: usd(6438),
      // the guest's token travels to the notification service, for the link in the emails
      accessToken: answer.accessToken,
    });
    assert.equal(await o.count(`SELECT count(*) AS n FROM carts WHERE status = 'checked_out' AND shipping_country = 'DE'`), 1);
    assert.equal((await o.anonymous('GET', `/carts/${cartId}`)).statusCode, 404);

    // The same cart again, with another key: refused.
    const again = await checkout(body(cartId));
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'cart_checked_out');
  });

  it('answers a retry with the same key and body with the same answer, once', async () => {
    const cartId = await cartWith([['TEE-M', 1]]);
    const key = newKey();
    const first = await checkout(body(cartId), key);
    assert.equal(first.statusCode, 202, first.body);
    const second = await checkout({ ...body(cartId), email: 'ada@example.com' }, key);
    assert.equal(second.statusCode, 202);
    assert.deepEqual(second.json(), first.json());
    const { orderId } = first.json<CheckoutJson>();
    assert.equal(await o.count('SELECT count(*) AS n FROM orders WHERE cart_id = (SELECT cart_id FROM orders WHERE id = $1)', [orderId]), 1);
    assert.equal((await placed(orderId)).length, 1);

    const other = await checkout(body(cartId, { email: 'someone@example.com' }), key);
    assert.equal(other.statusCode, 422);
    assert.equal(other.json().code, 'idempotency_key_reused');
  });

  it('lets exactly one of ten concurrent requests with one key place the order', async () => {
    const cartId = await cartWith([['TEE-S', 1]]);
    const key = newKey();
    const before = await o.count(`SELECT count(*) AS n FROM outbox WHERE type = 'OrderPlaced'`);
    const replies = await Promise.all(Array.from({ length: 10 }, () => checkout(body(cartId), key)));
    const codes = replies.map((r) => r.statusCode);
    assert.ok(codes.every((c) => c === 202 || c === 409), codes.join(','));
    const accepted = replies.filter((r) => r.statusCode === 202).map((r) => r.json<CheckoutJson>().orderId);
    assert.ok(accepted.length >= 1);
    assert.equal(new Set(accepted).size, 1);
    for (const r of replies.filter((x) => x.statusCode === 409)) assert.equal(r.json().code, 'request_in_flight');
    assert.equal(await o.count(`SELECT count(*) AS n FROM outbox WHERE type = 'OrderPlaced'`), before + 1);
    assert.equal(await o.count('SELECT count(*) AS n FROM orders WHERE id = $1', [accepted[0]]), 1);
  });

  it('refuses bad requests and writes nothing', async () => {
    const cartId = await cartWith([['TEE-S', 1]]);
    const empty = await cartWith([]);
    const unavailable = await cartWith([['GONE-1', 1]]);
    await o.deliver(catalogEvent('ProductDeleted', { productId: gone, skus: ['GONE-1'] }, at(1)));
    const keysBefore = await o.count('SELECT count(*) AS n FROM idempotency_keys');
    const state = await snapshot();

    const cases: Array<[string, Reply, number, string]> = [
      ['no key', await checkout(body(cartId), null), 400, 'invalid_data'],
      ['too long a key', await checkout(body(cartId), 'k'.repeat(256)), 400, 'invalid_data'],
      ['an unknown field', await checkout(body(cartId, { coupon: 'FREE' })), 400, 'invalid_data'],
      ['an unknown address field', await checkout(body(cartId, { shippingAddress: { ...address, floor: 3 } })), 400, 'invalid_data'],
      ['a bad country', await checkout(body(cartId, { shippingAddress: { ...address, country: 'Germany' } })), 400, 'invalid_data'],
      ['a country that is not assigned', await checkout(body(cartId, { shippingAddress: { ...address, country: 'XX' } })), 400, 'invalid_data'],
      ['a NUL in a text field', await checkout(body(cartId, { shippingAddress: { ...address, line1: '1 Main\u0000St' } })), 400, 'invalid_data'],
      ['a bad email', await checkout(body(cartId, { email: 'nope' })), 400, 'invalid_data'],
      ['a bad provider', await checkout(body(cartId, { payment: { provider: 'cash', paymentMethod: 'x' } })), 400, 'invalid_data'],
      ['a provider the shop does not take', await checkout(body(cartId, { payment: { provider: 'stripe', paymentMethod: 'pm_1Nv0' } })), 422, 'payment_provider_unavailable'],
      ['a sandbox method that is no test card', await checkout(body(cartId, { payment: { provider: 'sandbox', paymentMethod: 'pm_card_bogus' } })), 422, 'payment_method_invalid'],
      ['an unknown cart', await checkout(body(`crt_${'A'.repeat(32)}`)), 404, 'not_found'],
      ['an empty cart', await checkout(body(empty)), 422, 'empty_cart'],
      ['an unavailable line', await checkout(body(unavailable)), 422, 'lines_unavailable'],
      ['no shipping to the country', await checkout(body(cartId, { shippingAddress: { ...address, country: 'FR' } })), 422, 'no_shipping_to_country'],
      ["someone else's cart", await checkout(body(await cartWith([['MUG', 1]], newId('usr'))), newKey(), newId('usr')), 404, 'not_found'],
      ['a guest without email', await checkout(body(cartId, { email: undefined })), 400, 'invalid_data'],
      ['a guest naming a saved address', await checkout(body(cartId, { shippingAddress: undefined, shippingAddressId: newId('adr') })), 400, 'invalid_data'],
      ['no shipping address at all', await checkout(body(cartId, { shippingAddress: undefined })), 400, 'invalid_data'],
      ['an address and an address id', await checkout(body(cartId, { shippingAddressId: newId('adr') }), newKey(), newId('usr')), 400, 'invalid_data'],
    ];
    for (const [what, res, status, code] of cases) {
      assert.equal(res.statusCode, status, `${what}: ${res.body}`);
      assert.equal(res.json().code, code, what);
    }
    // The other user's cart above is the only change; no order, no event.
    assert.equal(JSON.parse(await snapshot()).orders, JSON.parse(state).orders);
    assert.equal(JSON.parse(await snapshot()).outbox, JSON.parse(state).outbox);
    // Refusals after validation are remembered under their key (7 of them); 400s claim nothing.
    assert.equal(await o.count('SELECT count(*) AS n FROM idempotency_keys'), keysBefore + 7);
    assert.equal(await o.count(`SELECT count(*) AS n FROM idempotency_keys WHERE status = 'in_flight'`), 0);
  });

  it('answers a stored refusal again to a retry with the same key', async () => {
    const empty = await cartWith([]);
    const key = newKey();
    const first = await checkout(body(empty), key);
    assert.equal(first.statusCode, 422);
    await o.as(undefined)('POST', `/carts/${empty}/items`, { sku: 'TEE-S', quantity: 1 });
    const retry = await checkout(body(empty), key);
    assert.equal(retry.statusCode, 422);
    assert.equal(retry.json().code, 'empty_cart');
    assert.equal((await checkout(body(empty))).statusCode, 202);
  });

  it('releases the claim on a failure that is not a refusal, and takes over a claim abandoned by a crash', async () => {
    const scope = { scope: 'guest', key: newKey() };
    await assert.rejects(
      idempotent(o.svc.db, scope, { a: 1 }, () => Promise.reject(new Error('database went away'))),
      /database went away/,
    );
    assert.equal(await o.count('SELECT count(*) AS n FROM idempotency_keys WHERE key = $1', [scope.key]), 0);
    const answer = await idempotent(o.svc.db, scope, { a: 1 }, async (commit) => {
      const a = { status: 202, body: { ok: true } };
      await o.svc.db.tx((tx) => commit(tx, a));
      return a;
    });
    assert.equal(answer.status, 202);

    const cartId = await cartWith([['MUG', 1]]);
    const key = newKey();
    // A claim whose process died two minutes ago: a retry proceeds.
    await o.svc.db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status, claimed_at) VALUES ('guest', $1, '\\x00', 'in_flight', now() - interval '2 minutes')`,
      [key],
    );
    assert.equal((await checkout(body(cartId), key)).statusCode, 202);
    // A fresh claim still in flight: 409 for the same body, 422 for another.
    const busy = newKey();
    const b = body(await cartWith([['MUG', 1]]));
    await o.svc.db.query(`INSERT INTO idempotency_keys (scope, key, request_hash, status) VALUES ('guest', $1, $2, 'in_flight')`, [busy, requestHash(b)]);
    const inFlight = await checkout(b, busy);
    assert.equal(inFlight.statusCode, 409);
    assert.equal(inFlight.json().code, 'request_in_flight');
    assert.equal((await checkout({ ...b, email: 'other@example.com' }, busy)).statusCode, 422);
    // Expired keys are forgotten: the claim replaces them.
    await o.svc.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    assert.equal((await checkout(body(await cartWith([['MUG', 1]])), key)).statusCode, 202);
  });

  it('takes a signed-in buyer\'s email from their profile and a saved address by id, asked with their own token', async () => {
    const buyer = newId('usr');
    const saved = (id: string, over: Record<string, unknown> = {}) => ({ id, name: 'Ada Lovelace', line1: '12 St James Sq', line2: null, city: 'London', region: null, postalCode: 'SW1Y 4JH', country: 'US', phone: '+44 20 7946 0000', ...over });
    const home = saved(newId('adr'));
    const office = saved(newId('adr'), { name: 'Ada (office)', line2: 'Floor 2' });
    o.peers.emails.set(buyer, 'ada@profile.example');
    o.peers.addresses.set(buyer, [home, office]);
    const mine = (extra: Record<string, unknown> = {}) => ({ cartId: '', payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' }, ...extra });
    const sentBy = (path: string) => o.peers.seen.filter((s) => s.path === path).map((s) => JSON.parse(Buffer.from(s.authorization!.split('.')[1]!, 'base64url').toString()).sub as string);

    // Someone else's address (or none with that id): 422, nothing placed, the cart still open.
    const cartId = await cartWith([['MUG', 2]], buyer);
    const state = await snapshot();
    const foreign = await checkout({ ...mine(), cartId, shippingAddressId: newId('adr') }, newKey(), buyer);
    assert.equal(foreign.statusCode, 422, foreign.body);
    assert.equal(foreign.json().code, 'address_not_found');
    assert.equal(await snapshot(), state);

    const res = await checkout({ ...mine(), cartId, shippingAddressId: home.id, billingAddressId: office.id }, newKey(), buyer);
    assert.equal(res.statusCode, 202, res.body);
    const { orderId, accessToken } = res.json<CheckoutJson>();
    assert.equal(accessToken, null);
    const row = (await o.svc.db.query<{ email: string; shipping_address: unknown; billing_address: unknown }>('SELECT email, shipping_address, billing_address FROM orders WHERE id = $1', [orderId])).rows[0]!;
    assert.equal(row.email, 'ada@profile.example');
    assert.deepEqual(row.shipping_address, { name: 'Ada Lovelace', line1: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'US', phone: '+44 20 7946 0000' });
    assert.deepEqual(row.billing_address, { name: 'Ada (office)', line1: '12 St James Sq', line2: 'Floor 2', city: 'London', postalCode: 'SW1Y 4JH', country: 'US', phone: '+44 20 7946 0000' });
    assert.equal((await placed(orderId))[0]!.payload.data.email, 'ada@profile.example');
    // The user service was asked as the buyer, never as anyone else.
    assert.deepEqual([...new Set([...sentBy('/users/me'), ...sentBy(`/users/me/addresses/${home.id}`)])], [buyer]);

    // An email in the body wins, and needs no call for it.
    const calls = sentBy('/users/me').length;
    const own = await checkout({ ...mine(), cartId: await cartWith([['MUG', 1]], buyer), shippingAddress: address, email: 'ada@work.example' }, newKey(), buyer);
    assert.equal(own.statusCode, 202, own.body);
    assert.equal(sentBy('/users/me').length, calls);

    // No profile yet and no email sent: the buyer is told to send it.
    const newcomer = newId('usr');
    const noProfile = await checkout({ ...mine(), cartId: await cartWith([['MUG', 1]], newcomer), shippingAddress: address }, newKey(), newcomer);
    assert.equal(noProfile.statusCode, 400, noProfile.body);
    assert.deepEqual(noProfile.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer), ['/email']);
  });

  it('answers 503 while the user service is down, and the same key places the order once it is back', async () => {
    const buyer = newId('usr');
    o.peers.emails.set(buyer, 'bo@profile.example');
    const b = { cartId: await cartWith([['MUG', 1]], buyer), shippingAddress: address, payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' } };
    const key = newKey();
    o.peers.down.add('user');
    try {
      const down = await checkout(b, key, buyer);
      assert.equal(down.statusCode, 503, down.body);
      assert.equal(await o.count('SELECT count(*) AS n FROM idempotency_keys WHERE key = $1', [key]), 0, 'the claim is released');
    } finally {
      o.peers.down.delete('user');
    }
    const back = await checkout(b, key, buyer);
    assert.equal(back.statusCode, 202, back.body);
  });

  it('refuses a cart whose prices changed until the lines are confirmed', async () => {
    const cartId = await cartWith([['TEE-M', 2]]);
    await o.deliver(catalogEvent('PriceChanged', { productId: tee, variantId: variantIdOf('TEE-M'), sku: 'TEE-M', price: usd(1099), previous: usd(999) }, at(2)));
    const refused = await checkout(body(cartId));
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().code, 'prices_changed');
    assert.deepEqual(refused.json().skus, ['TEE-M']);
    assert.equal((await o.anonymous('PATCH', `/carts/${cartId}/items/TEE-M`, { quantity: 2 })).statusCode, 200);
    const ok = await checkout(body(cartId));
    assert.equal(ok.statusCode, 202, ok.body);
    assert.equal(ok.json<CheckoutJson>().totals.subtotal.amount, 2198);
  });

  it('lets a guest read their order with its token and nobody else', async () => {
    const cartId = await cartWith([['MUG', 1]]);
    const { orderId, accessToken } = (await checkout(body(cartId))).json<CheckoutJson>();
    const mine = await o.anonymous('GET', `/orders/${orderId}?token=${accessToken}`);
    assert.equal(mine.statusCode, 200, mine.body);
    const order = mine.json<{ id: string; status: string; items: unknown[]; totals: { total: Money }; payment: { provider: string; paymentId: unknown; paid: Money }; history: unknown[] }>();
    assert.equal(order.status, 'pending');
    assert.equal(order.items.length, 1);
    assert.equal(order.payment.provider, 'sandbox');
    assert.equal(order.payment.paymentId, null);
    assert.deepEqual(order.payment.paid, usd(0));
    assert.deepEqual(
      order.history.map((h) => (h as { to: string }).to),
      ['pending'],
    );
    assert.equal(JSON.stringify(order).includes('pm_card'), false, 'the payment method reference is never shown');
    assert.equal((await o.anonymous('GET', `/orders/${orderId}`, undefined, { 'x-order-token': accessToken! })).statusCode, 200);
    assert.equal((await o.anonymous('GET', `/orders/${orderId}`)).statusCode, 404);
    assert.equal((await o.anonymous('GET', `/orders/${orderId}?token=otk_${'A'.repeat(32)}`)).statusCode, 404);
    assert.equal((await o.as(newId('usr'))('GET', `/orders/${orderId}`)).statusCode, 404);
    assert.equal((await o.anonymous('GET', `/orders/${newId('ord')}?token=${accessToken}`)).statusCode, 404);
    assert.equal((await o.anonymous('GET', `/orders/${orderId}`, undefined, bearer(newId('usr'), ['support']))).statusCode, 200);
  });

  it("lets a signed-in buyer read their own order (no access token)", async () => {
    const user = newId('usr');
    const cartId = await cartWith([['TEE-S', 1]], user);
    const res = await checkout(body(cartId), newKey(), user);
    assert.equal(res.statusCode, 202, res.body);
    const { orderId, accessToken } = res.json<CheckoutJson>();
    assert.equal(accessToken, null);
    assert.equal((await o.as(user)('GET', `/orders/${orderId}`)).statusCode, 200);
    assert.equal((await o.as(newId('usr'))('GET', `/orders/${orderId}`)).statusCode, 404);
    assert.equal(((await o.svc.db.query('SELECT user_id FROM orders WHERE id = $1', [orderId])).rows[0] as { user_id: string }).user_id, user);
    // Keys are per user: the same key from another user is another request.
    assert.equal((await checkout(body(await cartWith([['MUG', 1]])), 'shared-key', newId('usr'))).statusCode, 202);
  });

  it('holds the answer under Prefer: wait=1 and answers pending when nothing settles', async () => {
    const cartId = await cartWith([['MUG', 1]]);
    const started = Date.now();
    const res = await checkout(body(cartId), newKey(), undefined, { prefer: 'wait=1' });
    const took = Date.now() - started;
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.json<CheckoutJson>().status, 'pending');
    assert.equal(res.headers['preference-applied'], 'wait=1');
    assert.ok(took >= 950 && took < 3000, `took ${took} ms`);
  });
});

type Reply = Awaited<ReturnType<OrderUnderTest['anonymous']>>;

describe('checkout while the payment service cannot be read', { skip: skipUnless('postgres') }, () => {
  let o: OrderUnderTest;
  const product = newId('prd');
  before(async () => {
    o = await startOrder(ENV);
    await o.deliver(catalogEvent('ProductCreated', productFacts({ productId: product, variants: [{ sku: 'CAP-1', prices: { USD: 1500 } }] }), at(0)));
  });
  after(async () => {
    await o?.stop();
  });

  it('answers 503 payment_unavailable with Retry-After and places nothing, then takes the same key once payment answers', async () => {
    const cart = (await o.anonymous('POST', '/carts', { currency: 'USD' })).json<{ id: string }>();
    assert.equal((await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'CAP-1', quantity: 1 })).statusCode, 200);
    const request = { cartId: cart.id, shippingAddress: address, email: 'ada@example.com', payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' } };
    o.peers.down.add('payment');
    const down = await o.anonymous('POST', '/checkout', request, { 'idempotency-key': 'key-payment-down' });
    assert.equal(down.statusCode, 503);
    assert.equal(down.json().code, 'payment_unavailable');
    assert.equal(down.headers['retry-after'], '5');
    assert.equal(await o.count('SELECT count(*) AS n FROM orders'), 0);
    o.peers.down.delete('payment');
    const placed = await o.anonymous('POST', '/checkout', request, { 'idempotency-key': 'key-payment-down' });
    assert.equal(placed.statusCode, 202, placed.body);
    assert.equal(await o.count('SELECT count(*) AS n FROM orders'), 1);
  });
});

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually } from '@mercato/chassis/testing';
import { startEmbedded, type EmbeddedPlatform } from '../e2e/support/embedded.js';

// What an outside probe of a fresh `npm start` found open, tried again: the operator endpoints
// through encoded paths, control characters and forged cursors that answered 500, the sandbox
// and unknown currencies and countries, a reset that left access tokens working, missing
// headers. One embedded platform, every port of its own, through the gateway and on the
// services' own ports.

const OPS_TOKEN = 'security-suite-operator-token-0123456789';
const json = { 'content-type': 'application/json' };
const PASSWORD = 'a long and unusual passphrase';

interface Problem {
  code: string;
  status: number;
}

describe('the hardened platform, probed from outside', () => {
  let p: EmbeddedPlatform;
  const api = () => p.api;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api()}${path}`, { method: 'POST', headers: { ...json, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const register = async (email: string) => {
    const res = await post('/auth/register', { email, password: PASSWORD, name: email.split('@')[0] });
    assert.equal(res.status, 201, await res.clone().text());
    const tokens = (await res.json()) as { accessToken: string; refreshToken: string };
    await eventually(async () => (await fetch(`${api()}/users/me`, { headers: bearer(tokens.accessToken) })).status === 200, 15_000, 100);
    return tokens;
  };

  before(async () => {
    p = await startEmbedded({ OPS_TOKEN, AUTH_SCRYPT_N: '1024', GATEWAY_RATE_LIMIT_IP: '100000/min', AUTH_REGISTER_IP_LIMIT: '100' });
  });
  after(async () => {
    await p?.close();
  });

  it('guards /ops on every service port by its route: encoded, doubled and mixed-case paths, GET and the replay POST', async () => {
    const spellings = ['/ops/dead-letters', '/%6fps/dead-letters', '/%6Fps/dead-letters', '/o%70s/dead-letters', '//ops/dead-letters', '/ops//dead-letters', '/OPS/dead-letters', '/ops/%64ead-letters', '/ops/dead-letters/'];
    const services = Object.entries(p.services);
    assert.equal(services.length, 8);
    for (const [name, base] of services) {
      for (const path of spellings) {
        const routes = [['GET', '', undefined], ['GET', '/1', undefined], ['GET', '/counts', undefined], ['POST', '/replay', '{"all":true}'], ['POST', '/discard', '{"ids":[1]}']] as const;
        for (const [method, suffix, body] of routes) {
          const url = `${base}${path.replace(/\/$/, '')}${suffix}`;
          const res = await fetch(url, { method, headers: body ? json : {}, body });
          assert.ok([401, 404, 405].includes(res.status), `${name}: ${method} ${url} answered ${res.status}`);
        }
      }
      // The operator, with the token, by any spelling the router takes.
      const ok = await fetch(`${base}/%6fps/dead-letters`, { headers: bearer(OPS_TOKEN) });
      assert.equal(ok.status, 200, name);
    }
  });

  it('answers NUL bytes in any text field with 400 problem+json (18 cases in auth, user and catalog)', async () => {
    const me = await register('nul@example.com');
    const auth = bearer(me.accessToken);
    const N = '\u0000';
    const cases: [string, string, unknown, Record<string, string>?][] = [
      ['POST', '/auth/register', { email: 'x@example.com', password: `${PASSWORD}${N}`, name: 'X' }],
      ['POST', '/auth/register', { email: 'y@example.com', password: PASSWORD, name: `Y${N}` }],
      ['POST', '/auth/register', { email: `z${N}@example.com`, password: PASSWORD, name: 'Z' }],
      ['POST', '/auth/login', { email: `nul${N}@example.com`, password: PASSWORD }],
      ['POST', '/auth/login', { email: 'nul@example.com', password: `${N}` }],
      ['POST', '/auth/refresh', { refreshToken: `abc${N}` }],
      ['POST', '/auth/logout', { refreshToken: `abc${N}` }],
      ['POST', '/auth/password/forgot', { email: `nul${N}@example.com` }],
      ['POST', '/auth/password/reset', { token: `t${N}`, password: PASSWORD }],
      ['POST', '/auth/email/verify', { token: `t${N}` }],
      ['POST', '/auth/email/verify/resend', { email: `nul@example.com${N}` }],
      ['PATCH', '/users/me', { name: `Nul${N}` }, auth],
      ['POST', '/users/me/addresses', { name: 'Nul', line1: `1 Main${N}St`, city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' }, auth],
      ['POST', '/users/me/addresses', { name: 'Nul', line1: '1 Main St', city: `Leeds${N}`, postalCode: 'LS1 1AA', country: 'GB' }, auth],
      ['GET', `/products?q=shirt%00`, undefined],
      ['GET', `/products?category=sh%00irts`, undefined],
      ['GET', `/products/blue%00shirt`, undefined],
      ['GET', `/users?email=a%00`, undefined, auth],
    ];
    assert.equal(cases.length, 18);
    for (const [method, path, body, headers] of cases) {
      const res = await fetch(`${api()}${path}`, { method, headers: { ...(body ? json : {}), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      // /users is an admin route: a customer is refused before the query matters; never a 500.
      const expected = path.startsWith('/users?') ? [400, 403] : [400];
      assert.ok(expected.includes(res.status), `${method} ${path}: ${res.status} ${text}`);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, path);
      if (res.status === 400) assert.equal((JSON.parse(text) as Problem).code, 'invalid_data', `${method} ${path}`);
    }
  });

  it('answers 7 forged catalog cursors with 400, never a 500 from an SQL cast', async () => {
    const page = (await (await fetch(`${api()}/products?sort=price_asc&limit=1`)).json()) as { nextCursor: string };
    const [, , id] = JSON.parse(Buffer.from(page.nextCursor, 'base64url').toString()) as [string, unknown[], string];
    const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const forged: [string, unknown][] = [
      ['price_asc', ['price_asc', ['abc'], id]],
      ['price_desc', ['price_desc', [12.5], id]],
      ['price_asc', ['price_asc', [1e300], id]],
      ['newest', ['newest', ['not a time'], id]],
      ['rating', ['rating', [4.5, 1e12], id]],
      ['relevance&q=shirt', ['relevance', ['high'], id]],
      ['price_asc', ['price_asc', [100], `${id}'--`]],
    ];
    for (const [sort, cursor] of forged) {
      const res = await fetch(`${api()}/products?sort=${sort}&cursor=${forge(cursor)}`);
      assert.equal(res.status, 400, `${sort} ${JSON.stringify(cursor)}`);
      assert.equal(((await res.json()) as Problem).code, 'invalid_data');
    }
  });

  it('offers the sandbox in the embedded demo and refuses at checkout a provider the shop does not take, a currency or a country that does not exist', async () => {
    const providers = (await (await fetch(`${api()}/payments/providers`)).json()) as { providers: { name: string; paymentMethods: { id: string }[] }[] };
    assert.deepEqual(providers.providers.map((x) => x.name), ['sandbox']);
    assert.ok(providers.providers[0]!.paymentMethods.some((m) => m.id === 'pm_card_visa'));

    assert.equal((await post('/carts', { currency: 'BTC' })).status, 400);
    const cart = (await (await post('/carts', { currency: 'USD' })).json()) as { id: string };
    const list = (await (await fetch(`${api()}/products?limit=1&currency=USD`)).json()) as { items: { slug: string }[] };
    const product = (await (await fetch(`${api()}/products/${list.items[0]!.slug}`)).json()) as { variants: { sku: string }[] };
    // The order service learns the demo catalog through events: the SKU may take a moment to arrive.
    await eventually(async () => (await post(`/carts/${cart.id}/items`, { sku: product.variants[0]!.sku, quantity: 1 })).status === 200, 15_000, 200);
    const address = { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' };
    const checkout = (body: Record<string, unknown>, key: string) =>
      post('/checkout', { cartId: cart.id, shippingAddress: address, email: 'ada@example.com', payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' }, ...body }, { 'idempotency-key': key });
    const stripe = await checkout({ payment: { provider: 'stripe', paymentMethod: 'pm_1Nv' } }, 'sec-stripe');
    assert.equal(stripe.status, 422);
    assert.equal(((await stripe.json()) as Problem).code, 'payment_provider_unavailable');
    const xx = await checkout({ shippingAddress: { ...address, country: 'XX' } }, 'sec-xx');
    assert.equal(xx.status, 400);
  });

  it('revokes the access tokens of a user who resets the password, at the gateway and in the services, within seconds', async () => {
    const victim = await register('reset.me@example.com');
    const old = bearer(victim.accessToken);
    assert.equal((await fetch(`${api()}/users/me`, { headers: old })).status, 200);
    assert.equal((await post('/auth/password/forgot', { email: 'reset.me@example.com' })).status, 202);
    const mailbox = join(p.dir, 'data', 'mailbox');
    const token = await eventually(async () => {
      for (const f of await readdir(mailbox).catch(() => [] as string[])) {
        const text = (await readFile(join(mailbox, f), 'utf8')).replace(/=\r?\n/g, '').replace(/=3D/g, '=');
        const m = /reset\?token=([A-Za-z0-9_-]{43})/.exec(text);
        if (m && text.includes('reset.me@example.com')) return m[1];
      }
      return undefined;
    }, 15_000, 200);
    assert.equal((await post('/auth/password/reset', { token, password: 'another long passphrase 42' })).status, 204);
    await eventually(async () => (await fetch(`${api()}/users/me`, { headers: old })).status === 401, 15_000, 250);
    // A service verifying the token itself refuses it too (its own port, not the gateway).
    await eventually(async () => (await fetch(`${p.services.user}/users/me`, { headers: old })).status === 401, 15_000, 250);
    const fresh = (await (await post('/auth/login', { email: 'reset.me@example.com', password: 'another long passphrase 42' })).json()) as { accessToken: string };
    assert.equal((await fetch(`${api()}/users/me`, { headers: bearer(fresh.accessToken) })).status, 200);
  });

  it('sends nosniff, Referrer-Policy and no-store where they belong, and 431 as problem+json', async () => {
    const me = await register('headers@example.com');
    const mine = await fetch(`${api()}/users/me`, { headers: bearer(me.accessToken) });
    assert.equal(mine.headers.get('cache-control'), 'no-store');
    const gatewayOwn = await fetch(`${api()}/nowhere`);
    const proxied = await fetch(`${api()}/products?limit=1`);
    for (const res of [mine, gatewayOwn, proxied]) {
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    }
    const big = await fetch(`${api()}/products`, { headers: { 'x-filler': 'a'.repeat(20_000) } });
    assert.equal(big.status, 431);
    assert.match(big.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(((await big.json()) as Problem).code, 'headers_too_large');
  });
});

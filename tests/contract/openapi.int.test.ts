import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { problemCodesOf } from '@mercato/chassis';
import { eventually } from '@mercato/chassis/testing';
import { startEmbedded, type EmbeddedPlatform } from '../e2e/support/embedded.js';
import { sql } from '../e2e/support/shop.js';
import { ACCEPTED_WARNINGS, lintOpenApi, unexpected } from './openapi-lint.js';
import { listedEndpoints, templateOf } from './readme-endpoints.js';

// The public API as its document describes it, held to what it does. One embedded platform
// (`npm start`, every service, the gateway) answers; the merged OpenAPI document is read from the
// gateway, linted with Redocly's recommended rules, checked for what every operation must declare,
// and then every operation is called for real — a pass over all of them (anonymous, a bad token,
// a customer on staff routes) and a shop's whole life (accounts, catalog, stock, carts,
// checkout, payment, shipping, refunds) — and each answer's status, and its problem `code`, must
// be among those the document lists for that operation.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ADMIN = { email: 'owner@example.com', password: 'contract-owner-passphrase-42' };
const PASSWORD = 'a long and unusual passphrase';

/**
 * Every operation of the API when this test was written. Each must stay in the document under its
 * id (a generated client names its methods by them) and be called here with a success and an
 * error answer. An operation added later that is not listed is still called by the pass over
 * all operations; the test names it, so its flow can be added below.
 */
const OPERATIONS = [
  'getOpenApiDocument',
  'register', 'login', 'refreshTokens', 'logout', 'requestPasswordReset', 'resetPassword', 'changePassword', 'verifyEmail', 'resendEmailVerification', 'getJwks', 'startOAuthSignIn', 'completeOAuthSignIn',
  'getMe', 'updateMe', 'listMyAddresses', 'addMyAddress', 'getMyAddress', 'updateMyAddress', 'deleteMyAddress', 'listUsers', 'setUserRoles',
  'listProducts', 'getProduct', 'createProduct', 'updateProduct', 'deleteProduct', 'addVariant', 'updateVariant', 'deleteVariant', 'setVariantPrice', 'removeVariantPrice',
  'importProducts', 'getCategoryTree', 'getCategory', 'createCategory', 'updateCategory', 'deleteCategory', 'getDemoImage',
  'getAvailability', 'getStock', 'adjustStock', 'setStockThreshold', 'listWarehouses', 'createWarehouse', 'updateWarehouse',
  'createCart', 'getCart', 'addCartItem', 'setCartItemQuantity', 'removeCartItem', 'setCartShippingCountry', 'mergeCart',
  'checkout', 'getOrder', 'listOrders', 'cancelOrder', 'shipOrder', 'deliverOrder', 'refundOrder',
  'getPayment', 'listOrderPayments', 'refundPayment', 'getSandboxAuthenticationPage', 'completeSandboxAuthentication', 'failSandboxAuthentication', 'getRazorpayCheckoutPage',
  'receiveStripeWebhook', 'receiveRazorpayWebhook',
  // The back office.
  'uploadImage', 'getImage', 'getImageFile', 'getCustomer', 'getOrderStats', 'listStock', 'listStockMovements',
  'listServiceHealth', 'listDeadLetters', 'getDeadLetter', 'replayDeadLetters', 'discardDeadLetters',
];

/** A small PNG, for the image upload. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAASUlEQVRYhe2WAQkAQAwCF8c4xr5YH2PPOFgAET03NF/drCtAQdGhmiFsWdbxg2CMDtUMYcuyDiF80KJDNUPYssihCMY6HRwe1wfOEYBq9M6Y7gAAAABJRU5ErkJggg==',
  'base64',
);

/** Operations whose success needs what this platform is not given, and where it is proven instead. */
const NO_SUCCESS_HERE: Record<string, string> = {
  startOAuthSignIn: 'needs a Google or Facebook client; services/auth/test/oauth.int.test.ts signs in against a stand-in provider',
  completeOAuthSignIn: 'the same',
  getRazorpayCheckoutPage: 'needs Razorpay keys; services/payment/test/providers.int.test.ts',
  receiveStripeWebhook: "needs the provider's webhook secret; services/payment/test/providers.int.test.ts",
  receiveRazorpayWebhook: 'the same',
};
/** Operations that take no input and no token: nothing a caller sends can be wrong. */
const NO_ERROR_PATH = new Set(['getJwks', 'getOpenApiDocument']);

interface Operation {
  id: string;
  method: string;
  path: string;
  op: Json;
}
interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | string[]>;
  body?: unknown;
  form?: Record<string, string>;
  /** A body sent as it is, with its type. */
  raw?: { type: string; data: Buffer };
  token?: string;
  headers?: Record<string, string>;
}
interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: Json;
}

describe('the public API against its OpenAPI document', () => {
  let platform: EmbeddedPlatform;
  let gateway: string;
  let doc: Json;
  const operations = new Map<string, Operation>();
  const seen: { id: string; status: number }[] = [];

  /** The documented response for a status: exact, else its range (4XX, 5XX), with a $ref followed. */
  const documented = (op: Json, status: number): Json | undefined => {
    const r = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`];
    if (r && typeof r.$ref === 'string') return doc.components.responses[r.$ref.split('/').pop()];
    return r;
  };

  /** Calls an operation by its id, as a generated client would, and holds the answer to the document. */
  async function call(id: string, o: CallOptions = {}): Promise<Answer> {
    const operation = operations.get(id);
    assert.ok(operation, `the document has no operation ${id}`);
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      assert.ok(o.params?.[name] !== undefined, `${id}: no value for {${name}}`);
      return encodeURIComponent(o.params[name]);
    });
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(o.query ?? {})) for (const one of Array.isArray(v) ? v : [v]) query.append(k, one);
    const headers: Record<string, string> = { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers };
    let body: string | Buffer | undefined;
    if (o.raw) {
      headers['content-type'] = o.raw.type;
      body = o.raw.data;
    } else if (o.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(o.form).toString();
    } else if (o.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    const res = await fetch(`${gateway}${path}${query.size > 0 ? `?${query}` : ''}`, { method: operation.method.toUpperCase(), headers, body, redirect: 'manual' });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') && text ? (JSON.parse(text) as Json) : {};
    seen.push({ id, status: res.status });
    const response = documented(operation.op, res.status);
    assert.ok(response, `${id} answered ${res.status}, which its document does not list (${Object.keys(operation.op.responses).join(', ')}): ${text.slice(0, 300)}`);
    if (type.startsWith('application/problem+json')) {
      const codes = problemCodesOf(response);
      assert.ok(codes.includes(parsed.code), `${id} answered ${res.status} ${parsed.code}, which its document does not list (${codes.join(', ')})`);
    }
    return { status: res.status, headers: res.headers, text, body: parsed };
  }

  /** `call`, asserting the status. */
  async function expect(status: number, id: string, o: CallOptions = {}, code?: string): Promise<Answer> {
    const a = await call(id, o);
    assert.equal(a.status, status, `${id}: ${a.text.slice(0, 300)}`);
    if (code) assert.equal(a.body.code, code, id);
    return a;
  }

  before(async () => {
    platform = await startEmbedded({
      MERCATO_DEMO_DATA: 'false',
      // An empty shop takes no sandbox payments unless asked: this one pays with it.
      PAYMENT_SANDBOX: 'true',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      AUTH_SCRYPT_N: '1024', // the API, not the hash cost, is under test here
      GATEWAY_RATE_LIMIT_IP: '100000/min',
      GATEWAY_RATE_LIMIT_USER: '100000/min',
    });
    gateway = platform.api.replace(/\/api\/v1$/, '');
    doc = await eventually(async () => {
      const d = (await (await fetch(`${gateway}/api/v1/openapi.json`)).json()) as Json;
      return d['x-unavailable'].length === 0 ? d : undefined;
    }, 30_000, 200);
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const [method, op] of Object.entries(item)) if (op && typeof op === 'object' && op.operationId) operations.set(op.operationId, { id: op.operationId, method, path, op });
    }
  });

  after(async () => {
    await platform?.close();
  });

  it("passes Redocly's recommended rules with no error (and no warning but the accepted ones)", async () => {
    const problems = await lintOpenApi(doc);
    assert.deepEqual(unexpected(problems), []);
    assert.ok(ACCEPTED_WARNINGS.every((a) => problems.some((p) => p.ruleId === a.ruleId)), 'an accepted warning that no longer occurs is taken off the list');
  });

  it('declares an operationId, security, problem responses and a success status on every operation', () => {
    assert.deepEqual(doc.components.securitySchemes.bearerAuth.scheme, 'bearer');
    assert.ok(doc.components.schemas.Problem.properties.code, 'one shared Problem schema');
    const ids = [...operations.keys()];
    assert.equal(new Set(ids).size, ids.length);
    let count = 0;
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        count++;
        assert.match(op.operationId ?? '', /^[a-z][A-Za-z0-9]+$/, `${where}: a camelCase operationId of its own (not renamed by the merge)`);
        assert.ok(Array.isArray(op.security), `${where}: declares its security`);
        const bearer = op.security.some((s: Json) => 'bearerAuth' in s);
        const statuses = Object.keys(op.responses);
        assert.ok(statuses.some((s) => /^[23]/.test(s)), `${where}: a success status`);
        assert.ok(statuses.includes('5XX'), `${where}: its server errors`);
        if (bearer) assert.ok(statuses.includes('401'), `${where}: reads a token, so it can answer 401`);
        if (op['x-roles']) assert.ok(statuses.includes('403'), `${where}: needs a role, so it can answer 403`);
        for (const s of statuses.filter((x) => /^[45]/.test(x))) {
          const r = documented(op, s === '5XX' ? 500 : Number(s))!;
          assert.ok(r.content['application/problem+json'], `${where} ${s}: problem+json`);
          assert.ok(problemCodesOf(r).length > 0, `${where} ${s}: names its codes`);
        }
      }
    }
    assert.ok(count >= OPERATIONS.length);
    assert.deepEqual(OPERATIONS.filter((id) => !operations.has(id)), [], 'no operation lost or renamed');
    // The sandbox test cards are where a shopper pays.
    for (const id of ['checkout', 'getPayment', 'getSandboxAuthenticationPage']) assert.match(JSON.stringify(operations.get(id)!.op), /pm_card_authenticationRequired/, id);
  });

  it('answers every operation, called anonymously, with a bad token, or as a customer on staff routes, with a documented status', async () => {
    const customer = (await expect(201, 'register', { body: { email: 'cole@example.com', password: PASSWORD, name: 'Cole' } })).body.accessToken as string;
    for (const { id, op } of operations.values()) {
      // Placeholders: every path value and an empty body; whatever is wrong must be a documented answer.
      const params: Record<string, string> = {};
      for (const m of operations.get(id)!.path.matchAll(/\{(\w+)\}/g)) params[m[1]!] = 'zz';
      const form = op.requestBody?.content?.['application/x-www-form-urlencoded'] ? {} : undefined;
      const body = op.requestBody && !form ? {} : undefined;
      const needsToken = op.security.length > 0 && !op.security.some((s: Json) => Object.keys(s).length === 0);
      const anonymous = await call(id, { params, body, form });
      if (needsToken) assert.equal(anonymous.status, 401, `${id} without a token`);
      if (op.security.some((s: Json) => 'bearerAuth' in s)) await expect(401, id, { params, body, form, token: 'not.a.token' });
      if (op['x-roles'] && !op['x-roles'].includes('customer')) await expect(403, id, { params, body, form, token: customer }, 'forbidden');
    }
  });

  it("answers a shop's whole life with the documented statuses and codes", async () => {
    const auth = await platform.databaseUrl('auth');
    const emailed = async (type: string, email: string) =>
      eventually(async () => (await sql<{ token: string }>(auth, `SELECT payload->'data'->>'token' AS token FROM outbox WHERE type = $1 AND payload->'data'->>'email' = $2 ORDER BY created_at DESC LIMIT 1`, [type, email]))[0]?.token);
    const json = (token: string) => ({ token });

    // Identity.
    await expect(200, 'getJwks');
    await expect(200, 'getOpenApiDocument');
    const admin = (await expect(200, 'login', { body: ADMIN })).body.accessToken as string;
    await expect(401, 'login', { body: { ...ADMIN, password: 'not the password at all' } }, 'invalid_credentials');
    const annPair = (await expect(201, 'register', { body: { email: 'ann@example.com', password: PASSWORD, name: 'Ann' } })).body;
    await expect(409, 'register', { body: { email: 'ann@example.com', password: PASSWORD, name: 'Ann' } }, 'email_taken');
    const refreshed = (await expect(200, 'refreshTokens', { body: { refreshToken: annPair.refreshToken } })).body;
    await expect(204, 'logout', { body: { refreshToken: refreshed.refreshToken } });
    // A used token back after its session ended (sent again at once while its successor was live,
    // it would get that same successor: the reuse grace of two refreshes sent together).
    await expect(401, 'refreshTokens', { body: { refreshToken: annPair.refreshToken } }, 'invalid_token');
    await expect(400, 'logout', { body: { refreshToken: '' } }, 'invalid_data');
    await expect(404, 'startOAuthSignIn', { params: { provider: 'google' } }, 'not_found');
    await expect(404, 'completeOAuthSignIn', { params: { provider: 'google' }, query: { code: 'c', state: 's' } }, 'not_found');

    await expect(202, 'resendEmailVerification', { body: { email: 'ann@example.com' } });
    const verify = await emailed('EmailVerificationRequested', 'ann@example.com');
    await expect(204, 'verifyEmail', { body: { token: verify } });
    await expect(400, 'verifyEmail', { body: { token: verify } }, 'invalid_token');
    await expect(202, 'requestPasswordReset', { body: { email: 'ann@example.com' } });
    const reset = await emailed('PasswordResetRequested', 'ann@example.com');
    await expect(204, 'resetPassword', { body: { token: reset, password: `${PASSWORD} again` } });
    await expect(400, 'resetPassword', { body: { token: reset, password: `${PASSWORD} again` } }, 'invalid_token');
    const ann = (await expect(200, 'login', { body: { email: 'ann@example.com', password: `${PASSWORD} again` } })).body.accessToken as string;
    const bob = (await expect(201, 'register', { body: { email: 'bob@example.com', password: PASSWORD, name: 'Bob' } })).body.accessToken as string;
    const bobId = JSON.parse(Buffer.from(bob.split('.')[1]!, 'base64url').toString()).sub as string;
    const cy = (await expect(201, 'register', { body: { email: 'cy@example.com', password: PASSWORD, name: 'Cy' } })).body.accessToken as string;
    await expect(403, 'changePassword', { ...json(cy), body: { currentPassword: 'not the passphrase at all', newPassword: `${PASSWORD} anew` } }, 'wrong_password');
    await expect(200, 'changePassword', { ...json(cy), body: { currentPassword: PASSWORD, newPassword: `${PASSWORD} anew` } });

    // Profiles: the verification reaches the profile (EmailVerified), and addresses.
    const me = await eventually(async () => {
      const a = await call('getMe', json(ann));
      return a.status === 200 && a.body.emailVerified === true ? a : undefined;
    }, 15_000, 100);
    assert.equal(me.body.email, 'ann@example.com');
    await expect(200, 'updateMe', { ...json(ann), body: { name: 'Ann Smith' } });
    await expect(400, 'updateMe', { ...json(ann), body: { name: '' } }, 'invalid_data');
    const home = (await expect(201, 'addMyAddress', { ...json(ann), body: { name: 'Ann Smith', line1: '1 Main Street', city: 'Springfield', postalCode: '12345', country: 'US' } })).body;
    await expect(400, 'addMyAddress', { ...json(ann), body: { name: 'Ann', line1: '1 Main Street', city: 'Springfield', country: 'Germany' } }, 'invalid_data');
    await expect(200, 'listMyAddresses', json(ann));
    await expect(200, 'getMyAddress', { ...json(ann), params: { id: home.id } });
    await expect(404, 'getMyAddress', { ...json(bob), params: { id: home.id } }, 'not_found');
    await expect(200, 'updateMyAddress', { ...json(ann), params: { id: home.id }, body: { city: 'Shelbyville' } });
    await expect(404, 'updateMyAddress', { ...json(bob), params: { id: home.id }, body: { city: 'Nowhere' } }, 'not_found');
    await eventually(async () => (await call('getMe', json(bob))).status === 200, 15_000, 100);
    await expect(200, 'listUsers', { ...json(admin), query: { limit: '5' } });
    await expect(400, 'listUsers', { ...json(admin), query: { cursor: 'not-a-cursor' } }, 'invalid_data');
    await expect(200, 'setUserRoles', { ...json(admin), params: { id: bobId }, body: { roles: ['customer', 'support'] } });
    await expect(404, 'setUserRoles', { ...json(admin), params: { id: 'usr_01HZZZZZZZZZZZZZZZZZZZZZZZ' }, body: { roles: ['customer'] } }, 'not_found');

    // The catalog, every write under If-Match.
    await expect(201, 'createCategory', { ...json(admin), body: { name: 'Contract Tees', slug: 'contract-tees' } });
    await expect(409, 'createCategory', { ...json(admin), body: { name: 'Again', slug: 'contract-tees' } }, 'slug_taken');
    const spare = (await expect(201, 'createCategory', { ...json(admin), body: { name: 'Spare' } })).body;
    await expect(200, 'getCategoryTree');
    await expect(200, 'getCategory', { params: { id: 'contract-tees' } });
    await expect(404, 'getCategory', { params: { id: 'no-such-category' } }, 'not_found');
    await expect(200, 'updateCategory', { ...json(admin), params: { id: 'contract-tees' }, body: { name: 'Contract T-shirts' } });
    await expect(404, 'updateCategory', { ...json(admin), params: { id: 'no-such-category' }, body: { name: 'x' } }, 'not_found');
    const size = (s: string) => ({ sku: `CT-${s}`, options: { Size: s }, prices: [{ amount: 1500, currency: 'USD' }] });
    const tee = { slug: 'contract-tee', title: 'Contract Tee', status: 'published', categories: ['contract-tees'], options: [{ name: 'Size', values: ['S', 'M', 'L'] }], variants: [size('S'), size('M')] };
    const product = (await expect(201, 'createProduct', { ...json(admin), body: tee })).body;
    await expect(409, 'createProduct', { ...json(admin), body: tee }, 'slug_taken');
    await expect(200, 'listProducts', { query: { q: 'contract' } });
    await expect(404, 'listProducts', { query: { category: 'no-such-category' } }, 'not_found');
    const read = await expect(200, 'getProduct', { params: { id: 'contract-tee' } });
    await expect(304, 'getProduct', { params: { id: 'contract-tee' }, headers: { 'if-none-match': read.headers.get('etag')! } });
    await expect(404, 'getProduct', { params: { id: 'no-such-product' } }, 'not_found');
    const ifMatch = async () => ({ 'if-match': (await call('getProduct', { ...json(admin), params: { id: product.id } })).headers.get('etag')! });
    await expect(428, 'updateProduct', { ...json(admin), params: { id: product.id }, body: { title: 'Overwritten' } }, 'precondition_required');
    await expect(412, 'updateProduct', { ...json(admin), params: { id: product.id }, body: { title: 'Overwritten' }, headers: { 'if-match': '"v0"' } }, 'precondition_failed');
    await expect(200, 'updateProduct', { ...json(admin), params: { id: product.id }, body: { description: 'Soft cotton.' }, headers: await ifMatch() });
    const large = (await expect(201, 'addVariant', { ...json(admin), params: { id: product.id }, body: size('L'), headers: await ifMatch() })).body.variants.find((v: Json) => v.sku === 'CT-L');
    await expect(428, 'addVariant', { ...json(admin), params: { id: product.id }, body: { ...size('L'), sku: 'CT-XL' } }, 'precondition_required');
    await expect(200, 'updateVariant', { ...json(admin), params: { id: product.id, variantId: large.id }, body: { title: 'Large' }, headers: await ifMatch() });
    await expect(404, 'updateVariant', { ...json(admin), params: { id: product.id, variantId: 'var_01HZZZZZZZZZZZZZZZZZZZZZZZ' }, body: { title: 'x' }, headers: await ifMatch() }, 'not_found');
    await expect(200, 'setVariantPrice', { ...json(admin), params: { id: product.id, variantId: large.id, currency: 'EUR' }, body: { amount: 1400 }, headers: await ifMatch() });
    await expect(428, 'setVariantPrice', { ...json(admin), params: { id: product.id, variantId: large.id, currency: 'EUR' }, body: { amount: 1300 } }, 'precondition_required');
    await expect(200, 'removeVariantPrice', { ...json(admin), params: { id: product.id, variantId: large.id, currency: 'EUR' }, headers: await ifMatch() });
    await expect(404, 'removeVariantPrice', { ...json(admin), params: { id: product.id, variantId: large.id, currency: 'EUR' }, headers: await ifMatch() }, 'not_found');
    await expect(200, 'deleteVariant', { ...json(admin), params: { id: product.id, variantId: large.id }, headers: await ifMatch() });
    await expect(412, 'deleteVariant', { ...json(admin), params: { id: product.id, variantId: large.id }, headers: { 'if-match': '"v1"' } }, 'precondition_failed');
    const mug = { slug: 'contract-mug', title: 'Contract Mug', status: 'published', variants: [{ sku: 'CT-MUG', prices: [{ amount: 900, currency: 'USD' }] }] };
    await expect(201, 'importProducts', { ...json(admin), body: { products: [mug] } });
    await expect(422, 'importProducts', { ...json(admin), body: { products: [{ title: 'No variants' }] } }, 'import_rejected');
    await expect(200, 'getDemoImage', { params: { name: 'blue-linen-shirt-1.svg' } });
    await expect(404, 'getDemoImage', { params: { name: 'no-such-image.svg' } }, 'not_found');

    // Stock.
    await eventually(async () => (await call('getStock', { ...json(admin), params: { sku: 'CT-S' } })).status === 200, 15_000, 100);
    await expect(404, 'getStock', { ...json(admin), params: { sku: 'NO-SUCH-SKU' } }, 'not_found');
    for (const [sku, units] of [['CT-S', 14], ['CT-M', 50]] as const) {
      await expect(201, 'adjustStock', { ...json(admin), params: { sku }, body: { warehouse: 'main', delta: units, reason: 'receipt' } });
    }
    await expect(409, 'adjustStock', { ...json(admin), params: { sku: 'CT-S' }, body: { warehouse: 'main', delta: -100, reason: 'count' } }, 'stock_below_reserved');
    await expect(200, 'setStockThreshold', { ...json(admin), params: { sku: 'CT-S' }, body: { threshold: 2 } });
    await expect(404, 'setStockThreshold', { ...json(admin), params: { sku: 'NO-SUCH-SKU' }, body: { threshold: 2 } }, 'not_found');
    await expect(200, 'getAvailability', { query: { sku: ['CT-S', 'CT-M'] } });
    await expect(200, 'listWarehouses', json(admin));
    await expect(201, 'createWarehouse', { ...json(admin), body: { code: 'overflow', name: 'Overflow', priority: 50 } });
    await expect(409, 'createWarehouse', { ...json(admin), body: { code: 'overflow', name: 'Overflow', priority: 50 } }, 'warehouse_code_taken');
    await expect(200, 'updateWarehouse', { ...json(admin), params: { code: 'overflow' }, body: { name: 'Overflow yard' } });
    await expect(404, 'updateWarehouse', { ...json(admin), params: { code: 'nowhere' }, body: { name: 'x' } }, 'not_found');

    // Carts: stock on every line, from inventory.
    const guestCart = (await expect(201, 'createCart', { body: {} })).body.id as string;
    await expect(400, 'createCart', { body: { currency: 'dollars' } }, 'invalid_data');
    const tooMany = await eventually(async () => {
      const a = await call('addCartItem', { params: { id: guestCart }, body: { sku: 'CT-S', quantity: 99 } });
      return a.status === 200 ? a : undefined;
    }, 15_000, 100);
    assert.deepEqual(
      tooMany.body.items.map((l: Json) => [l.sku, l.quantity, l.available, l.unavailableReason, l.availableQuantity]),
      [['CT-S', 99, false, 'insufficient_stock', 14]],
      '99 asked, 14 in stock',
    );
    await expect(422, 'addCartItem', { params: { id: guestCart }, body: { sku: 'NO-SUCH-SKU', quantity: 1 } }, 'unknown_sku');
    const fits = await expect(200, 'setCartItemQuantity', { params: { id: guestCart, sku: 'CT-S' }, body: { quantity: 2 } });
    assert.deepEqual([fits.body.items[0].available, fits.body.items[0].availableQuantity], [true, 14]);
    await expect(404, 'setCartItemQuantity', { params: { id: guestCart, sku: 'CT-M' }, body: { quantity: 2 } }, 'not_found');
    await expect(200, 'setCartShippingCountry', { params: { id: guestCart }, body: { country: 'US' } });
    await expect(400, 'setCartShippingCountry', { params: { id: guestCart }, body: { country: 'USA' } }, 'invalid_data');
    await expect(200, 'getCart', { params: { id: guestCart } });
    await expect(404, 'getCart', { params: { id: `crt_${'A'.repeat(32)}` } }, 'not_found');
    await expect(200, 'removeCartItem', { params: { id: guestCart, sku: 'CT-S' } });
    await expect(404, 'removeCartItem', { params: { id: guestCart, sku: 'CT-S' } }, 'not_found');
    await expect(200, 'addCartItem', { params: { id: guestCart }, body: { sku: 'CT-M', quantity: 1 } });
    const annCart = (await expect(200, 'mergeCart', { ...json(ann), params: { id: guestCart } })).body.id as string;
    await expect(404, 'mergeCart', { ...json(bob), params: { id: `crt_${'B'.repeat(32)}` } }, 'not_found');

    // Checkout as a signed-in buyer: no email, a saved address; then pay, ship, deliver, refund.
    const card = (paymentMethod: string) => ({ provider: 'sandbox', paymentMethod });
    const key = (k: string) => ({ 'idempotency-key': `contract-${k}` });
    await expect(422, 'checkout', { ...json(ann), headers: key('foreign'), body: { cartId: annCart, shippingAddressId: 'adr_01HZZZZZZZZZZZZZZZZZZZZZZZ', payment: card('pm_card_visa') } }, 'address_not_found');
    const placed = await call('checkout', { ...json(ann), headers: { ...key('ann'), prefer: 'wait=10' }, body: { cartId: annCart, shippingAddressId: home.id, payment: card('pm_card_visa') } });
    assert.ok([200, 202].includes(placed.status), placed.text);
    const orderId = placed.body.orderId as string;
    await expect(409, 'checkout', { ...json(ann), headers: key('ann-again'), body: { cartId: annCart, shippingAddressId: home.id, payment: card('pm_card_visa') } }, 'cart_checked_out');
    const order = await eventually(async () => {
      const a = await call('getOrder', { ...json(ann), params: { id: orderId } });
      return a.body.status === 'confirmed' ? a.body : undefined;
    }, 20_000, 100);
    assert.equal(order.email, 'ann@example.com', "the buyer's profile email");
    assert.equal(order.shippingAddress.city, 'Shelbyville', 'the saved address as it is now');
    await expect(404, 'getOrder', { ...json(bob), params: { id: orderId } }, 'not_found');
    await expect(200, 'listOrders', json(ann));
    await expect(400, 'listOrders', { ...json(ann), query: { cursor: 'not-a-cursor' } }, 'invalid_cursor');
    const payments = (await expect(200, 'listOrderPayments', { ...json(ann), query: { orderId } })).body.items as Json[];
    await expect(200, 'getPayment', { ...json(ann), params: { id: payments[0]!.id } });
    await expect(404, 'getPayment', { ...json(bob), params: { id: 'pay_01HZZZZZZZZZZZZZZZZZZZZZZZ' } }, 'not_found');
    await expect(201, 'refundPayment', { ...json(admin), params: { id: payments[0]!.id }, body: { amount: { amount: 100, currency: 'USD' }, reason: 'goodwill' } });
    await expect(409, 'refundPayment', { ...json(admin), params: { id: payments[0]!.id }, body: { amount: { amount: 999_999, currency: 'USD' }, reason: 'too much' } }, 'refund_exceeds_capture');
    const bare = await expect(400, 'shipOrder', { ...json(admin), params: { id: orderId } }, 'invalid_data');
    assert.deepEqual(bare.body.errors.map((e: Json) => e.pointer), ['/carrier', '/trackingNumber'], 'a missing body names each required field');
    await expect(200, 'shipOrder', { ...json(admin), params: { id: orderId }, body: { carrier: 'DHL', trackingNumber: 'JD0142' } });
    await expect(409, 'shipOrder', { ...json(admin), params: { id: orderId }, body: { carrier: 'DHL', trackingNumber: 'JD0142' } }, 'illegal_transition');
    await expect(200, 'deliverOrder', { ...json(admin), params: { id: orderId } });
    await expect(409, 'deliverOrder', { ...json(admin), params: { id: orderId } }, 'illegal_transition');
    await expect(400, 'refundOrder', { ...json(admin), params: { id: orderId }, body: { amount: { amount: 100, currency: 'EUR' } } }, 'invalid_data');
    await expect(202, 'refundOrder', { ...json(admin), params: { id: orderId }, body: { amount: { amount: 100, currency: 'USD' }, reason: 'late' } });
    await expect(409, 'refundOrder', { ...json(admin), params: { id: orderId }, body: { amount: { amount: 999_999, currency: 'USD' } } }, 'refund_exceeds_payment');

    // Guests: an order cancelled with its access token; 3-D Secure completed, and failed.
    const guestOrder = async (k: string, paymentMethod: string) => {
      const cart = (await expect(201, 'createCart', { body: {} })).body.id as string;
      await expect(200, 'addCartItem', { params: { id: cart }, body: { sku: 'CT-M', quantity: 1 } });
      const address = { name: 'Gus Guest', line1: '2 High Street', city: 'Leeds', country: 'US' };
      const a = await expect(202, 'checkout', { headers: key(k), body: { cartId: cart, email: 'gus@example.com', shippingAddress: address, payment: card(paymentMethod) } });
      return { id: a.body.orderId as string, token: a.body.accessToken as string };
    };
    await expect(400, 'checkout', { headers: key('guest-no-email'), body: { cartId: annCart, shippingAddress: { name: 'G', line1: 'x', city: 'y', country: 'US' }, payment: card('pm_card_visa') } }, 'invalid_data');
    const cancelled = await guestOrder('guest-cancel', 'pm_card_visa');
    await expect(200, 'cancelOrder', { params: { id: cancelled.id }, query: { token: cancelled.token } });
    await expect(409, 'cancelOrder', { params: { id: cancelled.id }, query: { token: cancelled.token } }, 'illegal_transition');
    for (const [k, outcome] of [['guest-3ds-ok', 'completeSandboxAuthentication'], ['guest-3ds-fail', 'failSandboxAuthentication']] as const) {
      const o = await guestOrder(k, 'pm_card_authenticationRequired');
      const next = await eventually(async () => (await call('getOrder', { params: { id: o.id }, query: { token: o.token } })).body.payment?.nextActionUrl as string | undefined, 20_000, 100);
      const url = new URL(next);
      const paymentId = url.pathname.split('/').pop()!;
      const page = await expect(200, 'getSandboxAuthenticationPage', { params: { id: paymentId }, query: { token: url.searchParams.get('token')! } });
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      await expect(404, outcome, { params: { id: paymentId }, form: { token: 'not-the-token' } }, 'not_found');
      await expect(200, outcome, { params: { id: paymentId }, form: { token: url.searchParams.get('token')! } });
      await expect(404, 'getSandboxAuthenticationPage', { params: { id: paymentId }, query: { token: 'not-the-token' } }, 'not_found');
    }
    await expect(404, 'getRazorpayCheckoutPage', { params: { id: 'pay_01HZZZZZZZZZZZZZZZZZZZZZZZ' } }, 'not_found');
    await expect(404, 'receiveStripeWebhook', { body: { id: 'evt_1', type: 'payment_intent.succeeded' } }, 'not_found');
    await expect(404, 'receiveRazorpayWebhook', { body: { event: 'payment.captured' } }, 'not_found');

    // The back office: images, customers, the dashboard, stock lists, operations.
    const image = (await expect(201, 'uploadImage', { ...json(admin), raw: { type: 'image/png', data: PNG } })).body;
    await expect(415, 'uploadImage', { ...json(admin), raw: { type: 'image/png', data: Buffer.from('not an image at all, only text') } }, 'unsupported_media_type');
    await expect(200, 'getImage', { params: { id: image.id } });
    await expect(404, 'getImage', { params: { id: 'med_nothing' } }, 'not_found');
    const file = (image.renditions[0].url as string).split('/').pop()!;
    const rendition = await expect(200, 'getImageFile', { params: { id: image.id, file } });
    await expect(304, 'getImageFile', { params: { id: image.id, file }, headers: { 'if-none-match': rendition.headers.get('etag')! } });
    await expect(404, 'getImageFile', { params: { id: image.id, file: 'w9999.webp' } }, 'not_found');
    const customer = (await expect(200, 'getCustomer', { ...json(admin), params: { id: bobId } })).body;
    assert.equal(customer.email, 'bob@example.com');
    await expect(404, 'getCustomer', { ...json(admin), params: { id: 'usr_01HZZZZZZZZZZZZZZZZZZZZZZZ' } }, 'not_found');
    await expect(200, 'getOrderStats', { ...json(admin), query: { interval: 'week' } });
    await expect(400, 'getOrderStats', { ...json(admin), query: { from: '2026-02-01', to: '2026-01-01' } }, 'invalid_data');
    await expect(200, 'listStock', { ...json(admin), query: { lowStock: 'true' } });
    await expect(400, 'listStock', { ...json(admin), query: { sort: 'price' } }, 'invalid_data');
    await expect(200, 'listStockMovements', { ...json(admin), params: { sku: 'CT-S' } });
    await expect(404, 'listStockMovements', { ...json(admin), params: { sku: 'NO-SUCH-SKU' } }, 'not_found');
    const health = (await expect(200, 'listServiceHealth', json(admin))).body.items as Json[];
    assert.ok(health.every((h) => h.ready), 'every service ready');
    await expect(200, 'listDeadLetters', { ...json(admin), params: { service: 'order' } });
    await expect(400, 'listDeadLetters', { ...json(admin), params: { service: 'nowhere' } }, 'invalid_data');
    // A dead letter as the order service's consumer parks one (an event it could never handle).
    const envelope = { id: 'evt_01HZZZZZZZZZZZZZZZZZZZZZZZ', type: 'StockReserved', version: 1, occurredAt: new Date().toISOString(), source: 'inventory', subject: 'ord_01HZZZZZZZZZZZZZZZZZZZZZZZ', traceparent: null, data: {} };
    const [dead] = await sql<{ id: string }>(
      await platform.databaseUrl('order'),
      `INSERT INTO event_failures (consumer, event_id, type, envelope, status, attempts, last_error) VALUES ('order.StockReserved', $1, 'StockReserved', $2, 'dead', 8, 'no such order') RETURNING id`,
      [envelope.id, JSON.stringify(envelope)],
    );
    assert.equal((await expect(200, 'getDeadLetter', { ...json(admin), params: { service: 'order', id: String(dead!.id) } })).body.type, 'StockReserved');
    await expect(404, 'getDeadLetter', { ...json(admin), params: { service: 'order', id: '999999' } }, 'not_found');
    await expect(200, 'replayDeadLetters', { ...json(admin), params: { service: 'order' }, body: { ids: [999999] } });
    await expect(400, 'replayDeadLetters', { ...json(admin), params: { service: 'order' }, body: { ids: [999999], all: true } }, 'invalid_data');
    const discarded = await expect(200, 'discardDeadLetters', { ...json(admin), params: { service: 'order' }, body: { ids: [Number(dead!.id)] } });
    assert.deepEqual(discarded.body.discarded, [Number(dead!.id)]);
    await expect(400, 'discardDeadLetters', { ...json(admin), params: { service: 'order' }, body: {} }, 'invalid_data');

    // What is left: deletes.
    await expect(204, 'deleteMyAddress', { ...json(ann), params: { id: home.id } });
    await expect(404, 'deleteMyAddress', { ...json(ann), params: { id: home.id } }, 'not_found');
    await expect(409, 'deleteCategory', { ...json(admin), params: { id: 'contract-tees' } }, 'category_not_empty');
    await expect(204, 'deleteCategory', { ...json(admin), params: { id: spare.id } });
    await expect(428, 'deleteProduct', { ...json(admin), params: { id: 'contract-mug' } }, 'precondition_required');
    await expect(204, 'deleteProduct', { ...json(admin), params: { id: 'contract-mug' }, headers: { 'if-match': '*' } });
    await expect(404, 'deleteProduct', { ...json(admin), params: { id: 'contract-mug' }, headers: { 'if-match': '*' } }, 'not_found');
  });

  it('lists in its READMEs only endpoints that exist (the format: readme-endpoints.ts)', () => {
    const { endpoints, malformed } = listedEndpoints(fileURLToPath(new URL('../../', import.meta.url)));
    assert.deepEqual(malformed, []);
    const real = new Set([...operations.values()].map((o) => `${o.method.toUpperCase()} ${templateOf(o.path)}`));
    const missing = endpoints.filter((e) => !real.has(`${e.method} ${e.path}`)).map((e) => `${e.file}:${e.line}: ${e.text}`);
    assert.deepEqual(missing, [], 'endpoints a README claims that the API does not have');
  });

  it('has called every operation with a success and with an error', (t) => {
    const answered = (id: string, ok: boolean) => seen.some((s) => s.id === id && (ok ? s.status < 400 : s.status >= 400 && s.status < 500));
    const noSuccess = OPERATIONS.filter((id) => !answered(id, true) && !NO_SUCCESS_HERE[id]);
    const noError = OPERATIONS.filter((id) => !answered(id, false) && !NO_ERROR_PATH.has(id));
    assert.deepEqual({ noSuccess, noError }, { noSuccess: [], noError: [] });
    const unlisted = [...operations.keys()].filter((id) => !OPERATIONS.includes(id));
    if (unlisted.length > 0) t.diagnostic(`operations not yet walked through by a flow here (only by the pass over all): ${unlisted.join(', ')}`);
  });
});

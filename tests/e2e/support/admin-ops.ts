import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eventually, freePort } from '@mercato/chassis/testing';
import { ensureWebBuild } from '@mercato/platform/web';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, watchPage, type TestBrowser } from './browser.js';
import { startEmbedded, type EmbeddedPlatform } from './embedded.js';
import { stockedProduct, type Shop } from './shop.js';

// The back office's browser suites (orders, stock, customers, operations, reviews): the embedded
// platform as `npm start` serves it, with the web app, the demo shop, an operator token for the
// gateway's operations API and failing handlers that give up quickly; staff sign in on
// /admin/sign-in in a real browser.

export const ADMIN = { email: 'owner@example.com', password: 'correct horse battery staple' };
const json = { 'content-type': 'application/json' };

export interface BackOffice {
  platform: EmbeddedPlatform;
  browser: TestBrowser;
  /** The shop's origin (the gateway). */
  base: string;
  mailbox: string;
  adminToken: string;
  shop: Shop;
  call(method: string, path: string, token?: string, body?: unknown, extra?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }>;
  /** A new browser context (its own cookies) with a page whose problems are watched. */
  context(): Promise<{ ctx: BrowserContext; page: Page; problems: string[] }>;
  /** Opens a path: no CSP violation or script error, no serious accessibility violation; the status. */
  open(page: Page, path: string, problems: string[]): Promise<number>;
  /** Signs in on the back office's sign-in page and lands on `next`. */
  signIn(page: Page, who: { email: string; password: string }, next: string): Promise<void>;
  /** A paid, confirmed order of `quantity` of `sku`, by a registered customer (token) or a guest. */
  buy(sku: string, quantity: number, who: { token?: string; email: string }): Promise<{ orderId: string; accessToken: string | null }>;
  /** A new customer account. */
  register(name: string): Promise<{ email: string; password: string; token: string }>;
  close(): Promise<void>;
}

/** The open confirm dialog. */
export const dialog = (page: Page) => page.locator('dialog[open]');

/** A new product with one SKU (`<prefix>-…`), `stock` units in the main warehouse. */
export async function stockedSku(shop: Shop, prefix: string, stock = 5, timeoutMs?: number): Promise<string> {
  const sku = `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
  await stockedProduct(shop, sku, stock, timeoutMs);
  return sku;
}

export async function startBackOffice(opsToken: string): Promise<BackOffice> {
  await ensureWebBuild(() => undefined);
  const browser = await launchBrowser();
  // A fixed gateway port, so that the links in emails lead here.
  const port = await freePort();
  const platform = await startEmbedded({
    GATEWAY_PORT: String(port),
    WEB_PORT: '0',
    MERCATO_WEB: 'true',
    MERCATO_DEMO_DATA: 'true',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    AUTH_SCRYPT_N: '1024',
    OUTBOX_POLL_MS: '100',
    // The operations page reads the services' failed events through the gateway.
    OPS_TOKEN: opsToken,
    // A failing handler gives up quickly (two attempts), so a test sees its dead letter.
    EVENT_MAX_ATTEMPTS: '2',
    EVENT_RETRY_BASE_MS: '100',
    EVENT_RETRY_MAX_MS: '200',
    GATEWAY_RATE_LIMIT_IP: '1000000/min',
    GATEWAY_RATE_LIMIT_USER: '1000000/min',
  }).catch(async (err: unknown) => {
    await browser.close();
    throw err;
  });
  const base = platform.gateway;
  const contexts: BrowserContext[] = [];
  const call: BackOffice['call'] = async (method, path, token, body, extra = {}) => {
    const res = await fetch(`${platform.api}${path}`, {
      method,
      headers: { ...(body !== undefined ? json : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const adminToken = (await call('POST', '/auth/login', undefined, ADMIN)).body.accessToken as string;
  const shop: Shop = { api: platform.api, admin: () => ({ authorization: `Bearer ${adminToken}`, ...json }), paymentDb: '', orderDb: '' };
  // The demo shop's events are still being taken in after the start: a first product of our own
  // reaches the stock and the carts once they are through (the tests' own waits stay short).
  await stockedSku(shop, 'WARM', 1, 120_000);
  return {
    platform,
    browser,
    base,
    mailbox: join(platform.dir, 'data', 'mailbox'),
    adminToken,
    shop,
    call,
    async context() {
      const ctx = await browser.shopper();
      contexts.push(ctx);
      const page = await ctx.newPage();
      return { ctx, page, problems: watchPage(page) };
    },
    async open(page, path, problems) {
      const res = await page.goto(`${base}${path}`);
      await assertAccessible(page, path);
      assert.deepEqual(problems, [], `${path}: the page reported problems`);
      return res?.status() ?? 0;
    },
    async signIn(page, who, next) {
      await page.goto(`${base}/admin/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel('Email').fill(who.email);
      await page.getByLabel('Password').fill(who.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => u.pathname === next.split('?')[0]);
    },
    async buy(sku, quantity, who) {
      const cart = (await call('POST', '/carts', who.token, { currency: 'USD' })).body as { id: string };
      await eventually(async () => (await call('POST', `/carts/${cart.id}/items`, who.token, { sku, quantity })).status < 300, 15_000, 100);
      const placed = await call(
        'POST',
        '/checkout',
        who.token,
        { cartId: cart.id, email: who.email, shippingAddress: { name: 'Ada Lovelace', line1: '12 Main St', city: 'Boston', postalCode: '02101', country: 'US' }, payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' } },
        { 'idempotency-key': randomUUID(), prefer: 'wait=20' },
      );
      assert.equal(placed.body.status, 'confirmed', JSON.stringify(placed.body));
      return { orderId: placed.body.orderId as string, accessToken: placed.body.accessToken as string | null };
    },
    async register(name) {
      const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomUUID().slice(0, 6)}@example.com`;
      const password = 'a long enough passphrase 42';
      const r = await call('POST', '/auth/register', undefined, { email, password, name });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return { email, password, token: r.body.accessToken as string };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await platform.close();
    },
  };
}

import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateTypes } from '@mercato/client/generate';
import { eventually, freePort } from '@mercato/chassis/testing';
import { ensureWebBuild } from '@mercato/platform/web';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, mailWith, screenshots, skipUnlessChromium, watchPage, type TestBrowser } from './support/browser.js';
import { startEmbedded, type EmbeddedPlatform } from './support/embedded.js';
import { sql } from './support/shop.js';

// The storefront in a real browser (Debian's chromium through playwright-core), on the embedded
// platform with the demo shop, as `npm start` serves it: one origin, the web app behind the
// gateway. Each journey of the storefront issue, axe-core on every page, screenshots for the
// web app's README, and the typed client checked against the document the services serve.

const ADMIN = { email: 'owner@example.com', password: 'correct horse battery staple' };
const KETTLE = 'artisan-electric-kettle';
const MILLS = 'everyday-salt-and-pepper-mill-set';
const TEAPOT = 'everyday-glass-teapot';
const skip = skipUnlessChromium();

async function platformWithShop(): Promise<EmbeddedPlatform> {
  // A fixed gateway port, so that the links in emails and payment steps lead here.
  const port = await freePort();
  return startEmbedded({
    GATEWAY_PORT: String(port),
    WEB_PORT: '0',
    MERCATO_WEB: 'true',
    MERCATO_DEMO_DATA: 'true',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    AUTH_SCRYPT_N: '1024',
    OUTBOX_POLL_MS: '100',
    GATEWAY_RATE_LIMIT_IP: '1000000/min',
    GATEWAY_RATE_LIMIT_USER: '1000000/min',
  });
}

/** Every page the suite opens: no CSP violation or script error, and no serious accessibility violation. */
async function open(page: Page, url: string, problems: string[]): Promise<number> {
  const res = await page.goto(url);
  await assertAccessible(page, url);
  assert.deepEqual(problems, [], `${url}: the page reported problems`);
  return res?.status() ?? 0;
}

/** A 404 served whole, before any script runs: the shop's document, its language and words. */
async function wholeNotFound(res: Response, path: string): Promise<string> {
  assert.equal(res.status, 404, path);
  const html = await res.text();
  assert.match(html, /^<!DOCTYPE html><html lang="en"/, `${path} is served as the shop's document`);
  assert.ok(html.includes('<h1>Page not found</h1>'), `${path} says so without scripts`);
  return html;
}

async function addToCart(page: Page, base: string, slug: string, problems: string[]): Promise<void> {
  await open(page, `${base}/p/${slug}`, problems);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByText('Added to your cart.').waitFor();
}

async function fillAddress(page: Page, email?: string): Promise<void> {
  if (email) await page.getByLabel('Email').fill(email);
  await page.getByLabel('Full name').fill('Grace Hopper');
  await page.getByLabel('Address', { exact: true }).fill('1 Navy Way');
  await page.getByLabel('City').fill('Arlington');
  await page.getByLabel('Postal code').fill('22201');
}

async function orderIdOf(page: Page): Promise<string> {
  await page.waitForURL(/\/orders\/ord_/);
  return /\/orders\/(ord_[A-Za-z0-9]+)/.exec(page.url())![1]!;
}

describe('storefront in the browser', { skip }, () => {
  let platform: EmbeddedPlatform;
  let browser: TestBrowser;
  let base = '';
  let mailbox = '';
  const contexts: BrowserContext[] = [];

  const shopper = async (viewport?: { width: number; height: number }) => {
    const ctx = await browser.shopper(viewport);
    contexts.push(ctx);
    const page = await ctx.newPage();
    return { ctx, page, problems: watchPage(page) };
  };

  before(async () => {
    // The production build first (reused while the sources are unchanged), then the platform.
    await ensureWebBuild(() => undefined);
    browser = await launchBrowser();
    platform = await platformWithShop();
    base = platform.gateway;
    mailbox = join(platform.dir, 'data', 'mailbox');
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await platform?.close();
  });

  it('keeps the typed client in step with the OpenAPI document the services serve', async () => {
    const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as Record<string, unknown>;
    const committed = await readFile(new URL('../../packages/client/src/schema.ts', import.meta.url), 'utf8');
    assert.ok((await generateTypes(doc)) === committed, 'packages/client/src/schema.ts differs from the served API: run `npm run generate -w @mercato/client` and commit it');
  });

  it('serves the shop, the API and the docs from one origin, with the security headers', async () => {
    const home = await fetch(`${base}/`);
    assert.equal(home.status, 200);
    const csp = home.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(home.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    const html = await home.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    assert.ok(html.includes(`nonce="${nonce}"`), 'the page scripts carry the nonce');
    assert.ok(/<link rel="canonical" href="http:\/\/127\.0\.0\.1:\d+\/?"/.test(html), 'the home page names its canonical URL');
    assert.ok(html.includes('<meta property="og:title"'), 'the home page has Open Graph tags');
    // Anonymous pages are shared for a moment, but every answer has a nonce of its own.
    const again = await fetch(`${base}/`);
    const nonce2 = /'nonce-([^']+)'/.exec(again.headers.get('content-security-policy') ?? '')![1]!;
    assert.notEqual(nonce2, nonce);
    const html2 = await again.text();
    assert.ok(html2.includes(`nonce="${nonce2}"`) && !html2.includes(nonce), 'the page carries its own nonce');
    assert.equal((await fetch(`${base}/api/v1/categories`)).status, 200);
    assert.equal((await fetch(`${base}/docs`)).status, 200);
    const robots = await (await fetch(`${base}/robots.txt`)).text();
    assert.match(robots, /Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);
    const sitemap = await (await fetch(`${base}/sitemap.xml`)).text();
    assert.ok(sitemap.includes(`/p/${KETTLE}</loc>`) && sitemap.includes('/c/clothing</loc>'), 'the sitemap lists products and categories');
    const product = await (await fetch(`${base}/p/${KETTLE}`)).text();
    const ld = /<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(product);
    assert.ok(ld, 'the product page has JSON-LD');
    const data = JSON.parse(ld[1]!) as { '@type': string; name: string; offers: Array<{ priceCurrency: string; price: string }> };
    assert.equal(data['@type'], 'Product');
    assert.equal(data.name, 'Artisan Electric Kettle');
    assert.equal(data.offers[0]!.priceCurrency, 'USD');
    assert.match(data.offers[0]!.price, /^\d+\.\d{2}$/);
    // A cross-site form post is refused before any page code runs.
    const forged = await fetch(`${base}/cart`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: 'x' });
    assert.equal(forged.status, 403);
  });

  it('refuses the methods no page takes with 405 and what is allowed', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
      const res = await fetch(`${base}/p/${KETTLE}`, { method });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.get('allow'), 'GET, HEAD, POST');
    }
    // TRACE, which fetch() will not send (it failed in Next with a 500).
    const trace = await new Promise<IncomingMessage>((resolve, reject) => httpRequest(`${base}/p/${KETTLE}`, { method: 'TRACE' }, resolve).on('error', reject).end());
    trace.resume();
    assert.equal(trace.statusCode, 405);
    assert.equal(trace.headers.allow, 'GET, HEAD, POST');
    const options = await fetch(`${base}/p/${KETTLE}`, { method: 'OPTIONS' });
    assert.equal(options.status, 204);
    assert.equal(options.headers.get('allow'), 'GET, HEAD, POST');
    assert.equal((await fetch(`${base}/p/${KETTLE}`, { method: 'HEAD' })).status, 200);
  });

  it('answers unknown products and categories with a real 404 page', async () => {
    // As served, before any script runs (a crawler, a reader without scripts): the shop's
    // document with its language and the page's words, not an empty error shell. The header the
    // web server asks itself for that page with is ignored from outside.
    for (const path of ['/p/no-such-product', '/c/no-such-category', '/orders/ord_nonexist', '/nothing/here']) {
      const res = await fetch(`${base}${path}`, { headers: { 'x-mercato-view': 'guess not-found' } });
      const html = await wholeNotFound(res, path);
      assert.ok(html.includes('<meta name="robots" content="noindex"/>'), `${path} is not indexed`);
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
      assert.ok(nonce && html.includes(`nonce="${nonce}"`), `${path}: the scripts carry the policy's nonce`);
    }
    const kettle = await fetch(`${base}/p/${KETTLE}`, { headers: { 'x-mercato-view': 'guess not-found' } });
    assert.equal(kettle.status, 200, 'a guessed header turns no page into the not-found page');
    assert.ok((await kettle.text()).includes('<h1>Artisan Electric Kettle</h1>'));
    const { page, problems } = await shopper();
    assert.equal(await open(page, `${base}/p/no-such-product`, problems), 404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/p/no-such-product', 'the address stays the one asked for');
    // The page's way back works after hydration.
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.waitForURL(`${base}/`);
    assert.equal(await open(page, `${base}/c/no-such-category`, problems), 404);
    assert.equal(await open(page, `${base}/nothing/here`, problems), 404);
  });

  it('switches the currency: prices in every currency the catalog prices in', async () => {
    const { page, problems } = await shopper();
    await open(page, `${base}/p/${KETTLE}`, problems);
    await page.getByText('$12.99').first().waitFor();
    const currency = page.getByLabel('Currency');
    assert.deepEqual(await currency.locator('option').allTextContents(), ['USD', 'EUR', 'JPY']);
    await currency.selectOption('EUR');
    await page.getByText('€11.99').first().waitFor();
    await assertAccessible(page, 'product in EUR');
    await currency.selectOption('JPY');
    await page.getByText('¥1,980').first().waitFor();
  });

  it('finds a product from a typo, with suggestions as you type', async () => {
    const { page, problems } = await shopper();
    await open(page, `${base}/`, problems);
    await page.getByRole('combobox', { name: 'Search products' }).pressSequentially('ketle', { delay: 30 });
    await page.getByRole('option', { name: 'Artisan Electric Kettle' }).waitFor();
    await page.getByRole('combobox', { name: 'Search products' }).press('Enter');
    await page.waitForURL(/\/search\?q=ketle/);
    await assertAccessible(page, 'search results');
    await page.getByRole('link', { name: /Artisan Electric Kettle/ }).first().waitFor();
    // Pasted text with control characters (which the API refuses) is searched for without them,
    // not answered with an error page.
    const pasted = await fetch(`${base}/search?q=${encodeURIComponent('artisan\u0000kettle\u0007')}`);
    assert.equal(pasted.status, 200);
    assert.ok((await pasted.text()).includes('Artisan Electric Kettle'), 'the pasted words are searched for');
    assert.equal((await fetch(`${base}/search?q=%00`)).status, 200);
  });

  it('a guest buys two items with pm_card_visa and opens the order from the email link', async () => {
    const { page, problems } = await shopper();
    await open(page, `${base}/`, problems);
    await screenshots(page, 'home', { dark: true });
    // The dark colour scheme passes the same checks (contrast above all).
    await page.emulateMedia({ colorScheme: 'dark' });
    await assertAccessible(page, 'home, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await open(page, `${base}/c/kitchen`, problems);
    await screenshots(page, 'category');
    await addToCart(page, base, KETTLE, problems);
    await screenshots(page, 'product', { dark: true });
    await addToCart(page, base, MILLS, problems);
    await open(page, `${base}/cart`, problems);
    assert.equal(await page.locator('li', { has: page.getByRole('button', { name: /^Remove / }) }).count(), 2);
    await screenshots(page, 'cart');
    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await page.waitForURL(/\/checkout$/);
    await assertAccessible(page, 'checkout');
    await fillAddress(page, 'guest@example.com');
    await screenshots(page, 'checkout');
    await page.getByRole('button', { name: /^Place order/ }).click();
    const orderId = await orderIdOf(page);
    await page.getByText('Thank you! Your order is confirmed.').waitFor({ timeout: 30_000 });
    await assertAccessible(page, 'order');
    await screenshots(page, 'order');
    assert.deepEqual(problems, []);

    const mail = await eventually(() => mailWith(mailbox, [orderId, 'guest@example.com']), 20_000, 200);
    const link = new RegExp(`https?://[^\\s"<>]+/orders/${orderId}\\?token=[^\\s"<>]+`).exec(mail);
    assert.ok(link, 'the confirmation email links to the order page');
    // A new browser (no cookies): the link alone opens the order.
    const other = await shopper();
    await other.page.goto(link[0]);
    await other.page.waitForURL(new RegExp(`/orders/${orderId}$`));
    await other.page.getByText('Confirmed', { exact: true }).first().waitFor();
    await assertAccessible(other.page, 'order from the email');
    assert.equal(await other.page.getByText('Artisan Electric Kettle').count() > 0, true);
  });

  it('shows a declined card and keeps the cart', async () => {
    const { page, problems } = await shopper();
    await addToCart(page, base, TEAPOT, problems);
    await page.goto(`${base}/checkout`);
    await fillAddress(page, 'declined@example.com');
    await page.getByLabel('Card ending 0002 — declined').check();
    await page.getByRole('button', { name: /^Place order/ }).click();
    await orderIdOf(page);
    await page.getByText('Your card was declined').waitFor({ timeout: 30_000 });
    await assertAccessible(page, 'declined order');
    await page.getByRole('button', { name: 'Back to your cart' }).click();
    await page.waitForURL(/\/cart$/);
    await page.getByRole('link', { name: 'Everyday Glass Teapot' }).waitFor();
    assert.deepEqual(problems, []);
  });

  it('takes the 3-D Secure card through its step and confirms', async () => {
    const { ctx, page, problems } = await shopper();
    await addToCart(page, base, TEAPOT, problems);
    await page.goto(`${base}/checkout`);
    await fillAddress(page, 'secure@example.com');
    await page.getByLabel('Card ending 3184 — asks for 3-D Secure').check();
    await page.getByRole('button', { name: /^Place order/ }).click();
    await orderIdOf(page);
    const step = page.getByRole('link', { name: 'Confirm the payment' });
    await step.waitFor({ timeout: 30_000 });
    await assertAccessible(page, 'payment step');
    const [popup] = await Promise.all([ctx.waitForEvent('page'), step.click()]);
    await popup.getByRole('button', { name: 'Complete' }).click();
    await popup.getByText('Your payment is complete.').waitFor();
    await page.getByText('Thank you! Your order is confirmed.').waitFor({ timeout: 30_000 });
  });

  it('places one order for a double click on "place order", and shows field errors from the API', async () => {
    const { page, problems } = await shopper();
    await addToCart(page, base, MILLS, problems);
    await page.goto(`${base}/checkout`);
    await fillAddress(page, 'twice@example.com');
    await page.getByLabel('Postal code').fill('!!');
    await page.getByRole('button', { name: /^Place order/ }).click();
    // The API's validation error, next to the field it names.
    const error = page.locator('#f-shippingAddress-postalCode-error');
    await error.waitFor();
    assert.match(await error.innerText(), /\S/);
    assert.equal(await page.getByLabel('Postal code').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'checkout with an error');
    await page.getByLabel('Postal code').fill('22201');
    await page.getByRole('button', { name: /^Place order/ }).dblclick();
    await orderIdOf(page);
    await page.getByText('Thank you! Your order is confirmed.').waitFor({ timeout: 30_000 });
    const orders = await sql<{ n: number }>(await platform.databaseUrl('order'), 'SELECT count(*)::int AS n FROM orders WHERE email = $1', ['twice@example.com']);
    assert.equal(orders[0]!.n, 1);
  });

  it('sells the last unit once when two tabs buy it at the same moment', async () => {
    // The admin leaves one unit of a SKU.
    const login = await fetch(`${platform.api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const admin = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const product = (await (await fetch(`${platform.api}/products/${TEAPOT}`)).json()) as { variants: Array<{ sku: string }> };
    const sku = product.variants[0]!.sku;
    const stock = (await (await fetch(`${platform.api}/inventory/availability?sku=${sku}`)).json()) as { items: Array<{ available: number }> };
    const adjust = await fetch(`${platform.api}/inventory/skus/${sku}/adjustments`, { method: 'POST', headers: admin, body: JSON.stringify({ warehouse: 'main', delta: 1 - stock.items[0]!.available, reason: 'count' }) });
    assert.equal(adjust.status, 201, await adjust.text());

    const tabs = await Promise.all([shopper(), shopper()]);
    for (const [i, tab] of tabs.entries()) {
      await addToCart(tab.page, base, TEAPOT, tab.problems);
      await tab.page.goto(`${base}/checkout`);
      await fillAddress(tab.page, `tab${i}@example.com`);
    }
    await Promise.all(tabs.map((tab) => tab.page.getByRole('button', { name: /^Place order/ }).click()));
    await Promise.all(tabs.map((tab) => orderIdOf(tab.page)));
    const outcomes = await Promise.all(
      tabs.map(async ({ page }) => {
        await page.getByText(/Thank you! Your order is confirmed\.|sold out/).first().waitFor({ timeout: 30_000 });
        return (await page.getByText('Thank you! Your order is confirmed.').count()) > 0 ? 'confirmed' : 'out of stock';
      }),
    );
    assert.deepEqual(outcomes.sort(), ['confirmed', 'out of stock']);
  });

  it('a buyer signs up, verifies the email, saves an address, buys with it, and cancels the order from the account', async () => {
    const { page, problems } = await shopper();
    const email = `buyer-${Date.now()}@example.com`;
    // A guest cart first: it becomes the account's cart on sign-up.
    await addToCart(page, base, KETTLE, problems);
    await open(page, `${base}/account/sign-up`, problems);
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('analytical engine 1843');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/account$/);
    await assertAccessible(page, 'account');
    const mail = await eventually(() => mailWith(mailbox, [email, '/account/verify?token=']), 20_000, 200);
    const verify = /https?:\/\/[^\s"<>]+\/account\/verify\?token=[^\s"<>]+/.exec(mail)![0];
    await open(page, verify.replace(/^https?:\/\/[^/]+/, base), problems);
    await page.getByRole('button', { name: 'Verify my email' }).click();
    await page.getByText('Your email is verified. Thank you!').waitFor();

    await open(page, `${base}/account`, problems);
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Address', { exact: true }).fill('12 St James Square');
    await page.getByLabel('City').fill('London');
    await page.getByLabel('Postal code').fill('SW1Y 4JH');
    await page.getByLabel('Country').selectOption('GB');
    await page.getByRole('button', { name: 'Add an address' }).click();
    await page.getByText('12 St James Square').first().waitFor();

    await open(page, `${base}/cart`, problems);
    await page.getByRole('link', { name: 'Artisan Electric Kettle' }).waitFor();
    assert.equal(await page.locator('li', { has: page.getByRole('button', { name: /^Remove / }) }).count(), 1, 'the guest cart merged into the account');
    await open(page, `${base}/checkout`, problems);
    await page.getByLabel(/12 St James Square/).check();
    await page.getByRole('button', { name: /^Place order/ }).click();
    const orderId = await orderIdOf(page);
    await page.getByText('Thank you! Your order is confirmed.').waitFor({ timeout: 30_000 });
    const placed = await sql<{ email: string; city: string }>(await platform.databaseUrl('order'), `SELECT email, shipping_address->>'city' AS city FROM orders WHERE id = $1`, [orderId]).catch(() => []);
    if (placed.length > 0) assert.deepEqual(placed[0], { email, city: 'London' });

    await open(page, `${base}/account`, problems);
    const row = page.locator(`[data-order="${orderId}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: 'Cancel order' }).click();
    await page.locator(`[data-order="${orderId}"] [data-status="cancelled"]`).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/`);
    assert.deepEqual(problems, []);
  });
});

describe('storefront without its API', { skip }, () => {
  before(() => ensureWebBuild(() => undefined));

  /** The web app alone, its API at `api`; stopped after `use`. */
  async function webWith(api: string, use: (url: string) => Promise<void>): Promise<void> {
    const child = fork(new URL('../../apps/web/server.mjs', import.meta.url).pathname, [], {
      env: { ...process.env, WEB_PORT: '0', MERCATO_API_URL: api, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execArgv: [],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.on('message', (m: { type?: string; url?: string }) => m.type === 'listening' && resolve(m.url!));
        child.once('exit', (code) => reject(new Error(`the web app exited with ${code}`)));
      });
      await use(url);
    } finally {
      child.kill('SIGTERM');
    }
  }

  /** The document as served: the shop's language and the friendly words, no stack. */
  async function friendly(res: Response, path: string): Promise<void> {
    const html = await res.text();
    assert.match(html, /^<!doctype html><html lang="en">/i, `${path} is a whole document`);
    assert.match(html, /We will be right back/);
    assert.doesNotMatch(html, /at [\w.<>]+ \(|node_modules|\.tsx?:\d+/, 'no stack trace');
  }

  it('answers a friendly 503 page, without a stack, when a service it needs is down', async () => {
    await webWith(`http://127.0.0.1:${await freePort()}`, async (url) => {
      for (const path of ['/', `/p/${KETTLE}`, '/c/clothing']) {
        const res = await fetch(`${url}${path}`);
        assert.equal(res.status, 503, path);
        assert.equal(res.headers.get('retry-after'), '5');
        await friendly(res, path);
      }
    });
  });

  it('answers a page that fails with a whole 500 page, and an API that knows nothing with the whole 404 page', async () => {
    // An API that refuses everything in a way no page expects (409), then one that finds nothing.
    let status = 409;
    const api = createServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'urn:mercato:problem:conflict', code: 'conflict', title: 'Conflict', status }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    try {
      await webWith(`http://127.0.0.1:${(api.address() as AddressInfo).port}`, async (url) => {
        for (const path of [`/p/${KETTLE}`, '/c/clothing']) {
          const res = await fetch(`${url}${path}`);
          assert.equal(res.status, 500, path);
          assert.equal(res.headers.get('retry-after'), null, 'a failure is not an outage');
          await friendly(res, path);
        }
        status = 404;
        for (const path of [`/p/${KETTLE}`, '/c/clothing']) {
          await wholeNotFound(await fetch(`${url}${path}`), path);
        }
      });
    } finally {
      api.close();
    }
  });
});

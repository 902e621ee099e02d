import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually, freePort } from '@mercato/chassis/testing';
import { ensureWebBuild } from '@mercato/platform/web';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, mailWith, screenshots, skipUnlessChromium, watchPage, type TestBrowser } from './support/browser.js';
import { startEmbedded, type EmbeddedPlatform } from './support/embedded.js';

// What a signed-in shopper does beyond buying, in a real browser on the embedded platform with
// the demo shop: a back-in-stock alert from the product page answered by one email, a review
// written from the product page once the order is delivered (and refused in words before), the
// say over the shop's messages, a password change (other browsers signed out), and erasing the account.

const ADMIN = { email: 'owner@example.com', password: 'correct horse battery staple' };
const KETTLE = 'artisan-electric-kettle';
const TEAPOT = 'everyday-glass-teapot';
const skip = skipUnlessChromium();

interface Product {
  id: string;
  title: string;
  variants: Array<{ sku: string }>;
}

describe('the shopper account in the browser', { skip }, () => {
  let platform: EmbeddedPlatform;
  let browser: TestBrowser;
  let base = '';
  let mailbox = '';
  let admin: Record<string, string> = {};
  const contexts: BrowserContext[] = [];

  const shopper = async () => {
    const ctx = await browser.shopper();
    contexts.push(ctx);
    const page = await ctx.newPage();
    return { ctx, page, problems: watchPage(page) };
  };

  const open = async (page: Page, url: string, problems: string[]) => {
    const res = await page.goto(url);
    await assertAccessible(page, url);
    assert.deepEqual(problems, [], `${url}: the page reported problems`);
    return res?.status() ?? 0;
  };

  const product = async (slug: string) => (await (await fetch(`${platform.api}/products/${slug}`)).json()) as Product;

  /** Sets a SKU's available stock to `units` in the main warehouse, as staff would. */
  const setStock = async (sku: string, units: number) => {
    const stock = (await (await fetch(`${platform.api}/inventory/availability?sku=${sku}`)).json()) as { items: Array<{ available: number }> };
    const delta = units - stock.items[0]!.available;
    if (delta === 0) return;
    const r = await fetch(`${platform.api}/inventory/skus/${sku}/adjustments`, { method: 'POST', headers: admin, body: JSON.stringify({ warehouse: 'main', delta, reason: 'count' }) });
    assert.equal(r.status, 201, await r.text());
  };

  const signUp = async (page: Page, problems: string[], email: string) => {
    await open(page, `${base}/account/sign-up`, problems);
    await page.getByLabel('Name').fill('Mary Somerville');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('on the connexion of the sciences');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/account$/);
  };

  before(async () => {
    await ensureWebBuild(() => undefined);
    browser = await launchBrowser();
    const port = await freePort();
    platform = await startEmbedded({
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
    base = platform.gateway;
    mailbox = join(platform.dir, 'data', 'mailbox');
    const login = await fetch(`${platform.api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    admin = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await platform?.close();
  });

  it('asks for a sold-out product from its page and is told once by email when it is back', async () => {
    const teapot = await product(TEAPOT);
    const sku = teapot.variants[0]!.sku;
    await setStock(sku, 0);
    const { page, problems } = await shopper();

    // A guest is asked to sign in first.
    await open(page, `${base}/p/${TEAPOT}`, problems);
    await page.getByText('Out of stock').first().waitFor();
    await page.getByRole('button', { name: "Email me when it's back" }).click();
    await page.getByText('Sign in to be told when it is back in stock.').waitFor();

    const email = `waiting-${Date.now()}@example.com`;
    await signUp(page, problems, email);
    await open(page, `${base}/p/${TEAPOT}`, problems);
    await page.getByRole('button', { name: "Email me when it's back" }).click();
    await page.getByText('We will email you once when it is back in stock.').waitFor();
    await screenshots(page, 'product-back-in-stock');

    await open(page, `${base}/account`, problems);
    const wish = page.locator(`[data-wish="${sku}"]`);
    await wish.getByText('waiting').waitFor();

    await setStock(sku, 4);
    const mail = await eventually(() => mailWith(mailbox, [email, 'is back in stock', sku]), 20_000, 200);
    assert.match(mail, new RegExp(`/p/${TEAPOT}`), 'the email links to the product');
    // Told once: a second crossing from sold out to available sends nothing more.
    await setStock(sku, 0);
    await setStock(sku, 2);
    await new Promise((r) => setTimeout(r, 1500));
    const { readdir, readFile } = await import('node:fs/promises');
    let told = 0;
    for (const f of (await readdir(mailbox)).filter((name) => name.endsWith('.eml'))) {
      const mail = await readFile(join(mailbox, f), 'utf8');
      if (mail.includes(email) && mail.includes('back in stock')) told++;
    }
    assert.equal(told, 1, 'one back-in-stock email for one wish');

    await open(page, `${base}/account`, problems);
    await wish.getByText(/told on/).waitFor();
    assert.deepEqual(problems, []);
  });

  it('writes a review from the product page once the order is delivered, and is refused in words before', async () => {
    const kettle = await product(KETTLE);
    const { page, problems } = await shopper();

    // A guest: asked to sign in.
    await open(page, `${base}/p/${KETTLE}`, problems);
    await page.getByText('Write a review').click();
    await page.getByLabel('Title').fill('Boils fast');
    await page.getByLabel('Your review').fill('Quiet, quick and the handle stays cool.');
    await page.getByRole('button', { name: 'Send the review' }).click();
    await page.getByText('Sign in to review a product you received.').waitFor();

    const email = `reviewer-${Date.now()}@example.com`;
    await signUp(page, problems, email);
    // Signed in, but nothing received yet: the review service's refusal, in words.
    await open(page, `${base}/p/${KETTLE}`, problems);
    await page.getByText('Write a review').click();
    await page.getByLabel('Title').fill('Boils fast');
    await page.getByLabel('Your review').fill('Quiet, quick and the handle stays cool.');
    await page.getByRole('button', { name: 'Send the review' }).click();
    await page.getByText('Only customers who received this product can review it.').waitFor();

    // Buy it, and staff ship and deliver it.
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart.').waitFor();
    await page.goto(`${base}/checkout`);
    await page.getByLabel('Full name').fill('Mary Somerville');
    await page.getByLabel('Address', { exact: true }).fill('1 Chelsea Walk');
    await page.getByLabel('City').fill('London');
    await page.getByLabel('Postal code').fill('SW3 5HL');
    await page.getByRole('button', { name: /^Place order/ }).click();
    await page.waitForURL(/\/orders\/ord_/);
    const orderId = /\/orders\/(ord_[A-Za-z0-9]+)/.exec(page.url())![1]!;
    await page.getByText('Thank you! Your order is confirmed.').waitFor({ timeout: 30_000 });
    const ship = await fetch(`${platform.api}/orders/${orderId}/ship`, { method: 'POST', headers: admin, body: JSON.stringify({ carrier: 'Royal Mail', trackingNumber: 'RM123456789GB' }) });
    assert.equal(ship.status, 200, await ship.text());
    const deliver = await fetch(`${platform.api}/orders/${orderId}/deliver`, { method: 'POST', headers: admin, body: '{}' });
    assert.equal(deliver.status, 200, await deliver.text());

    // Eligible once the review service has seen the delivery.
    const me = await page.context().cookies();
    assert.ok(me.length > 0);
    await eventually(
      async () => {
        await open(page, `${base}/p/${KETTLE}`, problems);
        await page.getByText('Write a review').click();
        await page.getByLabel('Your rating').selectOption('4');
        await page.getByLabel('Title').fill('Boils fast');
        await page.getByLabel('Your review').fill('Quiet, quick and the handle stays cool.');
        await page.getByRole('button', { name: 'Send the review' }).click();
        await page.getByText(/Thank you: your review|Only customers who received/).first().waitFor();
        return (await page.getByText(/Thank you: your review/).count()) > 0 ? true : undefined;
      },
      20_000,
      500,
    );
    await screenshots(page, 'product-review-written');
    const mine = (await (await fetch(`${platform.api}/reviews?productId=${kettle.id}&sort=newest`)).json()) as { items: Array<{ title: string; rating: number; verifiedPurchase: boolean }> };
    const written = mine.items.find((r) => r.title === 'Boils fast');
    assert.ok(written, 'the review is published');
    assert.equal(written.rating, 4);
    assert.equal(written.verifiedPurchase, true);
    assert.deepEqual(problems, []);
  });

  it('changes the password on the account page: a wrong current one is refused in words; then the new one signs in and another browser is signed out', async () => {
    const { page, problems } = await shopper();
    const other = await shopper();
    const email = `changing-${Date.now()}@example.com`;
    const first = 'on the connexion of the sciences';
    const second = 'the analytical engine weaves patterns';
    await signUp(page, problems, email);
    await open(other.page, `${base}/account/sign-in`, other.problems);
    await other.page.getByLabel('Email').fill(email);
    await other.page.getByLabel('Password').fill(first);
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await other.page.waitForURL(/\/account$/);

    await open(page, `${base}/account`, problems);
    await page.getByLabel('Current password').fill('not the right one at all');
    await page.getByLabel('New password').fill(second);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is not right').waitFor();
    await page.getByLabel('Current password').fill(first);
    await page.getByLabel('New password').fill('password1234');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('must be at least 12 characters long').or(page.getByText('is too common')).first().waitFor();
    await page.getByLabel('Current password').fill(first);
    await page.getByLabel('New password').fill(second);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password is changed.').waitFor();
    await screenshots(page, 'account-password');
    // This browser keeps its session (the change answered a new one)…
    await page.reload();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    assert.match(page.url(), /\/account$/);
    // …the other is signed out within seconds (its tokens are of the session before).
    await eventually(async () => {
      await other.page.goto(`${base}/account`);
      return /\/account\/sign-in\?ended=1$/.test(other.page.url());
    }, 30_000, 1_000);
    await other.page.getByText('Your session has ended').waitFor();
    await screenshots(other.page, 'account-session-ended');
    // The session is forgotten: the account page now asks to sign in, without the message.
    await other.page.goto(`${base}/account`);
    await other.page.waitForURL(/\/account\/sign-in\?next=/);
    assert.deepEqual(other.problems, []);
    const login = (password: string) => fetch(`${platform.api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    assert.equal((await login(first)).status, 401);
    assert.equal((await login(second)).status, 200);
    assert.deepEqual(problems, []);
  });

  it('chooses which messages come and how, then erases the account', async () => {
    const { page, problems } = await shopper();
    const email = `leaving-${Date.now()}@example.com`;
    await signUp(page, problems, email);
    await open(page, `${base}/account`, problems);
    const offers = page.getByRole('checkbox', { name: 'Offers and news: Email' });
    assert.equal(await offers.isChecked(), false, 'marketing is opt-in');
    assert.equal(await page.getByRole('checkbox', { name: 'Orders and payments: Email' }).isDisabled(), true, 'transactional email cannot be turned off');
    await offers.check();
    await page.getByRole('checkbox', { name: 'Back in stock: Email' }).uncheck();
    await page.getByRole('button', { name: 'Save' }).last().click();
    await page.getByText('Saved.').first().waitFor();
    await page.reload();
    assert.equal(await page.getByRole('checkbox', { name: 'Offers and news: Email' }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'Back in stock: Email' }).isChecked(), false);
    await screenshots(page, 'account-preferences');

    // Erasing asks for the email first.
    await page.getByText('Delete my account', { exact: true }).last().click();
    await page.getByLabel('Type your email to confirm').fill('someone-else@example.com');
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByText('This is not the email of your account.').waitFor();
    await page.getByLabel('Type your email to confirm').fill(email);
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.waitForURL(`${base}/?erased=1`);
    const again = await fetch(`${platform.api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'on the connexion of the sciences' }) });
    assert.equal(again.status, 401, 'the sign-in is gone with the account');
    await open(page, `${base}/account`, problems);
    await page.waitForURL(/\/account\/sign-in/);
    assert.deepEqual(problems, []);
  });
});

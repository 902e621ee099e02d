import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually, freePort } from '@mercato/chassis/testing';
import { ensureWebBuild } from '@mercato/platform/web';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, mailWith, screenshots, skipUnlessChromium, watchPage, type TestBrowser } from './support/browser.js';
import { startEmbedded, type EmbeddedPlatform } from './support/embedded.js';
import { sql, stockedProduct, type Shop } from './support/shop.js';

// The back office's orders, stock, customers, operations and review moderation in a real browser
// (Debian's chromium through playwright-core), on the embedded platform as `npm start` serves it.
// Staff sign in on /admin/sign-in; every page passes axe-core; screenshots for the web app's README.

const ADMIN = { email: 'owner@example.com', password: 'correct horse battery staple' };
const OPS_TOKEN = `ops-${randomUUID()}-${randomUUID()}`;
const json = { 'content-type': 'application/json' };
const skip = skipUnlessChromium();

describe('back office: orders, stock, customers, operations, reviews', { skip }, () => {
  let platform: EmbeddedPlatform;
  let browser: TestBrowser;
  let base = '';
  let mailbox = '';
  let adminToken = '';
  let shop: Shop;
  const contexts: BrowserContext[] = [];

  const call = async (method: string, path: string, token?: string, body?: unknown, extra: Record<string, string> = {}) => {
    const res = await fetch(`${platform.api}${path}`, {
      method,
      headers: { ...(body !== undefined ? json : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };

  const context = async () => {
    const ctx = await browser.shopper();
    contexts.push(ctx);
    const page = await ctx.newPage();
    return { ctx, page, problems: watchPage(page) };
  };

  /** Opens a page: no CSP violation or script error, and no serious accessibility violation. */
  const open = async (page: Page, path: string, problems: string[]) => {
    const res = await page.goto(`${base}${path}`);
    await assertAccessible(page, path);
    assert.deepEqual(problems, [], `${path}: the page reported problems`);
    return res?.status() ?? 0;
  };

  /** A staff member signs in on the back office's sign-in page and lands on `next`. */
  const signIn = async (page: Page, who: { email: string; password: string }, next: string) => {
    await page.goto(`${base}/admin/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === next.split('?')[0]);
  };

  /** A confirm dialog's button, once its dialog is open. */
  const dialog = (page: Page) => page.locator('dialog[open]');

  /** A customer who bought and paid: their token (when registered) and the confirmed order. */
  const buy = async (sku: string, quantity: number, who: { token?: string; email: string }) => {
    const cart = (await call('POST', '/carts', who.token, { currency: 'USD' })).body as { id: string };
    await eventually(async () => (await call('POST', `/carts/${cart.id}/items`, who.token, { sku, quantity })).status < 300, 15_000, 100);
    const placed = await call(
      'POST',
      '/checkout',
      who.token,
      { cartId: cart.id, email: who.email, shippingAddress: { name: 'Ada Lovelace', line1: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'US' }, payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' } },
      { 'idempotency-key': randomUUID(), prefer: 'wait=20' },
    );
    assert.equal(placed.body.status, 'confirmed', JSON.stringify(placed.body));
    return { orderId: placed.body.orderId as string, accessToken: placed.body.accessToken as string | null };
  };

  const register = async (name: string) => {
    const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomUUID().slice(0, 6)}@example.com`;
    const password = 'a long enough passphrase 42';
    const r = await call('POST', '/auth/register', undefined, { email, password, name });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return { email, password, token: r.body.accessToken as string };
  };

  before(async () => {
    await ensureWebBuild(() => undefined);
    browser = await launchBrowser();
    // A fixed gateway port, so that the links in emails lead here.
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
      // The operations page reads the services' failed events through the gateway.
      OPS_TOKEN,
      // A failing handler gives up quickly (two attempts), so the test sees a dead letter.
      EVENT_MAX_ATTEMPTS: '2',
      EVENT_RETRY_BASE_MS: '100',
      EVENT_RETRY_MAX_MS: '200',
      GATEWAY_RATE_LIMIT_IP: '1000000/min',
      GATEWAY_RATE_LIMIT_USER: '1000000/min',
    });
    base = platform.gateway;
    mailbox = join(platform.dir, 'data', 'mailbox');
    adminToken = (await call('POST', '/auth/login', undefined, ADMIN)).body.accessToken as string;
    shop = { api: platform.api, admin: () => ({ authorization: `Bearer ${adminToken}`, ...json }), paymentDb: '', orderDb: '' };
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await platform?.close();
  });

  it('an admin ships an order, then refunds part of it; the customer sees both on the order page and in the mailbox', async () => {
    const sku = `ADM-${randomUUID().slice(0, 8).toUpperCase()}`;
    await stockedProduct(shop, sku, 10);
    const buyer = `ada-${randomUUID().slice(0, 6)}@example.com`;
    const { orderId, accessToken } = await buy(sku, 2, { email: buyer });

    const { page, problems } = await context();
    await signIn(page, ADMIN, '/admin/orders');
    await assertAccessible(page, 'orders');
    // Search by the buyer's email finds the order; a bad total is refused next to its field.
    await open(page, `/admin/orders?q=${encodeURIComponent(buyer)}`, problems);
    await page.getByRole('link', { name: orderId }).waitFor();
    await open(page, '/admin/orders?min=abc', problems);
    await page.locator('#filter-min[aria-invalid="true"]').waitFor();
    await page.getByText('Enter an amount such as 12.50').waitFor();
    await open(page, `/admin/orders?status=confirmed&q=${orderId}`, problems);
    await screenshots(page, 'admin-orders');
    await page.getByRole('link', { name: orderId }).click();
    await page.waitForURL(new RegExp(`/admin/orders/${orderId}$`));
    await assertAccessible(page, 'order detail');
    await page.getByText('Confirmed', { exact: true }).first().waitFor();

    // Ship: the dialog asks first; the API's field errors show next to the fields.
    await page.getByRole('button', { name: 'Ship order' }).click();
    await dialog(page).getByRole('heading', { name: 'Ship this order?' }).waitFor();
    await assertAccessible(page, 'ship dialog');
    await dialog(page).getByRole('button', { name: 'Ship order' }).click();
    await dialog(page).getByLabel('Carrier').and(page.locator('[aria-invalid="true"]')).waitFor();
    await dialog(page).getByLabel('Carrier').fill('DHL');
    await dialog(page).getByLabel('Tracking number').fill('JD014600006281');
    await dialog(page).getByRole('button', { name: 'Ship order' }).click();
    // The page renders again with the order shipped (the ship button goes with the dialog).
    await page.getByText('Shipped', { exact: true }).first().waitFor();
    await page.getByText('Tracking: DHL JD014600006281').waitFor();

    // Refund: more than was paid is refused in words, with what is left; then $5.00 of it.
    await page.getByRole('button', { name: 'Refund' }).click();
    await dialog(page).getByLabel('Amount (USD)').fill('999');
    await dialog(page).getByRole('button', { name: 'Refund' }).click();
    const refused = await dialog(page).getByRole('alert').textContent();
    assert.match(refused ?? '', /more than is left to refund: at most \$\d+\.\d{2}/);
    await dialog(page).getByLabel('Amount (USD)').fill('5.00');
    await dialog(page).getByLabel('Reason (kept with the refund)').fill('Scratched on arrival');
    await dialog(page).getByRole('button', { name: 'Refund' }).click();
    await page.getByText('A refund of $5.00 is on its way').waitFor();
    await eventually(async () => {
      await page.reload();
      return (await page.getByText(/\$5\.00, refunded/).count()) > 0;
    }, 30_000, 500);
    await assertAccessible(page, 'order detail after the refund');
    assert.deepEqual(problems, []);
    await screenshots(page, 'admin-order');
    const order = (await call('GET', `/orders/${orderId}`, adminToken)).body as { status: string; payment: { refunded: { amount: number } } };
    assert.deepEqual([order.status, order.payment.refunded.amount], ['shipped', 500]);

    // The customer: the order page (from the email's link) and the mailbox.
    const shipped = await eventually(() => mailWith(mailbox, [orderId, buyer, 'JD014600006281']), 20_000, 200);
    assert.match(shipped, /DHL/);
    const refundMail = await eventually(() => mailWith(mailbox, [orderId, buyer, 'Refund of 5.00 USD']), 20_000, 200);
    assert.ok(refundMail);
    const customer = await context();
    await customer.page.goto(`${base}/orders/${orderId}?token=${accessToken}`);
    await customer.page.waitForURL(new RegExp(`/orders/${orderId}$`));
    await customer.page.getByText('$5.00 has been refunded to your original payment method.').waitFor();
    await customer.page.getByText('Tracking: DHL JD014600006281').waitFor();
    await assertAccessible(customer.page, 'customer order page after the refund');
  });

  it('stock: a SKU per warehouse, an adjustment with its reason in the ledger, and the low-stock list and email', async () => {
    const sku = `LOW-${randomUUID().slice(0, 8).toUpperCase()}`;
    await stockedProduct(shop, sku, 8);
    const { page, problems } = await context();
    await signIn(page, ADMIN, '/admin/inventory');
    await open(page, `/admin/inventory?q=${sku}`, problems);
    await page.getByRole('link', { name: sku }).click();
    await page.waitForURL(new RegExp(`/admin/inventory/${sku}$`));
    await assertAccessible(page, 'sku page');
    // Without a reason the API refuses: its words next to the field.
    await page.getByLabel('Units to add or remove').fill('-3');
    await page.getByRole('button', { name: 'Adjust stock' }).click();
    await page.getByLabel('Reason').and(page.locator('[aria-invalid="true"]')).waitFor();
    await page.getByLabel('Reason').fill('Damaged in storage');
    await page.getByRole('button', { name: 'Adjust stock' }).click();
    await page.getByText('Saved: 5 on hand').waitFor();
    await page.reload();
    await page.getByRole('cell', { name: /Damaged in storage/ }).waitFor();
    // A threshold above what is left: the SKU is low, staff get one email.
    await page.getByLabel('Low at (available units)').fill('6');
    await page.getByRole('button', { name: 'Save threshold' }).click();
    await page.getByText('Saved: low stock at 6').waitFor();
    await page.reload();
    await page.getByText('Low stock: 5 available').waitFor();
    await assertAccessible(page, 'sku page, low');
    await screenshots(page, 'admin-sku');
    await open(page, '/admin/inventory?low=1', problems);
    await page.getByRole('link', { name: sku }).waitFor();
    await screenshots(page, 'admin-low-stock');
    const mail = await eventually(() => mailWith(mailbox, [ADMIN.email, `Low stock: ${sku} has 5 left`]), 20_000, 200);
    assert.ok(mail.includes(`/admin/inventory/${sku}`), 'the email links to the stock page');
    // One email per crossing: a further removal while low sends none.
    const removed = await call('POST', `/inventory/skus/${sku}/adjustments`, adminToken, { warehouse: 'main', delta: -1, reason: 'count' });
    assert.equal(removed.status, 201);
    await new Promise((r) => setTimeout(r, 1500));
    const { readdir, readFile } = await import('node:fs/promises');
    let count = 0;
    for (const f of await readdir(mailbox)) if ((await readFile(join(mailbox, f), 'utf8')).includes(`Low stock: ${sku}`)) count++;
    assert.equal(count, 1);
    assert.deepEqual(problems, []);
  });

  it('customers: search, one customer with orders and addresses, and a role change explained', async () => {
    const sam = await register('Sam Support');
    const { page, problems } = await context();
    await signIn(page, ADMIN, '/admin/customers');
    await open(page, `/admin/customers?q=${encodeURIComponent(sam.email)}`, problems);
    await screenshots(page, 'admin-customers');
    await page.getByRole('link', { name: 'Sam Support' }).click();
    await page.waitForURL(/\/admin\/customers\/usr_/);
    await assertAccessible(page, 'customer');
    await page.getByText('A change takes effect when their session renews its access token: within 15 minutes, or at their next sign-in.').first().waitFor();
    await page.getByRole('button', { name: 'Change roles' }).click();
    await dialog(page).getByLabel('support').check();
    await assertAccessible(page, 'roles dialog');
    await dialog(page).getByRole('button', { name: 'Save roles' }).click();
    await page.getByText(/Saved: .*support/).waitFor();
    await page.reload();
    assert.match((await page.getByTestId('customer-roles').textContent()) ?? '', /support/);
    await screenshots(page, 'admin-customer');
    assert.deepEqual(problems, []);
  });

  it('a support user sees orders but no catalog editing, and no operations', async () => {
    const sue = await register('Sue Helpdesk');
    const users = (await call('GET', `/users?q=${encodeURIComponent(sue.email)}`, adminToken)).body as { items: Array<{ id: string }> };
    const id = users.items[0]!.id;
    assert.equal((await call('PUT', `/users/${id}/roles`, adminToken, { roles: ['customer', 'support'] })).status, 200);
    // The auth service learns the roles from the user service's event: a sign-in then carries them.
    await eventually(async () => {
      const t = (await call('POST', '/auth/login', undefined, { email: sue.email, password: sue.password })).body.accessToken as string;
      return JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()).roles.includes('support');
    }, 20_000, 200);
    const { page, problems } = await context();
    await signIn(page, sue, '/admin/orders');
    await assertAccessible(page, 'orders as support');
    const nav = page.getByRole('navigation', { name: 'Back office' });
    await nav.getByRole('link', { name: 'Orders' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Catalog' }).count(), 0, 'no catalog in the navigation');
    assert.equal(await nav.getByRole('link', { name: 'Operations' }).count(), 0, 'no operations in the navigation');
    assert.equal(await open(page, '/admin/catalog', problems), 403, 'the catalog page refuses');
    assert.equal(await open(page, '/admin/operations', problems), 403, 'the operations page refuses');
    // An order: support reads it, may cancel, but neither ships nor refunds.
    const { orderId } = await buy((await firstSku()), 1, { email: `walkin-${randomUUID().slice(0, 6)}@example.com` });
    assert.equal(await open(page, `/admin/orders/${orderId}`, problems), 200);
    await page.getByRole('button', { name: 'Cancel order' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Ship order' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Refund' }).count(), 0);
  });

  /** A demo product's SKU in stock. */
  const firstSku = async () => {
    const sku = `SUP-${randomUUID().slice(0, 8).toUpperCase()}`;
    await stockedProduct(shop, sku, 5);
    return sku;
  };

  it('a dead letter from a failing handler is replayed from the operations page and processed; the review is moderated', async () => {
    const sku = `REV-${randomUUID().slice(0, 8).toUpperCase()}`;
    await stockedProduct(shop, sku, 5);
    const rita = await register('Rita Reviewer');
    const { orderId } = await buy(sku, 1, { token: rita.token, email: rita.email });
    // The review service's OrderDelivered handler fails: its insert is refused while this trigger exists.
    const reviewDb = await platform.databaseUrl('review');
    await sql(reviewDb, `CREATE OR REPLACE FUNCTION refuse_purchase() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'purchases are refused by the test'; END $$`);
    await sql(reviewDb, 'CREATE TRIGGER refuse_purchase BEFORE INSERT ON purchases FOR EACH ROW EXECUTE FUNCTION refuse_purchase()');
    assert.equal((await call('POST', `/orders/${orderId}/ship`, adminToken, { carrier: 'UPS', trackingNumber: '1Z999' })).status, 200);
    assert.equal((await call('POST', `/orders/${orderId}/deliver`, adminToken)).status, 200);
    const dead = await eventually(async () => {
      const list = (await call('GET', '/operations/dead-letters/review?status=dead', adminToken)).body as { items?: Array<{ id: number; type: string; envelope: { subject?: string; data?: { orderId?: string } } }> };
      return list.items?.find((f) => f.type === 'OrderDelivered' && JSON.stringify(f.envelope).includes(orderId));
    }, 30_000, 200);
    await sql(reviewDb, 'DROP TRIGGER refuse_purchase ON purchases');

    const { page, problems } = await context();
    await signIn(page, ADMIN, '/admin/operations');
    await assertAccessible(page, 'operations');
    await page.getByTestId('health-review').getByText('Ready', { exact: true }).waitFor();
    await open(page, '/admin/operations?service=review&status=dead', problems);
    const item = page.getByTestId('dead-letter').filter({ hasText: 'purchases are refused by the test' }).first();
    await item.getByText('OrderDelivered').first().waitFor();
    await item.getByText('Payload').click();
    await item.getByText(orderId).first().waitFor();
    await screenshots(page, 'admin-operations');
    await item.getByRole('button', { name: 'Replay' }).click();
    await assertAccessible(page, 'replay dialog');
    await dialog(page).getByRole('button', { name: 'Replay' }).click();
    // Back in the retry queue: it leaves the list of dead events.
    await eventually(async () => (await page.getByTestId('dead-letter').filter({ hasText: 'purchases are refused by the test' }).count()) === 0, 10_000, 100);
    // Processed: resolved, and the purchase is recorded (the buyer may review).
    await eventually(async () => {
      const one = (await call('GET', `/operations/dead-letters/review/${dead.id}`, adminToken)).body as { status: string };
      return one.status === 'resolved';
    }, 30_000, 200);
    assert.equal((await sql(reviewDb, 'SELECT 1 FROM purchases WHERE order_id = $1', [orderId])).length, 1);
    await open(page, '/admin/operations?service=review&status=resolved', problems);
    await page.getByTestId('dead-letter').filter({ hasText: 'purchases are refused by the test' }).first().waitFor();

    // A review in capitals is held for a moderator.
    const product = (await call('GET', `/products/${sku.toLowerCase()}`)).body as { id: string };
    const posted = await call('POST', '/reviews', rita.token, { productId: product.id, rating: 2, title: 'NOT WHAT I EXPECTED', body: 'THE LID DOES NOT CLOSE PROPERLY AND IT LEAKS.' });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    assert.equal(posted.body.status, 'pending');
    const reviewId = posted.body.id as string;
    await open(page, '/admin/reviews', problems);
    const card = page.getByTestId('review').filter({ hasText: 'NOT WHAT I EXPECTED' });
    await card.getByText('Held: written in capitals.').waitFor();
    await screenshots(page, 'admin-reviews');
    // Rejecting needs a reason: the API's refusal shows next to the field.
    await card.getByRole('button', { name: 'Reject' }).click();
    await dialog(page).getByRole('button', { name: 'Reject' }).click();
    await dialog(page).getByLabel('Reason for the author').and(page.locator('[aria-invalid="true"]')).waitFor();
    await assertAccessible(page, 'reject dialog');
    await dialog(page).getByRole('button', { name: 'Go back' }).click();
    await card.getByRole('button', { name: 'Approve' }).click();
    await dialog(page).getByRole('button', { name: 'Approve' }).click();
    await eventually(async () => (await page.getByTestId('review').filter({ hasText: 'NOT WHAT I EXPECTED' }).count()) === 0, 10_000, 100);
    assert.equal((await call('GET', `/reviews/${reviewId}`, adminToken)).body.status, 'published');
    // The shop answers in public.
    await open(page, '/admin/reviews?status=published', problems);
    const published = page.getByTestId('review').filter({ hasText: 'NOT WHAT I EXPECTED' });
    await published.getByText('Reply as the shop').click();
    await published.getByLabel("The shop's reply").fill('Sorry about the lid: we are sending you a new one.');
    await published.getByRole('button', { name: 'Publish reply' }).click();
    await page.getByText('The reply is shown under the review.').waitFor();
    assert.equal(((await call('GET', `/reviews/${reviewId}`)).body.reply as { body: string }).body, 'Sorry about the lid: we are sending you a new one.');
    assert.deepEqual(problems, []);
  });
});

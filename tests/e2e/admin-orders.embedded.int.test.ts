import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eventually } from '@mercato/chassis/testing';
import { ADMIN, dialog, startBackOffice, stockedSku, type BackOffice } from './support/admin-ops.js';
import { assertAccessible, cookieHeader, mailWith, screenshots, skipUnlessChromium, VIEWPORTS } from './support/browser.js';
import { stockedProduct } from './support/shop.js';
// The back office's orders and customers in a real browser (Debian's chromium through
// playwright-core), on the embedded platform as `npm start` serves it: an admin ships and refunds
// part of an order and the customer sees it; a customer's page and a role change; what a support
// user may not do. axe-core on every page; screenshots for the web app's README.

const skip = skipUnlessChromium();

describe('back office: orders and customers', { skip }, () => {
  let bo: BackOffice;
  before(async () => {
    bo = await startBackOffice(`ops-${randomUUID()}-${randomUUID()}`);
  });
  after(async () => bo?.close());

  it('an admin ships an order, then refunds part of it; the customer sees both on the order page and in the mailbox', async () => {
    const sku = `ADM-${randomUUID().slice(0, 8).toUpperCase()}`;
    await stockedProduct(bo.shop, sku, 10);
    const buyer = `ada-${randomUUID().slice(0, 6)}@example.com`;
    const { orderId, accessToken } = await bo.buy(sku, 2, { email: buyer });

    const { page, problems } = await bo.context();
    await bo.signIn(page, ADMIN, '/admin/orders');
    await assertAccessible(page, 'orders');
    // Search by the buyer's email finds the order; a bad total is refused next to its field.
    await bo.open(page, `/admin/orders?q=${encodeURIComponent(buyer)}`, problems);
    await page.getByRole('link', { name: orderId }).waitFor();
    await bo.open(page, '/admin/orders?min=abc', problems);
    await page.locator('#filter-min[aria-invalid="true"]').waitFor();
    await page.getByText('Enter an amount such as 12.50').waitFor();
    await page.getByText('Please correct the filters marked above.').waitFor();
    // On a phone the less used filters fold under "More filters", open while one is set or
    // refused; on a wide screen they are part of the row.
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByText('More filters (1 set)').waitFor();
    assert.ok(await page.locator('#filter-min').isVisible(), 'a refused filter is never folded away');
    await bo.open(page, `/admin/orders?status=confirmed&q=${orderId}`, problems);
    assert.equal(await page.locator('#filter-from').isVisible(), false, 'the dates are folded on a phone');
    assert.ok(await page.locator('#filter-status').isVisible());
    await page.getByText('More filters', { exact: true }).click();
    await page.locator('#filter-from').waitFor();
    await page.reload();
    await page.setViewportSize(VIEWPORTS.desktop);
    assert.ok(await page.locator('#filter-from').isVisible(), 'a wide screen shows every filter');
    assert.equal(await page.getByText('More filters', { exact: true }).isVisible(), false);
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
    const order = (await bo.call('GET', `/orders/${orderId}`, bo.adminToken)).body as { status: string; payment: { refunded: { amount: number } } };
    assert.deepEqual([order.status, order.payment.refunded.amount], ['shipped', 500]);

    // The customer: the order page (from the email's link) and the mailbox.
    const shipped = await eventually(() => mailWith(bo.mailbox, [orderId, buyer, 'JD014600006281']), 20_000, 200);
    assert.match(shipped, /DHL/);
    const refundMail = await eventually(() => mailWith(bo.mailbox, [orderId, buyer, 'Refund of 5.00 USD']), 20_000, 200);
    assert.ok(refundMail);
    const customer = await bo.context();
    await customer.page.goto(`${bo.base}/orders/${orderId}?token=${accessToken}`);
    await customer.page.waitForURL(new RegExp(`/orders/${orderId}$`));
    await customer.page.getByText('$5.00 has been refunded to your original payment method.').waitFor();
    await customer.page.getByText('Tracking: DHL JD014600006281').waitFor();
    await assertAccessible(customer.page, 'customer order page after the refund');
  });

  it('customers: search, one customer with orders and addresses, and a role change explained', async () => {
    const sam = await bo.register('Sam Support');
    const { page, problems } = await bo.context();
    await bo.signIn(page, ADMIN, '/admin/customers');
    await bo.open(page, `/admin/customers?q=${encodeURIComponent(sam.email)}`, problems);
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
    const sue = await bo.register('Sue Helpdesk');
    const users = (await bo.call('GET', `/users?q=${encodeURIComponent(sue.email)}`, bo.adminToken)).body as { items: Array<{ id: string }> };
    const id = users.items[0]!.id;
    assert.equal((await bo.call('PUT', `/users/${id}/roles`, bo.adminToken, { roles: ['customer', 'support'] })).status, 200);
    // The auth service learns the roles from the user service's event: a sign-in then carries them.
    await eventually(async () => {
      const t = (await bo.call('POST', '/auth/login', undefined, { email: sue.email, password: sue.password })).body.accessToken as string;
      return JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()).roles.includes('support');
    }, 20_000, 200);
    const { page, problems } = await bo.context();
    await bo.signIn(page, sue, '/admin/orders');
    await assertAccessible(page, 'orders as support');
    const nav = page.getByRole('navigation', { name: 'Back office' });
    await nav.getByRole('link', { name: 'Orders' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Catalog' }).count(), 0, 'no catalog in the navigation');
    assert.equal(await nav.getByRole('link', { name: 'Operations' }).count(), 0, 'no operations in the navigation');
    assert.equal(await bo.open(page, '/admin/catalog', problems), 403, 'the catalog page refuses');
    assert.equal(await bo.open(page, '/admin/operations', problems), 403, 'the operations page refuses');
    // Served whole, before any script runs: in the back office's frame, with the navigation of
    // what support may open.
    const cookie = await cookieHeader(page);
    const whole = await fetch(`${bo.base}/admin/catalog`, { headers: { cookie } });
    assert.equal(whole.status, 403);
    const html = await whole.text();
    assert.match(html, /^<!DOCTYPE html><html lang="en"/);
    assert.ok(html.includes('<h1>You may not open this page</h1>') && html.includes('aria-label="Back office"') && html.includes('href="/admin/orders"'), 'the 403 in the frame');
    assert.ok(!html.includes('href="/admin/catalog"'), 'the frame offers support no catalog');
    // An order: support reads it, may cancel, but neither ships nor refunds.
    const { orderId } = await bo.buy(await stockedSku(bo.shop, 'SUP'), 1, { email: `walkin-${randomUUID().slice(0, 6)}@example.com` });
    assert.equal(await bo.open(page, `/admin/orders/${orderId}`, problems), 200);
    await page.getByRole('button', { name: 'Cancel order' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Ship order' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Refund' }).count(), 0);
  });

});

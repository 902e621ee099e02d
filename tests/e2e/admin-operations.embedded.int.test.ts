import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually } from '@mercato/chassis/testing';
import { ADMIN, dialog, startBackOffice, type BackOffice } from './support/admin-ops.js';
import { assertAccessible, mailWith, screenshots, skipUnlessChromium } from './support/browser.js';
import { sql, stockedProduct } from './support/shop.js';
// The back office's stock, operations and review moderation in a real browser, on the embedded
// platform: an adjustment with its reason in the ledger and the low-stock list and email; a dead
// letter made by a failing handler, replayed from the operations page and processed; a held
// review moderated and answered. axe-core on every page; screenshots for the web app's README.

const skip = skipUnlessChromium();

describe('back office: stock, operations, reviews', { skip }, () => {
  let bo: BackOffice;
  before(async () => {
    bo = await startBackOffice(`ops-${randomUUID()}-${randomUUID()}`);
  });
  after(async () => bo?.close());

  it('stock: a SKU per warehouse, an adjustment with its reason in the ledger, and the low-stock list and email', async () => {
    const sku = `LOW-${randomUUID().slice(0, 8).toUpperCase()}`;
    await stockedProduct(bo.shop, sku, 8);
    const { page, problems } = await bo.context();
    await bo.signIn(page, ADMIN, '/admin/inventory');
    await bo.open(page, `/admin/inventory?q=${sku}`, problems);
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
    await bo.open(page, `/admin/inventory?low=1&q=${sku}`, problems);
    await page.getByRole('link', { name: sku }).waitFor();
    await screenshots(page, 'admin-low-stock');
    const mail = await eventually(() => mailWith(bo.mailbox, [ADMIN.email, `Low stock: ${sku} has 5 left`]), 20_000, 200);
    assert.ok(mail.includes(`/admin/inventory/${sku}`), 'the email links to the stock page');
    // One email per crossing: a further removal while low sends none.
    const removed = await bo.call('POST', `/inventory/skus/${sku}/adjustments`, bo.adminToken, { warehouse: 'main', delta: -1, reason: 'count' });
    assert.equal(removed.status, 201);
    await new Promise((r) => setTimeout(r, 1500));
    let count = 0;
    for (const f of (await readdir(bo.mailbox)).filter((n) => n.endsWith('.eml'))) {
      const text = await readFile(join(bo.mailbox, f), 'utf8');
      if (text.includes(`Low stock: ${sku}`) && text.includes(ADMIN.email)) count++;
    }
    assert.equal(count, 1, 'one email to the admin for the one crossing');
    assert.deepEqual(problems, []);
  });

  it('a dead letter from a failing handler is replayed from the operations page and processed; the review is moderated', async () => {
    const sku = `REV-${randomUUID().slice(0, 8).toUpperCase()}`;
    await stockedProduct(bo.shop, sku, 5);
    const rita = await bo.register('Rita Reviewer');
    const { orderId } = await bo.buy(sku, 1, { token: rita.token, email: rita.email });
    // The review service's OrderDelivered handler fails: its insert is refused while this trigger exists.
    const reviewDb = await bo.platform.databaseUrl('review');
    await sql(reviewDb, `CREATE OR REPLACE FUNCTION refuse_purchase() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'purchases are refused by the test'; END $$`);
    await sql(reviewDb, 'CREATE TRIGGER refuse_purchase BEFORE INSERT ON purchases FOR EACH ROW EXECUTE FUNCTION refuse_purchase()');
    assert.equal((await bo.call('POST', `/orders/${orderId}/ship`, bo.adminToken, { carrier: 'UPS', trackingNumber: '1Z999' })).status, 200);
    assert.equal((await bo.call('POST', `/orders/${orderId}/deliver`, bo.adminToken)).status, 200);
    const dead = await eventually(async () => {
      const list = (await bo.call('GET', '/operations/dead-letters/review?status=dead', bo.adminToken)).body as { items?: Array<{ id: number; type: string; envelope: { subject?: string; data?: { orderId?: string } } }> };
      return list.items?.find((f) => f.type === 'OrderDelivered' && JSON.stringify(f.envelope).includes(orderId));
    }, 30_000, 200);
    await sql(reviewDb, 'DROP TRIGGER refuse_purchase ON purchases');

    const { page, problems } = await bo.context();
    await bo.signIn(page, ADMIN, '/admin/operations');
    await assertAccessible(page, 'operations');
    await page.getByTestId('health-review').getByText('Ready', { exact: true }).waitFor();
    await bo.open(page, '/admin/operations?service=review&status=dead', problems);
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
      const one = (await bo.call('GET', `/operations/dead-letters/review/${dead.id}`, bo.adminToken)).body as { status: string };
      return one.status === 'resolved';
    }, 30_000, 200);
    assert.equal((await sql(reviewDb, 'SELECT 1 FROM purchases WHERE order_id = $1', [orderId])).length, 1);
    await bo.open(page, '/admin/operations?service=review&status=resolved', problems);
    await page.getByTestId('dead-letter').filter({ hasText: 'purchases are refused by the test' }).first().waitFor();

    // A review in capitals is held for a moderator.
    const product = (await bo.call('GET', `/products/${sku.toLowerCase()}`)).body as { id: string };
    const posted = await bo.call('POST', '/reviews', rita.token, { productId: product.id, rating: 2, title: 'NOT WHAT I EXPECTED', body: 'THE LID DOES NOT CLOSE PROPERLY AND IT LEAKS.' });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    assert.equal(posted.body.status, 'pending');
    const reviewId = posted.body.id as string;
    await bo.open(page, `/admin/reviews?productId=${product.id}`, problems);
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
    assert.equal((await bo.call('GET', `/reviews/${reviewId}`, bo.adminToken)).body.status, 'published');
    // The shop answers in public.
    await bo.open(page, `/admin/reviews?status=published&productId=${product.id}`, problems);
    const published = page.getByTestId('review').filter({ hasText: 'NOT WHAT I EXPECTED' });
    await published.getByText('Reply as the shop').click();
    await published.getByLabel("The shop's reply").fill('Sorry about the lid: we are sending you a new one.');
    await published.getByRole('button', { name: 'Publish reply' }).click();
    await page.getByText('The reply is shown under the review.').waitFor();
    assert.equal(((await bo.call('GET', `/reviews/${reviewId}`)).body.reply as { body: string }).body, 'Sorry about the lid: we are sending you a new one.');
    assert.deepEqual(problems, []);
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually, uniqueName } from '@mercato/chassis/testing';
import {
  assertMoney,
  carts,
  cartWith,
  checkoutBody,
  place,
  postCheckout,
  sampleStock,
  sql,
  stockOf,
  stockedProduct,
  type Placed,
  type Shop,
} from './shop.js';

// The checkout invariants of DESIGN.md, as cases any run mode can be put through: never more
// sold than stocked; never charged twice for one order; every charged order ends confirmed or
// refunded; no order lost across a crash.

export const newSku = (what: string) => uniqueName(`CO-${what}`).toUpperCase().replace(/_/g, '-');
const email = (what: string) => `${uniqueName(what).replace(/_/g, '.')}@example.com`;

async function ordersFor(shop: Shop, address: string): Promise<number> {
  return (await sql<{ n: number }>(shop.orderDb, 'SELECT count(*)::int AS n FROM orders WHERE email = $1', [address]))[0]!.n;
}

/** Many one-unit guest checkouts at once against little stock: exactly the stock is sold, each sale charged once. */
export async function oversell(shop: Shop, opts: { orders: number; stock: number; settleMs: number }): Promise<void> {
  const sku = newSku('hot');
  const buyer = email('hot');
  await stockedProduct(shop, sku, opts.stock);
  const ids = await carts(shop, sku, opts.orders);
  const sampler = sampleStock(shop, [sku]);
  const placed = await Promise.all(ids.map((cartId) => place(shop, { cartId, email: buyer })));
  const { orders, books } = await assertMoney(shop, placed, opts.settleMs);
  await sampler.stop();

  const statuses = [...orders.values()].map((o) => (o.status === 'cancelled' ? `cancelled:${o.cancelReason}` : o.status));
  const count = (s: string) => statuses.filter((x) => x === s).length;
  assert.deepEqual(
    { confirmed: count('confirmed'), outOfStock: count('cancelled:out_of_stock'), other: statuses.length - count('confirmed') - count('cancelled:out_of_stock') },
    { confirmed: opts.stock, outOfStock: opts.orders - opts.stock, other: 0 },
  );
  assert.equal(new Set(placed.map((p) => p.orderId)).size, opts.orders, 'one order per cart');
  assert.equal(await ordersFor(shop, buyer), opts.orders);
  // Charged: exactly the confirmed orders, once each, for their total; the others never reached payment.
  const confirmed = placed.filter((p) => orders.get(p.orderId)!.status === 'confirmed');
  assert.deepEqual(
    confirmed.map((p) => [books.get(p.orderId)?.charges, books.get(p.orderId)?.captured]),
    confirmed.map((p) => [1, p.total]),
  );
  assert.equal(books.size, opts.stock, 'no payment for an order whose stock was not reserved');
  // Inventory commits a confirmed order's stock when OrderConfirmed reaches it, a moment after the
  // order reads confirmed: the stock is checked once it has.
  const committed = await eventually(async () => {
    const s = await stockOf(shop, sku);
    return s.onHand === 0 && s.reserved === 0 ? s : undefined;
  }, opts.settleMs, 100).catch(() => undefined);
  assert.deepEqual(committed ?? (await stockOf(shop, sku)), { onHand: 0, reserved: 0, available: 0 });
}

/** A declined card: the order is cancelled for it, nothing is charged, the unit is for sale again. */
export async function declined(shop: Shop, settleMs: number): Promise<void> {
  const sku = newSku('decl');
  await stockedProduct(shop, sku, 1);
  const placed = await place(shop, { cartId: await cartWith(shop, sku), email: email('decl'), paymentMethod: 'pm_card_chargeDeclined' });
  const { orders, books } = await assertMoney(shop, [placed], settleMs);
  const order = orders.get(placed.orderId)!;
  assert.deepEqual([order.status, order.cancelReason, order.payment.paid.amount], ['cancelled', 'payment_declined', 0]);
  const payment = books.get(placed.orderId);
  assert.deepEqual([payment?.state, payment?.charges, payment?.captured], ['failed', 0, 0], 'the payment was tried, and declined');
  // The reservation is released: the unit can be sold again, and is.
  await eventually(async () => (await stockOf(shop, sku)).available === 1, 10_000, 100);
  assert.deepEqual(await stockOf(shop, sku), { onHand: 1, reserved: 0, available: 1 });
  const again = await place(shop, { cartId: await cartWith(shop, sku), email: email('decl') });
  assert.equal((await assertMoney(shop, [again], settleMs)).orders.get(again.orderId)!.status, 'confirmed');
}

/** One Idempotency-Key sent ten times at once with one body: one order, one charge. */
export async function sameKey(shop: Shop, settleMs: number): Promise<void> {
  const sku = newSku('idem');
  const buyer = email('idem');
  await stockedProduct(shop, sku, 5);
  const key = randomUUID();
  const body = checkoutBody({ cartId: await cartWith(shop, sku), email: buyer });
  const answers = await Promise.all(Array.from({ length: 10 }, () => postCheckout(shop, key, body)));
  const ok = answers.filter((a) => a.status === 200 || a.status === 202);
  assert.ok(ok.length >= 1, `at least one answer placed the order: ${JSON.stringify(answers)}`);
  const orderId = ok[0]!.body.orderId as string;
  for (const a of answers) {
    const fine = ((a.status === 200 || a.status === 202) && a.body.orderId === orderId) || (a.status === 409 && a.body.code === 'request_in_flight');
    assert.ok(fine, `every answer is the one order or "in flight": ${a.status} ${JSON.stringify(a.body)}`);
  }
  // Once done, the key answers the same order again.
  const replay = await postCheckout(shop, key, body);
  assert.equal(replay.body.orderId, orderId);
  const placed: Placed = { orderId, accessToken: ok[0]!.body.accessToken as string, total: (ok[0]!.body.totals as { total: { amount: number } }).total.amount, key };
  const { orders, books } = await assertMoney(shop, [placed], settleMs);
  assert.equal(orders.get(orderId)!.status, 'confirmed');
  assert.equal(await ordersFor(shop, buyer), 1, 'one order');
  assert.deepEqual([books.get(orderId)?.charges, books.get(orderId)?.captured], [1, placed.total], 'one charge');
  assert.deepEqual(await stockOf(shop, sku), { onHand: 4, reserved: 0, available: 4 });
}

export interface CrashBatch {
  sku: string;
  stock: number;
  email: string;
  placed: Placed[];
  /** When the crash came: checkouts not answered yet, and orders placed but not settled. */
  atCrash: { unanswered: number; open: number };
}

/**
 * `orders` guest checkouts of one unit against `stock` units, all sent at once by careful
 * clients (same key again while the platform is down); once `ready()` says the run is where the
 * crash should hit, `crash()` runs (kill, wait, start again) while the checkouts are in flight.
 */
export async function checkoutsThroughCrash(
  shop: Shop,
  opts: { what: string; stock: number; orders: number; crashWhen: (answered: Placed[]) => Promise<boolean> | boolean; crash: () => Promise<void> },
): Promise<CrashBatch> {
  const sku = newSku(opts.what);
  const buyer = email(opts.what);
  await stockedProduct(shop, sku, opts.stock);
  const ids = await carts(shop, sku, opts.orders);
  const answered: Placed[] = [];
  const all = Promise.all(
    ids.map(async (cartId) => {
      const p = await place(shop, { cartId, email: buyer }, 120_000);
      answered.push(p);
      return p;
    }),
  );
  await eventually(async () => (await opts.crashWhen(answered)) || answered.length === opts.orders, 30_000, 20);
  const unanswered = opts.orders - answered.length;
  const [open] = await sql<{ n: number }>(shop.orderDb, "SELECT count(*)::int AS n FROM orders WHERE email = $1 AND status IN ('pending', 'awaiting_payment')", [buyer]);
  await opts.crash();
  const atCrash = { unanswered, open: open!.n };
  assert.ok(atCrash.unanswered + atCrash.open > 0, `the crash came while checkouts were in flight: ${JSON.stringify(atCrash)}`);
  return { sku, stock: opts.stock, email: buyer, placed: await all, atCrash };
}

/**
 * After crashes: every order readable and settled, one order per checkout, money consistent
 * (see assertMoney), never more sold than stocked, nothing left reserved, and what is on hand is
 * exactly the stock less the confirmed units.
 */
export async function assertAfterCrashes(shop: Shop, batches: readonly CrashBatch[], settleMs: number): Promise<Record<string, Record<string, number>>> {
  const placed = batches.flatMap((b) => b.placed);
  assert.equal(new Set(placed.map((p) => p.orderId)).size, placed.length, 'one order per checkout');
  const { orders } = await assertMoney(shop, placed, settleMs);
  const summary: Record<string, Record<string, number>> = {};
  for (const b of batches) {
    assert.equal(await ordersFor(shop, b.email), b.placed.length, `${b.sku}: no order lost or made twice`);
    const tally: Record<string, number> = {};
    for (const p of b.placed) {
      const o = orders.get(p.orderId)!;
      const k = o.status === 'cancelled' ? `cancelled:${o.cancelReason}` : o.status;
      tally[k] = (tally[k] ?? 0) + 1;
    }
    summary[b.sku] = { ...tally, unansweredAtCrash: b.atCrash.unanswered, openAtCrash: b.atCrash.open };
    const sold = tally.confirmed ?? 0;
    assert.ok(sold <= b.stock, `${b.sku}: ${sold} sold of ${b.stock}`);
    assert.ok(sold > 0, `${b.sku}: some orders went through (${JSON.stringify(tally)})`);
    // Stock settles with the orders: a cancelled order's reservation released, a confirmed one's committed.
    const expected = { onHand: b.stock - sold, reserved: 0, available: b.stock - sold };
    await eventually(async () => JSON.stringify(await stockOf(shop, b.sku)) === JSON.stringify(expected), 15_000, 200).catch(() => undefined);
    assert.deepEqual(await stockOf(shop, b.sku), expected, `${b.sku}: ${JSON.stringify(tally)}`);
  }
  return summary;
}

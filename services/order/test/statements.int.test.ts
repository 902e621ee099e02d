import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { skipUnless } from '@mercato/chassis/testing';
import { createEvent, newId } from '@mercato/contracts';
import { cartTokenHash } from '../src/carts/cart-id.js';
import { cartsStore } from '../src/carts/carts.store.js';
import { catalogEvent, productFacts, startOrder, type OrderUnderTest } from './support.js';

// What one checkout costs the order service in statements sent to PostgreSQL (each one a round
// trip): the checkout's transaction is two statements (the cart locked and read with its lines,
// BEGIN with it; the order, its history, the cart closed, OrderPlaced and the stored answer,
// COMMIT with it), a saga move one (the order, its history and its events), a run of moves one.

/**
 * Every statement this process sends while `fn` runs, a prepared one by its name, others by their
 * text; BEGIN, COMMIT and ROLLBACK left out (they travel with the transaction's statements).
 */
async function statementsOf(fn: () => Promise<unknown>, sent?: string[]): Promise<string[]> {
  const seen: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
    const c = config as { name?: string; text?: string } | string;
    seen.push(typeof c === 'string' ? c.replace(/\s+/g, ' ').trim() : c.name ? `[${c.name}]` : (c.text ?? '?').replace(/\s+/g, ' ').trim());
    return (query as (...a: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof query;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = query;
  }
  sent?.push(...seen);
  return seen.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)\b/.test(s));
}

describe('statements of a checkout (PostgreSQL)', { skip: skipUnless('postgres') }, () => {
  let o: OrderUnderTest;
  let keys = 0;
  const address = { name: 'Ada Lovelace', line1: '1 Main St', city: 'Boston', country: 'US' };
  const cartWith = async (quantity: number) => {
    const cart = (await o.anonymous('POST', '/carts', { currency: 'USD' })).json<{ id: string }>();
    assert.equal((await o.anonymous('POST', `/carts/${cart.id}/items`, { sku: 'ST-TEE', quantity })).statusCode, 200);
    return cart.id;
  };
  const checkout = (cartId: string) =>
    o.anonymous(
      'POST',
      '/checkout',
      { cartId, shippingAddress: address, email: 'ada@example.com', payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' } },
      { 'idempotency-key': `statements-${++keys}` },
    );

  before(async () => {
    o = await startOrder({ ORDER_SHIPPING_RATES: JSON.stringify({ US: { USD: 499 } }), ORDER_TAX_RATES: JSON.stringify({ '*': 0 }) });
    const tee = newId('prd');
    await o.deliver(catalogEvent('ProductCreated', productFacts({ productId: tee, variants: [{ sku: 'ST-TEE', prices: { USD: 1000 } }, { sku: 'ST-CAP', prices: { USD: 700 } }] }), new Date()));
    // The payment providers are read once and kept: not part of a checkout.
    assert.equal((await checkout(await cartWith(1))).statusCode, 202);
  });
  after(async () => {
    await o?.stop();
  });

  it('places an order in two statements besides the key claim, and moves it in one per saga event', async () => {
    const cartId = await cartWith(2);
    let orderId = '';
    const sent: string[] = [];
    const placing = await statementsOf(async () => {
      const res = await checkout(cartId);
      assert.equal(res.statusCode, 202, res.body);
      orderId = res.json<{ orderId: string }>().orderId;
    }, sent);
    assert.deepEqual(placing, ['[order_idempotency_claim]', '[order_cart_for_checkout_with_items]', '[order_place]']);
    // Its COMMIT travels with the placing statement: three round trips in all.
    assert.deepEqual(sent, placing);
    // All of it written: the order, OrderPlaced, the answer stored under the key, the cart closed.
    assert.equal(await o.count('SELECT count(*) AS n FROM orders WHERE id = $1 AND status = $2', [orderId, 'pending']), 1);
    assert.equal(await o.count(`SELECT count(*) AS n FROM outbox WHERE type = 'OrderPlaced' AND subject = $1`, [orderId]), 1);
    assert.equal(await o.count(`SELECT count(*) AS n FROM idempotency_keys WHERE key = $1 AND status = 'done' AND response_body->>'orderId' = $2`, [`statements-${keys}`, orderId]), 1);
    assert.equal(await o.count(`SELECT count(*) AS n FROM carts WHERE status = 'checked_out' AND id = (SELECT cart_id FROM orders WHERE id = $1)`, [orderId]), 1);

    const reserved = createEvent(
      'StockReserved',
      { orderId, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), lines: [{ sku: 'ST-TEE', quantity: 2, allocations: [{ warehouseId: newId('whs'), quantity: 2 }] }] },
      { source: 'inventory', subject: orderId },
    );
    const moving = await statementsOf(() => o.deliver(reserved));
    const move = moving.filter((s) => s.startsWith('[order_apply_') || s.startsWith('[chassis_outbox'));
    assert.equal(move.length, 1, `one statement for the move and its events: ${moving.join(' | ')}`);
    assert.match(move[0]!, /^\[order_apply_\w*o\]$/);
    assert.equal(await o.count(`SELECT count(*) AS n FROM outbox WHERE type = 'PaymentRequested' AND subject = $1`, [orderId]), 1);
    assert.equal(await o.count(`SELECT count(*) AS n FROM order_history WHERE order_id = $1 AND to_status = 'awaiting_payment'`, [orderId]), 1);
  });

  it('moves a run of orders in one statement per run, with their events and history', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await checkout(await cartWith(1));
      assert.equal(res.statusCode, 202, res.body);
      ids.push(res.json<{ orderId: string }>().orderId);
    }
    const expiresAt = new Date(Date.now() + 15 * 60_000).toISOString();
    const reserved = ids.map((orderId) =>
      createEvent('StockReserved', { orderId, expiresAt, lines: [{ sku: 'ST-TEE', quantity: 1, allocations: [{ warehouseId: newId('whs'), quantity: 1 }] }] }, { source: 'inventory', subject: orderId }),
    );
    const moving = await statementsOf(() => o.deliver(...reserved));
    const moves = moving.filter((s) => s.startsWith('[order_apply') || s.startsWith('[chassis_outbox'));
    assert.equal(moves.length, 1, `one statement for the run's moves and events: ${moving.join(' | ')}`);
    assert.match(moves[0]!, /^\[order_apply_\w*o\]$/);
    const paid = ids.map((orderId) => createEvent('PaymentSucceeded', { orderId, paymentId: newId('pay'), provider: 'sandbox', amount: { amount: 1499, currency: 'USD' } }, { source: 'payment', subject: orderId }));
    const paying = await statementsOf(() => o.deliver(...paid));
    assert.equal(paying.filter((s) => s.startsWith('[order_apply') || s.startsWith('[chassis_outbox')).length, 1, paying.join(' | '));
    for (const orderId of ids) {
      assert.equal(await o.count(`SELECT count(*) AS n FROM orders WHERE id = $1 AND status = 'confirmed' AND paid_amount = 1499 AND payment_deadline IS NOT NULL AND confirmed_at IS NOT NULL AND version = 3`, [orderId]), 1);
      assert.equal(await o.count(`SELECT count(*) AS n FROM outbox WHERE subject = $1 AND type IN ('PaymentRequested', 'OrderConfirmed')`, [orderId]), 2);
      const history = await o.svc.db.query<{ from_status: string | null; to_status: string; actor: string }>('SELECT from_status, to_status, actor FROM order_history WHERE order_id = $1 ORDER BY id', [orderId]);
      assert.deepEqual(history.rows.map((h) => [h.from_status, h.to_status]), [[null, 'pending'], ['pending', 'awaiting_payment'], ['awaiting_payment', 'confirmed']]);
      assert.equal(history.rows[1]!.actor, `event:StockReserved:${reserved[ids.indexOf(orderId)]!.id}`);
    }
  });

  it('reads the lines changed while the checkout waited for the cart, from a statement of their own', async () => {
    const cartId = await cartWith(1);
    const cart = (await o.svc.db.query<{ id: string }>('SELECT id FROM carts WHERE token_hash = $1', [cartTokenHash(cartId)])).rows[0]!;
    // A cart change as the API makes it: the cart locked, a line added, the cart touched.
    const change = await o.svc.db.pool.connect();
    try {
      await change.query('BEGIN');
      await change.query('SELECT 1 FROM carts WHERE id = $1 FOR UPDATE', [cart.id]);
      await change.query(`INSERT INTO cart_items (cart_id, sku, quantity, unit_price_seen) VALUES ($1, 'ST-CAP', 3, 700)`, [cart.id]);
      await change.query('UPDATE carts SET updated_at = now() WHERE id = $1', [cart.id]);
      let read: Awaited<ReturnType<typeof cartsStore.forCheckout>>;
      const reads = await statementsOf(async () => {
        const reading = o.svc.db.tx(async (tx) => {
          read = await cartsStore.forCheckout(tx, cartTokenHash(cartId));
        });
        // The checkout's statement waits for the lock (its snapshot taken before the change commits).
        for (let i = 0; i < 250; i++) {
          const r = await o.svc.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
          if (r.rows[0]!.n > 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await change.query('COMMIT');
        await reading;
      });
      assert.deepEqual(
        read?.items.map((i) => [i.sku, i.quantity]),
        [['ST-TEE', 1], ['ST-CAP', 3]],
      );
      assert.ok(read?.skus.has('ST-CAP'));
      assert.deepEqual(reads.filter((s) => s.startsWith('[order_cart')), ['[order_cart_for_checkout_with_items]', '[order_cart_items_with_skus]'], 'the lines read again');
    } finally {
      change.release();
    }
    // Unchanged while it waited: one statement, the same lines.
    const again = await statementsOf(() => o.svc.db.tx((tx) => cartsStore.forCheckout(tx, cartTokenHash(cartId))));
    assert.deepEqual(again, ['[order_cart_for_checkout_with_items]']);
  });
});

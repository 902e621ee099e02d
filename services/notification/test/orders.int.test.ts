import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MemoryBus, type RunningService } from '@mercato/chassis';
import { createTestDatabase, eventually, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { createEvent, newId, type Envelope } from '@mercato/contracts';
import { PUBLIC_URL, startNotification } from './support.js';

interface MessageRow {
  id: string;
  event_id: string;
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  [key: string]: unknown;
}

interface FailureRow {
  status: string;
  attempts: number;
  last_error: string | null;
  [key: string]: unknown;
}

const CURRENCY = 'USD';

function newOrder(email: string, guest: boolean) {
  const orderId = newId('ord');
  const userId = guest ? null : newId('usr');
  const accessToken = guest ? `otk_${'a1B2-c3_D'.repeat(4).slice(0, 32)}` : null;
  const lines = [
    { sku: 'TEE-RED-M', productId: newId('prd'), variantId: newId('var'), title: 'Red T-shirt', quantity: 2, unitPrice: { amount: 1999, currency: CURRENCY } },
    { sku: 'MUG', productId: newId('prd'), variantId: newId('var'), title: 'Mug <large>', quantity: 1, unitPrice: { amount: 850, currency: CURRENCY } },
  ];
  const total = { amount: 4848, currency: CURRENCY };
  const meta = { source: 'order', subject: orderId };
  const link = `${PUBLIC_URL}/orders/${orderId}${accessToken ? `?token=${encodeURIComponent(accessToken)}` : ''}`;
  return {
    orderId,
    email,
    link,
    placed: () => createEvent('OrderPlaced', { orderId, userId, email, lines, total, accessToken }, meta),
    confirmed: () => createEvent('OrderConfirmed', { orderId, userId, email, lines, total, paymentId: newId('pay') }, meta),
    shipped: () =>
      createEvent('OrderShipped', { orderId, userId, email, carrier: 'DHL', trackingNumber: 'JD014600003SE', shippedAt: '2026-05-06T07:08:09.000Z' }, meta),
    cancelled: (reason: 'out_of_stock' | 'payment_declined' | 'payment_timeout' | 'customer') =>
      createEvent('OrderCancelled', { orderId, userId, email, reason, lines, stockReserved: true }, meta),
    paymentFailed: () =>
      createEvent(
        'PaymentFailed',
        { orderId, paymentId: newId('pay'), provider: 'sandbox', code: 'card_declined', message: 'Insufficient <funds>' },
        { source: 'payment', subject: orderId },
      ),
    refunded: (amount: number, full: boolean) =>
      createEvent(
        'Refunded',
        {
          orderId,
          paymentId: newId('pay'),
          refundId: newId('ref'),
          refundRequestId: null,
          amount: { amount, currency: CURRENCY },
          totalRefunded: { amount, currency: CURRENCY },
          full,
        },
        { source: 'payment', subject: orderId },
      ),
  };
}

describe('notification: order and payment emails', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let dir: string;
  let svc: RunningService;
  let bus: MemoryBus;

  before(async () => {
    db = await createTestDatabase('notif_orders');
    dir = await mkdtemp(join(tmpdir(), 'mercato-mailbox-'));
    bus = new MemoryBus();
    svc = await startNotification(db, { NOTIFICATION_MAILBOX_DIR: dir, EVENT_RETRY_MAX_MS: '200', EVENT_MAX_ATTEMPTS: '50' }, bus);
    bus.open();
  });

  after(async () => {
    await svc?.stop();
    await bus?.close();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function messagesOf(eventId: string): Promise<MessageRow[]> {
    return (await svc.db.query<MessageRow>('SELECT * FROM messages WHERE event_id = $1', [eventId])).rows;
  }

  async function kindsTo(email: string): Promise<string[]> {
    const r = await svc.db.query<{ kind: string }>('SELECT kind FROM messages WHERE recipient = $1 ORDER BY created_at, id', [email]);
    return r.rows.map((row) => row.kind);
  }

  /** Delivers the event twice (a redelivery: same id) and returns its one message. */
  async function deliverTwice(event: Envelope): Promise<MessageRow> {
    await bus.publish([event]);
    await bus.publish([event]);
    const rows = await messagesOf(event.id);
    assert.equal(rows.length, 1, `one message for ${event.type}, delivered twice`);
    return rows[0]!;
  }

  it('records the contact of a placed order once, with a guest token, and sends nothing for it', async () => {
    const guest = newOrder('guest@example.com', true);
    const placed = guest.placed();
    await bus.publish([placed]);
    await bus.publish([placed]);
    const r = await svc.db.query<{ user_id: string | null; email: string; access_token: string | null; currency: string }>(
      'SELECT user_id, email, access_token, currency FROM order_contacts WHERE order_id = $1',
      [guest.orderId],
    );
    assert.deepEqual(r.rows, [{ user_id: null, email: 'guest@example.com', access_token: placed.data.accessToken, currency: CURRENCY }]);
    assert.deepEqual(await messagesOf(placed.id), []);
  });

  it('a guest order: confirmation, shipped and refund, one each, with the token link', async () => {
    const o = newOrder('ann@example.com', true);
    await bus.publish([o.placed()]);

    const confirmed = await deliverTwice(o.confirmed());
    assert.deepEqual([confirmed.kind, confirmed.recipient, confirmed.subject], ['order_confirmed', o.email, `Your order ${o.orderId} is confirmed`]);
    assert.ok(confirmed.text.includes('2 × 19.99 USD = 39.98 USD'), confirmed.text);
    assert.ok(confirmed.text.includes('Total: 48.48 USD'));
    assert.ok(confirmed.text.includes(`View your order: ${o.link}`));
    assert.match(o.link, /\?token=otk_/);

    const shipped = await deliverTwice(o.shipped());
    assert.deepEqual([shipped.kind, shipped.recipient], ['order_shipped', o.email]);
    assert.ok(shipped.text.includes('Tracking number: JD014600003SE'));
    assert.ok(shipped.text.includes(o.link));

    const refunded = await deliverTwice(o.refunded(4848, true));
    assert.deepEqual([refunded.kind, refunded.recipient], ['refunded', o.email], 'the address comes from OrderPlaced');
    assert.ok(refunded.text.includes('We refunded 48.48 USD'));
    assert.ok(refunded.text.includes('in full'));

    assert.deepEqual(await kindsTo(o.email), ['order_confirmed', 'order_shipped', 'refunded']);
  });

  it('a signed-in order: the link carries no token; a cancellation is worded by its reason', async () => {
    const o = newOrder('bob@example.com', false);
    await bus.publish([o.placed()]);
    const confirmed = await deliverTwice(o.confirmed());
    assert.ok(confirmed.text.includes(`View your order: ${PUBLIC_URL}/orders/${o.orderId}\n`));
    assert.ok(!confirmed.text.includes('token='));

    const cancelled = await deliverTwice(o.cancelled('customer'));
    assert.deepEqual([cancelled.kind, cancelled.recipient, cancelled.subject], ['order_cancelled', o.email, `Your order ${o.orderId} is cancelled`]);
    assert.match(cancelled.text, /As you asked/);
    assert.deepEqual(await kindsTo(o.email), ['order_confirmed', 'order_cancelled']);
  });

  it('a declined payment: one payment-failed email, and nothing for the cancellation that follows', async () => {
    const o = newOrder('carol@example.com', false);
    await bus.publish([o.placed()]);
    const failed = await deliverTwice(o.paymentFailed());
    assert.deepEqual([failed.kind, failed.recipient], ['payment_failed', o.email]);
    assert.ok(failed.text.includes('Insufficient <funds>'));
    assert.ok(failed.text.includes('nothing was charged'));

    const cancelled = o.cancelled('payment_declined');
    await bus.publish([cancelled]);
    assert.deepEqual(await messagesOf(cancelled.id), []);
    const handled = await svc.db.query('SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = $2', ['notification.OrderCancelled', cancelled.id]);
    assert.equal(handled.rowCount, 1, 'the cancellation was handled, not parked');
    assert.deepEqual(await kindsTo(o.email), ['payment_failed']);
  });

  it('an out-of-stock cancellation of a guest order links with its token', async () => {
    const o = newOrder('dan@example.com', true);
    await bus.publish([o.placed()]);
    const cancelled = await deliverTwice(o.cancelled('out_of_stock'));
    assert.match(cancelled.text, /no longer in stock/);
    assert.ok(cancelled.text.includes(`View your order: ${o.link}`));
  });

  it('a payment failure that arrives before its OrderPlaced is retried, then sent once the order is known', async () => {
    const o = newOrder('early@example.com', false);
    const failed = o.paymentFailed();
    await bus.publish([failed]);
    const failure = async () =>
      (await svc.db.query<FailureRow>('SELECT status, attempts, last_error FROM event_failures WHERE consumer = $1 AND event_id = $2', ['notification.PaymentFailed', failed.id]))
        .rows[0];
    const retried = await eventually(async () => {
      const f = await failure();
      return f && f.attempts >= 2 ? f : undefined;
    });
    assert.equal(retried.status, 'retrying');
    assert.match(retried.last_error ?? '', /OrderContactUnknown/);
    assert.deepEqual(await messagesOf(failed.id), [], 'nothing queued while the address is unknown');

    await bus.publish([o.placed()]);
    const [m] = await eventually(async () => {
      const rows = await messagesOf(failed.id);
      return rows.length > 0 ? rows : undefined;
    });
    assert.deepEqual([m!.kind, m!.recipient], ['payment_failed', o.email]);
    // The failure is marked resolved just after the handler's transaction commits.
    await eventually(async () => (await failure())?.status === 'resolved');
    assert.equal((await messagesOf(failed.id)).length, 1);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidData } from '@mercato/chassis';
import type { Order } from './order.js';
import { ORDER_STATUSES, canMove, type OrderStatus } from './order-states.js';
import { decide, EventTooEarly, PaidTwice, RESERVATION_MARGIN_MS, type MoveContext, type OrderInput, type Refusal, type Transition } from './order-transitions.js';
import { IllegalTransition, RefundExceedsPayment } from './order.errors.js';

const AT = new Date('2026-12-05T12:00:00.000Z');
const ctx: MoveContext = { at: AT, actor: 'event:Test:evt_1', refundRequestId: 'rfq_1' };
const later = (ms: number) => new Date(AT.getTime() + ms);

function order(over: Partial<Order> = {}): Order {
  return {
    id: 'ord_1',
    cartId: 'crt_1',
    userId: 'usr_1',
    email: 'buyer@example.com',
    status: 'pending',
    cancelReason: null,
    currency: 'EUR',
    lines: [{ sku: 'SKU-1', productId: 'prd_1', variantId: 'var_1', title: 'Mug', slug: 'mug', quantity: 2, unitPrice: 1500, lineTotal: 3000 }],
    shippingAddress: { name: 'A B', line1: '1 Road', city: 'Paris', country: 'FR' },
    billingAddress: null,
    totals: { subtotal: 3000, shipping: 500, tax: 0, total: 3500, taxRate: 0, pricesIncludeTax: true },
    payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' },
    paymentDeadline: null,
    paymentId: null,
    nextActionUrl: null,
    paidAmount: 0,
    refundRequested: 0,
    refundedAmount: 0,
    carrier: null,
    trackingNumber: null,
    confirmedAt: null,
    shippedAt: null,
    deliveredAt: null,
    cancelledAt: null,
    version: 1,
    createdAt: later(-60_000),
    updatedAt: later(-60_000),
    ...over,
  };
}

function moved(d: Transition | Refusal): Transition {
  if (d instanceof Error) assert.fail(`refused: ${d.message}`);
  return d;
}
const refused = (d: Transition | Refusal): Refusal => {
  assert.ok(d instanceof Error, 'the move should have been refused');
  return d;
};
const types = (t: Transition) => t.events.map((e) => e.type);

const awaiting = (over: Partial<Order> = {}) => order({ status: 'awaiting_payment', paymentDeadline: later(60_000), ...over });
const paid = (status: OrderStatus, over: Partial<Order> = {}) => order({ status, paymentId: 'pay_1', paidAmount: 3500, confirmedAt: later(-1000), ...over });
const succeeded = (paymentId = 'pay_1', amount = 3500): OrderInput => ({ type: 'PaymentSucceeded', paymentId, amount: { amount, currency: 'EUR' } });

describe('order transitions: the checkout saga', () => {
  it('StockReserved moves pending to awaiting_payment with a deadline within the reservation, and asks for the payment', () => {
    const t = moved(decide(order(), { type: 'StockReserved', expiresAt: later(15 * 60_000), paymentTimeoutSeconds: 600 }, ctx));
    assert.deepEqual(t.move, { from: 'pending', to: 'awaiting_payment', reason: null });
    assert.deepEqual(t.changes, { status: 'awaiting_payment', paymentDeadline: later(600_000) });
    assert.deepEqual(types(t), ['PaymentRequested']);
    assert.deepEqual(t.events[0]!.data, { orderId: 'ord_1', userId: 'usr_1', email: 'buyer@example.com', amount: { amount: 3500, currency: 'EUR' }, provider: 'sandbox', paymentMethod: 'pm_card_visa' });
    assert.equal(t.order.status, 'awaiting_payment');
  });

  it('StockReserved never sets a deadline past the reservation (less its margin)', () => {
    const t = moved(decide(order(), { type: 'StockReserved', expiresAt: later(120_000), paymentTimeoutSeconds: 600 }, ctx));
    assert.deepEqual(t.changes.paymentDeadline, later(120_000 - RESERVATION_MARGIN_MS));
  });

  it('StockReserved too late to pay in time cancels (payment_timeout), telling inventory the stock is held', () => {
    const t = moved(decide(order(), { type: 'StockReserved', expiresAt: later(RESERVATION_MARGIN_MS), paymentTimeoutSeconds: 600 }, ctx));
    assert.deepEqual(t.move, { from: 'pending', to: 'cancelled', reason: 'payment_timeout' });
    assert.deepEqual(types(t), ['OrderCancelled']);
    assert.equal((t.events[0]!.data as { stockReserved: boolean }).stockReserved, true);
    assert.equal(t.refund, null);
  });

  it('StockReserved for an order no longer pending changes nothing', () => {
    for (const status of ORDER_STATUSES.filter((s) => s !== 'pending')) {
      assert.ok(refused(decide(order({ status }), { type: 'StockReserved', expiresAt: later(900_000), paymentTimeoutSeconds: 600 }, ctx)) instanceof IllegalTransition);
    }
  });

  it('StockRejected cancels a pending order (out_of_stock) with no stock to release; anything else is refused', () => {
    const t = moved(decide(order(), { type: 'StockRejected' }, ctx));
    assert.deepEqual(t.changes, { status: 'cancelled', cancelReason: 'out_of_stock', cancelledAt: AT });
    assert.deepEqual(t.events, [
      {
        type: 'OrderCancelled',
        data: { orderId: 'ord_1', userId: 'usr_1', email: 'buyer@example.com', reason: 'out_of_stock', lines: [{ sku: 'SKU-1', productId: 'prd_1', variantId: 'var_1', title: 'Mug', quantity: 2, unitPrice: { amount: 1500, currency: 'EUR' } }], stockReserved: false },
      },
    ]);
    refused(decide(awaiting(), { type: 'StockRejected' }, ctx));
  });

  it('PaymentSucceeded within the deadline confirms, recording the payment and clearing the customer step', () => {
    const t = moved(decide(awaiting({ nextActionUrl: 'https://3ds.example/x' }), succeeded(), ctx));
    assert.deepEqual(t.changes, { status: 'confirmed', paymentId: 'pay_1', paidAmount: 3500, nextActionUrl: null, confirmedAt: AT });
    assert.deepEqual(types(t), ['OrderConfirmed']);
    assert.equal((t.events[0]!.data as { paymentId: string }).paymentId, 'pay_1');
    assert.deepEqual(t.notes, []);
  });

  it('PaymentSucceeded for a different amount still confirms, with an error for an operator', () => {
    const t = moved(decide(awaiting(), succeeded('pay_1', 3400), ctx));
    assert.equal(t.order.status, 'confirmed');
    assert.equal(t.notes[0]?.level, 'error');
  });

  it('PaymentSucceeded past the deadline cancels (payment_timeout) and asks the whole capture back', () => {
    const t = moved(decide(awaiting({ paymentDeadline: later(-1) }), succeeded(), ctx));
    assert.deepEqual(t.move, { from: 'awaiting_payment', to: 'cancelled', reason: 'payment_timeout' });
    assert.equal(t.changes.paymentId, 'pay_1');
    assert.equal(t.changes.refundRequested, 3500);
    assert.deepEqual(t.refund, { id: 'rfq_1', amount: 3500, reason: 'order cancelled (payment_timeout)' });
    assert.deepEqual(types(t), ['OrderCancelled', 'RefundRequested']);
    assert.deepEqual(t.events[1]!.data, { orderId: 'ord_1', refundRequestId: 'rfq_1', amount: { amount: 3500, currency: 'EUR' }, reason: 'order cancelled (payment_timeout)' });
  });

  it('PaymentSucceeded after a cancellation records the capture and asks it back, without moving', () => {
    const t = moved(decide(order({ status: 'cancelled', cancelReason: 'customer' }), succeeded(), ctx));
    assert.equal(t.move, null);
    assert.deepEqual(t.changes, { paymentId: 'pay_1', paidAmount: 3500, nextActionUrl: null, refundRequested: 3500 });
    assert.deepEqual(types(t), ['RefundRequested']);
    assert.equal(t.notes[0]?.level, 'warn');
  });

  it('PaymentSucceeded for a payment already recorded is refused; a second, different one too, for an operator', () => {
    assert.ok(!(refused(decide(paid('confirmed'), succeeded('pay_1'), ctx)) instanceof PaidTwice));
    const twice = refused(decide(paid('confirmed'), succeeded('pay_2'), ctx));
    assert.ok(twice instanceof PaidTwice);
    assert.equal(twice.kept, 'pay_1');
    assert.equal(twice.paymentId, 'pay_2');
  });

  it('PaymentFailed cancels an order awaiting payment (payment_declined), releasing its stock; anything else is refused', () => {
    const t = moved(decide(awaiting(), { type: 'PaymentFailed' }, ctx));
    assert.deepEqual(t.move, { from: 'awaiting_payment', to: 'cancelled', reason: 'payment_declined' });
    assert.equal((t.events[0]!.data as { stockReserved: boolean }).stockReserved, true);
    for (const status of ['pending', 'confirmed', 'cancelled'] as const) refused(decide(order({ status }), { type: 'PaymentFailed' }, ctx));
  });

  it('PaymentActionRequired records the step and wakes the waiting checkouts, without moving; only while awaiting payment', () => {
    const t = moved(decide(awaiting(), { type: 'PaymentActionRequired', nextActionUrl: 'https://3ds.example/x' }, ctx));
    assert.deepEqual(t.changes, { nextActionUrl: 'https://3ds.example/x' });
    assert.equal(t.move, null);
    assert.equal(t.wakeWaiters, true);
    assert.deepEqual(t.events, []);
    refused(decide(paid('confirmed'), { type: 'PaymentActionRequired', nextActionUrl: 'https://3ds.example/x' }, ctx));
  });

  it('Refunded in full moves to refunded and closes the refund request; in part it only counts', () => {
    const full = moved(decide(paid('cancelled', { refundRequested: 3500 }), { type: 'Refunded', refundRequestId: 'rfq_9', totalRefunded: 3500, full: true }, ctx));
    assert.deepEqual(full.move, { from: 'cancelled', to: 'refunded', reason: null });
    assert.equal(full.refundDone, 'rfq_9');
    assert.equal(full.changes.refundedAmount, 3500);
    const part = moved(decide(paid('confirmed', { refundRequested: 1000 }), { type: 'Refunded', refundRequestId: 'rfq_9', totalRefunded: 1000, full: false }, ctx));
    assert.equal(part.move, null);
    assert.deepEqual(part.changes, { refundedAmount: 1000 });
  });

  it('Refunded never lowers what is counted as refunded (messages out of order)', () => {
    const t = moved(decide(paid('confirmed', { refundedAmount: 2000 }), { type: 'Refunded', refundRequestId: null, totalRefunded: 1000, full: false }, ctx));
    assert.equal(t.changes.refundedAmount, 2000);
  });

  it('Refunded for more than the recorded capture came before its PaymentSucceeded: too early, retried', () => {
    assert.ok(refused(decide(order({ status: 'cancelled' }), { type: 'Refunded', refundRequestId: 'rfq_9', totalRefunded: 3500, full: true }, ctx)) instanceof EventTooEarly);
  });

  it('the payment timeout cancels an order awaiting payment only', () => {
    const t = moved(decide(awaiting({ paymentDeadline: later(-1) }), { type: 'PaymentOverdue' }, ctx));
    assert.deepEqual(t.move, { from: 'awaiting_payment', to: 'cancelled', reason: 'payment_timeout' });
    refused(decide(paid('confirmed'), { type: 'PaymentOverdue' }, ctx));
  });
});

describe('order transitions: people', () => {
  it('the customer cancels before shipping; stock is released only once it was reserved; a capture is asked back', () => {
    const pending = moved(decide(order(), { type: 'Cancel' }, ctx));
    assert.equal((pending.events[0]!.data as { stockReserved: boolean }).stockReserved, false);
    const confirmed = moved(decide(paid('confirmed'), { type: 'Cancel' }, ctx));
    assert.equal((confirmed.events[0]!.data as { stockReserved: boolean }).stockReserved, true);
    assert.deepEqual(types(confirmed), ['OrderCancelled', 'RefundRequested']);
    assert.equal(confirmed.refund?.amount, 3500);
    for (const status of ['shipped', 'delivered', 'cancelled', 'refunded'] as const) {
      const r = refused(decide(paid(status), { type: 'Cancel' }, ctx));
      assert.ok(r instanceof IllegalTransition);
      assert.equal(r.status, 409);
    }
  });

  it('staff ship a confirmed order and deliver a shipped one, nothing else', () => {
    const shipped = moved(decide(paid('confirmed'), { type: 'Ship', carrier: 'DHL', trackingNumber: 'T1' }, ctx));
    assert.deepEqual(shipped.changes, { status: 'shipped', carrier: 'DHL', trackingNumber: 'T1', shippedAt: AT });
    assert.deepEqual(shipped.events[0], { type: 'OrderShipped', data: { orderId: 'ord_1', userId: 'usr_1', email: 'buyer@example.com', carrier: 'DHL', trackingNumber: 'T1', shippedAt: AT.toISOString() } });
    const delivered = moved(decide(shipped.order, { type: 'Deliver' }, ctx));
    assert.deepEqual(delivered.events[0], { type: 'OrderDelivered', data: { orderId: 'ord_1', userId: 'usr_1', deliveredAt: AT.toISOString(), lines: [{ productId: 'prd_1', sku: 'SKU-1' }] } });
    refused(decide(awaiting(), { type: 'Ship', carrier: 'DHL', trackingNumber: 'T1' }, ctx));
    refused(decide(paid('confirmed'), { type: 'Deliver' }, ctx));
  });

  it('staff refund what is left by default, in part on request, never more, never in another currency', () => {
    const all = moved(decide(paid('delivered', { refundRequested: 1000 }), { type: 'Refund' }, ctx));
    assert.deepEqual(all.refund, { id: 'rfq_1', amount: 2500, reason: 'refund by staff' });
    assert.equal(all.changes.refundRequested, 3500);
    assert.equal(all.move, null);
    const part = moved(decide(paid('confirmed'), { type: 'Refund', amount: { amount: 500, currency: 'EUR' }, reason: 'damaged' }, ctx));
    assert.deepEqual(part.refund, { id: 'rfq_1', amount: 500, reason: 'damaged' });
    assert.ok(refused(decide(paid('confirmed'), { type: 'Refund', amount: { amount: 3600, currency: 'EUR' } }, ctx)) instanceof RefundExceedsPayment);
    assert.ok(refused(decide(paid('confirmed'), { type: 'Refund', amount: { amount: 100, currency: 'USD' } }, ctx)) instanceof InvalidData);
    assert.ok(refused(decide(paid('confirmed', { refundRequested: 3500 }), { type: 'Refund' }, ctx)) instanceof IllegalTransition);
    assert.ok(refused(decide(awaiting(), { type: 'Refund' }, ctx)) instanceof IllegalTransition);
  });
});

describe('order transitions: the table is the last word', () => {
  const inputs: OrderInput[] = [
    { type: 'StockReserved', expiresAt: later(900_000), paymentTimeoutSeconds: 600 },
    { type: 'StockReserved', expiresAt: later(0), paymentTimeoutSeconds: 600 },
    { type: 'StockRejected' },
    succeeded(),
    { type: 'PaymentFailed' },
    { type: 'PaymentActionRequired', nextActionUrl: 'https://3ds.example/x' },
    { type: 'Refunded', refundRequestId: 'rfq_1', totalRefunded: 3500, full: true },
    { type: 'PaymentOverdue' },
    { type: 'Cancel' },
    { type: 'Ship', carrier: 'DHL', trackingNumber: 'T1' },
    { type: 'Deliver' },
    { type: 'Refund' },
  ];
  it('every allowed move of every input from every state is in the table, and keeps order, changes and events in agreement', () => {
    for (const status of ORDER_STATUSES) {
      for (const from of [order({ status }), paid(status), awaiting({ status })]) {
        for (const input of inputs) {
          const d = decide(from, input, ctx);
          if (d instanceof Error) continue;
          if (d.move) {
            assert.ok(canMove(d.move.from, d.move.to), `${d.move.from} → ${d.move.to} by ${input.type}`);
            assert.equal(d.changes.status, d.move.to);
          } else assert.equal(d.changes.status, undefined);
          assert.deepEqual(d.order, { ...from, ...d.changes });
          assert.ok(d.order.refundRequested <= d.order.paidAmount, 'never asks back more than was captured');
        }
      }
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderPaymentFailed, renderRefunded } from './payment-templates.js';

const BASE = 'https://shop.example.com';
const ORDER = 'ord_01J00000000000000000000000';

describe('payment failed', () => {
  it("says the payment was declined with the provider's message, escaped, that nothing was charged, and invites a new order", () => {
    const m = renderPaymentFailed({ orderId: ORDER, code: 'card_declined', message: `Declined <script>alert(1)</script>`, shopUrl: BASE });
    assert.equal(m.subject, `Payment for your order ${ORDER} was declined`);
    assert.ok(m.text.includes('Declined <script>alert(1)</script>'));
    assert.ok(m.html.includes('Declined &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!m.html.includes('<script>'));
    for (const part of [m.text, m.html]) {
      assert.ok(part.includes('cancelled and nothing was charged'));
      assert.ok(part.includes('order again'));
    }
    assert.ok(m.html.includes(`href="${BASE}"`));
  });

  it("falls back to the provider's code when the message is empty", () => {
    assert.ok(renderPaymentFailed({ orderId: ORDER, code: 'card_declined', message: '', shopUrl: BASE }).text.includes('  card_declined\n'));
  });
});

describe('refunded', () => {
  const link = `${BASE}/orders/${ORDER}`;

  it('a full refund: the amount, and that it is the whole order', () => {
    const m = renderRefunded({ orderId: ORDER, amount: { amount: 4848, currency: 'USD' }, totalRefunded: { amount: 4848, currency: 'USD' }, full: true, link });
    assert.equal(m.subject, `Refund of 48.48 USD for your order ${ORDER}`);
    assert.ok(m.text.includes('We refunded 48.48 USD'));
    assert.ok(m.text.includes('in full'));
    assert.ok(!m.text.includes('partial'));
    assert.ok(m.text.includes(link));
  });

  it('a partial refund: the amount and the total so far, in the currency exponent', () => {
    const m = renderRefunded({ orderId: ORDER, amount: { amount: 1500, currency: 'KWD' }, totalRefunded: { amount: 2750, currency: 'KWD' }, full: false, link });
    assert.ok(m.text.includes('We refunded 1.500 KWD'));
    assert.ok(m.text.includes('partial refund; 2.750 KWD of the order'));
    assert.ok(m.html.includes('2.750 KWD'));
    assert.ok(!m.text.includes('in full'));
  });
});

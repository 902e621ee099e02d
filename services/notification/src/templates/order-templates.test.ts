import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml } from './escape.js';
import { formatMoney, orderLink, renderOrderCancelled, renderOrderConfirmed, renderOrderShipped, type OrderLineInput } from './order-templates.js';

const BASE = 'https://shop.example.com';
const ORDER = 'ord_01J00000000000000000000000';
const TOKEN = 'otk_abcdefghijklmnopqrstuvwxyz012345';
const HOSTILE = `<script>alert("x")</script>`;

const line = (over: Partial<OrderLineInput> = {}): OrderLineInput => ({
  sku: 'TEE-RED-M',
  title: 'Red T-shirt',
  quantity: 2,
  unitPrice: { amount: 1999, currency: 'USD' },
  ...over,
});

describe('orderLink', () => {
  it('a guest link carries the URL-encoded token; a signed-in buyer gets none', () => {
    assert.equal(orderLink(BASE, ORDER, TOKEN), `${BASE}/orders/${ORDER}?token=${TOKEN}`);
    assert.equal(orderLink(`${BASE}/`, ORDER, 'otk_a+b/c='), `${BASE}/orders/${ORDER}?token=otk_a%2Bb%2Fc%3D`);
    assert.equal(orderLink(BASE, ORDER, null), `${BASE}/orders/${ORDER}`);
  });
});

describe('formatMoney', () => {
  it('uses the currency exponent: two decimals for USD, none for JPY, three for KWD', () => {
    assert.equal(formatMoney({ amount: 1999, currency: 'USD' }), '19.99 USD');
    assert.equal(formatMoney({ amount: 1999, currency: 'JPY' }), '1999 JPY');
    assert.equal(formatMoney({ amount: 1999, currency: 'KWD' }), '1.999 KWD');
    assert.equal(formatMoney({ amount: 5, currency: 'EUR' }), '0.05 EUR');
  });
});

describe('order confirmation', () => {
  const link = orderLink(BASE, ORDER, TOKEN);

  it('lists each line with quantity, unit price and line total, then the total and the link', () => {
    const m = renderOrderConfirmed({
      orderId: ORDER,
      lines: [line(), line({ sku: 'MUG', title: 'Mug', quantity: 1, unitPrice: { amount: 850, currency: 'USD' } })],
      total: { amount: 4848, currency: 'USD' },
      link,
    });
    assert.equal(m.subject, `Your order ${ORDER} is confirmed`);
    assert.ok(m.text.includes('- Red T-shirt (TEE-RED-M): 2 × 19.99 USD = 39.98 USD'), m.text);
    assert.ok(m.text.includes('- Mug (MUG): 1 × 8.50 USD = 8.50 USD'));
    assert.ok(m.text.includes('Total: 48.48 USD'));
    assert.ok(m.text.includes(`View your order: ${link}`));
    assert.ok(m.html.includes('39.98 USD'));
    assert.ok(m.html.includes('48.48 USD'));
    assert.ok(m.html.includes(`href="${escapeHtml(link)}"`));
  });

  it('formats yen without decimals', () => {
    const m = renderOrderConfirmed({
      orderId: ORDER,
      lines: [line({ quantity: 3, unitPrice: { amount: 1500, currency: 'JPY' } })],
      total: { amount: 4500, currency: 'JPY' },
      link,
    });
    assert.ok(m.text.includes('3 × 1500 JPY = 4500 JPY'), m.text);
    assert.ok(m.text.includes('Total: 4500 JPY'));
    assert.ok(!m.text.includes('15.00'));
  });

  it('escapes a title in the HTML, keeps it as is in the text', () => {
    const m = renderOrderConfirmed({ orderId: ORDER, lines: [line({ title: HOSTILE })], total: { amount: 3998, currency: 'USD' }, link });
    assert.ok(!m.html.includes('<script>'));
    assert.ok(m.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(m.text.includes(HOSTILE));
  });
});

describe('shipped', () => {
  it('names the carrier and the tracking number, escaped, with the signed-in link', () => {
    const link = orderLink(BASE, ORDER, null);
    const m = renderOrderShipped({ orderId: ORDER, carrier: 'DHL <Express>', trackingNumber: 'JD014600003SE', shippedAt: '2026-05-06T07:08:09Z', link });
    assert.equal(m.subject, `Your order ${ORDER} has shipped`);
    assert.ok(m.text.includes('Carrier: DHL <Express>'));
    assert.ok(m.text.includes('Tracking number: JD014600003SE'));
    assert.ok(m.text.includes('2026-05-06 07:08 UTC'));
    assert.ok(m.html.includes('DHL &lt;Express&gt;'));
    assert.ok(m.html.includes('JD014600003SE'));
    assert.ok(m.text.includes(`View your order: ${BASE}/orders/${ORDER}\n`));
    assert.ok(!m.text.includes('token='));
  });
});

describe('cancelled', () => {
  const input = { orderId: ORDER, lines: [line({ title: HOSTILE })], link: undefined, shopUrl: BASE };

  it('words each reason its own way', () => {
    const texts = (['out_of_stock', 'payment_timeout', 'customer'] as const).map((reason) => renderOrderCancelled({ ...input, reason }).text);
    assert.match(texts[0]!, /no longer in stock/);
    assert.match(texts[1]!, /not completed in time/);
    assert.match(texts[2]!, /As you asked/);
    assert.equal(new Set(texts).size, 3);
    const m = renderOrderCancelled({ ...input, reason: 'out_of_stock' });
    assert.equal(m.subject, `Your order ${ORDER} is cancelled`);
    assert.ok(m.text.includes(`2 × ${HOSTILE}`));
    assert.ok(!m.html.includes('<script>'));
    assert.ok(!m.text.includes('View your order'), 'no link when none is known');
  });

  it('includes a guest link when given', () => {
    const link = orderLink(BASE, ORDER, TOKEN);
    const m = renderOrderCancelled({ ...input, reason: 'customer', link });
    assert.ok(m.text.includes(`View your order: ${link}`));
    assert.ok(m.html.includes(`href="${escapeHtml(link)}"`));
  });
});

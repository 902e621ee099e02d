import { formatMinor, type Money } from '@mercato/contracts';
import { escapeHtml } from './escape.js';
import { button, formatTime, layout, oneLine, SHOP } from './layout.js';
import type { RenderedEmail } from './templates.js';

export interface OrderLineInput {
  sku: string;
  title: string;
  quantity: number;
  unitPrice: Money;
}

export interface OrderConfirmedInput {
  orderId: string;
  lines: readonly OrderLineInput[];
  total: Money;
  link: string;
}

export interface OrderShippedInput {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  shippedAt: string;
  link: string;
}

export type CancelReason = 'out_of_stock' | 'payment_declined' | 'payment_timeout' | 'customer';

export interface OrderCancelledInput {
  orderId: string;
  reason: CancelReason;
  lines: readonly OrderLineInput[];
  /** The order page; absent when unknown (a guest order whose token this service never saw). */
  link: string | undefined;
  shopUrl: string;
}

/**
 * The order page of the storefront: `${base}/orders/${orderId}`, with `?token=` (URL-encoded) for a
 * guest order, whose capability token is the only way in; a signed-in buyer's link carries none.
 */
export function orderLink(base: string, orderId: string, accessToken: string | null): string {
  const url = `${base.replace(/\/+$/, '')}/orders/${encodeURIComponent(orderId)}`;
  return accessToken ? `${url}?token=${encodeURIComponent(accessToken)}` : url;
}

/** `{1999, 'USD'}` → `19.99 USD`; exact, from integer minor units (JPY has no decimals, KWD three). */
export function formatMoney(m: Money): string {
  return `${formatMinor(m.amount, m.currency)} ${m.currency}`;
}

function lineTotal(line: OrderLineInput): Money {
  return { amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency };
}

function linesTableHtml(lines: readonly OrderLineInput[], total: Money): string {
  const cell = 'padding:6px 4px;border-bottom:1px solid #eee';
  const rows = lines
    .map(
      (l) => `<tr><td style="${cell}">${escapeHtml(l.title)}<br><span style="font-size:12px;color:#888">${escapeHtml(l.sku)}</span></td>
<td style="${cell};text-align:right">${l.quantity} × ${escapeHtml(formatMoney(l.unitPrice))}</td>
<td style="${cell};text-align:right">${escapeHtml(formatMoney(lineTotal(l)))}</td></tr>`,
    )
    .join('\n');
  return `<table style="width:100%;border-collapse:collapse;font-size:14px">
${rows}
<tr><td colspan="2" style="padding:8px 4px;text-align:right"><strong>Total</strong></td><td style="padding:8px 4px;text-align:right"><strong>${escapeHtml(formatMoney(total))}</strong></td></tr>
</table>`;
}

function linesText(lines: readonly OrderLineInput[]): string {
  return lines.map((l) => `- ${l.title} (${l.sku}): ${l.quantity} × ${formatMoney(l.unitPrice)} = ${formatMoney(lineTotal(l))}`).join('\n');
}

function itemsHtml(lines: readonly OrderLineInput[]): string {
  return `<ul>${lines.map((l) => `<li>${l.quantity} × ${escapeHtml(l.title)}</li>`).join('')}</ul>`;
}

function itemsText(lines: readonly OrderLineInput[]): string {
  return lines.map((l) => `- ${l.quantity} × ${l.title}`).join('\n');
}

export function renderOrderConfirmed(input: OrderConfirmedInput): RenderedEmail {
  const subject = oneLine(`Your order ${input.orderId} is confirmed`);
  const html = layout(
    subject,
    `<h1 style="font-size:22px">Thank you for your order</h1>
<p>Your payment went through and order <strong>${escapeHtml(input.orderId)}</strong> is confirmed. We will let you know when it ships.</p>
${linesTableHtml(input.lines, input.total)}
${button(input.link, 'View your order')}`,
  );
  const text = `Thank you for your order

Your payment went through and order ${input.orderId} is confirmed. We will let you know when it ships.

${linesText(input.lines)}

Total: ${formatMoney(input.total)}

View your order: ${input.link}

-- ${SHOP}
`;
  return { subject, html, text };
}

export function renderOrderShipped(input: OrderShippedInput): RenderedEmail {
  const subject = oneLine(`Your order ${input.orderId} has shipped`);
  const shipped = formatTime(input.shippedAt);
  const html = layout(
    subject,
    `<h1 style="font-size:22px">Your order is on its way</h1>
<p>Order <strong>${escapeHtml(input.orderId)}</strong> was handed to the carrier on ${escapeHtml(shipped)}.</p>
<p>Carrier: <strong>${escapeHtml(input.carrier)}</strong><br>Tracking number: <strong>${escapeHtml(input.trackingNumber)}</strong></p>
${button(input.link, 'View your order')}`,
  );
  const text = `Your order is on its way

Order ${input.orderId} was handed to the carrier on ${shipped}.

Carrier: ${input.carrier}
Tracking number: ${input.trackingNumber}

View your order: ${input.link}

-- ${SHOP}
`;
  return { subject, html, text };
}

/** Why the order was cancelled, in the customer's terms; one paragraph per reason. */
const CANCEL_WORDING: Record<CancelReason, string> = {
  out_of_stock: 'Some of the items were no longer in stock, so we could not fulfil the order and cancelled it. You have not been charged.',
  payment_declined: 'Your payment was declined, so we cancelled the order. You have not been charged.',
  payment_timeout: 'The payment was not completed in time, so we cancelled the order and released the items it held.',
  customer: 'As you asked, we cancelled the order. If you had already paid, you will get a separate email once the refund is issued.',
};

export function renderOrderCancelled(input: OrderCancelledInput): RenderedEmail {
  const subject = oneLine(`Your order ${input.orderId} is cancelled`);
  const why = CANCEL_WORDING[input.reason];
  const html = layout(
    subject,
    `<h1 style="font-size:22px">Your order is cancelled</h1>
<p>${escapeHtml(why)}</p>
<p>Order <strong>${escapeHtml(input.orderId)}</strong> contained:</p>
${itemsHtml(input.lines)}
${input.link ? button(input.link, 'View your order') : ''}
<p>You are welcome to <a href="${escapeHtml(input.shopUrl)}">order again</a> at any time.</p>`,
  );
  const text = `Your order is cancelled

${why}

Order ${input.orderId} contained:
${itemsText(input.lines)}
${input.link ? `\nView your order: ${input.link}\n` : ''}
You are welcome to order again at any time: ${input.shopUrl}

-- ${SHOP}
`;
  return { subject, html, text };
}

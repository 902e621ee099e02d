import type { Money } from '@mercato/contracts';
import { escapeHtml } from './escape.js';
import { button, layout, oneLine, SHOP } from './layout.js';
import { formatMoney } from './order-templates.js';
import type { RenderedEmail } from './templates.js';

export interface PaymentFailedInput {
  orderId: string;
  /** The provider's own words, e.g. "Your card has insufficient funds." (may be empty). */
  message: string;
  /** The provider's code, e.g. card_declined: said when the message is empty. */
  code: string;
  shopUrl: string;
}

export interface RefundedInput {
  orderId: string;
  amount: Money;
  totalRefunded: Money;
  /** True when everything paid for the order is now refunded. */
  full: boolean;
  link: string;
}

export function renderPaymentFailed(input: PaymentFailedInput): RenderedEmail {
  const subject = oneLine(`Payment for your order ${input.orderId} was declined`);
  const reason = oneLine(input.message) || input.code;
  const html = layout(
    subject,
    `<h1 style="font-size:22px">Your payment was declined</h1>
<p>The payment for order <strong>${escapeHtml(input.orderId)}</strong> was declined by the payment provider:</p>
<blockquote style="margin:12px 0;padding:8px 12px;border-left:3px solid #ddd;color:#555">${escapeHtml(reason)}</blockquote>
<p>The order has been cancelled and nothing was charged.</p>
<p>You are welcome to order again, with another payment method if you like.</p>
${button(input.shopUrl, 'Order again')}`,
  );
  const text = `Your payment was declined

The payment for order ${input.orderId} was declined by the payment provider:

  ${reason}

The order has been cancelled and nothing was charged.

You are welcome to order again, with another payment method if you like: ${input.shopUrl}

-- ${SHOP}
`;
  return { subject, html, text };
}

export function renderRefunded(input: RefundedInput): RenderedEmail {
  const amount = formatMoney(input.amount);
  const subject = oneLine(`Refund of ${amount} for your order ${input.orderId}`);
  const scope = input.full
    ? 'This refunds your order in full.'
    : `This is a partial refund; ${formatMoney(input.totalRefunded)} of the order has been refunded so far.`;
  const html = layout(
    subject,
    `<h1 style="font-size:22px">Your refund is on its way</h1>
<p>We refunded <strong>${escapeHtml(amount)}</strong> for order <strong>${escapeHtml(input.orderId)}</strong> to your original payment method.</p>
<p>${escapeHtml(scope)}</p>
<p style="font-size:13px;color:#555">Depending on your bank, it can take a few days to show on your statement.</p>
${button(input.link, 'View your order')}`,
  );
  const text = `Your refund is on its way

We refunded ${amount} for order ${input.orderId} to your original payment method.

${scope}

Depending on your bank, it can take a few days to show on your statement.

View your order: ${input.link}

-- ${SHOP}
`;
  return { subject, html, text };
}

import type { Money } from '@mercato/contracts';
import { oneLine } from './layout.js';
import { formatMoney } from './order-templates.js';
import { builtinTemplates, type RenderedEmail } from './template-set.js';
import type { RenderOptions } from './templates.js';

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

export const paymentFailedView = (input: PaymentFailedInput) => ({ ...input, reason: oneLine(input.message) || input.code });

export function renderPaymentFailed(input: PaymentFailedInput, o: RenderOptions = {}): RenderedEmail {
  return (o.templates ?? builtinTemplates()).email('payment_failed', o.locale, paymentFailedView(input));
}

export function refundedView(input: RefundedInput) {
  const scope = input.full
    ? 'This refunds your order in full.'
    : `This is a partial refund; ${formatMoney(input.totalRefunded)} of the order has been refunded so far.`;
  return { ...input, amount: formatMoney(input.amount), totalRefunded: formatMoney(input.totalRefunded), scope };
}

export function renderRefunded(input: RefundedInput, o: RenderOptions = {}): RenderedEmail {
  return (o.templates ?? builtinTemplates()).email('refunded', o.locale, refundedView(input));
}

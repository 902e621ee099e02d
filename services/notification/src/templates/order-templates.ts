import { formatMinor, type Money } from '@mercato/contracts';
import { builtinTemplates, type RenderedEmail } from './template-set.js';
import type { RenderOptions } from './templates.js';

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

/** Order lines with their amounts already formatted (templates show them as they are). */
export function lineViews(lines: readonly OrderLineInput[]) {
  return lines.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity, unitPrice: formatMoney(l.unitPrice), lineTotal: formatMoney(lineTotal(l)) }));
}

export const orderConfirmedView = (input: OrderConfirmedInput) => ({ ...input, lines: lineViews(input.lines), total: formatMoney(input.total) });

export function renderOrderConfirmed(input: OrderConfirmedInput, o: RenderOptions = {}): RenderedEmail {
  return (o.templates ?? builtinTemplates()).email('order_confirmed', o.locale, orderConfirmedView(input));
}

export function renderOrderShipped(input: OrderShippedInput, o: RenderOptions = {}): RenderedEmail {
  return (o.templates ?? builtinTemplates()).email('order_shipped', o.locale, { ...input });
}

/** Why the order was cancelled, in the customer's terms; one paragraph per reason. */
const CANCEL_WORDING: Record<CancelReason, string> = {
  out_of_stock: 'Some of the items were no longer in stock, so we could not fulfil the order and cancelled it. You have not been charged.',
  payment_declined: 'Your payment was declined, so we cancelled the order. You have not been charged.',
  payment_timeout: 'The payment was not completed in time, so we cancelled the order and released the items it held.',
  customer: 'As you asked, we cancelled the order. If you had already paid, you will get a separate email once the refund is issued.',
};

export const orderCancelledView = (input: OrderCancelledInput) => ({ ...input, why: CANCEL_WORDING[input.reason], lines: lineViews(input.lines) });

export function renderOrderCancelled(input: OrderCancelledInput, o: RenderOptions = {}): RenderedEmail {
  return (o.templates ?? builtinTemplates()).email('order_cancelled', o.locale, orderCancelledView(input));
}

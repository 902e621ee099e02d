import type { OrderStatus } from './order-states.js';

/** The aggregate: an order as checkout made it, and what the saga learnt on its way. */

export interface Address {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode?: string;
  country: string;
  phone?: string;
}

export interface OrderLine {
  sku: string;
  productId: string;
  variantId: string;
  title: string;
  slug: string | null;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

export interface OrderTotals {
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  taxRate: number;
  pricesIncludeTax: boolean;
}

export type PaymentProvider = 'sandbox' | 'stripe' | 'razorpay';
export interface PaymentChoice {
  provider: PaymentProvider;
  paymentMethod: string;
}

export interface Order {
  id: string;
  cartId: string;
  userId: string | null;
  email: string;
  status: OrderStatus;
  cancelReason: string | null;
  currency: string;
  lines: OrderLine[];
  shippingAddress: Address;
  billingAddress: Address | null;
  totals: OrderTotals;
  payment: PaymentChoice;
  /** Set when the stock is reserved: a payment after it is refunded, the order cancelled. */
  paymentDeadline: Date | null;
  paymentId: string | null;
  nextActionUrl: string | null;
  /** Minor units captured, asked back (RefundRequested) and given back (Refunded). */
  paidAmount: number;
  refundRequested: number;
  refundedAmount: number;
  carrier: string | null;
  trackingNumber: string | null;
  confirmedAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface HistoryEntry {
  from: OrderStatus | null;
  to: OrderStatus;
  reason: string | null;
  actor: string;
  at: Date;
}

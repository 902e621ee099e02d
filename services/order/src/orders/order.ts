import type { OrderStatus } from './order-states.js';

/** The aggregate: an order as checkout made it. Pure; the saga adds its transitions here. */

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
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

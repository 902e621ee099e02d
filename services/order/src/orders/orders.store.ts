import type { Queryable } from '@mercato/chassis';
import type { Address, Order, OrderLine, OrderTotals, PaymentChoice } from './order.js';
import type { OrderStatus } from './order-states.js';

interface RawOrder extends Record<string, unknown> {
  id: string;
  cart_id: string;
  user_id: string | null;
  email: string;
  status: OrderStatus;
  cancel_reason: string | null;
  currency: string;
  lines: OrderLine[];
  shipping_address: Address;
  billing_address: Address | null;
  subtotal: string;
  shipping: string;
  tax: string;
  total: string;
  tax_rate: string;
  prices_include_tax: boolean;
  payment: PaymentChoice;
  version: number;
  created_at: Date;
  updated_at: Date;
}
const COLUMNS = `id, cart_id, user_id, email, status, cancel_reason, currency, lines, shipping_address, billing_address,
  subtotal, shipping, tax, total, tax_rate, prices_include_tax, payment, version, created_at, updated_at`;

const toOrder = (r: RawOrder): Order => ({
  id: r.id,
  cartId: r.cart_id,
  userId: r.user_id,
  email: r.email,
  status: r.status,
  cancelReason: r.cancel_reason,
  currency: r.currency,
  lines: r.lines,
  shippingAddress: r.shipping_address,
  billingAddress: r.billing_address,
  totals: {
    subtotal: Number(r.subtotal),
    shipping: Number(r.shipping),
    tax: Number(r.tax),
    total: Number(r.total),
    taxRate: Number(r.tax_rate),
    pricesIncludeTax: r.prices_include_tax,
  },
  payment: r.payment,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface NewOrder {
  id: string;
  cartId: string;
  userId: string | null;
  email: string;
  currency: string;
  lines: OrderLine[];
  shippingAddress: Address;
  billingAddress: Address | null;
  totals: OrderTotals;
  payment: PaymentChoice;
  accessTokenHash: Buffer | null;
}

/** The only SQL on orders. */
export const ordersStore = {
  async insert(tx: Queryable, o: NewOrder): Promise<Order> {
    const r = await tx.query<RawOrder>(
      `INSERT INTO orders (id, cart_id, user_id, email, currency, lines, shipping_address, billing_address,
                           subtotal, shipping, tax, total, tax_rate, prices_include_tax, payment, access_token_hash)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13, $14, $15::jsonb, $16)
       RETURNING ${COLUMNS}`,
      [
        o.id,
        o.cartId,
        o.userId,
        o.email,
        o.currency,
        JSON.stringify(o.lines),
        JSON.stringify(o.shippingAddress),
        o.billingAddress === null ? null : JSON.stringify(o.billingAddress),
        o.totals.subtotal,
        o.totals.shipping,
        o.totals.tax,
        o.totals.total,
        o.totals.taxRate,
        o.totals.pricesIncludeTax,
        JSON.stringify(o.payment),
        o.accessTokenHash,
      ],
    );
    return toOrder(r.rows[0]!);
  },

  async byId(db: Queryable, id: string): Promise<(Order & { accessTokenHash: Buffer | null }) | undefined> {
    const r = await db.query<RawOrder & { access_token_hash: Buffer | null }>(`SELECT ${COLUMNS}, access_token_hash FROM orders WHERE id = $1`, [id]);
    const row = r.rows[0];
    return row ? { ...toOrder(row), accessTokenHash: row.access_token_hash } : undefined;
  },

  async statusOf(db: Queryable, id: string): Promise<OrderStatus | undefined> {
    const r = await db.query<{ status: OrderStatus }>('SELECT status FROM orders WHERE id = $1', [id]);
    return r.rows[0]?.status;
  },
};

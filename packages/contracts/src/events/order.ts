import { Type } from '@sinclair/typebox';
import { Email, Id, NonNegativeMoney, Quantity, Reason, Sku, Timestamp } from '../common.js';

const OrderLine = Type.Object(
  {
    sku: Sku,
    productId: Id(),
    variantId: Id(),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    quantity: Quantity,
    unitPrice: NonNegativeMoney,
  },
  { additionalProperties: false },
);
const Lines = Type.Array(OrderLine, { minItems: 1, maxItems: 100 });
const UserId = Type.Union([Id(), Type.Null()], { description: 'null for a guest order' });

export const OrderPlacedV1 = Type.Object(
  {
    orderId: Id(),
    userId: UserId,
    email: Email,
    lines: Lines,
    total: NonNegativeMoney,
    accessToken: Type.Optional(
      Type.Union([Type.String({ pattern: '^otk_[A-Za-z0-9_-]{32}$' }), Type.Null()], {
        description: "a guest order's access token, for the link in its emails (the order service keeps only its hash); null for a signed-in buyer",
      }),
    ),
  },
  { additionalProperties: false },
);

/** A command to payment: charge this order, whose stock is reserved. */
export const PaymentRequestedV1 = Type.Object(
  {
    orderId: Id(),
    userId: UserId,
    email: Email,
    amount: NonNegativeMoney,
    provider: Type.Union([Type.Literal('sandbox'), Type.Literal('stripe'), Type.Literal('razorpay')]),
    paymentMethod: Type.String({ minLength: 1, maxLength: 255 }),
  },
  { additionalProperties: false },
);

export const OrderConfirmedV1 = Type.Object(
  { orderId: Id(), userId: UserId, email: Email, lines: Lines, total: NonNegativeMoney, paymentId: Id() },
  { additionalProperties: false },
);

export const OrderCancelledV1 = Type.Object(
  {
    orderId: Id(),
    userId: UserId,
    email: Email,
    reason: Type.Union([
      Type.Literal('out_of_stock'),
      Type.Literal('payment_declined'),
      Type.Literal('payment_timeout'),
      Type.Literal('customer'),
    ]),
    lines: Lines,
    stockReserved: Type.Boolean({ description: 'true when inventory holds a reservation to release' }),
  },
  { additionalProperties: false },
);

export const OrderShippedV1 = Type.Object(
  {
    orderId: Id(),
    userId: UserId,
    email: Email,
    carrier: Type.String({ minLength: 1, maxLength: 100 }),
    trackingNumber: Type.String({ minLength: 1, maxLength: 100 }),
    shippedAt: Timestamp,
  },
  { additionalProperties: false },
);

export const OrderDeliveredV1 = Type.Object(
  {
    orderId: Id(),
    userId: UserId,
    deliveredAt: Timestamp,
    lines: Type.Array(
      Type.Object({ productId: Id(), sku: Sku }, { additionalProperties: false }),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

/** A command to payment: refund this much of the order's capture. */
export const RefundRequestedV1 = Type.Object(
  { orderId: Id(), refundRequestId: Id(), amount: NonNegativeMoney, reason: Reason },
  { additionalProperties: false },
);

/**
 * A signed-in customer's cart with items was left untouched for the shop's abandonment delay.
 * Emitted once per cart (until it changes again), for the reminder email.
 */
export const CartAbandonedV1 = Type.Object(
  {
    cartId: Type.String({ minLength: 1, maxLength: 64 }),
    userId: Id(),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    lines: Type.Array(
      Type.Object(
        { sku: Sku, productId: Id(), title: Type.String({ minLength: 1, maxLength: 300 }), quantity: Quantity, unitPrice: Type.Union([NonNegativeMoney, Type.Null()]) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    lastChangedAt: Timestamp,
  },
  { additionalProperties: false },
);

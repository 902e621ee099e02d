import { Type } from '@sinclair/typebox';
import { Id, NonNegativeMoney, Url } from '../common.js';

const Provider = Type.Union([Type.Literal('sandbox'), Type.Literal('stripe'), Type.Literal('razorpay')]);

export const PaymentSucceededV1 = Type.Object(
  { orderId: Id(), paymentId: Id(), provider: Provider, amount: NonNegativeMoney },
  { additionalProperties: false },
);

export const PaymentFailedV1 = Type.Object(
  {
    orderId: Id(),
    paymentId: Id(),
    provider: Provider,
    code: Type.String({ minLength: 1, maxLength: 64, description: 'e.g. card_declined' }),
    message: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const PaymentActionRequiredV1 = Type.Object(
  { orderId: Id(), paymentId: Id(), provider: Provider, nextActionUrl: Url },
  { additionalProperties: false },
);

export const RefundedV1 = Type.Object(
  {
    orderId: Id(),
    paymentId: Id(),
    refundId: Id(),
    refundRequestId: Type.Union([Id(), Type.Null()]),
    amount: NonNegativeMoney,
    totalRefunded: NonNegativeMoney,
    full: Type.Boolean({ description: 'true when the whole capture is now refunded' }),
  },
  { additionalProperties: false },
);

import { Id, PositiveMoney, Reason } from '@mercato/contracts';
export { SANDBOX_TEST_CARDS as SANDBOX_CARDS } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';
import { PAYMENT_STATES } from '../payments/payment-states.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);
const Str = Type.String();
const Amount = Type.Object({ amount: Type.Integer(), currency: Type.String() }, { additionalProperties: false });

export const PaymentParams = Type.Object({ id: Id('Payment id') }, { additionalProperties: false });
export const PaymentQuery = Type.Object({ orderId: Id('Order id') }, { additionalProperties: false });

export const RefundBody = Type.Object({ amount: PositiveMoney, reason: Reason }, { additionalProperties: false });


export const RefundSchema = Type.Object(
  {
    id: Str,
    paymentId: Str,
    refundRequestId: Nullable(Str),
    amount: Amount,
    reason: Str,
    state: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')]),
    failureCode: Nullable(Str),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const PaymentSchema = Type.Object(
  {
    id: Str,
    orderId: Str,
    userId: Nullable(Str),
    provider: Type.Union([Type.Literal('sandbox'), Type.Literal('stripe'), Type.Literal('razorpay')]),
    state: Type.Union(PAYMENT_STATES.map((s) => Type.Literal(s))),
    amount: Amount,
    captured: Amount,
    refunded: Amount,
    card: Nullable(Type.Object({ brand: Nullable(Str), last4: Nullable(Str) }, { additionalProperties: false })),
    providerRef: Nullable(Str),
    nextActionUrl: Nullable(Str),
    failure: Nullable(Type.Object({ code: Str, message: Str }, { additionalProperties: false })),
    refunds: Type.Array(RefundSchema),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const PaymentListSchema = Type.Object({ items: Type.Array(PaymentSchema) }, { additionalProperties: false });

export const WebhookAckSchema = Type.Object(
  { received: Type.Boolean(), duplicate: Type.Boolean(), paymentId: Nullable(Str), state: Nullable(Str) },
  { additionalProperties: false },
);

export const ActionParams = Type.Object({ id: Id('Payment id') }, { additionalProperties: false });
export const ActionQuery = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });
export const ActionForm = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });

export const ProvidersSchema = Type.Object(
  {
    providers: Type.Array(
      Type.Object(
        {
          name: Type.Union([Type.Literal('sandbox'), Type.Literal('stripe'), Type.Literal('razorpay')]),
          live: Type.Boolean({ description: 'false for the sandbox and test-mode keys: no money moves' }),
          publishableKey: Nullable(Type.String({ description: "Stripe's publishable key or Razorpay's key id, for the storefront's payment form" })),
          paymentMethods: Type.Array(
            Type.Object(
              {
                id: Str,
                brand: Nullable(Str),
                last4: Nullable(Str),
                outcome: Type.Union([Type.Literal('succeeds'), Type.Literal('declines'), Type.Literal('needs_action'), Type.Literal('answer_lost')]),
                description: Str,
              },
              { additionalProperties: false },
            ),
            { description: "The sandbox's test payment methods (pass the id as paymentMethod) and what each does; empty for the other providers" },
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

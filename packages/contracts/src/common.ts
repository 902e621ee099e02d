import { Type, type Static } from '@sinclair/typebox';
import { ID_PATTERN } from './ids.js';

/** Shared field shapes. Every string, array and number is bounded. */
export const Id = (description = 'Opaque, prefixed, time-sortable id') =>
  Type.String({ pattern: ID_PATTERN, maxLength: 40, description });

// The formats check the code against the lists (contracts' Ajv setup), so one rule names a bad code.
export const Currency = Type.String({ format: 'iso4217', maxLength: 3, description: 'ISO 4217 code, upper case (a currency in circulation)' });
export const Country = Type.String({ format: 'iso3166-alpha2', maxLength: 2, description: 'ISO 3166-1 alpha-2 code, upper case (assigned codes only)' });

export const Money = Type.Object(
  {
    amount: Type.Integer({ minimum: -1e15, maximum: 1e15, description: 'Integer minor units' }),
    currency: Currency,
  },
  { additionalProperties: false },
);
export type Money = Static<typeof Money>;

export const NonNegativeMoney = Type.Object(
  {
    amount: Type.Integer({ minimum: 0, maximum: 1e15 }),
    currency: Currency,
  },
  { additionalProperties: false },
);

/** Money a client sends: a positive amount in minor units, in a three-letter currency code. */
export const PositiveMoney = Type.Object(
  {
    amount: Type.Integer({ minimum: 1, maximum: 1e15, description: 'Integer minor units' }),
    currency: Currency,
  },
  { additionalProperties: false },
);
export type PositiveMoney = Static<typeof PositiveMoney>;

/** The sandbox payment provider's test cards (Stripe's test payment-method ids), for API documents. */
export const SANDBOX_TEST_CARDS =
  'Sandbox test cards (checkout with `payment: { provider: "sandbox", paymentMethod }`): `pm_card_visa` succeeds; `pm_card_chargeDeclined` is declined (the order is cancelled `payment_declined`); `pm_card_authenticationRequired` needs a 3-D Secure step (the order and payment show `nextActionUrl`, a page with Complete and Fail). `GET /payments/providers` lists every test card and what it does, when the shop has the sandbox (on only in the embedded demo or with `PAYMENT_SANDBOX=true`).';

export const Sku = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Name = Type.String({ minLength: 1, maxLength: 200 });
export const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });
export const Quantity = Type.Integer({ minimum: 1, maximum: 100000 });
export const Role = Type.Union([
  Type.Literal('customer'),
  Type.Literal('admin'),
  Type.Literal('catalog_manager'),
  Type.Literal('support'),
]);
export type Role = Static<typeof Role>;
export const Url = Type.String({ format: 'uri', maxLength: 2048 });
export const Reason = Type.String({ minLength: 1, maxLength: 500 });

import { Country, Currency, Id, PositiveMoney, SANDBOX_TEST_CARDS } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';
import { CART_ID_PATTERN } from '../carts/cart-id.js';
import { MAX_LINES, MAX_QUANTITY } from '../carts/change-cart.js';
import { ORDER_STATUSES } from '../orders/order-states.js';
import { ORDER_TOKEN_PATTERN } from '../orders/order-token.js';

const text = (min: number, max: number, description?: string) => Type.String({ minLength: min, maxLength: max, pattern: '\\S', ...(description ? { description } : {}) });
const Amount = Type.Integer({ minimum: 0, maximum: 1e15, description: 'Integer minor units' });
const Money = Type.Object({ amount: Amount, currency: Currency }, { additionalProperties: false });
const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Address = Type.Object(
  {
    name: text(1, 200),
    line1: text(1, 200),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    city: text(1, 100),
    region: Type.Optional(Type.String({ maxLength: 100 })),
    postalCode: Type.Optional(Type.String({ maxLength: 20, pattern: '^[A-Za-z0-9 -]*$' })),
    country: Country,
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 32, pattern: '^\\+?[0-9 ().-]+$' })),
  },
  { additionalProperties: false },
);

const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3, description: 'ISO 4217 code' });
const Provider = Type.Union([Type.Literal('sandbox'), Type.Literal('stripe'), Type.Literal('razorpay')]);

export const SANDBOX_CARDS = SANDBOX_TEST_CARDS;

export const CheckoutBody = Type.Object(
  {
    cartId: Type.String({ pattern: CART_ID_PATTERN, minLength: 36, maxLength: 36, description: 'The cart to check out' }),
    shippingAddress: Type.Optional(Type.Object(Address.properties, { additionalProperties: false, description: 'Where to ship; or shippingAddressId (one of the two)' })),
    shippingAddressId: Type.Optional(Id('Signed-in buyers: one of their saved addresses (GET /users/me/addresses) instead of shippingAddress')),
    billingAddress: Type.Optional(Address),
    billingAddressId: Type.Optional(Id('Signed-in buyers: one of their saved addresses instead of billingAddress')),
    email: Type.Optional(
      Type.String({ format: 'email', minLength: 3, maxLength: 254, description: "Where the order emails go: required for a guest; a signed-in buyer's profile email when absent" }),
    ),
    payment: Type.Object(
      {
        provider: Provider,
        paymentMethod: Type.String({ minLength: 1, maxLength: 255, description: `The provider's payment method reference (e.g. a token from its client SDK). ${SANDBOX_CARDS}` }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const CheckoutHeaders = Type.Object(
  {
    'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Required: 1 to 255 characters, one per checkout attempt' })),
    prefer: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          '`wait=N`: hold the answer until the order settles, awaits a customer step (3-D Secure), or N seconds pass; N is lowered to the service limit (ORDER_CHECKOUT_MAX_WAIT_SECONDS, 8 by default), and Preference-Applied says what applied',
      }),
    ),
  },
  { additionalProperties: true },
);

const Totals = Type.Object({ subtotal: Money, shipping: Money, tax: Money, total: Money }, { additionalProperties: false });
const Status = Type.Union(ORDER_STATUSES.map((s) => Type.Literal(s)));

export const CheckoutAnswerSchema = Type.Object(
  {
    orderId: Id(),
    status: Status,
    nextActionUrl: Nullable(Type.String({ description: 'A step the customer must complete now (e.g. 3-D Secure) while the order awaits payment' })),
    accessToken: Nullable(Type.String({ pattern: ORDER_TOKEN_PATTERN, description: "A guest order's access token, answered only here: send it to read the order" })),
    totals: Totals,
  },
  { additionalProperties: false },
);

export const OrderParams = Type.Object({ id: Id() }, { additionalProperties: false });
export const OrderQuery = Type.Object(
  { token: Type.Optional(Type.String({ pattern: ORDER_TOKEN_PATTERN, minLength: 36, maxLength: 36, description: "A guest order's access token (or header X-Order-Token)" })) },
  { additionalProperties: false },
);

const AddressOut = Type.Object(
  {
    name: Type.String(),
    line1: Type.String(),
    line2: Type.Optional(Type.String()),
    city: Type.String(),
    region: Type.Optional(Type.String()),
    postalCode: Type.Optional(Type.String()),
    country: Country,
    phone: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const OrderSchema = Type.Object(
  {
    id: Id(),
    status: Status,
    cancelReason: Nullable(Type.String()),
    email: Type.String(),
    currency: Currency,
    items: Type.Array(
      Type.Object(
        {
          sku: Type.String(),
          productId: Id(),
          variantId: Id(),
          title: Type.String(),
          slug: Nullable(Type.String()),
          quantity: Type.Integer({ minimum: 1, maximum: MAX_QUANTITY }),
          unitPrice: Money,
          lineTotal: Money,
        },
        { additionalProperties: false },
      ),
      { maxItems: MAX_LINES },
    ),
    shippingAddress: AddressOut,
    billingAddress: Nullable(AddressOut),
    totals: Type.Object(
      { subtotal: Money, shipping: Money, tax: Money, total: Money, taxRate: Type.Number({ minimum: 0, maximum: 1 }), pricesIncludeTax: Type.Boolean() },
      { additionalProperties: false },
    ),
    payment: Type.Object(
      {
        provider: Provider,
        status: Type.Union(['unpaid', 'action_required', 'paid', 'partially_refunded', 'refunded'].map((x) => Type.Literal(x)), {
          description: "Where the money stands, from the order's own record of the payment",
        }),
        paymentId: Nullable(Id()),
        nextActionUrl: Nullable(Type.String({ description: 'A step the customer must complete (e.g. 3-D Secure) while the order awaits payment' })),
        deadline: Nullable(Type.String({ format: 'date-time', description: 'The order is cancelled if not paid by then' })),
        paid: Money,
        refunded: Money,
        refundPending: Money,
      },
      { additionalProperties: false },
    ),
    shipment: Nullable(
      Type.Object(
        { carrier: Type.String(), trackingNumber: Type.String(), shippedAt: Timestamp, deliveredAt: Nullable(Timestamp) },
        { additionalProperties: false },
      ),
    ),
    confirmedAt: Nullable(Timestamp),
    cancelledAt: Nullable(Timestamp),
    history: Type.Optional(
      Type.Array(
        Type.Object(
          {
            from: Nullable(Status),
            to: Status,
            reason: Nullable(Type.String()),
            actor: Type.Optional(Type.String({ description: "Staff only: who made the move: user:<id>, guest, event:<type>:<id> or system:<job>" })),
            at: Timestamp,
          },
          { additionalProperties: false },
        ),
        { description: 'Every move of the order, oldest first (on a single order only)' },
      ),
    ),
    refunds: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.String(),
            amount: Money,
            reason: Type.String(),
            status: Type.Union([Type.Literal('requested'), Type.Literal('refunded')]),
            requestedBy: Type.String(),
            requestedAt: Timestamp,
            refundedAt: Nullable(Timestamp),
          },
          { additionalProperties: false },
        ),
        { description: 'Staff only, on a single order: every refund asked for, oldest first' },
      ),
    ),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { additionalProperties: false },
);

export const OrderListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "The previous page's nextCursor" })),
    status: Type.Optional(Status),
    userId: Type.Optional(Id("Staff only: one customer's orders")),
    from: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'Placed at or after' })),
    to: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'Placed before' })),
    currency: Type.Optional(CurrencyCode),
    minTotal: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e15, description: 'Total at least, in minor units' })),
    maxTotal: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e15, description: 'Total at most, in minor units' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 254, pattern: '\\S', description: 'A prefix of the order id or of the email (case-insensitive)' })),
  },
  { additionalProperties: false },
);
export const OrderList = Type.Object({ items: Type.Array(OrderSchema), nextCursor: Nullable(Type.String()) }, { additionalProperties: false });

export const ShipBody = Type.Object(
  { carrier: text(1, 100, 'e.g. UPS, DHL'), trackingNumber: text(1, 100) },
  { additionalProperties: false },
);
export const RefundBody = Type.Object(
  {
    amount: Type.Optional(Type.Object(PositiveMoney.properties, { additionalProperties: false, description: "In the order's currency; all that is left to refund when absent" })),
    reason: Type.Optional(text(1, 500)),
  },
  { additionalProperties: false },
);

const Day = (description: string) => Type.String({ format: 'date', maxLength: 10, description: `${description}: a day of the shop (in its time zone, ORDER_TIME_ZONE), YYYY-MM-DD` });
export const StatsQuery = Type.Object(
  {
    from: Type.Optional(Day('The first day (default: 29 days before to)')),
    to: Type.Optional(Day("The last day, included (default: the shop's today)")),
    interval: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week')], { description: 'The series step (default day; weeks start on Monday)' })),
    currency: Type.Optional(CurrencyCode),
  },
  { additionalProperties: false },
);
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Confirmed orders / orders placed; null without orders' }));
export const StatsSchema = Type.Object(
  {
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
    interval: Type.Union([Type.Literal('day'), Type.Literal('week')]),
    timeZone: Type.String({ description: 'The time zone the days are counted in' }),
    asOf: Nullable(Type.String({ format: 'date-time', description: 'When the figures last took in the orders; later changes show within seconds' })),
    orders: Type.Integer({ description: 'Orders placed (checkouts) in the range, every currency' }),
    confirmedOrders: Type.Integer({ description: 'Of those, orders that reached confirmed' }),
    conversionRate: Rate,
    byStatus: Type.Array(Type.Object({ status: Status, count: Type.Integer() }, { additionalProperties: false })),
    currencies: Type.Array(
      Type.Object(
        {
          currency: Currency,
          orders: Type.Integer(),
          confirmedOrders: Type.Integer(),
          conversionRate: Rate,
          revenue: Money,
          refunded: Money,
          netRevenue: Type.Object({ amount: Type.Integer(), currency: Currency }, { additionalProperties: false }),
          averageOrderValue: Nullable(Money),
          series: Type.Array(
            Type.Object(
              { start: Type.String({ format: 'date', description: 'The first day of the interval' }), orders: Type.Integer(), confirmedOrders: Type.Integer(), revenue: Money, refunded: Money },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

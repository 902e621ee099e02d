import { Country, Currency, Id, Sku } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';
import { CART_ID_PATTERN } from '../carts/cart-id.js';
import { MAX_LINES, MAX_QUANTITY } from '../carts/change-cart.js';

const CartId = Type.String({ pattern: CART_ID_PATTERN, minLength: 36, maxLength: 36, description: 'The cart id (for a guest cart, the capability that opens it)' });
const Quantity = Type.Integer({ minimum: 1, maximum: MAX_QUANTITY, description: `From 1 to ${MAX_QUANTITY}` });
const Amount = Type.Integer({ minimum: 0, maximum: 1e15, description: 'Integer minor units' });
const Money = Type.Object({ amount: Amount, currency: Currency }, { additionalProperties: false });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });

export const CartParams = Type.Object({ id: CartId }, { additionalProperties: false });
export const CartItemParams = Type.Object({ id: CartId, sku: Sku }, { additionalProperties: false });

export const CreateCartBody = Type.Object(
  {
    currency: Type.Optional(Type.String({ format: 'iso4217', maxLength: 3, description: 'ISO 4217 code; the configured default when absent' })),
    shippingCountry: Type.Optional(Country),
  },
  { additionalProperties: false },
);
export const AddItemBody = Type.Object({ sku: Sku, quantity: Quantity }, { additionalProperties: false });
export const SetQuantityBody = Type.Object({ quantity: Quantity }, { additionalProperties: false });
export const ShippingCountryBody = Type.Object({ country: Country }, { additionalProperties: false });

const Line = Type.Object(
  {
    sku: Type.String({ maxLength: 64 }),
    quantity: Type.Integer({ minimum: 1, maximum: MAX_QUANTITY }),
    productId: Nullable(Id()),
    variantId: Nullable(Id()),
    title: Nullable(Type.String({ maxLength: 300 })),
    slug: Nullable(Type.String({ maxLength: 200 })),
    unitPrice: Nullable(Money),
    lineTotal: Nullable(Money),
    available: Type.Boolean({ description: 'Whether the line can be bought now: for sale, priced in the cart currency, and its quantity in stock' }),
    unavailableReason: Nullable(
      Type.Union(['unknown_sku', 'product_unavailable', 'no_price_in_currency', 'out_of_stock', 'insufficient_stock'].map((r) => Type.Literal(r)), {
        description: '`out_of_stock` / `insufficient_stock` come from inventory: such a line keeps its price and stays in the totals, and checking it out would be cancelled `out_of_stock`',
      }),
    ),
    availableQuantity: Nullable(
      Type.Integer({ minimum: 0, maximum: 1e12, description: 'Units inventory can sell now; null for a line not for sale, or when inventory did not answer in time' }),
    ),
    priceChanged: Type.Boolean({ description: 'The price differs from the one last seen on this line (when it was added or changed)' }),
    previousUnitPrice: Nullable(Money),
    addedAt: Timestamp,
  },
  { additionalProperties: false },
);

export const CartSchema = Type.Object(
  {
    id: CartId,
    currency: Currency,
    shippingCountry: Nullable(Country),
    owned: Type.Boolean({ description: 'Owned by a user (reachable only with their token); false for a guest cart' }),
    items: Type.Array(Line, { maxItems: MAX_LINES }),
    itemCount: Type.Integer({ minimum: 0, maximum: MAX_LINES * MAX_QUANTITY }),
    totals: Type.Object(
      {
        subtotal: Money,
        shipping: Nullable(Money),
        tax: Nullable(Money),
        total: Money,
        taxRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
        pricesIncludeTax: Type.Boolean(),
      },
      { additionalProperties: false, description: 'Shipping and tax are null until a shipping country is set (or when no rate exists for it)' },
    ),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    expiresAt: Nullable(Timestamp),
  },
  { additionalProperties: false },
);

import { ConfigError, loadConfig } from '@mercato/chassis';
import { isCurrency } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';
import type { TotalsConfig } from './carts/cart-totals.js';

const int = (description: string, min: number, max: number, dflt: number) =>
  Type.Integer({ minimum: min, maximum: max, default: dflt, description: `${description}: an integer from ${min} to ${max}` });
const json = (description: string, dflt: string) => Type.String({ minLength: 2, maxLength: 20_000, default: dflt, description });

/** The order service's own variables (the chassis reads the common ones). */
export const orderConfigSchema = Type.Object(
  {
    ORDER_DEFAULT_CURRENCY: Type.String({ pattern: '^[A-Z]{3}$', default: 'USD', description: 'the currency of a cart created without one, an ISO 4217 code' }),
    ORDER_SHIPPING_RATES: json(
      'JSON: country (ISO 3166-1 alpha-2, or * for any other) → currency → flat rate in minor units, e.g. {"US":{"USD":499},"*":{"USD":1499}}',
      '{"*":{"USD":499,"EUR":499,"GBP":399,"JPY":800}}',
    ),
    ORDER_FREE_SHIPPING_OVER: json('JSON: currency → subtotal in minor units from which shipping is free, e.g. {"USD":5000}; {} for never', '{}'),
    ORDER_TAX_RATES: json('JSON: country (or *) → tax rate from 0 to 1, e.g. {"DE":0.19,"*":0}', '{"*":0}'),
    ORDER_PRICES_INCLUDE_TAX: Type.Boolean({ default: false, description: 'whether catalog prices already include tax: true or false' }),
    ORDER_CART_TTL_DAYS: int('days a guest cart lives after its last change', 1, 3650, 30),
    ORDER_CART_SWEEP_INTERVAL_SECONDS: int('how often expired carts are removed', 1, 86_400, 3600),
    ORDER_PAYMENT_TIMEOUT_SECONDS: int(
      'how long an order may await payment before it is cancelled and its stock released (never past the stock reservation)',
      5,
      7 * 86_400,
      600,
    ),
    ORDER_PAYMENT_SWEEP_INTERVAL_SECONDS: int('how often orders past their payment deadline are looked for', 1, 3600, 15),
    ORDER_CHECKOUT_MAX_WAIT_SECONDS: int(
      'the longest Prefer: wait a checkout honours, in seconds (keep it below the upstream timeout of the gateway in front)',
      0,
      30,
      8,
    ),
    ORDER_STOCK_TIMEOUT_MS: int('how long a cart view waits for inventory stock levels before it answers without them, in ms', 20, 10_000, 300),
    ORDER_USER_TIMEOUT_MS: int("how long the checkout waits for the user service (a signed-in buyer's email or saved address), in ms", 100, 30_000, 2_000),
    ORDER_TIME_ZONE: Type.String({ minLength: 1, maxLength: 64, default: 'UTC', description: "the shop's IANA time zone, where its days begin for the dashboard figures, e.g. Europe/Berlin" }),
    ORDER_STATS_REFRESH_SECONDS: int('how often the dashboard figures take in the orders that changed', 1, 3600, 5),
  },
  { additionalProperties: true },
);

export interface OrderConfig {
  defaultCurrency: string;
  totals: TotalsConfig;
  cartTtlDays: number;
  sweepIntervalMs: number;
  paymentTimeoutSeconds: number;
  paymentSweepIntervalMs: number;
  /** The longest `Prefer: wait` honoured (the answer says what was applied). */
  checkoutMaxWaitSeconds: number;
  stockTimeoutMs: number;
  userTimeoutMs: number;
  timeZone: string;
  statsRefreshMs: number;
}

const TIME_ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

const COUNTRY = /^(?:[A-Z]{2}|\*)$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAmount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 1e12;

function parse(name: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ConfigError(`Configuration error: ${name} is not valid JSON`);
  }
}

function currencyAmounts(name: string, where: string, value: unknown): Record<string, number> {
  if (!isRecord(value)) throw new ConfigError(`Configuration error: ${name}${where} must be an object of currency → amount in minor units`);
  for (const [currency, amount] of Object.entries(value)) {
    if (!isCurrency(currency)) throw new ConfigError(`Configuration error: ${name}${where}: ${currency} is not an ISO 4217 currency`);
    if (!isAmount(amount)) throw new ConfigError(`Configuration error: ${name}${where}.${currency} must be a non-negative integer amount in minor units`);
  }
  return value as Record<string, number>;
}

export function parseShippingRates(raw: string): Record<string, Record<string, number>> {
  const value = parse('ORDER_SHIPPING_RATES', raw);
  if (!isRecord(value)) throw new ConfigError('Configuration error: ORDER_SHIPPING_RATES must be an object of country → currency → amount');
  const out: Record<string, Record<string, number>> = {};
  for (const [country, rates] of Object.entries(value)) {
    if (!COUNTRY.test(country)) throw new ConfigError(`Configuration error: ORDER_SHIPPING_RATES: ${country} is not a two-letter country code or *`);
    out[country] = currencyAmounts('ORDER_SHIPPING_RATES', `.${country}`, rates);
  }
  return out;
}

export function parseTaxRates(raw: string): Record<string, number> {
  const value = parse('ORDER_TAX_RATES', raw);
  if (!isRecord(value)) throw new ConfigError('Configuration error: ORDER_TAX_RATES must be an object of country → rate');
  for (const [country, rate] of Object.entries(value)) {
    if (!COUNTRY.test(country)) throw new ConfigError(`Configuration error: ORDER_TAX_RATES: ${country} is not a two-letter country code or *`);
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1) || Math.round(rate * 1e6) / 1e6 !== rate) {
      throw new ConfigError(`Configuration error: ORDER_TAX_RATES.${country} must be a number from 0 to 1 with at most 6 decimals`);
    }
  }
  return value as Record<string, number>;
}

export function loadOrderConfig(env: NodeJS.ProcessEnv): OrderConfig {
  const c = loadConfig(orderConfigSchema, env);
  if (!isCurrency(c.ORDER_DEFAULT_CURRENCY)) throw new ConfigError(`Configuration error: ORDER_DEFAULT_CURRENCY: ${c.ORDER_DEFAULT_CURRENCY} is not an ISO 4217 currency`);
  if (!TIME_ZONES.has(c.ORDER_TIME_ZONE)) throw new ConfigError(`Configuration error: ORDER_TIME_ZONE: ${c.ORDER_TIME_ZONE} is not an IANA time zone (e.g. Europe/Berlin)`);
  return {
    defaultCurrency: c.ORDER_DEFAULT_CURRENCY,
    totals: {
      shippingRates: parseShippingRates(c.ORDER_SHIPPING_RATES),
      freeShippingOver: currencyAmounts('ORDER_FREE_SHIPPING_OVER', '', parse('ORDER_FREE_SHIPPING_OVER', c.ORDER_FREE_SHIPPING_OVER)),
      taxRates: parseTaxRates(c.ORDER_TAX_RATES),
      pricesIncludeTax: c.ORDER_PRICES_INCLUDE_TAX,
    },
    cartTtlDays: c.ORDER_CART_TTL_DAYS,
    sweepIntervalMs: c.ORDER_CART_SWEEP_INTERVAL_SECONDS * 1000,
    paymentTimeoutSeconds: c.ORDER_PAYMENT_TIMEOUT_SECONDS,
    paymentSweepIntervalMs: c.ORDER_PAYMENT_SWEEP_INTERVAL_SECONDS * 1000,
    checkoutMaxWaitSeconds: c.ORDER_CHECKOUT_MAX_WAIT_SECONDS,
    stockTimeoutMs: c.ORDER_STOCK_TIMEOUT_MS,
    userTimeoutMs: c.ORDER_USER_TIMEOUT_MS,
    timeZone: c.ORDER_TIME_ZONE,
    statsRefreshMs: c.ORDER_STATS_REFRESH_SECONDS * 1000,
  };
}

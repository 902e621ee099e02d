/**
 * Cart totals, pure and in integer minor units (no floats touch an amount).
 *
 * - subtotal: the sum of available lines (unit price × quantity).
 * - shipping: from the rate table, for the shipping country (else the `*` row) in the cart's
 *   currency; free when the subtotal reaches the currency's free-shipping threshold; 0 for an
 *   empty cart; null while no shipping country is set or no rate exists for it.
 * - tax: per line, rounded half-up to the minor unit, then summed. With tax-exclusive prices it
 *   is line × rate and is added to the total; with tax-inclusive prices it is the part of the
 *   line already in the price, line × rate / (1 + rate), and is not added again. Shipping is not
 *   taxed. Null while no shipping country is set.
 * - total: subtotal + shipping (when known) + tax (when known and prices exclude it).
 *
 * Rates are held in millionths (0.19 → 190 000) and all arithmetic is on BigInt, so rounding is
 * exact whatever the currency's exponent (JPY has none: a minor unit is a yen).
 */
export interface TotalsConfig {
  /** country (or `*`) → currency → amount in minor units */
  shippingRates: Record<string, Record<string, number>>;
  /** currency → subtotal from which shipping is free */
  freeShippingOver: Record<string, number>;
  /** country (or `*`) → rate from 0 to 1 */
  taxRates: Record<string, number>;
  pricesIncludeTax: boolean;
}

export interface TotalsLine {
  quantity: number;
  /** The current unit price; null when the line is unavailable (not counted). */
  unitPrice: number | null;
}

export interface Totals {
  subtotal: number;
  shipping: number | null;
  tax: number | null;
  total: number;
  taxRate: number | null;
  pricesIncludeTax: boolean;
}

const MILLION = 1_000_000n;

/** Rounds numerator / denominator (both ≥ 0) half-up to an integer. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** The tax in one line's amount at `rate` (0–1), rounded half-up to the minor unit. */
export function lineTax(lineAmount: number, rate: number, pricesIncludeTax: boolean): number {
  const micro = BigInt(Math.round(rate * 1_000_000));
  const amount = BigInt(lineAmount);
  if (micro === 0n) return 0;
  return Number(pricesIncludeTax ? divideHalfUp(amount * micro, MILLION + micro) : divideHalfUp(amount * micro, MILLION));
}

export function taxRateFor(config: TotalsConfig, country: string): number | null {
  return config.taxRates[country] ?? config.taxRates['*'] ?? null;
}

export function shippingFor(config: TotalsConfig, country: string, currency: string, subtotal: number, lineCount: number): number | null {
  if (lineCount === 0) return 0;
  const free = config.freeShippingOver[currency];
  if (free !== undefined && subtotal >= free) return 0;
  return config.shippingRates[country]?.[currency] ?? config.shippingRates['*']?.[currency] ?? null;
}

export function cartTotals(lines: readonly TotalsLine[], currency: string, country: string | null, config: TotalsConfig): Totals {
  const counted = lines.filter((l): l is { quantity: number; unitPrice: number } => l.unitPrice !== null);
  const amounts = counted.map((l) => l.unitPrice * l.quantity);
  const subtotal = amounts.reduce((a, b) => a + b, 0);
  if (country === null) {
    return { subtotal, shipping: null, tax: null, total: subtotal, taxRate: null, pricesIncludeTax: config.pricesIncludeTax };
  }
  const shipping = shippingFor(config, country, currency, subtotal, counted.length);
  const taxRate = taxRateFor(config, country);
  const tax = taxRate === null ? null : amounts.reduce((sum, a) => sum + lineTax(a, taxRate, config.pricesIncludeTax), 0);
  const total = subtotal + (shipping ?? 0) + (config.pricesIncludeTax ? 0 : (tax ?? 0));
  return { subtotal, shipping, tax, total, taxRate, pricesIncludeTax: config.pricesIncludeTax };
}

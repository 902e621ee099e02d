import { minorDigits } from './money';

/**
 * `12.5` in `USD` → 1250: an amount typed in major units, as integer minor units of the
 * currency; undefined when it is not a plain non-negative number with at most the currency's
 * decimals (the caller shows that next to the field).
 */
export function minorUnitsOf(text: string, currency: string): number | undefined {
  const digits = minorDigits(currency);
  const m = /^(\d{1,13})(?:[.,](\d*))?$/.exec(text.trim());
  if (!m) return undefined;
  const frac = m[2] ?? '';
  if (frac.length > digits) return undefined;
  return Number(m[1]) * 10 ** digits + (frac === '' ? 0 : Number(frac.padEnd(digits, '0')));
}

/** 1250 in USD → `12.50`: minor units as the text of an amount field. */
export function majorText(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}

/** A timestamp as staff read it: date and time, in UTC, said so. */
export function staffTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return `${new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}

import { LOCALE } from './i18n';

export interface Money {
  amount: number;
  currency: string;
}

const formats = new Map<string, Intl.NumberFormat>();

function formatOf(currency: string): Intl.NumberFormat {
  let f = formats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
    formats.set(currency, f);
  }
  return f;
}

/** Digits after the decimal point of a currency's minor unit (JPY 0, USD 2, KWD 3). */
export function minorDigits(currency: string): number {
  return formatOf(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `{1999, USD}` → `$19.99`, exactly, from integer minor units. */
export function formatMoney(m: Money): string {
  return formatOf(m.currency).format(m.amount / 10 ** minorDigits(m.currency));
}

/** The number a price means in major units, for schema.org (`19.99`). */
export function majorUnits(m: Money): string {
  return (m.amount / 10 ** minorDigits(m.currency)).toFixed(minorDigits(m.currency));
}

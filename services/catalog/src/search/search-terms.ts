import { currencyExponent, ID_PATTERN } from '@mercato/contracts';

const PRODUCT_ID = new RegExp(ID_PATTERN);

export const MAX_TERMS = 8;

/** `"Blu  SHRT!"` → `['blu', 'shrt']`: lower-case words of letters and digits, at most 8. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const words = q
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, 40));
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/**
 * A `to_tsquery` text in which every term must match:
 * - `fuzzy` (what filters): each term as a prefix of a word, or one of the indexed words close to
 *   it (typo tolerance);
 * - `prefix`: each term as a prefix only;
 * - `exact`: each word as typed.
 * Ranking adds prefix and exact matches on top of the fuzzy one, so "shirt" ranks a shirt above
 * a shirtdress, and what was typed above a correction of it.
 */
export function tsQueryText(terms: ReadonlyArray<{ term: string; near: readonly string[] }>, mode: 'fuzzy' | 'prefix' | 'exact' = 'fuzzy'): string {
  const quote = (w: string) => `'${w.replace(/'/g, "''")}'`;
  return terms
    .map(({ term, near }) => {
      if (mode === 'exact') return quote(term);
      if (mode === 'prefix') return `${quote(term)}:*`;
      const alternatives = [`${quote(term)}:*`, ...near.filter((w) => w !== term).map(quote)];
      return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' | ')})`;
    })
    .join(' & ');
}

/**
 * Price band edges in minor units for a currency: 25, 50, 100, 250, 500 and 1000 major units
 * (×100 for zero-decimal currencies such as JPY, whose unit is small).
 */
export function priceBandEdges(currency: string): number[] {
  const exp = currencyExponent(currency);
  const scale = 10 ** exp * (exp === 0 ? 100 : 1);
  return [25, 50, 100, 250, 500, 1000].map((e) => e * scale);
}

export type SortKey = string | number;
export interface Cursor {
  sort: string;
  keys: SortKey[];
  id: string;
}

/**
 * What each sort key of a cursor must be, as the SQL that pages on it casts it: a `float8`
 * (finite number), a `bigint` or an `int` (integers within range), a `timestamptz` (the exact
 * ISO form this service writes). A cursor is client input: a text under `price_asc` must never
 * reach a `::bigint`.
 */
export type SortKeyKind = 'float' | 'bigint' | 'int' | 'timestamp';

const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const INT_MAX = 2 ** 31 - 1;

function keyFits(k: unknown, kind: SortKeyKind): boolean {
  switch (kind) {
    case 'float':
      return typeof k === 'number' && Number.isFinite(k);
    case 'bigint':
      return typeof k === 'number' && Number.isSafeInteger(k);
    case 'int':
      return typeof k === 'number' && Number.isInteger(k) && Math.abs(k) <= INT_MAX;
    case 'timestamp':
      return typeof k === 'string' && TIMESTAMP_KEY.test(k) && !Number.isNaN(Date.parse(k));
  }
}

/** Opaque to clients: base64url of the sort and the last item's sort keys. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.keys, c.id])).toString('base64url');
}

/** The cursor, or null when it is not one this service wrote for this sort (keys of the kinds `kinds`). */
export function decodeCursor(text: string, sort: string, kinds: readonly SortKeyKind[]): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [s, keys, id] = parsed as [unknown, unknown, unknown];
    if (s !== sort || typeof id !== 'string' || !PRODUCT_ID.test(id) || !Array.isArray(keys) || keys.length !== kinds.length) return null;
    if (!keys.every((k, i) => keyFits(k, kinds[i]!))) return null;
    return { sort: s, keys: keys as SortKey[], id };
  } catch {
    return null;
  }
}

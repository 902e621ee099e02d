import { currencyExponent, isCurrency, type FieldError } from '@mercato/contracts';
import { parse } from 'csv-parse/sync';

/**
 * RFC 4180 CSV through `csv-parse` (a kept parser, not ours): comma-separated, fields optionally
 * in double quotes (a quote inside doubled), CRLF, LF or CR line ends (mixed too), quoted fields
 * may span lines, a byte-order mark is dropped, blank lines are skipped, rows may have fewer or
 * more fields than the header (the product rules report it per line). Returns records with the
 * line each starts on, or an error naming the line when the text is not CSV.
 */
export function parseCsv(text: string, maxRecords: number): { records: Array<{ line: number; fields: string[] }>; error?: string } {
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // One line end, as editors count lines (CRLF, LF or CR, also inside a quoted field): then the
    // parser's line numbers are the ones the shop owner sees.
    rows = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: '\n',
      to: maxRecords + 1,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    const e = err as { code?: string; message?: string; lines?: number };
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') return { records: [], error: `a quoted field opened on line ${e.lines ?? '?'} never closes` };
    return { records: [], error: `line ${e.lines ?? '?'}: ${(e.message ?? 'not CSV').replace(/^[^:]*: /, '')}` };
  }
  if (rows.length > maxRecords) return { records: [], error: `more than ${maxRecords - 1} rows` };
  // csv-parse counts the line a record ends on; a quoted field that spans lines started earlier.
  const records = rows.map(({ record, info }) => ({ line: info.lines - record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0), fields: record }));
  return { records };
}

/** `"19.99"` in USD → 1999; `"1999"` in JPY → 1999; more decimals than the currency has is an error. Exact: no floats. */
export function parseMajorUnits(text: string, currency: string): number | string {
  if (!isCurrency(currency)) return `${currency} is not an ISO 4217 currency`;
  const m = /^(\d{1,12})(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return `"${text}" is not a price (digits, optionally a decimal point)`;
  const exp = currencyExponent(currency);
  const frac = m[2] ?? '';
  if (frac.length > exp) return `${currency} has ${exp} decimal places; "${text}" has ${frac.length}`;
  return Number(m[1]) * 10 ** exp + Number(frac.padEnd(exp, '0') || '0');
}

export interface CsvProduct {
  /** The lines of the file this product came from. */
  lines: number[];
  /** A product body as the JSON API takes it (not yet validated). */
  body: Record<string, unknown>;
  errors: FieldError[];
}

const split = (v: string) =>
  v
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/**
 * One row per variant; rows with the same `slug` form one product, whose fields come from its
 * first row. Columns: slug, title, description, status, categories (a|b), images (url|url),
 * seo_title, seo_description, attr:<name>, option1_name…option3_name, option1_value…option3_value,
 * sku, variant_title, price:<CURRENCY> (in major units, e.g. 19.99).
 */
export function csvToProducts(records: ReadonlyArray<{ line: number; fields: string[] }>): { products: CsvProduct[]; error?: string } {
  const [header, ...rows] = records;
  if (!header) return { products: [], error: 'the file is empty' };
  const cols = header.fields.map((h) => h.trim());
  const lower = cols.map((c) => c.toLowerCase());
  for (const required of ['slug', 'title', 'sku']) {
    if (!lower.includes(required)) return { products: [], error: `the header has no "${required}" column` };
  }
  const known = /^(slug|title|description|status|categories|images|seo_title|seo_description|sku|variant_title|option[123]_(name|value))$/;
  const unknown = cols.filter((c, i) => !known.test(lower[i]!) && !/^attr:.+/i.test(c) && !/^price:[A-Za-z]{3}$/i.test(c));
  if (unknown.length > 0) return { products: [], error: `unknown columns: ${unknown.join(', ')}` };
  const bySlug = new Map<string, CsvProduct>();
  const order: CsvProduct[] = [];
  for (const row of rows) {
    const get = (name: string) => {
      const i = lower.indexOf(name);
      return i === -1 ? '' : (row.fields[i] ?? '').trim();
    };
    const errors: FieldError[] = [];
    if (row.fields.length !== cols.length) errors.push({ pointer: '', message: `line ${row.line} has ${row.fields.length} fields; the header has ${cols.length}` });
    const slug = get('slug');
    let product = bySlug.get(slug);
    if (!product) {
      const attributes: Record<string, string> = {};
      cols.forEach((c, i) => {
        if (/^attr:/i.test(c) && (row.fields[i] ?? '').trim() !== '') attributes[c.slice(5)] = row.fields[i]!.trim();
      });
      const options: Array<{ name: string; values: string[] }> = [];
      for (const n of [1, 2, 3]) {
        const name = get(`option${n}_name`);
        if (name) options.push({ name, values: [] });
      }
      const body: Record<string, unknown> = { slug, title: get('title'), variants: [] };
      if (get('description')) body.description = get('description');
      if (get('status')) body.status = get('status');
      if (get('categories')) body.categories = split(get('categories'));
      if (get('images')) body.images = split(get('images')).map((url, i) => ({ url, alt: i === 0 ? get('title') : `${get('title')} (${i + 1})` }));
      if (get('seo_title') || get('seo_description')) {
        body.seo = { ...(get('seo_title') ? { title: get('seo_title') } : {}), ...(get('seo_description') ? { description: get('seo_description') } : {}) };
      }
      if (Object.keys(attributes).length > 0) body.attributes = attributes;
      if (options.length > 0) body.options = options;
      product = { lines: [], body, errors: [] };
      if (slug) bySlug.set(slug, product);
      order.push(product);
    }
    product.lines.push(row.line);
    const options = (product.body.options as Array<{ name: string; values: string[] }> | undefined) ?? [];
    const choice: Record<string, string> = {};
    options.forEach((opt, k) => {
      const value = get(`option${k + 1}_value`);
      if (!value) return;
      choice[opt.name] = value;
      if (!opt.values.includes(value)) opt.values.push(value);
    });
    const prices: Array<{ amount: number; currency: string }> = [];
    cols.forEach((c, i) => {
      const m = /^price:([A-Za-z]{3})$/i.exec(c);
      const raw = (row.fields[i] ?? '').trim();
      if (!m || raw === '') return;
      const currency = m[1]!.toUpperCase();
      const amount = parseMajorUnits(raw, currency);
      if (typeof amount === 'string') errors.push({ pointer: `/${c}`, message: `line ${row.line}: ${amount}` });
      else prices.push({ amount, currency });
    });
    const variant: Record<string, unknown> = { sku: get('sku'), prices };
    if (options.length > 0) variant.options = choice;
    if (get('variant_title')) variant.title = get('variant_title');
    (product.body.variants as unknown[]).push(variant);
    product.errors.push(...errors);
  }
  return { products: order };
}

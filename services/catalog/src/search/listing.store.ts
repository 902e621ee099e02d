import { prepared, type Queryable } from '@mercato/chassis';
import type { Image, ProductStatus } from '../products/product.js';
import { priceBandEdges, tsQueryText, type Cursor, type SortKey, type SortKeyKind } from './search-terms.js';
import type { TermExpansion, TermExpansions, TermQueries } from './term-expansions.js';

export type Sort = 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'rating';

export interface ListRequest {
  terms: string[];
  /** A category's id or slug: its products and its descendants'. */
  category: string | null;
  currency: string;
  minPrice?: number;
  maxPrice?: number;
  /** One status, or `any` (the back office's list). */
  status: ProductStatus | 'any';
  /** Also match a product whose SKU starts with this (the back office's search), any case. */
  skuPrefix?: string;
  sort: Sort;
  limit: number;
  cursor: Cursor | null;
}

export interface ListedProduct {
  id: string;
  slug: string;
  title: string;
  status: ProductStatus;
  image: Image | null;
  minAmount: number | null;
  maxAmount: number | null;
  ratingAverage: number;
  ratingCount: number;
  publishedAt: Date | null;
  /** This row's sort keys, for the next page's cursor. */
  keys: SortKey[];
}

export interface Facets {
  categories: Array<{ id: string; slug: string; name: string; count: number }>;
  priceBands: Array<{ min: number; max: number | null; count: number }>;
  options: Array<{ name: string; values: Array<{ value: string; count: number }> }>;
}

/** How many sort keys (besides the id) each sort pages by. */
/** The kinds of each sort's cursor keys, as the page query below casts them. */
export const SORT_KEYS: Record<Sort, readonly SortKeyKind[]> = {
  relevance: ['float'],
  newest: ['timestamp'],
  price_asc: ['bigint'],
  price_desc: ['bigint'],
  rating: ['float', 'int'],
};

// Title matches (A) weigh 2.5 times description matches (B): ts_rank's weights are {D, C, B, A}.
const WEIGHTS = `'{0.05, 0.2, 0.4, 1.0}'`;

const STATUSES: Record<ProductStatus, ProductStatus> = { draft: 'draft', published: 'published', archived: 'archived' };

class Sql {
  readonly params: unknown[] = [];
  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/**
 * Each query term with the indexed words it begins or is close to, and its pieces of the three
 * queries (`TermQueries`): a term whose fuzzy piece is empty is stop words only, and a query whose
 * terms all are ("the") filters nothing.
 */
export type Expanded = Array<{ term: string; near: string[]; queries: TermQueries }>;

/**
 * Whether the indexed word `w.word` is a typo of the query term `t.term` (SQL, over the words that
 * trigram similarity found close: `%` is what the index can find, this is what a shopper means).
 * As the common search engines count typos:
 * - none below four letters: three letters share half their trigrams with any word that differs
 *   in the last one ("tea" with "tee" and the "tex" of OEKO-TEX), so a short term is a prefix only;
 * - one from four letters, two from eight, an edit being a letter changed, added or left out, or
 *   two neighbouring letters swapped ("kettel");
 * - from five letters, the same against the start of a longer word ("sneakr" for "sneakers").
 * Before this, similarity alone decided, and "shoe" found shorts, "table" vegetable and "coat" co.
 * `levenshtein_less_equal` is fuzzystrmatch's (at most 255 characters a side: query terms are 40).
 */
const TYPO_OF_TERM = `CASE
  WHEN length(t.term) < 4 OR length(w.word) > 255 THEN false
  WHEN levenshtein_less_equal(w.word, t.term, 2) <= CASE WHEN length(t.term) >= 8 THEN 2 ELSE 1 END THEN true
  WHEN length(t.term) >= 5
       AND levenshtein_less_equal(left(w.word, length(t.term)), t.term, 2) <= CASE WHEN length(t.term) >= 8 THEN 2 ELSE 1 END THEN true
  WHEN length(w.word) = length(t.term) AND length(t.term) < 8
    THEN EXISTS (SELECT FROM generate_series(1, length(t.term) - 1) AS i
                 WHERE overlay(w.word PLACING substr(w.word, i + 1, 1) || substr(w.word, i, 1) FROM i FOR 2) = t.term)
  ELSE false END`;

/** Every query term expanded to the indexed words it begins or is a typo of (`TYPO_OF_TERM`). */
async function expand(q: Queryable, terms: readonly string[]): Promise<Expanded> {
  if (terms.length === 0) return [];
  // One text per number of terms (each term a parameter): parsed once per connection, and
  // planned once too, since a cached plan knows as many rows as a fresh one would. A term's
  // alternatives form one operand of the fuzzy query; that query is empty exactly when every
  // operand is. (OFFSET 0 keeps the subquery whole: pulled up, its `near` would be searched for twice.)
  const values = terms.map((_, i) => `($${i + 1}::text, ${i + 1})`).join(', ');
  // Each term's piece of the three queries (tsQueryText of the term alone, through to_tsquery:
  // stemmed, stop words out), for the search index to join.
  const { rows } = await prepared<{ term: string; near: string[]; fuzzy: string; prefix: string; exact: string }>(
    q,
    `catalog_expand_terms_${terms.length}`,
    `SELECT x.term, x.near, f.q::text AS fuzzy,
            to_tsquery('english', quote_literal(x.term) || ':*')::text AS prefix,
            to_tsquery('english', quote_literal(x.term))::text AS exact
     FROM (SELECT t.term, t.ord,
                  ARRAY(SELECT w.word FROM search_words w
                        WHERE (w.word % (CASE WHEN length(t.term) >= 4 THEN t.term END) AND ${TYPO_OF_TERM})
                           OR (length(t.term) >= 2 AND w.word LIKE t.term || '%')
                        ORDER BY (w.word LIKE t.term || '%') DESC, similarity(w.word, t.term) DESC, w.word
                        LIMIT 12) AS near
           FROM (VALUES ${values}) AS t(term, ord)
           OFFSET 0) x
          CROSS JOIN LATERAL (SELECT to_tsquery('english', array_to_string(
            ARRAY[quote_literal(x.term) || ':*'] || ARRAY(SELECT quote_literal(w) FROM unnest(x.near) AS w WHERE w <> x.term), ' | ')) AS q) f
     ORDER BY x.ord`,
    terms,
  );
  return rows.map((r) => ({ term: r.term, near: r.near, queries: { fuzzy: r.fuzzy, prefix: r.prefix, exact: r.exact } }));
}

/**
 * `expand`, with the expansions kept under `kept.generation` (the read cache's generation, seen
 * before the words are read) taken from `kept.expansions`, and the others read and kept there.
 */
async function expandKept(q: Queryable, terms: readonly string[], kept?: { expansions: TermExpansions; generation: string }): Promise<Expanded> {
  if (!kept) return expand(q, terms);
  const found = terms.map((term) => kept.expansions.get(term, kept.generation));
  const missing = terms.filter((_, i) => found[i] === undefined);
  const read = new Map<string, TermExpansion>();
  for (const r of missing.length > 0 ? await expand(q, missing) : []) {
    read.set(r.term, r);
    kept.expansions.set(r.term, kept.generation, r);
  }
  return terms.map((term, i) => {
    const e = found[i] ?? read.get(term)!;
    return { term, near: e.near, queries: e.queries };
  });
}

/**
 * Listing statements are built from the shape of a request (its sort, which filters it has,
 * whether its query is stop words only), every value a parameter: a few texts, each a named
 * prepared statement, parsed once per connection and planned once its plan is cached. The
 * full-text match stays a plain `search @@ to_tsquery(…)`, so that a cached (generic) plan still
 * finds the matches through the GIN index.
 */
const statementNames = new Map<string, string>();
function listingStatement<R extends Record<string, unknown>>(q: Queryable, text: string, values: readonly unknown[]) {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `catalog_listing_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return prepared<R>(q, name, text, values);
}

interface Matching {
  from: string;
  /** The price range of a match in the listing's currency (NULL when it has no price in it). */
  minAmount: string;
  maxAmount: string;
  rank: string;
  base: string;
  similarity: (title: string) => string;
}

/**
 * The FROM and WHERE shared by the page and its facets, and the relevance of a match in two parts
 * (`rank` is their sum): `base`, the full-text ranks, cheap; `similarity(title)`, how close the
 * query is to the title (trigrams: the dearest part, several times all three full-text ranks),
 * at most 0.1. Prices come from the product's own row (`pricesOnRow`: a pass over the matches
 * only) or from product_price_ranges (whose index a price sort of a whole listing walks).
 */
async function matching(
  q: Queryable,
  req: ListRequest,
  sql: Sql,
  opts: { needPrice: boolean; withRank: boolean; pricesOnRow: boolean },
  given?: Expanded,
): Promise<Matching> {
  const { needPrice, withRank } = opts;
  // The status is part of the statement's text (one of three), not a parameter: a cached plan
  // can then use the indexes made for published products only (full-text, newest, rating).
  const where = req.status === 'any' ? [] : [`p.status = '${STATUSES[req.status]}'`];
  let rank = '0::float8';
  let base = '0::float8';
  let similarity = (_title: string) => '0::float8';
  if (req.terms.length > 0) {
    const expanded = given ?? (await expand(q, req.terms));
    const stopWordsOnly = expanded.every((e) => e.queries.fuzzy === '');
    // Each query a scalar subquery (an InitPlan): made once per statement, also in a cached
    // plan (written inline, to_tsquery of a parameter would run again for every row).
    const tsQuery = (mode: 'fuzzy' | 'prefix' | 'exact') => `(SELECT to_tsquery('english', ${sql.p(tsQueryText(expanded, mode))}))`;
    let fuzzy: string | undefined;
    const fullQ = () => (fuzzy ??= tsQuery('fuzzy'));
    // A query of stop words only ("the") filters nothing.
    const bySku = req.skuPrefix && !stopWordsOnly
      ? ` OR EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND lower(v.sku) LIKE ${sql.p(`${req.skuPrefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)})`
      : '';
    if (!stopWordsOnly) where.push(`(p.search @@ ${fullQ()}${bySku})`);
    // ts_rank averages over a query's alternatives, so the fuzzy query (whose corrections a
    // document rarely all contains) weighs least; it still orders the matches of a typo.
    if (withRank) {
      base = `0.3 * ts_rank(${WEIGHTS}, p.search, ${fullQ()}) + ts_rank(${WEIGHTS}, p.search, ${tsQuery('prefix')}) + ts_rank(${WEIGHTS}, p.search, ${tsQuery('exact')})`;
      const typed = sql.p(req.terms.join(' '));
      similarity = (title) => `0.1 * word_similarity(${typed}, lower(${title}))`;
      // Added in this order, the sum is the same float8 whether it is computed at once or from a stored base.
      rank = `(${base} + ${similarity('p.title')})::float8`;
    }
  }
  if (req.category) {
    // In the category (an id or a slug) or one of its descendants: the categories of the product's
    // row against the category's subtree, found once per statement.
    const ref = sql.p(req.category);
    where.push(`p.category_ids && ARRAY(SELECT d.id FROM categories d
                                        WHERE d.ancestors && ARRAY(SELECT c.id FROM categories c WHERE c.id = ${ref} OR c.slug = ${ref}))`);
  }
  const currency = sql.p(req.currency);
  const [minAmount, maxAmount] = opts.pricesOnRow
    ? [`(p.price_ranges -> ${currency} ->> 0)::bigint`, `(p.price_ranges -> ${currency} ->> 1)::bigint`]
    : ['r.min_amount', 'r.max_amount'];
  if (req.minPrice !== undefined) where.push(`${minAmount} >= ${sql.p(req.minPrice)}`);
  if (req.maxPrice !== undefined) where.push(`${minAmount} <= ${sql.p(req.maxPrice)}`);
  if (opts.pricesOnRow && needPrice) where.push(`p.price_ranges ? ${currency}`);
  const filtered = where.length ? where.join(' AND ') : 'true';
  if (opts.pricesOnRow) {
    return { from: `products p WHERE ${filtered}`, minAmount, maxAmount, rank, base, similarity };
  }
  const join = needPrice || req.minPrice !== undefined || req.maxPrice !== undefined ? 'JOIN' : 'LEFT JOIN';
  const from = `products p ${join} product_price_ranges r ON r.product_id = p.id AND r.currency = ${currency}
                WHERE ${filtered}`;
  return { from, minAmount, maxAmount, rank, base, similarity };
}

interface Row extends Record<string, unknown> {
  id: string;
  slug: string;
  title: string;
  status: ProductStatus;
  image: Image | null;
  min_amount: number | null;
  max_amount: number | null;
  rating_average: number;
  rating_count: number;
  published_at: Date | null;
  created_key: string;
  rank: number;
}

/** A listing row → a listed product with its sort keys. */
function listed(r: Row, sort: Sort): ListedProduct {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    status: r.status,
    image: r.image,
    minAmount: r.min_amount,
    maxAmount: r.max_amount,
    ratingAverage: r.rating_average,
    ratingCount: r.rating_count,
    publishedAt: r.published_at,
    keys:
      sort === 'relevance' ? [r.rank]
      : sort === 'newest' ? [r.created_key]
      : sort === 'rating' ? [r.rating_average, r.rating_count]
      : [r.min_amount ?? 0],
  };
}

interface FacetRow {
  kind: 'c' | 'b' | 'o';
  k: string;
  v: string | null;
  n: number;
}

/** The facet rows of a listing (category, price band, option value counts) → its facets, in their public order. */
function foldFacets(rows: Iterable<FacetRow>, edges: readonly number[]): Facets {
  const facets: Facets = { categories: [], priceBands: [], options: [] };
  const options = new Map<string, Array<{ value: string; count: number }>>();
  for (const r of rows) {
    if (r.kind === 'c') {
      const { slug, name } = JSON.parse(r.v!) as { slug: string; name: string };
      facets.categories.push({ id: r.k, slug, name, count: r.n });
    } else if (r.kind === 'b') {
      const i = Number(r.k);
      facets.priceBands.push({ min: i === 0 ? 0 : edges[i - 1]!, max: i < edges.length ? edges[i]! - 1 : null, count: r.n });
    } else {
      const list = options.get(r.k) ?? [];
      list.push({ value: r.v!, count: r.n });
      options.set(r.k, list);
    }
  }
  return sortFacets(facets, options);
}

/**
 * Facets in their public order, and bounded: categories by count (then name, at most 1,000),
 * price bands upwards, options by name (at most 50, each with at most 100 values by count, then value).
 */
export function sortFacets(facets: Facets, options: Map<string, Array<{ value: string; count: number }>>): Facets {
  facets.categories.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).splice(1000);
  facets.priceBands.sort((a, b) => a.min - b.min);
  facets.options = [...options.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, 50)
    .map(([name, values]) => ({ name, values: values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, 100) }));
  return facets;
}

/**
 * The facet counts of the matched set `m` (id, min_amount, option_pairs, category_ids): categories
 * with their ancestors (a match counted once under each ancestor of its categories: the matches
 * are grouped by their list of categories first, a few distinct lists), price bands, option
 * values (unnested in the select list: one set-returning step over the matches, not a function
 * scan started again for each); as rows of (kind, k, v, n) after `nullColumns` NULLs.
 */
function facetSelects(sql: Sql, edges: readonly number[], nullColumns = 0): string {
  const columns = 'NULL, '.repeat(nullColumns);
  return `SELECT 'c' AS kind, ${columns}a.id AS k, json_build_object('slug', ca.slug, 'name', ca.name)::text AS v, sum(g.n)::int AS n
       FROM (SELECT m.category_ids, count(*) AS n FROM m GROUP BY m.category_ids) g
            CROSS JOIN LATERAL (SELECT DISTINCT x.id FROM categories c CROSS JOIN LATERAL unnest(c.ancestors) AS x(id)
                                WHERE c.id = ANY(g.category_ids)) a
            JOIN categories ca ON ca.id = a.id
       GROUP BY a.id, ca.slug, ca.name
       UNION ALL
       SELECT 'b', ${columns}width_bucket(m.min_amount, ${sql.p(edges)}::bigint[])::text, NULL, count(*)::int
       FROM m WHERE m.min_amount IS NOT NULL GROUP BY ${2 + nullColumns}
       UNION ALL
       SELECT 'o', ${columns}split_part(o.pair, chr(31), 1), split_part(o.pair, chr(31), 2), count(*)::int
       FROM (SELECT unnest(m.option_pairs) AS pair FROM m) o
       GROUP BY o.pair`;
}

/** The page columns of the first page's statement between `kind` and the facet columns (ord … rank), NULL in a facet row. */
const PAGE_COLUMNS = 13;

/** The only code that runs listing and search SQL. */
export const listingStore = {
  /**
   * The query's terms expanded once, for a page and its facets to share (else each expands them);
   * with `kept`, the expansions kept under its generation are used and the others kept there.
   */
  expand: expandKept,

  /** One page after a cursor, plus one more row to know whether another page follows. */
  async page(q: Queryable, req: ListRequest, expanded?: Expanded): Promise<ListedProduct[]> {
    const sql = new Sql();
    const byPrice = req.sort === 'price_asc' || req.sort === 'price_desc';
    const { from, rank } = await matching(q, req, sql, { needPrice: byPrice, withRank: req.sort === 'relevance', pricesOnRow: false }, expanded);
    let order: string;
    let after = '';
    const c = req.cursor;
    switch (req.sort) {
      case 'relevance':
        order = 's.rank DESC, s.id DESC';
        if (c) after = `(s.rank, s.id) < (${sql.p(c.keys[0])}::float8, ${sql.p(c.id)})`;
        break;
      case 'newest':
        order = 's.created_at DESC, s.id DESC';
        if (c) after = `(s.created_at, s.id) < (${sql.p(c.keys[0])}::timestamptz, ${sql.p(c.id)})`;
        break;
      case 'price_asc':
        order = 's.min_amount ASC, s.id ASC';
        if (c) after = `(s.min_amount, s.id) > (${sql.p(c.keys[0])}::bigint, ${sql.p(c.id)})`;
        break;
      case 'price_desc':
        order = 's.min_amount DESC, s.id DESC';
        if (c) after = `(s.min_amount, s.id) < (${sql.p(c.keys[0])}::bigint, ${sql.p(c.id)})`;
        break;
      case 'rating':
        order = 's.rating_average DESC, s.rating_count DESC, s.id DESC';
        if (c) after = `(s.rating_average, s.rating_count, s.id) < (${sql.p(c.keys[0])}::float8, ${sql.p(c.keys[1])}::int, ${sql.p(c.id)})`;
        break;
    }
    const { rows } = await listingStatement<Row>(
      q,
      `SELECT s.* FROM (
         SELECT p.id, p.slug, p.title, p.status, p.images -> 0 AS image, r.min_amount, r.max_amount,
                p.rating_average, p.rating_count, p.published_at, p.created_at,
                to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
                ${rank} AS rank
         FROM ${from}
       ) s
       ${after ? `WHERE ${after}` : ''}
       ORDER BY ${order}
       LIMIT ${sql.p(req.limit + 1)}`,
      sql.params,
    );
    return rows.map((r) => listed(r, req.sort));
  },

  /**
   * The first page (plus one more row to know whether another follows) and the counts for the
   * whole result (not one page: categories with their ancestors, price bands, option values), in
   * one statement over one matched set: the match is found once, the display columns are read
   * for the page's rows only, and the title similarity is computed only for the matches whose
   * full-text rank leaves them a chance to make the page.
   */
  async firstPage(q: Queryable, req: ListRequest, expanded?: Expanded): Promise<{ rows: ListedProduct[]; facets: Facets }> {
    const sql = new Sql();
    const relevance = req.sort === 'relevance';
    const { from, minAmount, maxAmount, base, similarity } = await matching(q, req, sql, { needPrice: false, withRank: relevance, pricesOnRow: true }, expanded);
    const edges = priceBandEdges(req.currency);
    const n = sql.p(req.limit + 1);
    let top: string;
    let ctes = '';
    switch (req.sort) {
      case 'relevance': {
        // The title similarity is the dearest part of the rank; it adds at most 0.1 to a match's
        // base, so a match's rank is at most ub = base + 0.1 (the same float8 sum as a similarity
        // of 1). It is computed first for the K matches with the highest (ub, id) only: when the
        // n-th best of those, by (rank, id), is at least the K-th's (ub, id), no other match can
        // make the page (its rank is at most its ub, and at that rank its id is lower), and the
        // page is theirs. Otherwise every match whose base leaves it a chance (within 0.1 of the
        // n-th best base; 0.11 leaves room for rounding) is ranked: those of the K with their rank
        // as computed, the others (after the K-th by (ub, id)) now, each once.
        const k = Math.max(2 * (req.limit + 1), 42);
        ctes = `k AS (SELECT m.id, m.min_amount, m.base, m.title, m.base + 0.1 * 1::real AS ub FROM m
                      ORDER BY ub DESC, m.id DESC LIMIT ${sql.p(k)}),
                e AS (SELECT k.id, k.min_amount, k.base, (k.base + ${similarity('k.title')})::float8 AS rank, k.ub FROM k),
                kth AS (SELECT e.ub, e.id FROM e ORDER BY e.ub DESC, e.id DESC OFFSET ${sql.p(k - 1)} LIMIT 1),
                settled AS (SELECT NOT EXISTS (SELECT 1 FROM m OFFSET ${sql.p(k)})
                                   OR EXISTS (SELECT 1 FROM (SELECT e.rank, e.id FROM e ORDER BY e.rank DESC, e.id DESC OFFSET ${sql.p(req.limit)} LIMIT 1) nth, kth
                                              WHERE (nth.rank, nth.id) >= (kth.ub, kth.id)) AS yes),
                chance AS (SELECT COALESCE((SELECT b.base FROM m b ORDER BY b.base DESC OFFSET ${sql.p(req.limit)} LIMIT 1), '-Infinity'::float8) - 0.11 AS base),`;
        top = `(SELECT e.id, e.min_amount, e.rank FROM e WHERE (SELECT yes FROM settled) ORDER BY e.rank DESC, e.id DESC LIMIT ${n})
               UNION ALL
               (SELECT c.id, c.min_amount, c.rank FROM (
                  SELECT e.id, e.min_amount, e.rank FROM e
                  WHERE NOT (SELECT yes FROM settled) AND e.base >= (SELECT chance.base FROM chance)
                  UNION ALL
                  SELECT m.id, m.min_amount, (m.base + ${similarity('m.title')})::float8 AS rank FROM m
                  WHERE NOT (SELECT yes FROM settled) AND m.base >= (SELECT chance.base FROM chance)
                    AND (m.base + 0.1 * 1::real, m.id) < (SELECT kth.ub, kth.id FROM kth)) c
                ORDER BY c.rank DESC, c.id DESC LIMIT ${n})`;
        break;
      }
      case 'newest':
        top = `SELECT m.id, m.min_amount, 0::float8 AS rank FROM m ORDER BY m.created_at DESC, m.id DESC LIMIT ${n}`;
        break;
      case 'price_asc':
        top = `SELECT m.id, m.min_amount, 0::float8 AS rank FROM m WHERE m.min_amount IS NOT NULL ORDER BY m.min_amount ASC, m.id ASC LIMIT ${n}`;
        break;
      case 'price_desc':
        top = `SELECT m.id, m.min_amount, 0::float8 AS rank FROM m WHERE m.min_amount IS NOT NULL ORDER BY m.min_amount DESC, m.id DESC LIMIT ${n}`;
        break;
      case 'rating':
        top = `SELECT m.id, m.min_amount, 0::float8 AS rank FROM m ORDER BY m.rating_average DESC, m.rating_count DESC, m.id DESC LIMIT ${n}`;
        break;
    }
    const order: Record<Sort, string> = {
      relevance: 't.rank DESC, t.id DESC',
      newest: 'p.created_at DESC, t.id DESC',
      price_asc: 't.min_amount ASC, t.id ASC',
      price_desc: 't.min_amount DESC, t.id DESC',
      rating: 'p.rating_average DESC, p.rating_count DESC, t.id DESC',
    };
    // What the matched set carries besides what the facets count: what its sort picks the page by.
    // A page row's other columns (its highest price among them) are read for the page's rows only.
    const sortColumns: Record<Sort, string> = {
      relevance: `, p.title, ${base} AS base`,
      newest: ', p.created_at',
      price_asc: '',
      price_desc: '',
      rating: ', p.rating_average, p.rating_count',
    };
    const { rows } = await listingStatement<Row & FacetRow & { ord: number | null }>(
      q,
      `WITH m AS MATERIALIZED (
         SELECT p.id, ${minAmount} AS min_amount, p.option_pairs, p.category_ids${sortColumns[req.sort]}
         FROM ${from}
       ),
       ${ctes}
       t AS (${top})
       SELECT 'p' AS kind, row_number() OVER (ORDER BY ${order[req.sort]})::int AS ord,
              t.id, p.slug, p.title, p.status, p.images -> 0 AS image, t.min_amount, ${maxAmount} AS max_amount,
              p.rating_average, p.rating_count, p.published_at,
              to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key, t.rank,
              NULL AS k, NULL AS v, NULL::int AS n
       FROM t JOIN products p ON p.id = t.id
       UNION ALL
       ${facetSelects(sql, edges, PAGE_COLUMNS)}`,
      sql.params,
    );
    const page: Array<Row & { ord: number | null }> = [];
    const facetRows: FacetRow[] = [];
    for (const r of rows) {
      if ((r.kind as string) === 'p') page.push(r);
      else facetRows.push(r);
    }
    page.sort((a, b) => a.ord! - b.ord!);
    return { rows: page.map((r) => listed(r, req.sort)), facets: foldFacets(facetRows, edges) };
  },
};

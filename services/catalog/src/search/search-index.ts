import type { Db, Logger } from '@mercato/chassis';
import type { Image } from '../products/product.js';
import { sortFacets, type Expanded, type Facets, type ListedProduct, type ListRequest } from './listing.store.js';
import { priceBandEdges, type SortKey } from './search-terms.js';
import { prepareQuery, trigramExact, trigramsOf } from './trigram.js';
import {
  addOrTerm,
  compareLexemes,
  endOrRank,
  lexemeLowerBound,
  orTerms,
  parseTsQuery,
  parseTsVector,
  ranksAsOr,
  tsMatch,
  tsRank,
  type TsQuery,
  type TsQueryOperand,
  type TsVector,
} from './ts-rank.js';

/** A published product as listings and searches need it: what they filter, sort, count and show. */
interface Doc {
  slot: number;
  id: string;
  /** The id's ULID as three numbers (its first ten characters, the next ten, the last six), in the id's order: see `idOrder`. */
  idOrder: [number, number, number];
  slug: string;
  title: string;
  /** `lower(title)` as PostgreSQL lower-cases it. */
  titleLower: string;
  /** The title's trigrams (pg_trgm's, of titleLower), or null when the port would not give PostgreSQL's similarity for it. */
  titleTrigrams: Int32Array | null;
  image: Image | null;
  /** Per currency, the cheapest and dearest variant's price in minor units. */
  prices: Record<string, [number, number]>;
  ratingAverage: number;
  ratingCount: number;
  publishedAt: Date | null;
  /** created_at as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (microseconds): its order is the time's. */
  createdKey: string;
  categoryIds: string[];
  /** The list of categories' number (the category facet counts each distinct list's ancestors once). */
  categoryList: number;
  /** The option pairs' (`name` chr(31) `value`) numbers. */
  optionPairs: number[];
  vector: TsVector;
}

interface Category {
  id: string;
  slug: string;
  name: string;
  ancestors: string[];
}

interface Row {
  id: string;
  status: string;
  slug: string;
  title: string;
  title_lower: string;
  image: Image | null;
  price_ranges: Record<string, [number, number]>;
  rating_average: number;
  rating_count: number;
  published_at: Date | null;
  created_key: string;
  category_ids: string[];
  option_pairs: string[];
  search: string;
}

const COLUMNS = `p.id, p.status, p.slug, p.title, lower(p.title) AS title_lower, p.images -> 0 AS image, p.price_ranges,
                 p.rating_average, p.rating_count, p.published_at,
                 to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
                 p.category_ids, p.option_pairs, p.search::text AS search`;

/**
 * Product ids as this platform makes them: one prefix and a ULID of digits and capitals, all of one
 * length, whose order is the same in every collation the database may use; the index sorts ids by
 * code unit, so it serves only a catalog whose ids are all of this form.
 */
const PRODUCT_ID = /^prod_[0-9A-HJKMNP-TV-Z]{26}$/;

/** A transaction in progress may have begun this long before a refresh that cannot see when it began. */
const UNSEEN_TRANSACTION_MS = 5 * 60_000;

// Title matches (A) weigh 2.5 times description matches (B): ts_rank's weights are {D, C, B, A},
// as float4 (the listing SQL's `'{0.05, 0.2, 0.4, 1.0}'` is a real[]).
const WEIGHTS = [0.05, 0.2, 0.4, 1.0].map(Math.fround) as [number, number, number, number];

export interface SearchIndexOptions {
  /** Published products up to which the index is kept; above, every listing goes to PostgreSQL. */
  maxProducts: number;
  /** The oldest an index may be and still answer: a refresh is due after it, changes or not. */
  maxAgeMs: number;
  now?: () => number;
}

/** A query's three forms, as parsed from the terms' pieces. */
interface Queries {
  fuzzy: TsQuery | null;
  prefix: TsQuery | null;
  exact: TsQuery | null;
  /** What was typed, for the title similarity. */
  typed: string;
}

/**
 * The published catalog in this process, for listings and searches that would otherwise each
 * send PostgreSQL a statement over every match: the rows' search documents as PostgreSQL made
 * them (tsvector), filtered, ranked (`ts_rank` and pg_trgm's `word_similarity`, ported exactly),
 * sorted, paged and counted here, with the same answers as the listing SQL, byte for byte.
 *
 * Kept in step with the database under the read cache's generation: it answers a request only
 * when it was refreshed under the generation the request saw before reading (a write anywhere
 * moves it on, on every replica at once) and within `maxAgeMs` (a write whose generation move
 * was lost to a crash is seen within that bound). Otherwise the request goes to PostgreSQL and a
 * refresh starts in the background: it reads the rows changed since the last one (`changed_at`,
 * set by a trigger on every write, read back to before the oldest transaction then in progress)
 * and the categories, and drops products no longer published.
 */
export class SearchIndex {
  private readonly docs = new Map<string, Doc>();
  private readonly slots: Array<Doc | undefined> = [];
  /** Each slot's list of categories' number (-1: empty slot), for the category filter. */
  private slotLists = new Int32Array(1024).fill(-1);
  /** Per currency, each slot's cheapest price in it and its price band; made when first asked for after a change. */
  private readonly currencyColumns = new Map<string, CurrencyColumns>();
  private readonly freeSlots: number[] = [];
  /** Per lexeme, the documents holding it, each with the lexeme's term in an OR rank of the document. */
  private readonly postings = new Map<string, Posting>();
  /** Every lexeme, in PostgreSQL's order, for prefix look-ups; rebuilt when a lexeme arrives or leaves. */
  private lexemes: string[] | null = null;
  private categories = new Map<string, Category>();
  /** Distinct lists of categories and option pairs, numbered: facets count them in arrays. */
  private readonly categoryLists = new Numbering<string[]>();
  private readonly optionPairs = new Numbering<string>();
  private generation: string | null = null;
  private refreshedAt = 0;
  /** Rows changed at or after this (database time) are read by the next refresh; null: load all. */
  private since: Date | null = null;
  private refreshing: Promise<void> | null = null;
  private usable = true;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly opts: SearchIndexOptions,
  ) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  /** How many published products the index holds. */
  get size(): number {
    return this.docs.size;
  }

  /**
   * Whether the index may answer a request that saw `generation`: refreshed under it, recently
   * enough. When not, a refresh under it starts (one at a time) and the request goes elsewhere.
   */
  current(generation: string): boolean {
    if (this.opts.maxProducts === 0 || !generation) return false;
    if (this.generation === generation && this.now() - this.refreshedAt < this.opts.maxAgeMs) return this.usable;
    if (!this.refreshing) {
      this.refreshing = this.refresh(generation)
        .catch((err: unknown) => {
          // Half applied, perhaps: the next refresh loads everything again.
          this.generation = null;
          this.since = null;
          this.logger.warn({ err }, 'the search index could not be refreshed; listings go to PostgreSQL until it is');
        })
        .finally(() => {
          this.refreshing = null;
        });
    }
    return false;
  }

  /** Resolves once a refresh in progress (if any) has finished: for tests. */
  async settled(): Promise<void> {
    while (this.refreshing) await this.refreshing;
  }

  /** Reads what changed since the last refresh (everything, the first time), under `generation`. */
  private async refresh(generation: string): Promise<void> {
    const startedAt = this.now();
    await this.db.tx(
      async (tx) => {
        // One snapshot for the whole refresh. Rows written by a transaction still in progress now
        // carry a changed_at at or after that transaction's start: the next refresh reads back to it.
        const { rows: [head] } = await tx.query<{ at: Date; oldest: Date | null; all_seen: boolean; published: number }>(
          `SELECT now() AS at, min(a.xact_start) AS oldest, bool_and(a.state IS NOT NULL) AS all_seen,
                  (SELECT count(*) FROM products WHERE status = 'published')::int AS published
           FROM pg_stat_activity a WHERE a.datname = current_database() AND a.backend_type = 'client backend'`,
        );
        if (head!.published > this.opts.maxProducts) {
          if (this.usable) this.logger.info({ published: head!.published, max: this.opts.maxProducts }, 'too many products for the search index; listings go to PostgreSQL');
          this.clear();
          this.usable = false;
          this.since = null;
          return;
        }
        const { rows: categories } = await tx.query<Category & Record<string, unknown>>('SELECT id, slug, name, ancestors FROM categories');
        const { rows } = this.since
          ? await tx.query<Row & Record<string, unknown>>(`SELECT ${COLUMNS} FROM products p WHERE p.changed_at >= $1`, [this.since])
          : await tx.query<Row & Record<string, unknown>>(`SELECT ${COLUMNS} FROM products p WHERE p.status = 'published'`);
        if (!this.since) this.clear();
        this.categories = new Map(categories.map((c) => [c.id, { id: c.id, slug: c.slug, name: c.name, ancestors: c.ancestors }]));
        let ok = true;
        for (const r of rows) ok = this.put(r) && ok;
        this.usable = ok;
        if (!ok) {
          this.logger.info("a product id is not of the platform's form; listings go to PostgreSQL");
          this.clear();
          this.since = null;
          return;
        }
        if (this.docs.size !== head!.published) {
          // A product was deleted since the last refresh (or unpublished out of its reach): keep only those published now.
          const { rows: ids } = await tx.query<{ id: string }>(`SELECT id FROM products WHERE status = 'published'`);
          const published = new Set(ids.map((r) => r.id));
          for (const id of [...this.docs.keys()]) if (!published.has(id)) this.remove(id);
        }
        if (this.docs.size !== head!.published) throw new Error(`the search index holds ${this.docs.size} products, the database publishes ${head!.published}`);
        const oldest = head!.all_seen && head!.oldest && head!.oldest < head!.at ? head!.oldest : head!.at;
        this.since = head!.all_seen ? oldest : new Date(head!.at.getTime() - UNSEEN_TRANSACTION_MS);
      },
      { isolation: 'repeatable read' },
    );
    this.generation = generation;
    this.refreshedAt = startedAt;
  }

  private clear(): void {
    this.docs.clear();
    this.slots.length = 0;
    this.slotLists.fill(-1);
    this.currencyColumns.clear();
    this.freeSlots.length = 0;
    this.postings.clear();
    this.lexemes = null;
    this.categoryLists.clear();
    this.optionPairs.clear();
  }

  /** Takes in a product's row: kept when published, dropped otherwise. False when its id is not of the platform's form. */
  private put(r: Row): boolean {
    this.remove(r.id);
    if (r.status !== 'published') return true;
    if (!PRODUCT_ID.test(r.id)) return false;
    const slot = this.freeSlots.pop() ?? this.slots.length;
    const vector = parseTsVector(r.search);
    const doc: Doc = {
      slot,
      id: r.id,
      idOrder: idOrder(r.id),
      slug: r.slug,
      title: r.title,
      titleLower: r.title_lower,
      titleTrigrams: trigramExact(r.title_lower) ? trigramsOf(r.title_lower) : null,
      image: r.image,
      prices: r.price_ranges,
      ratingAverage: r.rating_average,
      ratingCount: r.rating_count,
      publishedAt: r.published_at,
      createdKey: r.created_key,
      categoryIds: r.category_ids,
      categoryList: this.categoryLists.number(r.category_ids.join(','), r.category_ids),
      optionPairs: r.option_pairs.map((pair) => this.optionPairs.number(pair, pair)),
      vector,
    };
    this.slots[slot] = doc;
    if (slot >= this.slotLists.length) {
      const grown = new Int32Array(this.slotLists.length * 2).fill(-1);
      grown.set(this.slotLists);
      this.slotLists = grown;
    }
    this.slotLists[slot] = doc.categoryList;
    this.currencyColumns.clear();
    this.docs.set(r.id, doc);
    const terms = orTerms(WEIGHTS, vector);
    vector.lexemes.forEach((lexeme, e) => {
      let posting = this.postings.get(lexeme);
      if (!posting) {
        posting = { terms: new Map(), slots: null, values: null };
        this.postings.set(lexeme, posting);
        this.lexemes = null;
      }
      posting.terms.set(slot, terms[e]!);
      posting.slots = posting.values = null;
    });
    return true;
  }

  private remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.docs.delete(id);
    this.slots[doc.slot] = undefined;
    this.slotLists[doc.slot] = -1;
    this.currencyColumns.clear();
    this.freeSlots.push(doc.slot);
    for (const lexeme of doc.vector.lexemes) {
      const posting = this.postings.get(lexeme);
      if (!posting) continue;
      posting.terms.delete(doc.slot);
      posting.slots = posting.values = null;
      if (posting.terms.size === 0) {
        this.postings.delete(lexeme);
        this.lexemes = null;
      }
    }
  }

  /** The slots of the documents that may match `lexeme` (a prefix when `prefix`), marked in `marks`. */
  private mark(marks: Uint8Array, lexeme: string, prefix: boolean): void {
    for (const selected of this.selected({ lexeme, prefix })) for (const slot of read(this.postings.get(selected)!).slots) marks[slot] = 1;
  }

  /** The index's lexemes an operand selects (itself, or when a prefix every lexeme it begins), in PostgreSQL's order. */
  private selected(operand: Pick<TsQueryOperand, 'lexeme' | 'prefix'>): string[] {
    const { lexeme, prefix } = operand;
    if (!prefix) return this.postings.has(lexeme) ? [lexeme] : [];
    const sorted = (this.lexemes ??= [...this.postings.keys()].sort(compareLexemes));
    const lo = lexemeLowerBound(sorted, lexeme, false);
    let end = lo;
    while (end < sorted.length && sorted[end]!.startsWith(lexeme)) end++;
    return sorted.slice(lo, end);
  }

  /**
   * Per slot, `ts_rank` of an OR query (`ranksAsOr`) for the document there, made from the
   * postings: each selected lexeme's term added to the sum of every document holding it, in the
   * order `tsRank` adds them (operand after operand, an operand's lexemes in PostgreSQL's order),
   * so the rank is the same to the bit; the sum's end (`endOrRank`) is left to the reader.
   */
  private orSums(query: TsQuery): Float64Array {
    const sums = new Float64Array(this.slots.length);
    for (const operand of query.rankOperands) {
      for (const lexeme of this.selected(operand)) {
        const { slots, values } = read(this.postings.get(lexeme)!);
        for (let k = 0; k < slots.length; k++) sums[slots[k]!] = addOrTerm(sums[slots[k]!]!, values[k]!);
      }
    }
    return sums;
  }

  /**
   * The slots that may match `query`: its operands' postings combined as its operators combine
   * them (a superset where an operand is weight-restricted or negated: each is checked after).
   */
  private candidates(query: TsQuery): { marks: Uint8Array; exact: boolean } {
    const n = this.slots.length;
    let exact = true;
    // Marks in `into` the slots item i may match. The items are in prefix order: an operator,
    // then its right operand, its left one `left` items on.
    const markInto = (i: number, into: Uint8Array): void => {
      const item = query.items[i]!;
      switch (item.kind) {
        case 'operand':
          this.mark(into, item.lexeme, item.prefix);
          if (item.weights !== 0) exact = false;
          return;
        case 'not':
          exact = false;
          into.fill(1);
          return;
        case 'or':
          markInto(i + item.left, into);
          markInto(i + 1, into);
          return;
        case 'and': {
          const left = new Uint8Array(n);
          const right = new Uint8Array(n);
          markInto(i + item.left, left);
          markInto(i + 1, right);
          for (let k = 0; k < n; k++) into[k]! |= left[k]! & right[k]!;
        }
      }
    };
    const marks = new Uint8Array(n);
    markInto(0, marks);
    return { marks, exact };
  }

  /** The products the request matches (its terms, category and price filters), unordered. */
  private matches(req: ListRequest, fuzzy: TsQuery | null, needPrice: boolean): Doc[] {
    const filter: Filter = {
      lists: req.category ? this.listsIn(req.category) : null,
      slotLists: this.slotLists,
      prices: needPrice || req.minPrice !== undefined || req.maxPrice !== undefined ? this.columnsIn(req.currency).prices : null,
      minPrice: req.minPrice ?? -Infinity,
      maxPrice: req.maxPrice ?? Infinity,
    };
    const out: Doc[] = [];
    if (!fuzzy) {
      for (let slot = 0; slot < this.slots.length; slot++) if (this.slotLists[slot] !== -1 && keeps(filter, slot)) out.push(this.slots[slot]!);
      return out;
    }
    const { marks, exact } = this.candidates(fuzzy);
    for (let slot = marks.indexOf(1); slot !== -1; slot = marks.indexOf(1, slot + 1)) {
      if (!keeps(filter, slot)) continue;
      const d = this.slots[slot]!;
      if (exact || tsMatch(d.vector, fuzzy)) out.push(d);
    }
    return out;
  }

  /**
   * Which lists of categories have one in the category `ref` (an id or a slug, as the listing
   * SQL takes either) or below it, by list number.
   */
  private listsIn(ref: string): Uint8Array {
    const refs = this.categoriesNamed(ref);
    const inside = new Set<string>();
    for (const c of this.categories.values()) if (c.ancestors.some((a) => refs.has(a))) inside.add(c.id);
    const lists = new Uint8Array(this.categoryLists.size);
    for (let n = 0; n < lists.length; n++) lists[n] = this.categoryLists.value(n).some((id) => inside.has(id)) ? 1 : 0;
    return lists;
  }

  /** Each slot's cheapest price in `currency` and its price band (as made when first asked for after a change). */
  private columnsIn(currency: string): CurrencyColumns {
    let columns = this.currencyColumns.get(currency);
    if (!columns) {
      const edges = priceBandEdges(currency);
      columns = { prices: new Float64Array(this.slots.length).fill(NaN), bands: new Int8Array(this.slots.length).fill(-1) };
      for (let slot = 0; slot < this.slots.length; slot++) {
        const range = this.slots[slot]?.prices[currency];
        if (!range) continue;
        let band = 0;
        while (band < edges.length && range[0] >= edges[band]!) band++;
        columns.prices[slot] = range[0];
        columns.bands[slot] = band;
      }
      this.currencyColumns.set(currency, columns);
    }
    return columns;
  }

  /**
   * The request's queries from its terms' pieces (each term's `to_tsquery` text, as PostgreSQL
   * made it when the term was expanded): the pieces that kept a word, joined by `&`; a form whose
   * text is the fuzzy one's (no term had a neighbour to add) is the same object, ranked once. Null
   * when a query is of a form the port does not take (then PostgreSQL answers).
   */
  private queries(req: ListRequest, expanded: Expanded | undefined): Queries | null {
    const typed = req.terms.join(' ');
    if (req.terms.length === 0) return { fuzzy: null, prefix: null, exact: null, typed };
    if (!expanded || !trigramExact(typed)) return null;
    const text = (mode: 'fuzzy' | 'prefix' | 'exact'): string => {
      const pieces = expanded.map((e) => e.queries[mode]).filter((piece) => piece !== '');
      return pieces.length === 1 ? pieces[0]! : pieces.map((p) => `( ${p} )`).join(' & ');
    };
    // null: every piece empty (stop words only); undefined: a query the port does not take.
    const parse = (t: string): TsQuery | null | undefined => (t === '' ? null : (parseTsQuery(t) ?? undefined));
    const fuzzyText = text('fuzzy');
    const prefixText = text('prefix');
    const fuzzy = parse(fuzzyText);
    const prefix = prefixText === fuzzyText ? fuzzy : parse(prefixText);
    const exact = parse(text('exact'));
    if (fuzzy === undefined || prefix === undefined || exact === undefined) return null;
    return { fuzzy, prefix, exact, typed };
  }

  /** A match's full-text rank: what the listing SQL calls its base (the title similarity aside). */
  private static base(d: Doc, q: Queries, sums: OrSums): number {
    const fuzzy = rank(d, q.fuzzy, sums.fuzzy);
    const prefix = q.prefix === q.fuzzy ? fuzzy : rank(d, q.prefix, sums.prefix);
    const exact = rank(d, q.exact, sums.exact);
    return 0.3 * fuzzy + prefix + exact;
  }

  /** Per query of the three that ts_rank sums as an OR, the sums of every slot (`orSums`); null for the others. */
  private orSumsOf(q: Queries): OrSums {
    const sums = (query: TsQuery | null) => (query && ranksAsOr(query) ? this.orSums(query) : null);
    const fuzzy = sums(q.fuzzy);
    return { fuzzy, prefix: q.prefix === q.fuzzy ? fuzzy : sums(q.prefix), exact: sums(q.exact) };
  }

  /** Whether a category with this id or slug exists (as of the index's refresh). */
  hasCategory(ref: string): boolean {
    return this.categoriesNamed(ref).size > 0;
  }

  /** The ids of the categories `ref` names, by id or by slug (two at most), as the listing SQL reads a category filter. */
  private categoriesNamed(ref: string): Set<string> {
    const named = new Set<string>();
    for (const c of this.categories.values()) if (c.id === ref || c.slug === ref) named.add(c.id);
    return named;
  }

  /**
   * The listing's rows (one more than the limit) and, on its first page, its facets, as the
   * listing SQL gives them; null when the index cannot answer it exactly.
   */
  list(req: ListRequest, expanded: Expanded | undefined): { rows: ListedProduct[]; facets?: Facets } | null {
    if (!req.cursor) return this.firstPage(req, expanded);
    const rows = this.page(req, expanded);
    return rows && { rows };
  }

  /** The first page (one more row than the limit) and the facets; null when the index cannot answer exactly. */
  firstPage(req: ListRequest, expanded: Expanded | undefined): { rows: ListedProduct[]; facets: Facets } | null {
    const q = this.queries(req, expanded);
    if (!q) return null;
    const matched = this.matches(req, q.fuzzy, false);
    const rows = this.top(req, q, matched);
    if (!rows) return null;
    return { rows, facets: this.facets(req.currency, matched) };
  }

  /** A page after the request's cursor (one more row than the limit); null when the index cannot answer exactly. */
  page(req: ListRequest, expanded: Expanded | undefined): ListedProduct[] | null {
    const q = this.queries(req, expanded);
    if (!q) return null;
    const byPrice = req.sort === 'price_asc' || req.sort === 'price_desc';
    return this.top(req, q, this.matches(req, q.fuzzy, byPrice));
  }

  /** The best `limit + 1` of `matched` by the request's sort, after its cursor. */
  private top(req: ListRequest, q: Queries, matched: Doc[]): ListedProduct[] | null {
    if (req.sort === 'relevance') return this.topByRelevance(req, q, matched);
    const n = req.limit + 1;
    const { keysOf, order } = SORTS[req.sort](req.currency);
    const c = req.cursor;
    const best: Keyed[] = [];
    for (const d of matched) {
      const keys = keysOf(d);
      if (!keys) continue;
      const k = { keys, id: d.id, d };
      if (c && order(k, c) <= 0) continue;
      if (best.length === n && order(k, best[n - 1]!) >= 0) continue;
      insertSorted(best, k, order, n);
    }
    return best.map((k) => listed(k.d, req.currency, k.keys));
  }

  /**
   * The best `limit + 1` by rank (base + 0.1 × title similarity), then id, both descending. A
   * rank is at least its base and at most its reach (base + 0.1), so the page's worst rank is at
   * least the `limit + 1`-th best base of the matches surely after the cursor: a match whose reach
   * is below that floor is neither sorted nor ranked. The rest have their similarity computed in
   * order of reach, until the page's worst beats what any match left could reach; a match whose
   * base already places it before the cursor is skipped uncomputed. (A tighter reach, from the
   * share of the query's trigrams in the title, cost more than it saved.)
   */
  private topByRelevance(req: ListRequest, q: Queries, matched: Doc[]): ListedProduct[] | null {
    const n = req.limit + 1;
    const c = req.cursor;
    const similarity = prepareQuery(q.typed);
    const before = c ? { rank: c.keys[0] as number, id: c.id } : null;
    const bases = new Float64Array(matched.length);
    const floor = new BestBases(n);
    const sums = this.orSumsOf(q);
    for (let i = 0; i < matched.length; i++) {
      const base = SearchIndex.base(matched[i]!, q, sums);
      bases[i] = base;
      if (!before || reach(base) < before.rank) floor.offer(base);
    }
    const least = floor.least();
    const scored: Scored[] = [];
    for (let i = 0; i < matched.length; i++) {
      const base = bases[i]!;
      const ub = reach(base);
      if (ub >= least) scored.push({ d: matched[i]!, base, ub, rank: 0 });
    }
    scored.sort(byReach);
    const best: Scored[] = [];
    for (const s of scored) {
      if (best.length === n) {
        const worst = best[n - 1]!;
        if (worst.rank > s.ub || (worst.rank === s.ub && worst.d.id > s.d.id)) break;
      }
      // Before the cursor already: a rank is at least its base.
      if (before && s.base > before.rank) continue;
      // A title the port cannot score exactly: PostgreSQL answers.
      if (!s.d.titleTrigrams) return null;
      s.rank = s.base + 0.1 * similarity.similarityOf(s.d.titleTrigrams);
      if (before && !(s.rank < before.rank || (s.rank === before.rank && s.d.id < before.id))) continue;
      if (best.length === n && byRank(s, best[n - 1]!) >= 0) continue;
      insertSorted(best, s, byRank, n);
    }
    return best.map((s) => listed(s.d, req.currency, [s.rank]));
  }

  /** The facet counts of the matches: categories with their ancestors, price bands, option values. */
  private facets(currency: string, matched: Doc[]): Facets {
    const edges = priceBandEdges(currency);
    const bands = this.columnsIn(currency).bands;
    const perList = new Int32Array(this.categoryLists.size);
    const perPair = new Int32Array(this.optionPairs.size);
    const perBand = new Int32Array(edges.length + 1);
    const lists: number[] = [];
    const pairs: number[] = [];
    for (const d of matched) {
      if (perList[d.categoryList]!++ === 0) lists.push(d.categoryList);
      const band = bands[d.slot]!;
      if (band >= 0) perBand[band]!++;
      for (const pair of d.optionPairs) if (perPair[pair]!++ === 0) pairs.push(pair);
    }
    const perCategory = new Map<string, number>();
    for (const list of lists) {
      const ancestors = new Set<string>();
      for (const id of this.categoryLists.value(list)) for (const a of this.categories.get(id)?.ancestors ?? []) ancestors.add(a);
      for (const a of ancestors) if (this.categories.has(a)) perCategory.set(a, (perCategory.get(a) ?? 0) + perList[list]!);
    }
    const facets: Facets = { categories: [], priceBands: [], options: [] };
    for (const [id, count] of perCategory) {
      const c = this.categories.get(id)!;
      facets.categories.push({ id, slug: c.slug, name: c.name, count });
    }
    perBand.forEach((count, i) => {
      if (count > 0) facets.priceBands.push({ min: i === 0 ? 0 : edges[i - 1]!, max: i < edges.length ? edges[i]! - 1 : null, count });
    });
    const options = new Map<string, Array<{ value: string; count: number }>>();
    for (const pair of pairs) {
      // As split_part does: the name before the first separator, the value up to the next.
      const [name = '', value = ''] = this.optionPairs.value(pair).split('\u001f');
      const list = options.get(name) ?? [];
      list.push({ value, count: perPair[pair]! });
      options.set(name, list);
    }
    return sortFacets(facets, options);
  }
}

/** A listing's filters besides its terms, over slots. */
interface Filter {
  /** By list of categories' number, whether the list has one in the asked category or below it; null for all. */
  lists: Uint8Array | null;
  slotLists: Int32Array;
  /** Each slot's cheapest price in the listing's currency, when only products with one count (a price filter or sort). */
  prices: Float64Array | null;
  minPrice: number;
  maxPrice: number;
}

/** Whether the product in `slot` passes a listing's filters (its cheapest price in the currency within the bounds). */
function keeps(f: Filter, slot: number): boolean {
  if (f.lists && f.lists[f.slotLists[slot]!] !== 1) return false;
  if (!f.prices) return true;
  const price = f.prices[slot]!;
  return price >= f.minPrice && price <= f.maxPrice;
}

/** The documents holding a lexeme, each with its OR term: kept in a map, read as arrays made when first read after a change. */
interface Posting {
  terms: Map<number, number>;
  slots: Int32Array | null;
  values: Float64Array | null;
}

function read(posting: Posting): { slots: Int32Array; values: Float64Array } {
  if (!posting.slots || !posting.values) {
    posting.slots = Int32Array.from(posting.terms.keys());
    posting.values = Float64Array.from(posting.terms.values());
  }
  return { slots: posting.slots, values: posting.values };
}

/** Per query, the OR sums of every slot, or null when ts_rank does not sum it as an OR (see `orSums`). */
interface OrSums {
  fuzzy: Float64Array | null;
  prefix: Float64Array | null;
  exact: Float64Array | null;
}

/** A document's ts_rank for `query` (0 for none): from the query's OR sums when it has them. */
function rank(d: Doc, query: TsQuery | null, sums: Float64Array | null): number {
  if (!query) return 0;
  return sums ? endOrRank(sums[d.slot]!, query) : tsRank(WEIGHTS, d.vector, query);
}

/** A currency's column per slot: the cheapest price in it (NaN: none, or an empty slot) and its price band (-1: none). */
interface CurrencyColumns {
  prices: Float64Array;
  bands: Int8Array;
}

/** A match being ranked: its base, the highest rank it can reach, and its rank once computed. */
interface Scored {
  d: Doc;
  base: number;
  ub: number;
  rank: number;
}

/** The highest rank a match of this base can reach: a title similarity is at most 1. */
const reach = (base: number) => base + 0.1 * 1;

/** The `n` best of the bases offered, for the least of them: -Infinity until `n` were offered. */
class BestBases {
  /** Ascending. */
  private readonly kept: number[] = [];
  constructor(private readonly n: number) {}

  offer(base: number): void {
    const kept = this.kept;
    if (kept.length === this.n) {
      if (base <= kept[0]!) return;
      kept.shift();
    }
    let i = kept.length;
    kept.push(base);
    while (i > 0 && kept[i - 1]! > base) {
      kept[i] = kept[i - 1]!;
      i--;
    }
    kept[i] = base;
  }

  least(): number {
    return this.kept.length === this.n ? this.kept[0]! : -Infinity;
  }
}

/** By the highest rank reachable, then id, both descending: the order in which ranks are computed. */
const byReach = (a: Scored, b: Scored) => b.ub - a.ub || docIdDesc(a.d, b.d);
/** By rank, then id, both descending: the relevance order. */
const byRank = (a: Scored, b: Scored) => b.rank - a.rank || docIdDesc(a.d, b.d);

interface Keyed {
  keys: SortKey[];
  id: string;
  d: Doc;
}

/** Descending ids: the last tie-break of every sort but a price sort upwards. */
const idDesc = (a: { id: string }, b: { id: string }) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Crockford base-32 digits' values by character code (the only characters of a ULID). */
const BASE32 = new Int8Array(128).fill(-1);
[...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'].forEach((c, i) => (BASE32[c.charCodeAt(0)] = i));

/**
 * A product id's ULID (after `prod_`, of PRODUCT_ID's form) as three numbers, each exact in a
 * double: the digits' values rise with their characters' codes, so the three compared in turn
 * order ids as their strings — a tie of ranks is broken by numbers, not by comparing strings.
 */
function idOrder(id: string): [number, number, number] {
  const part = (from: number, to: number) => {
    let n = 0;
    for (let i = from; i < to; i++) n = n * 32 + BASE32[id.charCodeAt(i)]!;
    return n;
  };
  return [part(5, 15), part(15, 25), part(25, 31)];
}

/** `idDesc` for two documents, by their ids' numbers. */
const docIdDesc = (a: Doc, b: Doc) => b.idOrder[0] - a.idOrder[0] || b.idOrder[1] - a.idOrder[1] || b.idOrder[2] - a.idOrder[2];

/**
 * Each sort but relevance: a product's keys (null when the sort leaves it out: a price sort, a
 * product without a price in the listing's currency), and the listing's order of two keyed rows
 * or of a row and a cursor (negative: the first comes first), as the listing SQL orders them.
 */
const SORTS: Record<Exclude<ListRequest['sort'], 'relevance'>, (currency: string) => {
  keysOf: (d: Doc) => SortKey[] | null;
  order: (a: { keys: SortKey[]; id: string }, b: { keys: SortKey[]; id: string }) => number;
}> = {
  newest: () => ({
    keysOf: (d) => [d.createdKey],
    order: (a, b) => (a.keys[0]! < b.keys[0]! ? 1 : a.keys[0]! > b.keys[0]! ? -1 : idDesc(a, b)),
  }),
  price_asc: (currency) => ({
    keysOf: (d) => (d.prices[currency] ? [d.prices[currency]![0]] : null),
    order: (a, b) => (a.keys[0] as number) - (b.keys[0] as number) || -idDesc(a, b),
  }),
  price_desc: (currency) => ({
    keysOf: (d) => (d.prices[currency] ? [d.prices[currency]![0]] : null),
    order: (a, b) => (b.keys[0] as number) - (a.keys[0] as number) || idDesc(a, b),
  }),
  rating: () => ({
    keysOf: (d) => [d.ratingAverage, d.ratingCount],
    order: (a, b) => (b.keys[0] as number) - (a.keys[0] as number) || (b.keys[1] as number) - (a.keys[1] as number) || idDesc(a, b),
  }),
};

/** Distinct values, numbered from 0 in the order first seen. */
class Numbering<T> {
  private readonly numbers = new Map<string, number>();
  private readonly values: T[] = [];

  number(key: string, value: T): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.values.push(value) - 1;
      this.numbers.set(key, n);
    }
    return n;
  }

  value(n: number): T {
    return this.values[n]!;
  }

  get size(): number {
    return this.values.length;
  }

  clear(): void {
    this.numbers.clear();
    this.values.length = 0;
  }
}

/** Inserts `item` into `sorted` (ascending by `order`), keeping at most `max` items. */
function insertSorted<T>(sorted: T[], item: T, order: (a: T, b: T) => number, max: number): void {
  let i = sorted.length;
  while (i > 0 && order(item, sorted[i - 1]!) < 0) i--;
  sorted.splice(i, 0, item);
  if (sorted.length > max) sorted.pop();
}

/** A product with its sort keys, as a listing row. */
function listed(d: Doc, currency: string, keys: SortKey[]): ListedProduct {
  const range = d.prices[currency];
  return {
    id: d.id,
    slug: d.slug,
    title: d.title,
    status: 'published',
    image: d.image,
    minAmount: range ? range[0] : null,
    maxAmount: range ? range[1] : null,
    ratingAverage: d.ratingAverage,
    ratingCount: d.ratingCount,
    publishedAt: d.publishedAt,
    keys,
  };
}

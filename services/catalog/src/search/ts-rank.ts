/**
 * PostgreSQL 15's full-text match `tsvector @@ tsquery` and `ts_rank(weights, tsvector, tsquery)`
 * (normalization 0), ported so the in-process search index matches and ranks exactly as the SQL
 * it replaces. Both work on the text forms PostgreSQL prints (`vec::text`, `query::text`).
 *
 * How ts_rank scores: it takes the query's distinct operands, sorted by lexeme, and
 * - when the query's top operator is an AND (and it has two distinct operands or more), combines
 *   every pair of occurrences of two different operands, closer pairs and heavier weights
 *   counting more (`rankAnd`);
 * - otherwise sums, per operand and per lexeme it selects, the weights of its occurrences (the
 *   j-th counting 1/j²), divided by the number of operands (`rankOr`).
 * NOT plays no part in ranking: a negated operand counts like any other, as in PostgreSQL. The
 * sums are made in C's mix of float4 and float8 arithmetic, reproduced step by step here
 * (`Math.fround` wherever C rounds to float4), in the same order, so the float4 result is equal.
 *
 * Phrase operators (`<->`, `<N>`) are not supported: `parseTsQuery` returns null for them.
 */

/**
 * A parsed tsvector. Its lexemes are in PostgreSQL's order (UTF-8 bytes, that is code points;
 * a lexeme before its extensions), so that a prefix selects a contiguous run. Lexeme i's
 * occurrences are `positions[offsets[i]]` up to `positions[offsets[i + 1]]`, none for a lexeme
 * printed without positions; each is packed as PostgreSQL packs a WordEntryPos: the weight in the
 * top two bits (D = 0 … A = 3), the position (1-16383) below.
 */
export interface TsVector {
  readonly lexemes: readonly string[];
  readonly offsets: Uint32Array;
  readonly positions: Uint16Array;
  /** Every lexeme below U+D800: their code unit order is PostgreSQL's, for a quicker look-up. */
  readonly belowSurrogates: boolean;
}

/** A query operand: a lexeme, `prefix` for `:*`, `weights` the mask of `:ABCD` (A = 8 … D = 1; 0 for any). */
export interface TsQueryOperand {
  readonly kind: 'operand';
  readonly lexeme: string;
  readonly prefix: boolean;
  readonly weights: number;
}

/**
 * One item of a query in PostgreSQL's own layout: prefix order, an operator followed by its
 * right operand and then its left one, found `left` items further on.
 */
export type TsQueryItem = TsQueryOperand | { readonly kind: 'not' } | { readonly kind: 'and' | 'or'; readonly left: number };

export interface TsQuery {
  /** Empty for the empty query; otherwise `items[0]` is the root. */
  readonly items: readonly TsQueryItem[];
  /** The operands ts_rank works through: distinct lexemes, sorted as PostgreSQL sorts them. */
  readonly rankOperands: readonly TsQueryOperand[];
}

/** ts_rank's weights for D, C, B and A, in that order (as in `'{0.1, 0.2, 0.4, 1.0}'`, its default). */
export type RankWeights = readonly [number, number, number, number];

/** Parses PostgreSQL's text form of a tsvector, e.g. `'dress':1A,5B 'o''neil':3 'red'`. */
export function parseTsVector(text: string): TsVector {
  const scan = new Scanner(text);
  const lexemes: string[] = [];
  const offsets: number[] = [0];
  const positions: number[] = [];
  while (!scan.skipSpaces()) {
    const lexeme = scan.quoted();
    const previous = lexemes[lexemes.length - 1];
    if (previous !== undefined && compareLexemes(previous, lexeme) >= 0) scan.fail('lexemes are not distinct and in order');
    lexemes.push(lexeme);
    if (scan.take(':')) {
      do positions.push(scan.position());
      while (scan.take(','));
    }
    offsets.push(positions.length);
  }
  return { lexemes, offsets: Uint32Array.from(offsets), positions: Uint16Array.from(positions), belowSurrogates: lexemes.every(belowSurrogates) };
}

/**
 * Parses PostgreSQL's text form of a tsquery, e.g. `( 'dress':* | 'dre' ) & !'red':AB`, into
 * the layout PostgreSQL builds from that text (the empty text is the empty query). Null when the
 * query has a phrase operator.
 *
 * The text is the query's own layout again, except for one shape PostgreSQL prints without its
 * parentheses: an operator's right operand that is the same operator, as in `'a' & ( 'b' & 'c' )`
 * (printed `'a' & 'b' & 'c'`, which reads back as `( 'a' & 'b' ) & 'c'`, possibly ranking
 * differently). The search's queries (ANDs of parenthesised ORs) never have it, stop words
 * removed or not.
 */
export function parseTsQuery(text: string): TsQuery | null {
  const parser = new QueryParser(text);
  const postfix = parser.parse();
  if (postfix === null) return null;
  const items = linkItems(postfix.reverse());
  return { items, rankOperands: rankOperands(items) };
}

/** `vector @@ query`. */
export function tsMatch(vector: TsVector, query: TsQuery): boolean {
  return query.items.length > 0 && execute(vector, query.items, 0);
}

/** `ts_rank(weights, vector, query)` (the float4 it returns), weights given as {D, C, B, A}. */
export function tsRank(weights: RankWeights, vector: TsVector, query: TsQuery): number {
  const w = rankWeights(weights);
  if (vector.lexemes.length === 0 || query.items.length === 0) return 0;
  const operands = query.rankOperands;
  const rank = ranksAsOr(query) ? rankOr(w, vector, query) : rankAnd(w, vector, operands);
  // Negative when rankAnd found no pair of occurrences.
  return rank < 0 ? NO_PAIR_RANK : rank;
}

/** Whether ts_rank sums the (non-empty) query as an OR (calc_rank_or): its top is not an AND of two distinct operands or more. */
export function ranksAsOr(query: TsQuery): boolean {
  return !(query.items[0]?.kind === 'and' && query.rankOperands.length >= 2);
}

/**
 * An OR rank made outside `tsRank`, over many vectors at once: start each vector's sum at 0, add
 * with `addOrTerm` the `orTerms` of the lexemes the query's rank operands select, operand after
 * operand (in `rankOperands` order), an operand's lexemes in PostgreSQL's order
 * (`compareLexemes`); `endOrRank` then gives `tsRank` of that vector, to the bit. (A vector
 * without lexemes ranks 0 either way.)
 */
export function addOrTerm(sum: number, term: number): number {
  return f4(sum + term);
}

export function endOrRank(sum: number, query: TsQuery): number {
  const operands = query.rankOperands.length;
  return operands > 0 ? f4(sum / operands) : sum;
}

// --- Lexeme order -----------------------------------------------------------------------------

/**
 * PostgreSQL's lexeme order (tsCompareString): UTF-8 bytes, a prefix first, which is code point
 * order. UTF-16 units follow it except that surrogates (code points above U+FFFF) must come after
 * the units U+E000-U+FFFF.
 */
export function compareLexemes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** Whether every code unit of `s` is below U+D800 (then code unit order is code point order). */
function belowSurrogates(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0xd800) return false;
  return true;
}

/** Where `lexeme` is, or would be, among the vector's lexemes: the first one not before it. */
function lowerBound(vector: TsVector, lexeme: string): number {
  return lexemeLowerBound(vector.lexemes, lexeme, vector.belowSurrogates);
}

/**
 * Where `lexeme` is, or would be, among `lexemes` (in PostgreSQL's order): the first one not
 * before it. `belowSurrogatesAll` tells that every one of `lexemes` is below U+D800: with `lexeme`
 * so too, the engine's own string order (quicker) is PostgreSQL's.
 */
export function lexemeLowerBound(lexemes: readonly string[], lexeme: string, belowSurrogatesAll: boolean): number {
  const engineOrder = belowSurrogatesAll && belowSurrogates(lexeme);
  let low = 0;
  let high = lexemes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (engineOrder ? lexemes[middle]! < lexeme : compareLexemes(lexemes[middle]!, lexeme) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether the operand selects this lexeme: as a prefix of it, or equal to it. */
function selects(operand: TsQueryOperand, lexeme: string | undefined): boolean {
  if (lexeme === undefined) return false;
  return operand.prefix ? lexeme.startsWith(operand.lexeme) : lexeme === operand.lexeme;
}

// --- Matching ---------------------------------------------------------------------------------

/** The truth of the query's subtree at `i` for the vector. */
function execute(vector: TsVector, items: readonly TsQueryItem[], i: number): boolean {
  const item = items[i]!;
  switch (item.kind) {
    case 'operand':
      return occurs(vector, item);
    case 'not':
      return !execute(vector, items, i + 1);
    case 'and':
      return execute(vector, items, i + item.left) && execute(vector, items, i + 1);
    case 'or':
      return execute(vector, items, i + item.left) || execute(vector, items, i + 1);
  }
}

/** Whether a lexeme the operand selects occurs with one of the operand's weights. */
function occurs(vector: TsVector, operand: TsQueryOperand): boolean {
  const { lexemes, offsets, positions } = vector;
  for (let e = lowerBound(vector, operand.lexeme); selects(operand, lexemes[e]); e++) {
    const start = offsets[e]!;
    const end = offsets[e + 1]!;
    // A lexeme without positions matches whatever the weights, as in PostgreSQL.
    if (operand.weights === 0 || start === end) return true;
    for (let p = start; p < end; p++) if (operand.weights & (1 << (positions[p]! >> 14))) return true;
  }
  return false;
}

// --- Ranking ----------------------------------------------------------------------------------

const f4 = Math.fround;
const DEFAULT_WEIGHTS: RankWeights = [0.1, 0.2, 0.4, 1.0];
const MAX_ENTRY_POS = 16384;
const POSITION_MASK = 0x3fff;
/** Stands for the one occurrence of a lexeme without positions: weight D, position 0 in rankOr… */
const UNPLACED_OR = 0;
/** …and position 16383 in rankAnd. */
const UNPLACED_AND = MAX_ENTRY_POS - 1;
/** π²/6, the limit of Σ 1/j², as the C source writes it. */
const SUM_OF_INVERSE_SQUARES = 1.64493406685;
const NO_PAIR_RANK = f4(1e-20);
const FAR_APART = f4(1e-30);
/**
 * How much two occurrences `d` words apart count (word_distance), for d up to 100. (V8's exp is
 * not glibc's, but both are within an ulp of the true value and round to the same float4 for
 * these 100 values.)
 */
const WORD_DISTANCE = Float32Array.from({ length: 101 }, (_, d) => 1 / (1.005 + 0.05 * Math.exp(d / 1.5 - 2)));

/** The weights as float4, a negative one replaced by the default (getWeights). */
const weightScratch = new Float32Array(4);
function rankWeights(weights: RankWeights): Float32Array {
  for (let i = 0; i < 4; i++) {
    const w = f4(weights[i]!);
    if (w > 1) throw new RangeError('weight out of range');
    weightScratch[i] = w >= 0 ? w : DEFAULT_WEIGHTS[i]!;
  }
  return weightScratch;
}

function wordDistance(distance: number): number {
  return distance > 100 ? FAR_APART : WORD_DISTANCE[distance]!;
}

/**
 * calc_rank_or: for each operand, each lexeme it selects adds its occurrences' weights, the j-th
 * divided by j² (the heaviest counted in full), over π²/6; the total is divided by the number of
 * operands.
 */
function rankOr(w: Float32Array, vector: TsVector, query: TsQuery): number {
  const { lexemes } = vector;
  let rank = 0;
  for (const operand of query.rankOperands) {
    for (let e = lowerBound(vector, operand.lexeme); selects(operand, lexemes[e]); e++) rank = addOrTerm(rank, orTerm(w, vector, e));
  }
  return endOrRank(rank, query);
}

/**
 * What lexeme `e` adds to an OR rank (before the division by the number of operands): its
 * occurrences' weights, the j-th divided by j², the heaviest counted in full, over π²/6 — a
 * float8, as C adds it to its float4 sum.
 */
function orTerm(w: Float32Array, vector: TsVector, e: number): number {
  const { offsets, positions } = vector;
  const start = offsets[e]!;
  const count = offsets[e + 1]! - start;
  let sum = 0;
  let heaviest = -1;
  let heaviestAt = 0;
  for (let j = 0; j < (count || 1); j++) {
    const weight = w[(count > 0 ? positions[start + j]! : UNPLACED_OR) >> 14]!;
    sum = f4(sum + f4(weight / ((j + 1) * (j + 1))));
    if (weight > heaviest) {
      heaviest = weight;
      heaviestAt = j;
    }
  }
  const lexemeRank = f4(f4(heaviest + sum) - f4(heaviest / ((heaviestAt + 1) * (heaviestAt + 1))));
  return lexemeRank / SUM_OF_INVERSE_SQUARES;
}

/** Each of the vector's lexemes' term in an OR rank under `weights` (see `addOrTerm`). */
export function orTerms(weights: RankWeights, vector: TsVector): Float64Array {
  const w = rankWeights(weights);
  const terms = new Float64Array(vector.lexemes.length);
  for (let e = 0; e < terms.length; e++) terms[e] = orTerm(w, vector, e);
  return terms;
}

/** For rankAnd: the last lexeme each operand selected so far (-1 for none). */
let lastSelected = new Int32Array(16);

/**
 * calc_rank_and: each lexeme an operand selects is paired with the last lexeme selected by each
 * earlier operand; every two occurrences of such a pair, d words apart, give
 * √(weight × weight × word_distance(d)), and these combine as independent chances,
 * 1 - Π(1 - each). -1 when no pair was found.
 */
function rankAnd(w: Float32Array, vector: TsVector, operands: readonly TsQueryOperand[]): number {
  const { lexemes, offsets, positions } = vector;
  if (lastSelected.length < operands.length) lastSelected = new Int32Array(operands.length);
  const last = lastSelected.fill(-1, 0, operands.length);
  let rank = -1;
  for (let i = 0; i < operands.length; i++) {
    const operand = operands[i]!;
    for (let e = lowerBound(vector, operand.lexeme); selects(operand, lexemes[e]); e++) {
      last[i] = e;
      const eStart = offsets[e]!;
      const eCount = offsets[e + 1]! - eStart;
      for (let k = 0; k < i; k++) {
        const f = last[k]!;
        if (f < 0) continue;
        const fStart = offsets[f]!;
        const fCount = offsets[f + 1]! - fStart;
        // Occurrences at the same position pair only when one side has no positions.
        const unplaced = eCount === 0 || fCount === 0;
        for (let l = 0; l < (eCount || 1); l++) {
          const a = eCount > 0 ? positions[eStart + l]! : UNPLACED_AND;
          for (let p = 0; p < (fCount || 1); p++) {
            const b = fCount > 0 ? positions[fStart + p]! : UNPLACED_AND;
            let distance = Math.abs((a & POSITION_MASK) - (b & POSITION_MASK));
            if (distance === 0) {
              if (!unplaced) continue;
              distance = MAX_ENTRY_POS;
            }
            const pair = f4(Math.sqrt(f4(f4(w[a >> 14]! * w[b >> 14]!) * wordDistance(distance))));
            rank = rank < 0 ? pair : f4(1 - (1 - rank) * (1 - pair));
          }
        }
      }
    }
  }
  return rank;
}

/**
 * SortAndUniqItems: the operands in item order, sorted by lexeme with PostgreSQL's own quicksort
 * (not stable: of two operands with the same lexeme, the one it puts first is kept, and with it
 * its prefix flag), each lexeme kept once.
 */
function rankOperands(items: readonly TsQueryItem[]): TsQueryOperand[] {
  const operands = items.filter((item): item is TsQueryOperand => item.kind === 'operand');
  pgQsort(operands, (a, b) => compareLexemes(a.lexeme, b.lexeme), 0, operands.length);
  return operands.filter((operand, i) => i === 0 || operand.lexeme !== operands[i - 1]!.lexeme);
}

/**
 * PostgreSQL's qsort (src/include/lib/sort_template.h), step for step: insertion sort below 7
 * items, a pass that returns on sorted input, a median-of-three (ninther above 40) pivot and a
 * three-way partition, recursing into the smaller side.
 */
function pgQsort<T>(a: T[], compare: (x: T, y: T) => number, start: number, n: number): void {
  const cmp = (i: number, j: number) => compare(a[i]!, a[j]!);
  const swap = (i: number, j: number) => {
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  };
  const swapRuns = (i: number, j: number, count: number) => {
    for (let k = 0; k < count; k++) swap(i + k, j + k);
  };
  const median = (i: number, j: number, k: number) =>
    cmp(i, j) < 0 ? (cmp(j, k) < 0 ? j : cmp(i, k) < 0 ? k : i) : cmp(j, k) > 0 ? j : cmp(i, k) < 0 ? i : k;
  for (;;) {
    if (n < 7) {
      for (let m = start + 1; m < start + n; m++) for (let l = m; l > start && cmp(l - 1, l) > 0; l--) swap(l, l - 1);
      return;
    }
    let sorted = true;
    for (let m = start + 1; m < start + n && sorted; m++) sorted = cmp(m - 1, m) <= 0;
    if (sorted) return;
    let pivot = start + (n >> 1);
    if (n > 7) {
      let low = start;
      let high = start + n - 1;
      if (n > 40) {
        const d = n >> 3;
        low = median(low, low + d, low + 2 * d);
        pivot = median(pivot - d, pivot, pivot + d);
        high = median(high - 2 * d, high - d, high);
      }
      pivot = median(low, pivot, high);
    }
    swap(start, pivot);
    // Items equal to the pivot gather at both ends ([start, pa) and (pd, end)), then move to the middle.
    let pa = start + 1;
    let pb = pa;
    let pc = start + n - 1;
    let pd = pc;
    for (;;) {
      let r: number;
      while (pb <= pc && (r = cmp(pb, start)) <= 0) {
        if (r === 0) swap(pa++, pb);
        pb++;
      }
      while (pb <= pc && (r = cmp(pc, start)) >= 0) {
        if (r === 0) swap(pc, pd--);
        pc--;
      }
      if (pb > pc) break;
      swap(pb++, pc--);
    }
    const end = start + n;
    let d1 = Math.min(pa - start, pb - pa);
    swapRuns(start, pb - d1, d1);
    d1 = Math.min(pd - pc, end - pd - 1);
    swapRuns(pb, end - d1, d1);
    const smaller = pb - pa;
    const larger = pd - pc;
    if (smaller <= larger) {
      if (smaller > 1) pgQsort(a, compare, start, smaller);
      if (larger <= 1) return;
      start = end - larger;
      n = larger;
    } else {
      if (larger > 1) pgQsort(a, compare, end - larger, larger);
      if (smaller <= 1) return;
      n = smaller;
    }
  }
}

// --- Parsing ----------------------------------------------------------------------------------

/** Reads PostgreSQL's text forms: quoted lexemes, numbers, single characters. */
class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  /** Skips spaces; true at the end of the text. */
  skipSpaces(): boolean {
    while (isSpace(this.text.charCodeAt(this.at))) this.at++;
    return this.at >= this.text.length;
  }

  /** The next character ('' at the end), left unread. */
  peek(): string {
    return this.text.charAt(this.at);
  }

  /** Reads `c` when it comes next. */
  take(c: string): boolean {
    if (this.text[this.at] !== c) return false;
    this.at++;
    return true;
  }

  /** A quoted lexeme, `''` standing for a quote and a backslash escaping the next character. */
  quoted(): string {
    if (!this.take("'")) this.fail('a quoted lexeme expected');
    let value = '';
    for (;;) {
      const c = this.text[this.at++];
      if (c === undefined) this.fail('unterminated lexeme');
      if (c === '\\') {
        if (this.at >= this.text.length) this.fail('unterminated lexeme');
        value += this.text[this.at++];
      } else if (c !== "'") value += c;
      else if (this.take("'")) value += "'";
      else return value;
    }
  }

  /** A position with its optional weight letter, packed (weight D when there is none). */
  position(): number {
    const from = this.at;
    while (isDigit(this.text.charCodeAt(this.at))) this.at++;
    const position = Number(this.text.slice(from, this.at));
    if (this.at === from || position < 1 || position >= MAX_ENTRY_POS) this.fail('a position 1-16383 expected');
    const weight = weightOf(this.peek());
    if (weight >= 0) this.at++;
    return (Math.max(weight, 0) << 14) | position;
  }

  fail(message: string): never {
    throw new SyntaxError(`${message} at ${this.at} in ${JSON.stringify(this.text)}`);
  }
}

/** PostgreSQL's isspace: space, \t, \n, \v, \f, \r. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The weight a letter stands for (D = 0 … A = 3, either case); -1 for any other character. */
function weightOf(c: string): number {
  return c.length === 1 ? 'DCBA'.indexOf(c.toUpperCase()) : -1;
}

type Operator = 'and' | 'or' | 'not';
/** How tightly each operator binds, as in PostgreSQL (the phrase operator, 3, is not supported). */
const PRIORITY: Record<Operator, number> = { or: 1, and: 2, not: 4 };
const NOT_ITEM: TsQueryItem = { kind: 'not' };

/**
 * PostgreSQL's tsquery parser (makepol): operators wait on a stack until one that binds less
 * tightly comes (NOT, right-associative, waits for everything), which gives the items in postfix
 * order; PostgreSQL then stores them reversed, in prefix order.
 */
class QueryParser {
  private readonly scan: Scanner;
  private readonly postfix: Array<TsQueryOperand | Operator> = [];

  constructor(text: string) {
    this.scan = new Scanner(text);
  }

  /** The items in postfix order; null for a phrase operator. */
  parse(): Array<TsQueryOperand | Operator> | null {
    if (this.scan.skipSpaces()) return this.postfix;
    return this.level(false) ? this.postfix : null;
  }

  /** Parses the text up to its end, or up to the `)` closing a parenthesis; false on a phrase operator. */
  private level(nested: boolean): boolean {
    const stack: Operator[] = [];
    let wantOperand = true;
    for (;;) {
      this.scan.skipSpaces();
      const c = this.scan.peek();
      if (wantOperand) {
        if (this.scan.take('!')) stack.push('not');
        else if (this.scan.take('(')) {
          if (!this.level(true)) return false;
          wantOperand = false;
        } else {
          this.postfix.push(this.operand());
          wantOperand = false;
        }
      } else if (c === '&' || c === '|') {
        this.scan.take(c);
        const operator = c === '&' ? 'and' : 'or';
        this.unstack(stack, PRIORITY[operator]);
        stack.push(operator);
        wantOperand = true;
      } else if (c === '<') {
        return false;
      } else if (nested ? this.scan.take(')') : c === '') {
        this.unstack(stack, 0);
        return true;
      } else {
        this.scan.fail(nested ? 'an operator or ) expected' : 'an operator expected');
      }
    }
  }

  /** Moves the stacked operators that bind at least as tightly as `priority` to the output. */
  private unstack(stack: Operator[], priority: number): void {
    while (stack.length > 0 && PRIORITY[stack[stack.length - 1]!] >= priority) this.postfix.push(stack.pop()!);
  }

  /** A quoted lexeme and its modifiers: `*` for a prefix, letters A-D for weights. */
  private operand(): TsQueryOperand {
    const lexeme = this.scan.quoted();
    let prefix = false;
    let weights = 0;
    if (this.scan.take(':')) {
      for (let c = this.scan.peek(); c === '*' || weightOf(c) >= 0; c = this.scan.peek()) {
        if (c === '*') prefix = true;
        else weights |= 1 << weightOf(c);
        this.scan.take(c);
      }
    }
    return { kind: 'operand', lexeme, prefix, weights };
  }
}

/** The prefix-order items with each binary operator's offset to its left operand (findoprnd). */
function linkItems(prefix: ReadonlyArray<TsQueryOperand | Operator>): TsQueryItem[] {
  const items: TsQueryItem[] = new Array<TsQueryItem>(prefix.length);
  // Places the subtree at i; returns where the next one starts.
  const place = (i: number): number => {
    const item = prefix[i]!;
    if (typeof item !== 'string') {
      items[i] = item;
      return i + 1;
    }
    if (item === 'not') {
      items[i] = NOT_ITEM;
      return place(i + 1);
    }
    const left = place(i + 1);
    items[i] = { kind: item, left: left - i };
    return place(left);
  };
  if (prefix.length > 0) place(0);
  return items;
}

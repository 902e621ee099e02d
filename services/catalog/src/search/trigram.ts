/**
 * PostgreSQL's pg_trgm `word_similarity(query, text)` (PostgreSQL 15, default build settings),
 * ported so the in-process search index ranks exactly as the SQL it replaces.
 *
 * How pg_trgm sees a string: it splits it into words (runs of letters and digits), lower-cases
 * each word, pads it with two spaces in front and one behind, and takes every 3-character slice:
 * "Blu!" gives "  b", " bl", "blu", "lu ". word_similarity then looks, over every stretch of
 * consecutive trigrams of the text, for the best ratio
 *
 *   shared / (query trigrams + stretch trigrams - shared)
 *
 * counting distinct trigrams, and returns it as a float4.
 *
 * Exact for ASCII (see `trigramExact`). Other characters depend on the database's locale and
 * pg_trgm hashes multibyte trigrams, so for them this is only an approximation: every non-ASCII
 * character counts as a letter and is left as it is.
 */

/** A query whose trigrams are computed once, to be scored against many texts. */
export interface PreparedQuery {
  /** word_similarity(query, text), given the text's trigrams (`trigramsOf(text)`). */
  similarityOf(textTrigrams: Int32Array): number;
}

/** word_similarity(query, text), as PostgreSQL returns it (a float4 value). */
export function wordSimilarity(query: string, text: string): number {
  return prepareQuery(query).similarityOf(trigramsOf(text));
}

/** The trigrams of `text` as pg_trgm takes them (word by word, duplicates kept), to score it against many queries. */
export function trigramsOf(text: string): Int32Array {
  return Int32Array.from(trigramKeys(text));
}

export function prepareQuery(query: string): PreparedQuery {
  // Each distinct query trigram gets an id 0..n-1; text trigrams absent from the query get the
  // next ids, so "in the query" is simply `id < n`.
  const queryKeys = trigramKeys(query);
  const queryIds = new TrigramIds(queryKeys.length);
  for (const key of queryKeys) queryIds.idOf(key);
  const n = queryIds.size;
  return {
    similarityOf(keys) {
      textOnlyIds.clear(keys.length);
      const ids = scratch(keys.length);
      for (let i = 0; i < keys.length; i++) {
        const id = queryIds.get(keys[i]!);
        ids[i] = id >= 0 ? id : n + textOnlyIds.idOf(keys[i]!);
      }
      return bestStretchSimilarity(ids, n, n + textOnlyIds.size);
    },
  };
}

/**
 * True when the port gives PostgreSQL's answer for `s` (as either argument) whatever the
 * database's locale: `s` is all ASCII and has no capital I, which Turkish and Azeri locales
 * lower-case to a dotless ı (non-ASCII, hence a hashed trigram) instead of i.
 */
export function trigramExact(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || c === CAPITAL_I) return false;
  }
  return true;
}

const SPACE = 0x20;
const CAPITAL_I = 0x49;

/** pg_trgm's word characters: letters and digits (any non-ASCII character counts as a letter). */
function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c >= 0x80;
}

function toLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/**
 * A 32-bit number standing for the trigram (a, b, c): the three 7-bit codes side by side when they
 * are ASCII, distinct trigrams getting distinct numbers; otherwise a 24-bit hash above those, as
 * pg_trgm hashes multibyte trigrams (with another hash, so only approximately).
 */
function trigramKey(a: number, b: number, c: number): number {
  if ((a | b | c) < 0x80) return (a << 14) | (b << 7) | c;
  return 0x200000 + ((Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 8);
}

/** The trigrams of `s` in pg_trgm's order (word by word, left to right, duplicates kept). */
function trigramKeys(s: string): number[] {
  const keys: number[] = [];
  let i = 0;
  while (i < s.length) {
    if (!isWordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    // A word: slide over "  " + word + " ".
    let a = SPACE;
    let b = SPACE;
    for (; i < s.length && isWordChar(s.charCodeAt(i)); i++) {
      const c = toLower(s.charCodeAt(i));
      keys.push(trigramKey(a, b, c));
      a = b;
      b = c;
    }
    keys.push(trigramKey(a, b, SPACE));
  }
  return keys;
}

/**
 * Numbers distinct trigram keys 0, 1, 2… in the order they are first seen: a small open-addressing
 * hash table that `clear()` empties without touching its slots (each slot carries the generation
 * it was filled in).
 */
class TrigramIds {
  size = 0;
  private keys = new Int32Array(0);
  private ids = new Int32Array(0);
  private generations = new Uint32Array(0);
  private generation = 1;
  private shift = 32;

  constructor(capacity: number) {
    this.clear(capacity);
  }

  /** Forgets every key, making room for `capacity` of them. */
  clear(capacity: number): void {
    this.size = 0;
    if (capacity * 2 > this.keys.length) {
      const bits = Math.max(4, 32 - Math.clz32(capacity * 2));
      this.keys = new Int32Array(1 << bits);
      this.ids = new Int32Array(1 << bits);
      this.generations = new Uint32Array(1 << bits);
      this.shift = 32 - bits;
      this.generation = 1;
    } else if (++this.generation > 0xffffffff) {
      this.generations.fill(0);
      this.generation = 1;
    }
  }

  /** The key's id, or -1. */
  get(key: number): number {
    const slot = this.find(key);
    return this.generations[slot] === this.generation ? this.ids[slot]! : -1;
  }

  /** The key's id, the next one when the key is new. */
  idOf(key: number): number {
    const slot = this.find(key);
    if (this.generations[slot] !== this.generation) {
      this.generations[slot] = this.generation;
      this.keys[slot] = key;
      this.ids[slot] = this.size++;
    }
    return this.ids[slot]!;
  }

  /** The key's slot, or the free slot where it belongs. */
  private find(key: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.generations[slot] === this.generation && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }
}

/** The text's trigrams that are not the query's, numbered afresh for every text. */
const textOnlyIds = new TrigramIds(64);

/** Scratch space of a similarity: the text's trigram ids, then each id's last position (a similarity runs to its end without yielding). */
let idsScratch = new Int32Array(256);
let lastPosScratch = new Int32Array(256);

function scratch(length: number): Int32Array {
  if (idsScratch.length < length) idsScratch = new Int32Array(length * 2);
  return idsScratch.subarray(0, length);
}

/** The similarity of `shared` common trigrams, computed in float4 as pg_trgm's CALCSML does. */
function similarity(shared: number, queryCount: number, stretchCount: number): number {
  return Math.fround(Math.fround(shared) / Math.fround(queryCount + stretchCount - shared));
}

/**
 * pg_trgm's iterate_word_similarity for plain word similarity: the best similarity between the
 * query and a stretch of the text's trigrams.
 *
 * `ids` are the text's trigrams, ids below `queryCount` being the query's; `idCount` is the
 * number of distinct ids. The stretch grows to the right up to each trigram found in the query,
 * and its left end moves right whenever that gives a better ratio. Trigrams before the first one
 * found in the query are never counted.
 */
function bestStretchSimilarity(ids: Int32Array, queryCount: number, idCount: number): number {
  if (lastPosScratch.length < idCount) lastPosScratch = new Int32Array(idCount * 2);
  const lastPos = lastPosScratch.fill(-1, 0, idCount);
  let lower = -1;
  let stretchCount = 0;
  let shared = 0;
  let best = 0;
  for (let upper = 0; upper < ids.length; upper++) {
    const id = ids[upper]!;
    const inQuery = id < queryCount;
    if (lower >= 0 || inQuery) {
      if (lastPos[id]! < 0) {
        stretchCount++;
        if (inQuery) shared++;
      }
      lastPos[id] = upper;
    }
    if (!inQuery) continue;

    if (lower === -1) lower = upper;
    let current = similarity(shared, queryCount, stretchCount);

    // Try every later left end; a trigram leaves the stretch when its last occurrence is passed.
    const prevLower = lower;
    let candidateCount = stretchCount;
    let candidateShared = shared;
    for (let left = prevLower; left <= upper; left++) {
      const candidate = similarity(candidateShared, queryCount, candidateCount);
      if (candidate > current) {
        current = candidate;
        stretchCount = candidateCount;
        lower = left;
        shared = candidateShared;
      }
      const leftId = ids[left]!;
      if (lastPos[leftId] === left) {
        candidateCount--;
        if (leftId < queryCount) candidateShared--;
      }
    }
    if (current > best) best = current;

    // Forget the trigrams whose last occurrence fell off the left of the stretch.
    for (let left = prevLower; left < lower; left++) {
      const leftId = ids[left]!;
      if (lastPos[leftId] === left) lastPos[leftId] = -1;
    }
  }
  return best;
}

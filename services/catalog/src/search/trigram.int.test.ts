import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createTestDatabase, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { createRandom } from '@mercato/demo-data';
import { trigramExact, wordSimilarity } from './trigram.js';

// Differential test: thousands of random ASCII pairs scored by the port and by pg_trgm itself.
// Words come from a tiny alphabet so trigrams collide and repeat, which exercises the stretch
// search (left ends moving, trigrams leaving and re-entering the stretch) far more than real text.

// Seeded, so that a failure can be replayed.
const { next: random, int, pick } = createRandom(20240917);

const LETTERS = ['a', 'b', 'c', 'ab', 'ba', 'abc'];
const CAPITALS = ['A', 'B', 'C', 'AB', 'Abc']; // no capital I: trigramExact is false for it
const DIGITS = ['0', '1', '2', '42', '100'];
const SEPARATORS = [' ', ' ', ' ', '  ', '-', ',', ', ', '.', '/', '(', ')', '!', "'", '"', '\\', '%', '_', '\t', '\n', '\u0001', '\u007f', ' & ', '~`@#$^*+=[]{}|;:<>?'];

function word(): string {
  const parts = int(1, 3);
  let w = '';
  for (let i = 0; i < parts; i++) w += pick(random() < 0.15 ? CAPITALS : random() < 0.2 ? DIGITS : LETTERS);
  return w;
}

/** Words joined by punctuation and spaces, sometimes with leading or trailing separators. */
function text(maxWords: number): string {
  const words = Array.from({ length: int(0, maxWords) }, word);
  let s = random() < 0.2 ? pick(SEPARATORS) : '';
  words.forEach((w, i) => (s += (i > 0 ? pick(SEPARATORS) : '') + w));
  return random() < 0.2 ? s + pick(SEPARATORS) : s;
}

/** Any ASCII characters but NUL (text cannot hold it) and capital I (see trigramExact). */
function anyAscii(maxLength: number): string {
  let s = '';
  for (let n = int(0, maxLength); n > 0; n--) {
    const c = random() < 0.5 ? pick(['a', 'b', 'c']) : String.fromCharCode(int(1, 127));
    s += c === 'I' ? 'i' : c;
  }
  return s;
}

/** A query as the search sends it: lower-case words joined by single spaces. */
function searchQuery(): string {
  return Array.from({ length: int(1, 4) }, () => word().toLowerCase()).join(' ');
}

/** A query cut out of the text: a whole word, a prefix, a suffix or a middle of one. */
function queryFrom(haystack: string): string {
  const words = haystack.split(/[^a-zA-Z0-9]+/).filter(Boolean);
  if (words.length === 0) return word();
  const w = pick(words);
  const from = int(0, w.length - 1);
  return w.slice(random() < 0.5 ? 0 : from, random() < 0.5 ? w.length : int(from + 1, w.length));
}

function randomPair(): [string, string] {
  const kind = int(0, 10);
  if (kind === 0) return [pick(['', ' ', 'a', '1', '!', 'ab', 'A']), text(3)];
  if (kind === 1) return [searchQuery(), pick(['', ' ', 'a', '!', 'ab', '  a  '])];
  if (kind === 2) return [searchQuery(), text(300)];
  if (kind === 3) {
    const w = word();
    return [`${w} ${w}`, Array.from({ length: int(1, 6) }, () => (random() < 0.5 ? w : word())).join(' ')];
  }
  if (kind === 4) return [text(5), text(8)];
  if (kind === 5) return [anyAscii(10), anyAscii(60)];
  if (kind <= 7) {
    const haystack = text(10);
    return [queryFrom(haystack), haystack];
  }
  return [searchQuery(), text(12)];
}

describe('word_similarity against PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let database: TestDatabase;
  let client: pg.Client;
  before(async () => {
    // pg_trgm is not installed in the shared database, so it goes into a scratch one.
    database = await createTestDatabase('trgm');
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('CREATE EXTENSION pg_trgm');
  });
  after(async () => {
    await client.end();
    await database.drop();
  });

  it('gives the float4 pg_trgm gives for thousands of random ASCII pairs', async () => {
    const pairs = Array.from({ length: 8000 }, randomPair);
    const mismatches: { query: string; text: string; postgres: number; port: number }[] = [];
    for (let start = 0; start < pairs.length; start += 2000) {
      const batch = pairs.slice(start, start + 2000);
      const { rows } = await client.query<{ similarity: string }>(
        'SELECT word_similarity(q, t)::text AS similarity FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p(q, t, n) ORDER BY n',
        [batch.map((p) => p[0]), batch.map((p) => p[1])],
      );
      batch.forEach(([query, text], i) => {
        // real's text form is the shortest one that reads back as the same float4.
        const postgres = Math.fround(Number(rows[i]!.similarity));
        const port = wordSimilarity(query, text);
        if (port !== postgres) mismatches.push({ query, text, postgres, port });
      });
    }
    assert.equal(mismatches.length, 0, `${mismatches.length} of ${pairs.length} differ, first: ${JSON.stringify(mismatches.slice(0, 5), null, 1)}`);
    assert.ok(pairs.every(([query, text]) => trigramExact(query) && trigramExact(text)), 'every generated string is exact');
  });
});

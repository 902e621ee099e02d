import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { skipUnless, TEST_PG_URL } from '@mercato/chassis/testing';
import { createRandom } from '@mercato/demo-data';
import { tsQueryText } from './search-terms.js';
import {
  addOrTerm,
  endOrRank,
  orTerms,
  parseTsQuery,
  parseTsVector,
  ranksAsOr,
  tsMatch,
  tsRank,
  type RankWeights,
  type TsQuery,
  type TsQueryItem,
  type TsVector,
} from './ts-rank.js';

// Differential test: thousands of (tsvector, tsquery) pairs shaped like the search's own, matched
// and ranked by the port and by PostgreSQL. The vocabulary is small, so words repeat (positions
// run high, a lexeme has many) and share prefixes (a prefix operand selects several lexemes, and
// stemming folds several words of a query into duplicate operands).

// Seeded, so that a failure can be replayed.
const { next: random, int, pick } = createRandom(7);
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

const WORDS = [
  'dress', 'dresses', 'dressing', 'dressy', 'red', 'reddish', 'redder', 'shirt', 'shirts', 'shirtdress',
  'blue', 'bluest', 'cotton', 'linen', 'line', 'lined', '42', '420', 'xl', 'xxl', 'slim', 'fit', 'café', 'über',
];
const STOP_WORDS = ['the', 'a', 'of', 'and', 'with'];
/** What a user types: words, their beginnings, stop words. */
const TERMS = [...WORDS, ...STOP_WORDS, 'dre', 'dres', 'shi', 'sh', 're', 'r', 'blu', 'cott', 'lin', '4', 'x'];
/** Lexemes for tsvectors and tsqueries written as literals (no stemming), sharing prefixes, ordered differently as UTF-8 and UTF-16. */
const LEXEMES = ['dress', 'dressi', 'red', 'reddish', 'shirt', 'shirtdress', 'blue', '42', "o'neil", 'back\\slash', 'ﬀb', '𝒳a'];

/** The weight arrays ranked with: the search's, PostgreSQL's default, unordered, and one with a negative (replaced by the default) and zeros. */
const WEIGHT_SETS: RankWeights[] = [
  [0.05, 0.2, 0.4, 1.0],
  [0.1, 0.2, 0.4, 1.0],
  [0.3, 0.7, 0.9, 0.55],
  [-1, 0, 1, 0.123],
];

/** A document: title, description and extra texts (as the catalog indexes a product), or a tsvector literal. */
type VectorSource = { title: string; description: string; extra: string } | { literal: string };
/** A query: the text given to to_tsquery('english', …), or a tsquery literal. */
type QuerySource = { text: string } | { literal: string };

const words = (n: number) => times(n, () => pick(random() < 0.15 ? STOP_WORDS : WORDS)).join(' ');

function documentSource(maxDescription: number): VectorSource {
  return { title: words(int(1, 8)), description: words(int(0, maxDescription)), extra: words(int(0, 10)) };
}

/** Random lexemes, each with up to 5 positions (1-16383, often the highest) or none. */
function literalVector(): string {
  return times(int(1, 6), () => {
    const lexeme = `'${pick(LEXEMES).replace(/['\\]/g, (c) => c + c)}'`;
    if (random() < 0.3) return lexeme;
    const positions = times(int(1, 5), () => `${random() < 0.2 ? 16383 : int(1, random() < 0.5 ? 20 : 16383)}${pick(['A', 'B', 'C', ''])}`);
    return `${lexeme}:${positions.join(',')}`;
  }).join(' ');
}

/** A query as the search builds it: 1-4 terms with 0-5 close words each, in one of its three modes. */
function searchQuery(): QuerySource {
  const terms = times(int(1, 4), () => ({ term: pick(TERMS), near: times(int(0, 5), () => pick(random() < 0.05 ? ["o'neil"] : WORDS)) }));
  return { text: tsQueryText(terms, pick(['fuzzy', 'prefix', 'exact'] as const)) };
}

/**
 * A literal query with NOT, weights and both operators: groups (an operand, an OR of operands,
 * either maybe negated) joined by AND, or two such runs joined by OR. (Never a parenthesised
 * group right of the same operator, `a | (b | c)`, whose text reads back as `(a | b) | c`.)
 */
function literalQuery(): QuerySource {
  const operand = () => `'${pick(LEXEMES).replace(/['\\]/g, (c) => c + c)}'${pick(['', '', ':*', ':A', ':*BC', ':D'])}`;
  const group = () => {
    const g = random() < 0.6 ? operand() : `( ${times(int(2, 3), operand).join(' | ')} )`;
    return random() < 0.25 ? `!${g}` : g;
  };
  const run = (min: number) => times(int(min, 3), group).join(' & ');
  return { literal: random() < 0.7 ? run(1) : `${run(1)} | ${run(2)}` };
}

interface Case {
  vector: number;
  query: number;
}

interface PostgresAnswer {
  match: boolean;
  ranks: string[];
}

/** The vector and query texts PostgreSQL prints, each query's binary form (its item layout), and every case's match and ranks. */
async function askPostgres(client: pg.Client, vectors: readonly VectorSource[], queries: readonly QuerySource[], cases: readonly Case[]) {
  const vectorParams = [
    vectors.map((v) => ('title' in v ? v.title : null)),
    vectors.map((v) => ('title' in v ? v.description : null)),
    vectors.map((v) => ('title' in v ? v.extra : null)),
    vectors.map((v) => ('literal' in v ? v.literal : null)),
  ];
  const queryParams = [queries.map((q) => ('text' in q ? q.text : null)), queries.map((q) => ('literal' in q ? q.literal : null))];
  const vectorSql = `SELECT n, CASE WHEN lit IS NOT NULL THEN lit::tsvector
                                    ELSE setweight(to_tsvector('english', t), 'A') || setweight(to_tsvector('english', d), 'B')
                                         || setweight(to_tsvector('english', x), 'C') END AS vec
                     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS s(t, d, x, lit, n)`;
  const querySql = (first: number) => `SELECT n, CASE WHEN lit IS NOT NULL THEN lit::tsquery ELSE to_tsquery('english', s) END AS q
                                       FROM unnest($${first}::text[], $${first + 1}::text[]) WITH ORDINALITY AS u(s, lit, n)`;
  const vectorTexts = await client.query<{ vec: string }>(`SELECT vec::text AS vec FROM (${vectorSql}) v ORDER BY n`, vectorParams);
  const queryTexts = await client.query<{ q: string; send: Buffer }>(`SELECT q::text AS q, tsquerysend(q) AS send FROM (${querySql(1)}) q ORDER BY n`, queryParams);
  const ranks = WEIGHT_SETS.map((_, i) => `ts_rank($${9 + i}::real[], v.vec, q.q)::text`).join(', ');
  const answers = await client.query<PostgresAnswer>(
    `WITH v AS MATERIALIZED (${vectorSql}), q AS MATERIALIZED (${querySql(5)})
     SELECT v.vec @@ q.q AS match, ARRAY[${ranks}] AS ranks
     FROM unnest($7::int[], $8::int[]) WITH ORDINALITY AS c(vi, qi, n) JOIN v ON v.n = c.vi JOIN q ON q.n = c.qi
     ORDER BY c.n`,
    [...vectorParams, ...queryParams, cases.map((c) => c.vector + 1), cases.map((c) => c.query + 1), ...WEIGHT_SETS],
  );
  return {
    vectors: vectorTexts.rows.map((r) => r.vec),
    queries: queryTexts.rows.map((r) => ({ text: r.q, layout: decodeTsquerySend(r.send) })),
    answers: answers.rows,
  };
}

/** tsquerysend's items (prefix order), written like `describeItems` writes the port's. */
function decodeTsquerySend(send: Buffer): string[] {
  const items: string[] = [];
  let at = 4;
  for (let i = send.readInt32BE(0); i > 0; i--) {
    const type = send[at++];
    if (type === 1) {
      const weights = send[at++]!;
      const prefix = send[at++] === 1;
      const end = send.indexOf(0, at);
      items.push(`${send.toString('utf8', at, end)}${prefix ? ':*' : ''}/${weights}`);
      at = end + 1;
    } else {
      const operator = send[at++];
      items.push(['?', '!', '&', '|', '<->'][operator!]!);
      if (operator === 4) at += 2;
    }
  }
  return items;
}

function describeItems(items: readonly TsQueryItem[]): string[] {
  return items.map((item) => (item.kind === 'operand' ? `${item.lexeme}${item.prefix ? ':*' : ''}/${item.weights}` : { not: '!', and: '&', or: '|' }[item.kind]));
}

/** Runs the cases through the port and PostgreSQL; returns how many were compared and the differences. */
async function compare(client: pg.Client, vectors: readonly VectorSource[], queries: readonly QuerySource[], cases: readonly Case[]) {
  const postgres = await askPostgres(client, vectors, queries, cases);
  const parsedVectors = postgres.vectors.map(parseTsVector);
  const parsedQueries = postgres.queries.map((q) => parseTsQuery(q.text));
  const differences: unknown[] = [];
  postgres.queries.forEach((q, i) => {
    const parsed = parsedQueries[i];
    const phrase = q.layout.includes('<->');
    if (phrase !== (parsed === null)) differences.push({ query: queries[i], text: q.text, parsed: parsed !== null });
    else if (parsed && describeItems(parsed.items).join(' ') !== q.layout.join(' ')) {
      differences.push({ query: queries[i], text: q.text, layout: { postgres: q.layout, port: describeItems(parsed.items) } });
    }
  });
  let compared = 0;
  cases.forEach((c, i) => {
    const vector = parsedVectors[c.vector]!;
    const query = parsedQueries[c.query];
    if (!query) return;
    compared++;
    const answer = postgres.answers[i]!;
    // Each weight set twice: by tsRank, and for an OR from the vector's OR terms (as the search index sums them).
    const ranks = WEIGHT_SETS.map((w) => tsRank(w, vector, query));
    const withTerms = WEIGHT_SETS.map((w) => (ranksAsOr(query) ? orRankFromTerms(w, vector, query) : tsRank(w, vector, query)));
    // real's text form is the shortest one that reads back as the same float4.
    const expected = answer.ranks.map((r) => Math.fround(Number(r)));
    if (tsMatch(vector, query) !== answer.match || ranks.some((r, k) => r !== expected[k] || withTerms[k] !== r)) {
      differences.push({
        source: { vector: vectors[c.vector], query: queries[c.query] },
        vector: postgres.vectors[c.vector],
        query: postgres.queries[c.query]!.text,
        postgres: { match: answer.match, ranks: expected },
        port: { match: tsMatch(vector, query), ranks, withTerms },
      });
    }
  });
  return { compared, differences };
}

/** An OR rank from `orTerms`, summed as `addOrTerm` asks: operand after operand, each one's lexemes in the vector's order. */
function orRankFromTerms(w: RankWeights, vector: TsVector, query: TsQuery): number {
  const terms = orTerms(w, vector);
  let sum = 0;
  for (const operand of query.rankOperands) {
    vector.lexemes.forEach((lexeme, e) => {
      if (operand.prefix ? lexeme.startsWith(operand.lexeme) : lexeme === operand.lexeme) sum = addOrTerm(sum, terms[e]!);
    });
  }
  return endOrRank(sum, query);
}

describe('tsvector @@ tsquery and ts_rank against PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let client: pg.Client;
  before(async () => {
    client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
  });
  after(async () => {
    await client.end();
  });

  it('matches and ranks thousands of random documents and queries exactly', async () => {
    const shortDocuments = times(400, () => documentSource(60));
    // The longest reach PostgreSQL's 256 positions for a lexeme.
    const longDocuments = [...times(30, () => documentSource(600)), ...times(4, () => documentSource(4000))];
    const documents = [...shortDocuments, ...longDocuments];
    const literals = times(80, () => ({ literal: literalVector() }));
    // Two lexemes d words apart, d = 1 … 110: every word distance.
    const pairs = Array.from({ length: 110 }, (_, d) => ({ literal: `'dress':1${pick(['A', 'B', ''])} 'shirt':${d + 2}${pick(['A', 'C', ''])}` }));
    const vectors: VectorSource[] = [...documents, ...literals, ...pairs];
    const searchQueries = times(400, searchQuery);
    const queries: QuerySource[] = [...searchQueries, ...times(120, literalQuery), { literal: "'dress' & 'shirt'" }];
    const firstLiteral = documents.length;
    const firstPair = firstLiteral + literals.length;
    const pairQuery = queries.length - 1;
    const cases: Case[] = [
      ...times(6000, () => ({ vector: int(0, firstPair - 1), query: int(0, pairQuery - 1) })),
      ...times(300, () => ({ vector: int(shortDocuments.length, firstLiteral - 1), query: int(0, searchQueries.length - 1) })),
      ...times(1500, () => ({ vector: int(firstLiteral, firstPair - 1), query: int(searchQueries.length, pairQuery - 1) })),
      ...pairs.map((_, d) => ({ vector: firstPair + d, query: pairQuery })),
    ];
    const { compared, differences } = await compare(client, vectors, queries, cases);
    assert.equal(differences.length, 0, `${differences.length} differ, first: ${JSON.stringify(differences.slice(0, 5), null, 1)}`);
    assert.ok(compared > 7000, `${compared} cases compared`);
  });

  it('agrees on empty vectors and queries, single and duplicate operands, NOT', async () => {
    const vectors: VectorSource[] = [
      { literal: '' },
      { title: 'red dress', description: 'a red dress, dressy', extra: '' },
      { literal: "'dress' 'red':3" },
      { literal: "'dress':16383 'dressi' 'red':16383" },
    ];
    const queries: QuerySource[] = [
      { text: "'the'" },
      { text: "'the':* & 'a'" },
      { text: "'dress'" },
      { text: "'dresses':*" },
      { text: "'dress' & 'dresses' & 'dressing':*" },
      { text: "('dresses':* | 'dress' | 'dressing') & 'red':*" },
      { text: "('dress' | 'dresses':*) & ('red' | 'red':*)" },
      { text: "!'red'" },
      { text: "'dress' & !'red'" },
      { text: "!('dress' | 'blue')" },
      { literal: "'dress':A | 'red':*B" },
      { literal: "'dress' <-> 'red'" },
    ];
    const cases = vectors.flatMap((_, vector) => queries.map((_, query) => ({ vector, query })));
    const { compared, differences } = await compare(client, vectors, queries, cases);
    assert.equal(differences.length, 0, `${differences.length} differ, first: ${JSON.stringify(differences.slice(0, 5), null, 1)}`);
    assert.equal(compared, vectors.length * (queries.length - 1));
  });
});

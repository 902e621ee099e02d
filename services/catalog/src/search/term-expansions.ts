/** A term's piece of a search's three queries, each its `to_tsquery` text ('' when only stop words are left). */
export interface TermQueries {
  fuzzy: string;
  prefix: string;
  exact: string;
}

/** What a query term expands to: the indexed words it begins or is close to, and its pieces of the queries. */
export interface TermExpansion {
  near: string[];
  queries: TermQueries;
}

/**
 * Query terms' expansions kept between searches, in this process. A term's expansion depends on
 * the catalog's word list only, which a catalog write may grow; so each expansion is kept under
 * the catalog's generation (the read cache's token: in Redis when replicas share it), the one seen
 * *before* the words were read, and is used only while that generation is current. A write on any
 * replica moves the generation on, and every older expansion is then left unused (and pushed out
 * in time). At most `maxEntries` terms, the least recently used leaving first.
 */
export class TermExpansions {
  private readonly entries = new Map<string, TermExpansion & { generation: string }>();

  constructor(private readonly maxEntries: number) {}

  /** The expansion of `term` kept under `generation`, if any. */
  get(term: string, generation: string): TermExpansion | undefined {
    const hit = this.entries.get(term);
    if (!hit || hit.generation !== generation) return undefined;
    // Most recently used last: a Map keeps insertion order.
    this.entries.delete(term);
    this.entries.set(term, hit);
    return hit;
  }

  /** Keeps `expansion`, read from the database under `generation` (the token seen before reading it). */
  set(term: string, generation: string, expansion: TermExpansion): void {
    this.entries.delete(term);
    this.entries.set(term, { near: expansion.near, queries: expansion.queries, generation });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}

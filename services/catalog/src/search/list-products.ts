import { InvalidData } from '@mercato/chassis';
import { isCurrency } from '@mercato/contracts';
import { categoriesStore } from '../categories/categories.store.js';
import { CategoryNotFound } from '../categories/category-writes.js';
import type { CatalogDeps } from '../deps.js';
import type { ListQuery } from './list-query.js';
import { listingStore, SORT_KEYS, type Sort } from './listing.store.js';
import { decodeCursor, encodeCursor, searchTerms } from './search-terms.js';

/**
 * `GET /products`: search, filter, sort and page the catalog; facet counts come with the first
 * page (they describe the whole result, not a page). Keyset pagination: a product added while a
 * client pages never makes another one repeat or go missing.
 */
export async function listProducts(deps: CatalogDeps, query: ListQuery, opts: { manager: boolean; generation?: string }) {
  const currency = query.currency ?? deps.config.defaultCurrency;
  if (!isCurrency(currency)) throw new InvalidData('Unknown currency', [{ pointer: '/currency', message: `${currency} is not an ISO 4217 currency` }]);
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    throw new InvalidData('minPrice is above maxPrice', [{ pointer: '/minPrice', message: 'must not be above maxPrice' }]);
  }
  if (query.status !== undefined && query.status !== 'published' && !opts.manager) {
    throw new InvalidData('Only catalog managers list unpublished products', [{ pointer: '/status', message: 'only published is public' }]);
  }
  const terms = searchTerms(query.q);
  const sort: Sort = query.sort ?? (terms.length > 0 ? 'relevance' : 'newest');
  if (sort === 'relevance' && terms.length === 0) throw new InvalidData('Sorting by relevance needs a search query', [{ pointer: '/sort', message: 'relevance needs q' }]);
  const cursor = query.cursor ? decodeCursor(query.cursor, sort, SORT_KEYS[sort]) : null;
  if (query.cursor && !cursor) throw new InvalidData('The cursor is not valid for this listing', [{ pointer: '/cursor', message: 'use the nextCursor of the previous page, with the same sort' }]);
  const limit = query.limit ?? 20;
  const req = {
    terms,
    // Resolved (id or slug) by the listing's own statement.
    category: query.category ?? null,
    currency,
    minPrice: query.minPrice,
    maxPrice: query.maxPrice,
    status: query.status ?? 'published',
    // A manager's search also finds a product by the start of one of its SKUs.
    skuPrefix: opts.manager && query.q?.trim() ? query.q.trim() : undefined,
    sort,
    limit,
    cursor,
  } as const;
  // The terms are expanded once (a trigram lookup over the indexed words), for the page and its
  // facets; a term expanded before under the read cache's current generation is not looked up again.
  const kept = opts.generation ? { expansions: deps.termExpansions, generation: opts.generation } : undefined;
  const expanded = terms.length > 0 ? await listingStore.expand(deps.db, terms, kept) : undefined;
  // A public listing is answered from the search index when it is current under the generation
  // this request saw (and can answer it exactly); otherwise by PostgreSQL: the first page with its
  // facets in one statement, a later page alone.
  const fromIndex = kept && req.status === 'published' && !req.skuPrefix && deps.searchIndex.current(kept.generation) ? deps.searchIndex.list(req, expanded) : null;
  const { rows, facets } =
    fromIndex ??
    (cursor ? { rows: await listingStore.page(deps.db, req, expanded), facets: undefined } : await listingStore.firstPage(deps.db, req, expanded));
  // An unknown category matches nothing; only then is it looked up, to answer 404 rather than an empty page.
  if (rows.length === 0 && query.category && !(fromIndex ? deps.searchIndex.hasCategory(query.category) : await categoriesStore.get(deps.db, query.category))) throw new CategoryNotFound();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    /** Listing rows, for the presenter (with the currency their prices are in). */
    items: page,
    currency,
    nextCursor: rows.length > limit && last ? encodeCursor({ sort, keys: last.keys, id: last.id }) : null,
    ...(facets ? { facets: { ...facets, currency } } : {}),
  };
}

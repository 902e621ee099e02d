import type { Authenticator, Db, Logger, Outbox } from '@mercato/chassis';
import type { ReadCache } from './cache/read-cache.js';
import type { CatalogConfig } from './config.js';
import type { MediaStore } from './media/media-store.js';
import type { SearchIndex } from './search/search-index.js';
import type { TermExpansions } from './search/term-expansions.js';

/** What the use cases of this service need; wired by `service.ts`. */
export interface CatalogDeps {
  db: Db;
  outbox: Outbox;
  logger: Logger;
  authenticator: Authenticator;
  cache: ReadCache;
  config: CatalogConfig;
  /** Where uploaded images' bytes live. */
  media: MediaStore;
  /** Query terms' expansions kept between searches, under the read cache's generation. */
  termExpansions: TermExpansions;
  /** The published catalog in this process, for public listings and searches. */
  searchIndex: SearchIndex;
}

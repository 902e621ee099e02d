import type { Authenticator, Db, Logger, Outbox } from '@mercato/chassis';
import type { ReadCache } from './cache/read-cache.js';
import type { CatalogConfig } from './config.js';
import type { MediaStore } from './media/media-store.js';

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
}

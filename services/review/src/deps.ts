import type { Authenticator, Db, Logger, Outbox } from '@mercato/chassis';
import type { SummaryCache } from './summaries/summary-cache.js';

/** What the use cases of this service need; wired by `service.ts`. */
export interface ReviewDeps {
  db: Db;
  outbox: Outbox;
  logger: Logger;
  authenticator: Authenticator;
  summaries: SummaryCache;
}

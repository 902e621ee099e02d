import type { Authenticator, Db, Logger, Outbox } from '@mercato/chassis';
import type { InventoryConfig } from './config.js';

/** What the use cases of this service need; wired by `service.ts`. */
export interface InventoryDeps {
  db: Db;
  outbox: Outbox;
  logger: Logger;
  /** Verifies access tokens against the auth service's published keys. */
  authenticator: Authenticator;
  config: InventoryConfig;
}

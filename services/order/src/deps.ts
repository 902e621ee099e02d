import type { Authenticator, Db, Logger, Outbox } from '@mercato/chassis';
import type { OrderConfig } from './config.js';
import type { SettledOrders } from './orders/settled-orders.js';

/** What the use cases of this service need; wired by `service.ts`. */
export interface OrderDeps {
  db: Db;
  outbox: Outbox;
  logger: Logger;
  authenticator: Authenticator;
  config: OrderConfig;
  settled: SettledOrders;
}

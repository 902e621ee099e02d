import type { Authenticator, Db, Logger, Outbox } from '@mercato/chassis';
import type { Buyers } from './clients/buyers.js';
import type { StockLevels } from './clients/stock-levels.js';
import type { OrderConfig } from './config.js';
import type { SettledOrders } from './orders/settled-orders.js';
import type { PaymentProviders } from './clients/payment-providers.js';

/** What the use cases of this service need; wired by `service.ts`. */
export interface OrderDeps {
  db: Db;
  outbox: Outbox;
  logger: Logger;
  authenticator: Authenticator;
  config: OrderConfig;
  settled: SettledOrders;
  /** Inventory's stock levels, for cart views. */
  stock: StockLevels;
  /** A signed-in buyer's email and saved addresses, from the user service, for the checkout. */
  buyers: Buyers;
  /** The providers the shop takes, from the payment service (checked at checkout). */
  payments: PaymentProviders;
}

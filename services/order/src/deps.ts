import type { Authenticator, Db, Logger, Outbox } from '@mercato/chassis';
import type { OrderConfig } from './config.js';
import type { SettledOrders } from './orders/settled-orders.js';
import type { PaymentProviders } from './payments/payment-providers.js';

/** What the use cases of this service need; wired by `service.ts`. */
export interface OrderDeps {
  db: Db;
  outbox: Outbox;
  logger: Logger;
  authenticator: Authenticator;
  config: OrderConfig;
  settled: SettledOrders;
  /** The providers the shop takes, from the payment service (checked at checkout). */
  payments: PaymentProviders;
}

import { fileURLToPath } from 'node:url';
import { createAuthenticator, createServiceClient, loadAccessTokenSettings, type ServiceClient, type ServiceModule } from '@mercato/chassis';
import { userServiceBuyers } from './clients/buyers.js';
import { inventoryStockLevels } from './clients/stock-levels.js';
import { loadOrderConfig } from './config.js';
import { consumers } from './consumers/index.js';
import type { OrderDeps } from './deps.js';
import { registerRoutes } from './http/routes.js';
import { SettledOrders } from './orders/settled-orders.js';
import { ordersStore } from './orders/orders.store.js';
import { PaymentProviders } from './clients/payment-providers.js';
import { cancelOverduePaymentsJob } from './jobs/cancel-overdue-payments.job.js';
import { expireCartsJob } from './jobs/expire-carts.job.js';
import { expireIdempotencyKeysJob } from './jobs/expire-idempotency-keys.job.js';
import { refreshOrderStatsJob } from './jobs/refresh-order-stats.job.js';

/**
 * The order service. It owns carts, priced from its own projection of the catalog, the
 * checkout that turns a cart into an order, and the saga that takes the order to confirmed or
 * cancelled (stock, payment, timeout), then shipping and refunds. See README.md for its endpoints and events.
 */
export const orderService: ServiceModule = {
  name: 'order',
  title: 'mercato order service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  // Stock levels for carts, a signed-in buyer's email and saved addresses for the checkout, the
  // payment providers the shop takes.
  peers: ['inventory', 'user', 'payment'],
  async create({ db, outbox, logger, env, metrics, peers }) {
    const config = loadOrderConfig(env);
    const authenticator = createAuthenticator({ settings: loadAccessTokenSettings(env), logger });
    const settled = new SettledOrders(db, logger);
    metrics.gauge('mercato_orders', 'Orders by state (pending, awaiting_payment, confirmed, shipped, delivered, cancelled, refunded)', ['status'], async (g) => {
      g.reset();
      for (const r of await ordersStore.countByStatus(db)) g.set({ status: r.status }, r.n);
    });
    // Made on first use: under the embedded launcher the other services' ports are known only once they listen.
    const client = (name: 'inventory' | 'user' | 'payment', timeoutMs: number, retries: number) => {
      let made: ServiceClient | undefined;
      return () => (made ??= createServiceClient({ name, baseUrl: peers(name), timeoutMs, retries }));
    };
    const stock = inventoryStockLevels(client('inventory', config.stockTimeoutMs, 0), logger);
    const buyers = userServiceBuyers(client('user', config.userTimeoutMs, 1));
    // The providers the shop takes, checked at checkout (see clients/payment-providers.ts).
    const payments = new PaymentProviders({ client: client('payment', 2_000, 1), logger });
    const deps: OrderDeps = { db, outbox, logger, authenticator, config, settled, stock, buyers, payments };
    return {
      routes: (app) => registerRoutes(app, deps),
      consumers: consumers({ paymentTimeoutSeconds: config.paymentTimeoutSeconds }),
      jobs: [expireCartsJob(deps), expireIdempotencyKeysJob(deps), cancelOverduePaymentsJob(deps), refreshOrderStatsJob(deps)],
      onClose: () => settled.close(),
    };
  },
};

export { expireCarts } from './carts/expire-carts.js';

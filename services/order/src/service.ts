import { fileURLToPath } from 'node:url';
import { createAuthenticator, loadAccessTokenSettings, type ServiceModule } from '@mercato/chassis';
import { loadOrderConfig } from './config.js';
import { consumers } from './consumers/index.js';
import type { OrderDeps } from './deps.js';
import { registerRoutes } from './http/routes.js';
import { SettledOrders } from './orders/settled-orders.js';
import { ordersStore } from './orders/orders.store.js';
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
  async create({ db, outbox, logger, env, metrics }) {
    const config = loadOrderConfig(env);
    const authenticator = createAuthenticator({ settings: loadAccessTokenSettings(env), logger });
    const settled = new SettledOrders(db, logger);
    metrics.gauge('mercato_orders', 'Orders by state (pending, awaiting_payment, confirmed, shipped, delivered, cancelled, refunded)', ['status'], async (g) => {
      g.reset();
      for (const r of await ordersStore.countByStatus(db)) g.set({ status: r.status }, r.n);
    });
    const deps: OrderDeps = { db, outbox, logger, authenticator, config, settled };
    return {
      routes: (app) => registerRoutes(app, deps),
      consumers: consumers({ paymentTimeoutSeconds: config.paymentTimeoutSeconds }),
      jobs: [expireCartsJob(deps), expireIdempotencyKeysJob(deps), cancelOverduePaymentsJob(deps), refreshOrderStatsJob(deps)],
      onClose: () => settled.close(),
    };
  },
};

export { expireCarts } from './carts/expire-carts.js';

import { fileURLToPath } from 'node:url';
import { createAuthenticator, loadAccessTokenSettings, type ServiceModule } from '@mercato/chassis';
import { demoStock } from '@mercato/demo-data';
import { loadInventoryConfig } from './config.js';
import { consumers } from './consumers/index.js';
import type { InventoryDeps } from './deps.js';
import { registerRoutes } from './http/routes.js';
import { expireReservationsJob } from './jobs/expire-reservations.job.js';
import { seedStock } from './stock/seed-stock.js';

export { seedStock, type SeedLevel } from './stock/seed-stock.js';

/**
 * The inventory service: stock per SKU per warehouse, reservations that never oversell, and the
 * ledger of every movement. See README.md for endpoints, events and design notes.
 */
export const inventoryService: ServiceModule = {
  name: 'inventory',
  title: 'mercato inventory service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create({ db, outbox, logger, env }) {
    const config = loadInventoryConfig(env);
    const authenticator = createAuthenticator({ settings: loadAccessTokenSettings(env), logger });
    const deps: InventoryDeps = { db, outbox, logger, authenticator, config };
    if (config.demoStock) {
      // The demo shop's stock, once per SKU (the ledger remembers): with the catalog's demo
      // products it makes a shop that sells from the first start.
      const { applied } = await seedStock(db, outbox, demoStock(), { reason: 'demo stock' });
      if (applied > 0) logger.info({ skus: applied }, 'demo stock seeded');
    }
    return {
      routes: (app) => registerRoutes(app, deps),
      consumers: consumers({ reservationTtlSeconds: config.reservationTtlSeconds }),
      jobs: [expireReservationsJob(deps)],
    };
  },
};

import { fileURLToPath } from 'node:url';
import type { ServiceModule } from '@mercato/chassis';

/**
 * The order service: carts, orders, order history, the checkout saga.
 * Its routes, consumers and jobs arrive with the issue that builds this capability; until then
 * it runs on the chassis alone (health, readiness, OpenAPI, event tables, dead-letter store).
 */
export const orderService: ServiceModule = {
  name: 'order',
  title: 'mercato order service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create() {
    return {};
  },
};

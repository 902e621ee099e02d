import { fileURLToPath } from 'node:url';
import type { ServiceModule } from '@mercato/chassis';

/**
 * The inventory service: stock per SKU per warehouse, reservations.
 * Its routes, consumers and jobs arrive with the issue that builds this capability; until then
 * it runs on the chassis alone (health, readiness, OpenAPI, event tables, dead-letter store).
 */
export const inventoryService: ServiceModule = {
  name: 'inventory',
  title: 'mercato inventory service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create() {
    return {};
  },
};

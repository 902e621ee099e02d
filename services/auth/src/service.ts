import { fileURLToPath } from 'node:url';
import type { ServiceModule } from '@mercato/chassis';

/**
 * The auth service: credentials, sessions, refresh tokens, signing keys, OAuth links.
 * Its routes, consumers and jobs arrive with the issue that builds this capability; until then
 * it runs on the chassis alone (health, readiness, OpenAPI, event tables, dead-letter store).
 */
export const authService: ServiceModule = {
  name: 'auth',
  title: 'mercato auth service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create() {
    return {};
  },
};

import { fileURLToPath } from 'node:url';
import type { ServiceModule } from '@mercato/chassis';

/**
 * The notification service: email, SMS, push; templates; preferences; delivery log.
 * Its routes, consumers and jobs arrive with the issue that builds this capability; until then
 * it runs on the chassis alone (health, readiness, OpenAPI, event tables, dead-letter store).
 */
export const notificationService: ServiceModule = {
  name: 'notification',
  title: 'mercato notification service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create() {
    return {};
  },
};

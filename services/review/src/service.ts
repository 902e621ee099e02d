import { fileURLToPath } from 'node:url';
import type { ServiceModule } from '@mercato/chassis';

/**
 * The review service: ratings, feedback, moderation, rating summaries.
 * Its routes, consumers and jobs arrive with the issue that builds this capability; until then
 * it runs on the chassis alone (health, readiness, OpenAPI, event tables, dead-letter store).
 */
export const reviewService: ServiceModule = {
  name: 'review',
  title: 'mercato review service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create() {
    return {};
  },
};

import { fileURLToPath } from 'node:url';
import { ChangeSignal, createAuthenticator, loadAccessTokenSettings, type ServiceModule } from '@mercato/chassis';
import { loadReviewConfig } from './config.js';
import { consumers } from './consumers/index.js';
import type { ReviewDeps } from './deps.js';
import { fastSummary } from './http/fast-summary.js';
import { registerRoutes } from './http/routes.js';
import { SummaryCache } from './summaries/summary-cache.js';

/**
 * The review service: who may review (delivered purchases), reviews with moderation on write,
 * moderators' actions, reports, helpful votes, and each product's rating summary, recomputed in
 * SQL and announced as ReviewSummaryChanged. See README.md for endpoints and events.
 */
export const reviewService: ServiceModule = {
  name: 'review',
  title: 'mercato review service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create({ db, outbox, logger, env, settings }) {
    const config = loadReviewConfig(env);
    const authenticator = createAuthenticator({ settings: loadAccessTokenSettings(env), logger });
    // Every change to a product's published reviews is told to the edge caches that keep rating
    // summaries: a gateway in this process (the signal), every gateway replica (Redis).
    const changes = new ChangeSignal();
    const generation = settings.redisUrl
      ? new (await import('./summaries/edge-generation.js')).EdgeGeneration({ url: settings.redisUrl, prefix: config.cachePrefix, logger })
      : undefined;
    const summaries = new SummaryCache(db, logger, {
      ttlMs: config.summaryCacheMs,
      maxEntries: 50_000,
      onChange: () => {
        changes.changed();
        return generation?.bump();
      },
    });
    await summaries.start();
    const deps: ReviewDeps = { db, outbox, logger, authenticator, summaries };
    return {
      routes: (app) => registerRoutes(app, deps),
      consumers: consumers({ demoData: config.demoData }),
      onClose: async () => {
        await summaries.close();
        generation?.close();
      },
      changes,
      ...(config.summaryCacheMs > 0 ? { fastPath: fastSummary(summaries) } : {}),
    };
  },
};

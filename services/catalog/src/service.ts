import { fileURLToPath } from 'node:url';
import { ChangeSignal, createAuthenticator, loadAccessTokenSettings, type ServiceModule } from '@mercato/chassis';
import { countingHits, noCache, MemoryReadCache, signalling, type ReadCache } from './cache/read-cache.js';
import { loadCatalogConfig } from './config.js';
import { consumers } from './consumers/index.js';
import type { CatalogDeps } from './deps.js';
import { seedDemoCatalog } from './demo/seed-demo-catalog.js';
import { fastReads } from './http/fast-reads.js';
import { registerRoutes } from './http/routes.js';
import { FileMediaStore, PostgresMediaStore } from './media/media-store.js';
import { SearchIndex } from './search/search-index.js';
import { TermExpansions } from './search/term-expansions.js';

/**
 * The catalog service: products, variants, prices, categories, search. See README.md for its
 * endpoints and events.
 */
export const catalogService: ServiceModule = {
  name: 'catalog',
  title: 'mercato catalog service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create({ db, outbox, logger, env, settings, metrics }) {
    const config = loadCatalogConfig(env, settings.redisUrl);
    const hits = metrics.counter('mercato_cache_requests_total', 'Read-cache lookups by cache and result (hit, miss)', ['cache', 'result']);
    const store: ReadCache =
      config.cache === 'redis'
        ? // The Redis client is loaded only in the distributed mode that uses it.
          new (await import('./cache/redis-read-cache.js')).RedisReadCache({ url: settings.redisUrl!, prefix: config.cachePrefix, ttlSeconds: config.cacheTtlSeconds, logger })
        : config.cache === 'memory'
          ? new MemoryReadCache({ maxEntries: config.cacheEntries, ttlMs: config.cacheTtlSeconds * 1000 })
          : noCache;
    // Every invalidation (after a write has committed) is told to an edge cache in the same process too.
    const changes = new ChangeSignal();
    const cache = signalling(countingHits(store, (result) => hits.inc({ cache: 'catalog', result })), changes);
    const authenticator = createAuthenticator({ settings: loadAccessTokenSettings(env), logger });
    const media = config.media.kind === 'fs' ? new FileMediaStore(config.media.dir) : new PostgresMediaStore(db);
    const termExpansions = new TermExpansions(config.searchTermsKept);
    const searchIndex = new SearchIndex(db, logger, { maxProducts: config.searchIndexProducts, maxAgeMs: config.searchIndexMaxAgeSeconds * 1000 });
    const deps: CatalogDeps = { db, outbox, logger, authenticator, cache, config, media, termExpansions, searchIndex };

    if (config.demoData) await seedDemoCatalog(deps);
    return {
      routes: (app) => registerRoutes(app, deps),
      fastPath: cache.kind === 'off' ? undefined : fastReads(cache, config.httpMaxAge),
      // What an event handler changes leaves the cache once its own transaction has committed.
      consumers: consumers(() => cache.invalidate()),
      onClose: async () => {
        await searchIndex.settled();
        await cache.close();
      },
      changes,
    };
  },
};

export { seedDemoCatalog } from './demo/seed-demo-catalog.js';
export type { ReadCache } from './cache/read-cache.js';

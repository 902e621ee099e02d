import { loadConfig } from '@mercato/chassis';
import { isCurrency } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';

const int = (description: string, min: number, max: number, dflt: number) =>
  Type.Integer({ minimum: min, maximum: max, default: dflt, description: `${description}: an integer from ${min} to ${max}` });
const bool = (description: string, dflt: boolean) => Type.Boolean({ default: dflt, description: `${description}: true or false` });

/** The catalog's own variables (the chassis reads the common ones, REDIS_URL among them). */
export const catalogConfigSchema = Type.Object(
  {
    CATALOG_DEFAULT_CURRENCY: Type.String({ pattern: '^[A-Z]{3}$', default: 'USD', description: 'the currency listings price in when a request names none, an ISO 4217 code' }),
    CATALOG_CACHE: Type.Union([Type.Literal('auto'), Type.Literal('memory'), Type.Literal('redis'), Type.Literal('off')], {
      default: 'auto',
      description: 'the read cache: auto (Redis when REDIS_URL is set, else memory), memory, redis or off',
    }),
    CATALOG_CACHE_PREFIX: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9:._-]+$', default: 'mercato:catalog:', description: 'the prefix of the catalog\'s Redis keys' }),
    CATALOG_CACHE_TTL_SECONDS: int('how long a cached read lives', 1, 86_400, 300),
    CATALOG_CACHE_ENTRIES: int('cached reads kept in memory', 10, 1_000_000, 10_000),
    CATALOG_SEARCH_TERMS_KEPT: int("query terms whose expansions (the indexed words each is close to) are kept in memory between searches, under the read cache's generation; 0 keeps none", 0, 1_000_000, 10_000),
    CATALOG_SEARCH_INDEX_PRODUCTS: int(
      'published products up to which public listings and searches are answered from an index in each catalog process, kept in step with the database (above it, and with 0, PostgreSQL answers them)',
      0,
      1_000_000,
      50_000,
    ),
    CATALOG_SEARCH_INDEX_MAX_AGE_SECONDS: int('the oldest the search index may be and still answer, changes or not: the bound on a change whose signal was lost', 1, 3600, 30),
    CATALOG_HTTP_MAX_AGE: int('the max-age, in seconds, sent to browsers and CDNs with anonymous reads', 0, 86_400, 30),
    CATALOG_DEMO_DATA: bool('seed the demo catalog on first start', false),
    CATALOG_MEDIA_STORE: Type.Union([Type.Literal('auto'), Type.Literal('fs'), Type.Literal('postgres')], {
      default: 'auto',
      description: "where uploaded images are kept: fs (files under CATALOG_MEDIA_DIR), postgres (the catalog's database), or auto (fs when CATALOG_MEDIA_DIR is set, else postgres)",
    }),
    CATALOG_MEDIA_DIR: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'the folder of uploaded images (the data folder under npm start; a volume shared by replicas otherwise)' })),
  },
  { additionalProperties: true },
);

export interface CatalogConfig {
  defaultCurrency: string;
  cache: 'memory' | 'redis' | 'off';
  cachePrefix: string;
  cacheTtlSeconds: number;
  cacheEntries: number;
  /** Query terms' expansions kept in memory (0: none). */
  searchTermsKept: number;
  /** Published products up to which the search index is kept (0: none). */
  searchIndexProducts: number;
  searchIndexMaxAgeSeconds: number;
  httpMaxAge: number;
  demoData: boolean;
  media: { kind: 'fs'; dir: string } | { kind: 'postgres' };
}

export function loadCatalogConfig(env: NodeJS.ProcessEnv, redisUrl: string | undefined): CatalogConfig {
  const c = loadConfig(catalogConfigSchema, env);
  if (!isCurrency(c.CATALOG_DEFAULT_CURRENCY)) {
    throw new Error(`CATALOG_DEFAULT_CURRENCY: ${c.CATALOG_DEFAULT_CURRENCY} is not an ISO 4217 currency`);
  }
  if (c.CATALOG_CACHE === 'redis' && !redisUrl) throw new Error('CATALOG_CACHE: redis needs REDIS_URL');
  const cache = c.CATALOG_CACHE === 'auto' ? (redisUrl ? 'redis' : 'memory') : c.CATALOG_CACHE;
  const mediaKind = c.CATALOG_MEDIA_STORE === 'auto' ? (c.CATALOG_MEDIA_DIR ? 'fs' : 'postgres') : c.CATALOG_MEDIA_STORE;
  if (mediaKind === 'fs' && !c.CATALOG_MEDIA_DIR) throw new Error('CATALOG_MEDIA_STORE: fs needs CATALOG_MEDIA_DIR');
  return {
    defaultCurrency: c.CATALOG_DEFAULT_CURRENCY,
    cache,
    cachePrefix: c.CATALOG_CACHE_PREFIX,
    cacheTtlSeconds: c.CATALOG_CACHE_TTL_SECONDS,
    cacheEntries: c.CATALOG_CACHE_ENTRIES,
    searchTermsKept: c.CATALOG_SEARCH_TERMS_KEPT,
    searchIndexProducts: c.CATALOG_SEARCH_INDEX_PRODUCTS,
    searchIndexMaxAgeSeconds: c.CATALOG_SEARCH_INDEX_MAX_AGE_SECONDS,
    httpMaxAge: c.CATALOG_HTTP_MAX_AGE,
    demoData: c.CATALOG_DEMO_DATA,
    media: mediaKind === 'fs' ? { kind: 'fs', dir: c.CATALOG_MEDIA_DIR! } : { kind: 'postgres' },
  };
}

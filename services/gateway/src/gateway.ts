import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createHttpApp,
  createLogger,
  installTlsForFetch,
  JwksCache,
  loadMetricsSettings,
  SessionGenerations,
  sessionGenerationsUrl,
  ConfigError,
  type BreakerSnapshot,
  type ChangeSignal,
  type HttpApp,
  type Logger,
  type ServiceName,
} from '@mercato/chassis';
import { loadGatewaySettings, type GatewaySettings } from './config.js';
import { registerAdminOps } from './admin-ops.js';
import { EdgeGuard } from './edge-auth.js';
import { MemoryEdgeStore, RedisEdgeStore, type EdgeStore } from './edge-cache.js';
import { createOpenApiSource, registerOpenApiRoutes } from './openapi.routes.js';
import { FastProxy } from './proxy.js';
import { MemoryRateStore, RateLimiter, RedisRateStore, type RateStore } from './rate-limit.js';
import { createUpstreams, OPENAPI_CLASS } from './upstreams.js';
import { WebFront } from './web.js';
import { openGatewayMetrics, type GatewayMetrics } from './gateway-metrics.js';
import { createPublicServer, createRedirectServer, loadGatewayTls, type GatewayTls } from './https.js';

export { loadGatewaySettings, type GatewaySettings } from './config.js';
export { resolveRoute, SEGMENTS, UPSTREAMS, type UpstreamName } from './routes.js';

export interface GatewayOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Bind the port (false for tests that use app.inject, which reaches the gateway's own routes only). */
  listen?: boolean;
  /** The services' base URLs, over `<SVC>_URL` (the embedded launcher passes the ports it bound). */
  upstreams?: Partial<Record<ServiceName, string>>;
  /** The rate limit counters (default: Redis when `REDIS_URL` is set, else in memory). */
  rateStore?: RateStore;
  /** The web app's URL and the key it proves itself with, over `WEB_URL` and `GATEWAY_FRONTEND_KEY` (the embedded launcher passes them). */
  web?: { url?: string; frontendKey?: string; timeoutMs?: number };
  /** The catalog's change signal when it runs in the same process (embedded mode): the in-memory edge cache purges on it. */
  catalogChanges?: ChangeSignal | undefined;
  /** The review service's, likewise: the rating summaries kept in memory are purged on it. */
  reviewChanges?: ChangeSignal | undefined;
}

export interface RunningGateway {
  /** The gateway's own routes (health, OpenAPI, docs, 404/405); the proxied ones are not in it. */
  app: HttpApp;
  /** Base URL once listening. */
  url: string;
  settings: GatewaySettings;
  logger: Logger;
  /** `http://…/metrics` when METRICS_PORT is set. */
  metricsUrl: string | undefined;
  /** Stops accepting requests and waits for the in-flight ones. */
  closeHttp(): Promise<void>;
  /** closeHttp, then the upstream connections. */
  stop(): Promise<void>;
  /** The state of every circuit, per service and route class (for health pages and metrics). */
  breakers(): BreakerSnapshot[];
  /** The edge cache in use, if any (`memory` or `redis`). */
  cache: EdgeStore['kind'] | undefined;
}

/**
 * The edge caches, one per service whose public reads are kept (the catalog's pages and the review
 * service's rating summaries), each purged by its own service's generation: in Redis (the
 * service moves `<prefix>gen` on after every change), or in memory when the service runs in the
 * same process and says when it changed. Never one that nothing would purge.
 */
function createEdgeStores(settings: GatewaySettings, changes: Partial<Record<'catalog' | 'review', ChangeSignal>>, logger: Logger): Map<string, EdgeStore> {
  const stores = new Map<string, EdgeStore>();
  const mode = settings.cache === 'auto' ? (settings.redisUrl ? 'redis' : changes.catalog ? 'memory' : 'off') : settings.cache;
  if (mode === 'redis') {
    if (!settings.redisUrl) throw new ConfigError('Configuration error: GATEWAY_CACHE=redis needs REDIS_URL');
    const shared = { url: settings.redisUrl, maxTtlMs: settings.cacheMaxTtlMs, maxBytes: settings.cacheMaxBytes, logger };
    stores.set('catalog', new RedisEdgeStore({ ...shared, generationKey: settings.cacheGenerationKey, prefix: settings.cachePrefix }));
    stores.set('review', new RedisEdgeStore({ ...shared, generationKey: settings.reviewCacheGenerationKey, prefix: settings.reviewCachePrefix }));
  } else if (mode === 'memory') {
    if (!changes.catalog) {
      throw new ConfigError('Configuration error: GATEWAY_CACHE=memory needs the catalog in the same process (the embedded mode); use redis (with REDIS_URL) otherwise');
    }
    stores.set('catalog', new MemoryEdgeStore({ maxBytes: settings.cacheMaxBytes, changes: changes.catalog }));
    // Each store is bounded on its own: the summaries are small, a sixteenth of the budget holds every product's.
    if (changes.review) stores.set('review', new MemoryEdgeStore({ maxBytes: Math.max(1024 * 1024, Math.floor(settings.cacheMaxBytes / 16)), changes: changes.review }));
  }
  return stores;
}

const VERSION = '0.1.0';

/**
 * The gateway: the only public entry. Routes /api/v1/<segment>/… to the owning service, with
 * a circuit breaker per service and route class, and serves the merged OpenAPI document and the API reference.
 *
 * Its node:http server hands the proxied routes to the fast proxy and every other request to
 * Fastify (`app.routing`), whose own server never listens.
 */
export async function startGateway(opts: GatewayOptions = {}): Promise<RunningGateway> {
  const settings = loadGatewaySettings(opts.env ?? process.env, opts.upstreams, opts.web);
  const metricsSettings = loadMetricsSettings(opts.env ?? process.env);
  const tls = loadGatewayTls(opts.env ?? process.env);
  installTlsForFetch(tls.material);
  const logger = opts.logger ?? createLogger({ service: 'gateway', level: settings.logLevel });
  const edgeStores = createEdgeStores(settings, { catalog: opts.catalogChanges, review: opts.reviewChanges }, logger);
  const upstreams = createUpstreams(settings, logger, tls.material);
  const rateStore = opts.rateStore ?? (settings.redisUrl ? new RedisRateStore(settings.redisUrl, settings.rateLimitPrefix, logger) : new MemoryRateStore());
  const web = new WebFront({
    webUrl: settings.webUrl,
    corsOrigins: settings.corsOrigins,
    frontendKey: settings.frontendKey,
    connectTimeoutMs: settings.connectTimeoutMs,
    upstreamTimeoutMs: opts.web?.timeoutMs ?? settings.upstreamTimeoutMs,
    trustForwarded: settings.trustForwarded,
    https: tls.https,
    onDone: (...args) => metrics?.proxied(...args),
    logger,
  });
  const closePools = () =>
    Promise.all([...Object.values(upstreams).map((u) => u.close()), opts.rateStore ? undefined : rateStore.close(), web.close(), ...[...edgeStores.values()].map((s) => s.close())]).then(() => undefined);
  // The keys are fetched on the first request that carries a token, not at start.
  const jwks = new JwksCache({ url: settings.jwksUrl, logger, fetchTimeoutMs: Math.min(settings.upstreamTimeoutMs, 2_000) });
  const guard = new EdgeGuard({
    jwks,
    // Read next to the JWKS, refreshed in the background: a password reset revokes tokens here within seconds.
    generations: new SessionGenerations({ url: sessionGenerationsUrl(settings.jwksUrl), logger, fetchTimeoutMs: Math.min(settings.upstreamTimeoutMs, 1_000) }),
    issuer: settings.tokenIssuer,
    audience: settings.tokenAudience,
    limiter: new RateLimiter(rateStore, { ip: settings.rateLimitIp, user: settings.rateLimitUser }, logger),
  });
  const proxy = new FastProxy({
    guard,
    upstreams,
    upstreamTimeoutMs: settings.upstreamTimeoutMs,
    maxPreferWaitSeconds: settings.maxPreferWaitSeconds,
    bodyLimitBytes: settings.httpBodyLimitBytes,
    uploadLimitBytes: settings.uploadLimitBytes,
    trustForwarded: settings.trustForwarded,
    clientOf: (req) => web.forwardedClient(req),
    cache: edgeStores.size === 0 ? undefined : { stores: edgeStores, maxTtlMs: settings.cacheMaxTtlMs, maxBodyBytes: settings.cacheMaxBodyBytes },
    logger,
    onDone: (...args) => metrics?.proxied(...args),
  });

  let app: HttpApp | undefined;
  let metrics: GatewayMetrics | undefined;
  let server: Server;
  let redirect: Server | undefined;
  let url = '';
  try {
    app = await createHttpApp({
      service: 'gateway',
      version: VERSION,
      logger,
      bodyLimitBytes: settings.httpBodyLimitBytes,
      requestTimeoutMs: settings.httpRequestTimeoutMs,
      openapi: { title: 'mercato gateway' },
      // The proxy passes request id and trace on in headers; nothing here reads an async context.
      requestContext: false,
    });
    const breakers = Object.fromEntries(Object.values(upstreams).map((u) => [u.name, u.breaker(OPENAPI_CLASS)])) as Parameters<typeof createOpenApiSource>[0]['breakers'];
    const source = createOpenApiSource({
      upstreams: settings.upstreams,
      breakers,
      cacheMs: settings.openapiCacheMs,
      timeoutMs: Math.min(settings.upstreamTimeoutMs, 3_000),
      version: VERSION,
      logger,
      own: () => app!.swagger() as unknown as Record<string, unknown>,
    });
    await registerOpenApiRoutes(app, source);
    registerAdminOps(app, {
      upstreams: settings.upstreams,
      opsToken: settings.opsToken,
      guard,
      timeoutMs: Math.min(settings.upstreamTimeoutMs, 5_000),
      trustForwarded: settings.trustForwarded,
      logger,
    });
    metrics = await openGatewayMetrics(app, upstreams, metricsSettings, opts.listen !== false);
    await app.ready();
    server = createGatewayServer(app, proxy, web, tls);
    if (opts.listen !== false) {
      await listen(server, settings.port, settings.host);
      url = baseUrl(server.address() as AddressInfo, tls.https ? 'https' : 'http');
      logger.info({ url, upstreams: settings.upstreams }, 'gateway listening');
      if (tls.redirectPort !== undefined) {
        redirect = createRedirectServer(() => (server.address() as AddressInfo).port);
        await listen(redirect, tls.redirectPort, settings.host);
        logger.info({ url: baseUrl(redirect.address() as AddressInfo, 'http') }, 'redirecting plain HTTP to HTTPS');
      }
    }
  } catch (err) {
    await app?.close();
    await metrics?.close();
    await closePools();
    throw err;
  }
  if (metrics?.url) logger.info({ url: metrics.url }, 'metrics listening');

  // Both idempotent: the launcher closes every server's HTTP side first, then stops them all.
  let httpClosed: Promise<void> | undefined;
  let stopped: Promise<void> | undefined;
  const gateway: RunningGateway = {
    app,
    url,
    settings,
    logger,
    metricsUrl: metrics?.url,
    closeHttp() {
      httpClosed ??= (async () => {
        // New requests get 503 and every answer from now on closes its connection. Node closes
        // the idle connections once, at close(); one whose answer had started before goes idle
        // later, so they are swept until every connection is gone. Fastify's side closes last.
        proxy.closing = true;
        web.closing = true;
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        await new Promise<void>((resolve) => server.close(() => resolve()));
        clearInterval(sweep);
        if (redirect) await new Promise<void>((resolve) => redirect!.close(() => resolve()));
        await app.close();
      })();
      return httpClosed;
    },
    cache: edgeStores.get('catalog')?.kind,
    breakers: () => Object.values(upstreams).flatMap((u) => [...u.breakers().values()].map((b) => b.snapshot())),
    stop() {
      stopped ??= (async () => {
        await gateway.closeHttp();
        await metrics?.close();
        await closePools();
      })();
      return stopped;
    },
  };
  return gateway;
}

/** The gateway's server: CORS first, proxied routes to the fast proxy, pages to the web app, the rest to Fastify. */
function createGatewayServer(app: HttpApp, proxy: FastProxy, web: WebFront, tls: GatewayTls): Server {
  const server = createPublicServer(tls, (req, res) => {
    if (web.cors(req, res)) return;
    if (!proxy.handle(req, res) && !web.handle(req, res)) app.routing(req, res);
  });
  server.on('upgrade', (req, socket, head) => {
    if (!web.upgrade(req, socket, head)) socket.destroy();
  });
  // The chassis's limits and answers to malformed requests, as set on Fastify's own server.
  server.requestTimeout = app.server.requestTimeout;
  server.headersTimeout = app.server.headersTimeout;
  server.keepAliveTimeout = app.server.keepAliveTimeout;
  server.timeout = app.server.timeout;
  for (const listener of app.server.listeners('clientError')) server.on('clientError', listener as (...args: unknown[]) => void);
  return server;
}

/** The URL to reach a bound address at (an unspecified IPv4 address is reached on loopback). */
function baseUrl(address: AddressInfo, scheme: 'http' | 'https'): string {
  const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${scheme}://${host}:${address.port}`;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

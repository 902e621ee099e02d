import { createHttpApp, createLogger, type HttpApp, type Logger, type ServiceName } from '@mercato/chassis';
import { loadGatewaySettings, type GatewaySettings } from './config.js';
import { createOpenApiSource, registerOpenApiRoutes } from './openapi.routes.js';
import { createUpstreams, registerProxyRoutes } from './proxy.js';
import { API_PREFIX } from './routes.js';

export { loadGatewaySettings, type GatewaySettings } from './config.js';
export { resolveRoute, SEGMENTS, UPSTREAMS, type UpstreamName } from './routes.js';

export interface GatewayOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Bind the port (false for tests that use app.inject). */
  listen?: boolean;
  /** The services' base URLs, over `<SVC>_URL` (the embedded launcher passes the ports it bound). */
  upstreams?: Partial<Record<ServiceName, string>>;
}

export interface RunningGateway {
  app: HttpApp;
  /** Base URL once listening. */
  url: string;
  settings: GatewaySettings;
  logger: Logger;
  /** Stops accepting requests and waits for the in-flight ones. */
  closeHttp(): Promise<void>;
  /** closeHttp, then the upstream connections. */
  stop(): Promise<void>;
}

const VERSION = '0.1.0';

/**
 * The gateway: the only public entry. Routes /api/v1/<segment>/… to the owning service, with
 * a circuit breaker per service, and serves the merged OpenAPI document and the API reference.
 */
export async function startGateway(opts: GatewayOptions = {}): Promise<RunningGateway> {
  const settings = loadGatewaySettings(opts.env ?? process.env, opts.upstreams);
  const logger = opts.logger ?? createLogger({ service: 'gateway', level: settings.logLevel });
  const upstreams = createUpstreams(settings, logger);
  const closePools = () => Promise.all(Object.values(upstreams).map((u) => u.pool.close())).then(() => undefined);

  let app: HttpApp;
  try {
    app = await createHttpApp({
      service: 'gateway',
      version: VERSION,
      logger,
      bodyLimitBytes: settings.httpBodyLimitBytes,
      requestTimeoutMs: settings.httpRequestTimeoutMs,
      openapi: { title: 'mercato gateway' },
      allowUnboundedRoutes: (url) => url.startsWith(`${API_PREFIX}/`) || url.startsWith('/.well-known/'),
      // The proxy passes request id and trace on in headers; nothing here reads an async context.
      requestContext: false,
    });
    await registerProxyRoutes(app, {
      upstreams,
      upstreamTimeoutMs: settings.upstreamTimeoutMs,
      bodyLimitBytes: settings.httpBodyLimitBytes,
      trustForwarded: settings.trustForwarded,
    });
    const breakers = Object.fromEntries(Object.values(upstreams).map((u) => [u.name, u.breaker])) as Parameters<typeof createOpenApiSource>[0]['breakers'];
    const source = createOpenApiSource({
      upstreams: settings.upstreams,
      breakers,
      cacheMs: settings.openapiCacheMs,
      timeoutMs: Math.min(settings.upstreamTimeoutMs, 3_000),
      version: VERSION,
      logger,
    });
    await registerOpenApiRoutes(app, source);
    await app.ready();
  } catch (err) {
    await closePools();
    throw err;
  }

  let url = '';
  if (opts.listen !== false) {
    url = await app.listen({ port: settings.port, host: settings.host });
    logger.info({ url, upstreams: settings.upstreams }, 'gateway listening');
  }

  // Both idempotent: the launcher closes every server's HTTP side first, then stops them all.
  let httpClosed: Promise<void> | undefined;
  let stopped: Promise<void> | undefined;
  const gateway: RunningGateway = {
    app,
    url,
    settings,
    logger,
    closeHttp() {
      httpClosed ??= app.close();
      return httpClosed;
    },
    stop() {
      stopped ??= (async () => {
        await gateway.closeHttp();
        await closePools();
      })();
      return stopped;
    },
  };
  return gateway;
}

// For the `hide` route option that the chassis's OpenAPI plugin adds.
import type {} from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createServiceClient, operation, type CircuitBreaker, type HttpApp, type Logger } from '@mercato/chassis';
import { Type } from '@sinclair/typebox';
import { mergeOpenApi, type ServiceDocument, type UnavailableService } from './openapi-merge.js';
import { API_PREFIX, UPSTREAMS, type UpstreamName } from './routes.js';

export interface OpenApiSource {
  /** The merged document, fetched again once older than the cache time. */
  current(): Promise<Record<string, unknown>>;
  /** The last merged document, without fetching (undefined before the first). */
  latest(): Record<string, unknown> | undefined;
}

export interface OpenApiSourceOptions {
  upstreams: Record<UpstreamName, string>;
  breakers: Record<UpstreamName, CircuitBreaker>;
  cacheMs: number;
  timeoutMs: number;
  version: string;
  logger: Logger;
  now?: () => number;
  /** The gateway's own document (its routes), merged in front of the services'. */
  own?: () => Record<string, unknown>;
}

/** An incomplete document is kept only briefly, so a service that comes back shows up soon. */
const INCOMPLETE_CACHE_MS = 2_000;

/**
 * Reads every service's /openapi.json (through a breaker per service, probed by its readiness as
 * the proxy's are, so a service known to be down costs nothing) and merges them; concurrent
 * readers share one fetch.
 */
export function createOpenApiSource(opts: OpenApiSourceOptions): OpenApiSource {
  const now = opts.now ?? Date.now;
  const clients = UPSTREAMS.map((service) =>
    createServiceClient({ name: service, baseUrl: opts.upstreams[service], timeoutMs: opts.timeoutMs, retries: 0, breaker: opts.breakers[service] }),
  );
  let cached: { doc: Record<string, unknown>; expires: number } | undefined;
  let inflight: Promise<Record<string, unknown>> | undefined;

  async function build(): Promise<Record<string, unknown>> {
    const documents: ServiceDocument[] = [];
    const unavailable: UnavailableService[] = [];
    await Promise.all(
      clients.map(async (client) => {
        const service = client.name as UpstreamName;
        try {
          const res = await client.get<Record<string, unknown>>('/openapi.json');
          if (res.ok && typeof res.body === 'object' && res.body !== null && typeof res.body.openapi === 'string') documents.push({ service, doc: res.body });
          else unavailable.push({ service, reason: `answered ${res.status} without an OpenAPI document` });
        } catch (err) {
          unavailable.push({ service, reason: err instanceof Error ? err.message : 'unreachable' });
        }
      }),
    );
    // Fetches finish in any order; the document must not.
    documents.sort((a, b) => UPSTREAMS.indexOf(a.service) - UPSTREAMS.indexOf(b.service));
    unavailable.sort((a, b) => UPSTREAMS.indexOf(a.service) - UPSTREAMS.indexOf(b.service));
    if (unavailable.length > 0) opts.logger.warn({ unavailable }, 'OpenAPI merged without some services');
    const doc = mergeOpenApi({ title: 'mercato API', version: opts.version, documents, unavailable, gateway: opts.own?.() });
    cached = { doc, expires: now() + (unavailable.length > 0 ? Math.min(opts.cacheMs, INCOMPLETE_CACHE_MS) : opts.cacheMs) };
    return doc;
  }

  return {
    async current() {
      if (cached && cached.expires > now()) return cached.doc;
      inflight ??= build().finally(() => (inflight = undefined));
      return inflight;
    },
    latest: () => cached?.doc,
  };
}

const LOGO = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="180" height="40" viewBox="0 0 180 40">' +
    '<text x="0" y="29" font-family="sans-serif" font-size="26" font-weight="700" fill="#ffffff">mercato</text>' +
    '<text x="112" y="29" font-family="sans-serif" font-size="16" fill="#9be27b">API</text></svg>',
);

/**
 * `GET /api/v1/openapi.json`, the merged document, and `GET /docs`, an API reference page
 * whose assets are served from the installed package (no CDN: it works offline).
 */
export async function registerOpenApiRoutes(app: HttpApp, source: OpenApiSource): Promise<void> {
  app.get(
    `${API_PREFIX}/openapi.json`,
    {
      schema: {
        ...operation('getOpenApiDocument', 'public'),
        tags: ['gateway'],
        summary: 'This document: the OpenAPI 3.1 description of the whole public API',
        description: 'Merged from every service behind the gateway (a service that cannot be read is listed in `x-unavailable`). The API reference reads it at /docs.',
        response: { 200: Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, description: 'An OpenAPI 3.1 document' }) },
      },
    },
    async (_req, reply) => {
      void reply.header('cache-control', 'no-cache');
      return source.current();
    },
  );

  await app.register(swaggerUi, {
    routePrefix: '/docs',
    // The page's spec route is synchronous; refresh the merged document before it runs.
    uiHooks: {
      onRequest: (req, _reply, done) => {
        if (!/\/docs\/(json|yaml)$/.test(req.url.split('?')[0] ?? '')) return done();
        source.current().then(() => done(), done);
      },
    },
    transformSpecificationClone: false,
    transformSpecification: () => source.latest() ?? {},
    uiConfig: { deepLinking: true, displayRequestDuration: true, tryItOutEnabled: false },
    theme: { title: 'mercato API reference' },
    logo: { type: 'image/svg+xml', content: LOGO },
    staticCSP:
      "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; img-src 'self' data:; font-src 'self' data:; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'",
  });
}

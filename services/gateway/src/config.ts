import { ConfigError, DEFAULT_PORTS, loadAccessTokenSettings, loadConfig, loadServiceSettings, type ServiceName, type ServiceSettings } from '@mercato/chassis';
import { Type, type TProperties } from '@sinclair/typebox';
import { parseRate, RATE_PATTERN, type RateRule } from './rate-limit.js';
import { UPSTREAMS, type UpstreamName } from './routes.js';

const int = (description: string, min: number, max: number, dflt: number) =>
  Type.Integer({ minimum: min, maximum: max, default: dflt, description: `${description}: an integer from ${min} to ${max}` });

function upstreamUrlVar(service: UpstreamName): string {
  return `${service.toUpperCase()}_URL`;
}

/** The gateway's own variables; the common ones (GATEWAY_PORT, LOG_LEVEL, HTTP_*) come from the chassis. */
export function gatewayConfigSchema() {
  const urls: TProperties = {};
  for (const service of UPSTREAMS) {
    urls[upstreamUrlVar(service)] = Type.String({
      pattern: '^https?://[^\\s/?#]+/?$',
      maxLength: 2048,
      default: `http://127.0.0.1:${DEFAULT_PORTS[service]}`,
      description: `the base URL of the ${service} service, e.g. http://${service}:${DEFAULT_PORTS[service]} (scheme, host and port only)`,
    });
  }
  return Type.Object(
    {
      ...urls,
      GATEWAY_UPSTREAM_TIMEOUT_MS: int('the time an upstream has to start answering, in ms', 100, 600_000, 10_000),
      GATEWAY_CONNECT_TIMEOUT_MS: int('the time to connect to an upstream, in ms', 50, 60_000, 1_000),
      GATEWAY_UPSTREAM_CONNECTIONS: int('connections kept per upstream', 1, 10_000, 128),
      GATEWAY_BREAKER_FAILURES: int('consecutive upstream failures that open its circuit', 1, 1_000, 5),
      GATEWAY_BREAKER_FIRST_RETRY_MS: int('the wait before an open circuit first probes the readiness of its service, in ms', 10, 60_000, 250),
      GATEWAY_BREAKER_RESET_MS: int('the longest wait between two readiness probes of an open circuit, in ms', 100, 600_000, 2_000),
      GATEWAY_OPENAPI_CACHE_MS: int('how long the merged OpenAPI document is kept, in ms', 0, 3_600_000, 10_000),
      GATEWAY_UPLOAD_LIMIT_BYTES: int('the largest body of an upload route (image upload, catalog import), in bytes', 1024, 1024 * 1024 * 1024, 20 * 1024 * 1024),
      GATEWAY_RATE_LIMIT_IP: Type.String({
        pattern: RATE_PATTERN,
        default: '300/min',
        description: 'requests allowed per client address, e.g. 300/min, 10/s or 5000/h (0 for no limit)',
      }),
      GATEWAY_RATE_LIMIT_USER: Type.String({
        pattern: RATE_PATTERN,
        default: '600/min',
        description: 'requests allowed per signed-in user, e.g. 600/min (0 for no limit)',
      }),
      GATEWAY_RATE_LIMIT_PREFIX: Type.String({
        pattern: '^[A-Za-z0-9:_.-]{1,100}$',
        default: 'mercato:ratelimit:',
        description: 'the prefix of the rate-limit counters in Redis, so that several shops (or test runs) can share one Redis',
      }),
      GATEWAY_CACHE: Type.Union([Type.Literal('auto'), Type.Literal('memory'), Type.Literal('redis'), Type.Literal('off')], {
        default: 'auto',
        description:
          "the edge cache of the catalog's and the review service's public reads: auto (Redis when REDIS_URL is set; in memory when the service runs in the same process), memory, redis or off",
      }),
      GATEWAY_CACHE_MAX_TTL_SECONDS: int('the longest an answer is kept at the edge, whatever its max-age', 1, 86_400, 30),
      GATEWAY_CACHE_MAX_BYTES: int('the bytes of answers kept in memory', 1024 * 1024, 8 * 1024 * 1024 * 1024, 64 * 1024 * 1024),
      GATEWAY_CACHE_MAX_BODY_BYTES: int('the largest answer body kept at the edge, in bytes', 1024, 64 * 1024 * 1024, 1024 * 1024),
      CATALOG_CACHE_PREFIX: Type.String({
        pattern: '^[A-Za-z0-9:_.-]{1,100}$',
        default: 'mercato:catalog:',
        description: "the catalog's Redis prefix (as the catalog is given it): its generation, <prefix>gen, purges the edge cache, kept under <prefix>edge:",
      }),
      REVIEW_CACHE_PREFIX: Type.String({
        pattern: '^[A-Za-z0-9:_.-]{1,100}$',
        default: 'mercato:review:',
        description: "the review service's Redis prefix (as the review service is given it): its generation, <prefix>gen, purges the rating summaries kept at the edge under <prefix>edge:",
      }),
      GATEWAY_CORS_ORIGINS: Type.String({
        pattern: '^$|^https?://[^\\s/?#,]+(,\\s*https?://[^\\s/?#,]+)*$',
        maxLength: 4096,
        default: '',
        description: 'origins whose browsers may call the API, comma-separated, e.g. https://shop.example,https://m.shop.example (none by default)',
      }),
      WEB_URL: Type.String({
        pattern: '^$|^https?://[^\\s/?#]+/?$',
        maxLength: 2048,
        default: '',
        description: 'the base URL of the web app (storefront and back office), e.g. http://web:8089; every path outside /api goes there',
      }),
      GATEWAY_FRONTEND_KEY: Type.String({
        pattern: '^$|^[A-Za-z0-9_-]{24,200}$',
        default: '',
        description: 'a secret of at least 24 letters, digits, _ or - shared with the web app, whose calls are then rate-limited per shopper',
      }),
      GATEWAY_TRUST_FORWARDED: Type.Boolean({
        default: false,
        description: 'true or false: whether a proxy in front of the gateway sets X-Forwarded-* (else they are overwritten)',
      }),
    },
    { additionalProperties: true },
  );
}

export interface GatewaySettings extends ServiceSettings {
  upstreams: Record<UpstreamName, string>;
  upstreamTimeoutMs: number;
  connectTimeoutMs: number;
  upstreamConnections: number;
  breakerFailures: number;
  breakerFirstRetryMs: number;
  breakerResetMs: number;
  /** The longest `Prefer: wait` passed on: answers that were asked to wait must come before the upstream timeout. */
  maxPreferWaitSeconds: number;
  openapiCacheMs: number;
  uploadLimitBytes: number;
  trustForwarded: boolean;
  rateLimitIp: RateRule | undefined;
  rateLimitUser: RateRule | undefined;
  rateLimitPrefix: string;
  /** The edge cache (`auto` is settled by startGateway: it knows whether the catalog runs in the same process). */
  cache: 'auto' | 'memory' | 'redis' | 'off';
  cacheMaxTtlMs: number;
  cacheMaxBytes: number;
  cacheMaxBodyBytes: number;
  /** The prefix of the edge cache's Redis keys: the catalog's, so that one shop's keys share one prefix. */
  cachePrefix: string;
  /** The Redis key of the catalog's generation, which every catalog write increments. */
  cacheGenerationKey: string;
  /** The same two for the review service's rating summaries. */
  reviewCachePrefix: string;
  reviewCacheGenerationKey: string;
  /** Origins allowed to call the API cross-origin. */
  corsOrigins: string[];
  /** The web app behind every non-API path, when there is one. */
  webUrl: string | undefined;
  /** The secret the web app sends to have its X-Forwarded-For believed. */
  frontendKey: string | undefined;
  /** The auth service's JWKS (on its upstream URL), and the `iss`/`aud` tokens must carry. */
  jwksUrl: string;
  tokenIssuer: string;
  tokenAudience: string;
}

/**
 * The longest `Prefer: wait` that still lets the answer come before the upstream timeout: the
 * timeout less a margin for the work around the wait (a fifth of it, at least a second).
 */
export function maxPreferWait(upstreamTimeoutMs: number): number {
  return Math.max(0, Math.floor((upstreamTimeoutMs - Math.max(1_000, upstreamTimeoutMs / 5)) / 1000));
}

/**
 * Reads the common and the gateway settings. Upstream URLs given by the caller (the embedded
 * launcher knows the ports it actually bound) win over `<SVC>_URL`, which wins over the default.
 * With no URLs given (the gateway alone, in the distributed mode) every `<SVC>_URL` is required:
 * a forgotten one must not silently point at 127.0.0.1.
 */
export function loadGatewaySettings(
  env: NodeJS.ProcessEnv = process.env,
  given?: Partial<Record<ServiceName, string>>,
  web: { url?: string; frontendKey?: string } = {},
): GatewaySettings {
  const common = loadServiceSettings('gateway', env, { database: false });
  const c = loadConfig(gatewayConfigSchema(), env) as Record<string, unknown>;
  const tokens = loadAccessTokenSettings(env);
  const upstreams = {} as Record<UpstreamName, string>;
  for (const service of UPSTREAMS) {
    const name = upstreamUrlVar(service);
    if (given === undefined && !env[name]) {
      throw new ConfigError(
        `Configuration error: ${name} is missing; expected the base URL of the ${service} service, e.g. http://${service}:${DEFAULT_PORTS[service]} (every <SERVICE>_URL is required when the gateway runs alone)`,
      );
    }
    upstreams[service] = (given?.[service] ?? (c[name] as string)).replace(/\/+$/, '');
  }
  return {
    ...common,
    upstreams,
    upstreamTimeoutMs: c.GATEWAY_UPSTREAM_TIMEOUT_MS as number,
    connectTimeoutMs: c.GATEWAY_CONNECT_TIMEOUT_MS as number,
    upstreamConnections: c.GATEWAY_UPSTREAM_CONNECTIONS as number,
    breakerFailures: c.GATEWAY_BREAKER_FAILURES as number,
    breakerFirstRetryMs: Math.min(c.GATEWAY_BREAKER_FIRST_RETRY_MS as number, c.GATEWAY_BREAKER_RESET_MS as number),
    breakerResetMs: c.GATEWAY_BREAKER_RESET_MS as number,
    maxPreferWaitSeconds: maxPreferWait(c.GATEWAY_UPSTREAM_TIMEOUT_MS as number),
    openapiCacheMs: c.GATEWAY_OPENAPI_CACHE_MS as number,
    uploadLimitBytes: c.GATEWAY_UPLOAD_LIMIT_BYTES as number,
    trustForwarded: c.GATEWAY_TRUST_FORWARDED as boolean,
    rateLimitIp: parseRate(c.GATEWAY_RATE_LIMIT_IP as string),
    rateLimitUser: parseRate(c.GATEWAY_RATE_LIMIT_USER as string),
    rateLimitPrefix: c.GATEWAY_RATE_LIMIT_PREFIX as string,
    cache: c.GATEWAY_CACHE as GatewaySettings['cache'],
    cacheMaxTtlMs: (c.GATEWAY_CACHE_MAX_TTL_SECONDS as number) * 1000,
    cacheMaxBytes: c.GATEWAY_CACHE_MAX_BYTES as number,
    cacheMaxBodyBytes: c.GATEWAY_CACHE_MAX_BODY_BYTES as number,
    cachePrefix: `${c.CATALOG_CACHE_PREFIX as string}edge:`,
    cacheGenerationKey: `${c.CATALOG_CACHE_PREFIX as string}gen`,
    reviewCachePrefix: `${c.REVIEW_CACHE_PREFIX as string}edge:`,
    reviewCacheGenerationKey: `${c.REVIEW_CACHE_PREFIX as string}gen`,
    corsOrigins: (c.GATEWAY_CORS_ORIGINS as string)
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    webUrl: (web.url ?? (c.WEB_URL as string)).replace(/\/+$/, '') || undefined,
    frontendKey: web.frontendKey ?? ((c.GATEWAY_FRONTEND_KEY as string) || undefined),
    jwksUrl: `${upstreams.auth}/.well-known/jwks.json`,
    tokenIssuer: tokens.issuer,
    tokenAudience: tokens.audience,
  };
}

import { CircuitBreaker, tlsClientOptions, trustedRoots, type Logger, type TlsMaterial } from '@mercato/chassis';
import { Pool } from 'undici';
import type { GatewaySettings } from './config.js';
import { routeClassesOf, UPSTREAMS, type UpstreamName } from './routes.js';

/**
 * One service behind the gateway: its connection pool, its readiness probe, and a circuit
 * breaker per class of its routes (the public segment: `checkout`, `carts`, `orders` of the
 * order service), so that the failures of one kind of request never close the others.
 */
export interface Upstream {
  name: UpstreamName;
  origin: string;
  pool: Pool;
  /** The breaker of a route class (a segment of SEGMENTS, a fixed route's class, or `openapi`). */
  breaker(routeClass: string): CircuitBreaker;
  /** Resolves when the service answers `GET /readyz` with 2xx (calls in flight share one). */
  probe(): Promise<void>;
  /** Every breaker of this upstream, by route class. */
  breakers(): ReadonlyMap<string, CircuitBreaker>;
  close(): Promise<void>;
}

/** The gateway's own reads of a service (its OpenAPI document) have a class of their own. */
export const OPENAPI_CLASS = 'openapi';

/** How long a readiness probe may take (a service's /readyz gives its checks 2 s). */
const PROBE_TIMEOUT_MS = 2_500;

export function createUpstreams(settings: GatewaySettings, logger: Logger, tls?: TlsMaterial): Record<UpstreamName, Upstream> {
  // https:// upstreams: verified against the shop's CA (and the gateway's certificate presented
  // to services that require mutual TLS).
  const secure = tls ? { ...tlsClientOptions(tls), ...(tls.ca ? { ca: trustedRoots(tls) } : {}), minVersion: 'TLSv1.2' as const } : {};
  const out = {} as Record<UpstreamName, Upstream>;
  for (const name of UPSTREAMS) out[name] = createUpstream(name, settings, logger, secure);
  return out;
}

function createUpstream(name: UpstreamName, settings: GatewaySettings, logger: Logger, secure: object): Upstream {
  const origin = settings.upstreams[name];
  const pool = new Pool(origin, {
    connections: settings.upstreamConnections,
    connect: { timeout: settings.connectTimeoutMs, ...(origin.startsWith('https:') ? secure : {}) },
    // From the last byte of the request to the answer's headers: 504 beyond. (undici's
    // timers above a second tick every half second, so a 10 s limit fires within 10–11 s.)
    headersTimeout: settings.upstreamTimeoutMs,
    // Once the answer has started, the longest silence between two of its chunks.
    bodyTimeout: settings.upstreamTimeoutMs,
  });
  const probeTimeoutMs = Math.min(PROBE_TIMEOUT_MS, settings.upstreamTimeoutMs);
  let probing: Promise<void> | undefined;
  const probe = (): Promise<void> =>
    (probing ??= (async () => {
      const res = await pool.request({ path: '/readyz', method: 'GET', headersTimeout: probeTimeoutMs, bodyTimeout: probeTimeoutMs });
      await res.body.dump();
      if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`${name} is not ready (${res.statusCode})`);
    })().finally(() => (probing = undefined)));
  const byClass = new Map<string, CircuitBreaker>();
  const make = (routeClass: string) =>
    new CircuitBreaker({
      name: `${name} (${routeClass})`,
      failureThreshold: settings.breakerFailures,
      firstRetryMs: settings.breakerFirstRetryMs,
      maxRetryMs: settings.breakerResetMs,
      probe,
      onStateChange: (c) =>
        logger[c.to === 'open' ? 'warn' : 'info']({ upstream: name, routeClass, from: c.from, to: c.to }, `circuit of ${name} (${routeClass}) is ${c.to}`),
    });
  for (const routeClass of [...routeClassesOf(name), OPENAPI_CLASS]) byClass.set(routeClass, make(routeClass));
  return {
    name,
    origin,
    pool,
    probe,
    breaker(routeClass) {
      let b = byClass.get(routeClass);
      if (!b) byClass.set(routeClass, (b = make(routeClass)));
      return b;
    },
    breakers: () => byClass,
    async close() {
      for (const b of byClass.values()) b.dispose();
      await pool.close();
    },
  };
}

import { CircuitBreaker, tlsClientOptions, trustedRoots, type Logger, type TlsMaterial } from '@mercato/chassis';
import { Pool } from 'undici';
import type { GatewaySettings } from './config.js';
import { UPSTREAMS, type UpstreamName } from './routes.js';

/** One service behind the gateway: its connection pool and its circuit breaker. */
export interface Upstream {
  name: UpstreamName;
  origin: string;
  pool: Pool;
  breaker: CircuitBreaker;
}

export function createUpstreams(settings: GatewaySettings, logger: Logger, tls?: TlsMaterial): Record<UpstreamName, Upstream> {
  // https:// upstreams: verified against the shop's CA (and the gateway's certificate presented
  // to services that require mutual TLS).
  const secure = tls ? { ...tlsClientOptions(tls), ...(tls.ca ? { ca: trustedRoots(tls) } : {}), minVersion: 'TLSv1.2' as const } : {};
  const out = {} as Record<UpstreamName, Upstream>;
  for (const name of UPSTREAMS) {
    const origin = settings.upstreams[name];
    out[name] = {
      name,
      origin,
      pool: new Pool(origin, {
        connections: settings.upstreamConnections,
        connect: { timeout: settings.connectTimeoutMs, ...(origin.startsWith('https:') ? secure : {}) },
        // From the last byte of the request to the answer's headers: 504 beyond. (undici's
        // timers above a second tick every half second, so a 10 s limit fires within 10–11 s.)
        headersTimeout: settings.upstreamTimeoutMs,
        // Once the answer has started, the longest silence between two of its chunks.
        bodyTimeout: settings.upstreamTimeoutMs,
      }),
      breaker: new CircuitBreaker({
        name,
        failureThreshold: settings.breakerFailures,
        resetTimeoutMs: settings.breakerResetMs,
        onStateChange: (c) => logger[c.to === 'open' ? 'warn' : 'info']({ upstream: c.name, from: c.from, to: c.to }, `circuit of ${c.name} is ${c.to}`),
      }),
    };
  }
  return out;
}

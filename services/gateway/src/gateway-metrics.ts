import { DURATION_BUCKETS, instrumentHttp, openMetricsServer, registerServiceMetrics, requestDurations, ServiceMetrics, type HttpApp, type MetricsSettings } from '@mercato/chassis';
import { API_PREFIX, type UpstreamName } from './routes.js';
import type { Upstream } from './upstreams.js';

export interface GatewayMetrics {
  metrics: ServiceMetrics;
  /** One proxied request done: its method, public path, upstream, status and time. */
  proxied(method: string, url: string, upstream: string | undefined, status: number, seconds: number): void;
  url: string | undefined;
  close(): Promise<void>;
}

const API_PREFIX_SLASH = `${API_PREFIX}/`;

/** The route label of a proxied URL: the API prefix and its first segment (a bounded set). */
function routeOf(url: string): string {
  const q = url.indexOf('?');
  if (!url.startsWith(API_PREFIX_SLASH)) return q === -1 ? url : url.slice(0, q);
  let end = url.indexOf('/', API_PREFIX_SLASH.length);
  if (end === -1 || (q !== -1 && q < end)) end = q;
  return end === -1 ? url : url.slice(0, end);
}

/**
 * The gateway's metrics: its own routes as every service's (by route template), the proxied ones
 * by public segment and upstream, and the state of each upstream's circuit. Served on
 * METRICS_PORT, never on the public port.
 */
export async function openGatewayMetrics(app: HttpApp, upstreams: Record<UpstreamName, Upstream>, settings: MetricsSettings, listen: boolean): Promise<GatewayMetrics> {
  const metrics = new ServiceMetrics('gateway');
  instrumentHttp(app, metrics);
  const duration = requestDurations(metrics);
  const upstreamDuration = metrics.keyedHistogram(
    'mercato_gateway_upstream_request_duration_seconds',
    'Proxied requests by upstream service and status code (the answer, or the gateway’s own 5xx when the upstream failed)',
    ['upstream', 'status_code'],
    DURATION_BUCKETS,
  );
  metrics.gauge(
    'mercato_gateway_circuit_open',
    'Whether the circuit breaker of an upstream route class is open (1), probing (0.5) or closed (0)',
    ['upstream', 'route_class'],
    (g) => {
      for (const u of Object.values(upstreams)) {
        for (const [route_class, b] of u.breakers()) g.set({ upstream: u.name, route_class }, b.state === 'open' ? 1 : b.state === 'half_open' ? 0.5 : 0);
      }
    },
  );
  const unregister = registerServiceMetrics(metrics);
  const server = listen && settings.port !== undefined ? await openMetricsServer({ port: settings.port, host: settings.host, token: settings.token }) : undefined;
  return {
    metrics,
    url: server?.url,
    proxied(method, url, upstream, status, seconds) {
      const route = routeOf(url);
      duration.observe(`${method} ${status} ${route}`, () => ({ method, route, status_code: String(status) }), seconds);
      if (upstream) upstreamDuration.observe(`${upstream} ${status}`, () => ({ upstream, status_code: String(status) }), seconds);
    },
    async close() {
      unregister();
      await server?.release();
    },
  };
}

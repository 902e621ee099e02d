import { Type } from '@sinclair/typebox';
import { loadConfig } from '../config/config.js';
import type { Db } from '../db/db.js';
import type { HttpApp } from '../http/create-app.js';
import { DURATION_BUCKETS, type KeyedHistogram, type ServiceMetrics } from './metrics.js';

const metricsConfigSchema = Type.Object(
  {
    METRICS_PORT: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 65535, description: 'the port of GET /metrics (Prometheus), apart from the API: an integer from 0 to 65535; unset: no metrics port' }),
    ),
    METRICS_HOST: Type.String({ maxLength: 255, default: '127.0.0.1', description: 'the interface of the metrics port, e.g. 0.0.0.0' }),
    METRICS_TOKEN: Type.Optional(Type.String({ minLength: 24, maxLength: 256, description: 'a bearer token of at least 24 characters that GET /metrics then requires' })),
  },
  { additionalProperties: true },
);

export interface MetricsSettings {
  port: number | undefined;
  host: string;
  token: string | undefined;
}

export function loadMetricsSettings(env: NodeJS.ProcessEnv): MetricsSettings {
  const c = loadConfig(metricsConfigSchema, env);
  return { port: c.METRICS_PORT, host: c.METRICS_HOST, token: c.METRICS_TOKEN };
}

/** The request histogram every service and the gateway share: by method, route and status. */
export function requestDurations(metrics: ServiceMetrics): KeyedHistogram<'method' | 'route' | 'status_code'> {
  return metrics.keyedHistogram(
    'mercato_http_server_request_duration_seconds',
    'Time to answer an HTTP request, by method, route template and status code',
    ['method', 'route', 'status_code'],
    DURATION_BUCKETS,
  );
}

/**
 * HTTP rate, errors and duration by route template: one histogram whose `_count` is the rate and
 * whose `status_code` tells the errors. Unmatched paths share one route label, so a scan of
 * random URLs cannot blow up the series count.
 */
export function instrumentHttp(app: HttpApp, metrics: ServiceMetrics): void {
  const duration = requestDurations(metrics);
  app.addHook('onResponse', (req, reply, done) => {
    const route = reply.statusCode === 404 && !req.routeOptions.url ? 'unmatched' : (req.routeOptions.url ?? 'unmatched');
    const status = reply.statusCode;
    duration.observe(`${req.method} ${status} ${route}`, () => ({ method: req.method, route, status_code: String(status) }), reply.elapsedTime / 1000);
    done();
  });
}

/** The service's connection pool: connections open, idle, and callers waiting for one. */
export function instrumentPool(db: Db, metrics: ServiceMetrics, max: number): void {
  metrics.gauge('mercato_db_pool_connections', 'Database connections of the pool, by state (open, idle, waiting callers)', ['state'], (g) => {
    g.set({ state: 'open' }, db.pool.totalCount);
    g.set({ state: 'idle' }, db.pool.idleCount);
    g.set({ state: 'waiting' }, db.pool.waitingCount);
  });
  metrics.gauge('mercato_db_pool_max', 'The most connections the pool opens').set(max);
}

/**
 * Whether the broker is reachable (1) or not (0). Not part of readiness (the API works without
 * it: events wait in the outbox), so this gauge, and the body of /readyz, are where a broker
 * outage shows.
 */
export function instrumentBus(bus: { readonly connected: boolean }, metrics: ServiceMetrics): void {
  metrics.gauge('mercato_bus_connected', 'Whether the message broker is reachable (1) or not (0); events wait in the outbox meanwhile', [], (g) => g.set(bus.connected ? 1 : 0));
}

interface EventTables {
  backlog: number;
  oldestAgeSeconds: number;
  failures: Record<string, number>;
}

/**
 * Outbox backlog and the age of its oldest unpublished event, and event failures by status
 * (retrying, dead), read from the service's own tables when scraped (at most once a second).
 */
export function instrumentEventTables(db: Db, metrics: ServiceMetrics): void {
  let cached: { at: number; value: Promise<EventTables> } | undefined;
  const read = (): Promise<EventTables> => {
    if (cached && Date.now() - cached.at < 1_000) return cached.value;
    const value = Promise.all([
      db.query<{ backlog: number; age: number | null }>(
        `SELECT count(*)::int AS backlog, extract(epoch FROM now() - min(created_at))::float8 AS age FROM outbox WHERE published_at IS NULL`,
      ),
      db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM event_failures WHERE status <> 'resolved' GROUP BY status`),
    ]).then(([o, f]) => ({
      backlog: o.rows[0]?.backlog ?? 0,
      oldestAgeSeconds: o.rows[0]?.age ?? 0,
      failures: Object.fromEntries(f.rows.map((r) => [r.status, r.n])),
    }));
    cached = { at: Date.now(), value };
    value.catch(() => (cached = undefined));
    return value;
  };
  metrics.gauge('mercato_outbox_backlog_events', 'Events written to the outbox and not yet published', [], async (g) => g.set((await read()).backlog));
  metrics.gauge('mercato_outbox_oldest_unpublished_age_seconds', 'Age of the oldest unpublished outbox event (0 when none)', [], async (g) =>
    g.set((await read()).oldestAgeSeconds),
  );
  metrics.gauge('mercato_event_failures', 'Consumed events that failed, by status: retrying (will be tried again) or dead (dead letters, waiting for an operator)', ['status'], async (g) => {
    const f = (await read()).failures;
    g.set({ status: 'retrying' }, f.retrying ?? 0);
    g.set({ status: 'dead' }, f.dead ?? 0);
  });
}

/** Consumed events by type and outcome (handled, duplicate, failed, invalid). */
export function consumedCounter(metrics: ServiceMetrics): (type: string, outcome: string) => void {
  const c = metrics.counter('mercato_events_consumed_total', 'Events delivered to this service, by type and outcome (handled, duplicate, failed, invalid)', ['type', 'outcome']);
  return (type, outcome) => c.inc({ type, outcome });
}

/**
 * Events the relay published, by type. Each is written in the transaction of the state change it
 * tells, so these count committed changes exactly: orders placed, confirmed and cancelled,
 * payments succeeded, failed or waiting for the customer, stock reserved or rejected.
 */
export function publishedCounter(metrics: ServiceMetrics): (events: readonly { type: string }[]) => void {
  const c = metrics.counter('mercato_events_published_total', 'Outbox events published to the bus (confirmed by it), by type', ['type']);
  return (events) => {
    if (events.length === 1) return c.inc({ type: events[0]!.type });
    const byType = new Map<string, number>();
    for (const e of events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
    for (const [type, n] of byType) c.inc({ type }, n);
  };
}

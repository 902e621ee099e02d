import client from 'prom-client';

/**
 * The metrics of one service (or the gateway): a Prometheus registry whose every series carries
 * `service="<name>"`, so that the embedded mode's services, sharing one process and one metrics
 * port, stay apart. Metrics are made on first use and found again by name, so that code far
 * from start-up (a saga step, a consumer) can record without wiring.
 */
export class ServiceMetrics {
  readonly registry = new client.Registry();
  private readonly made = new Map<string, client.Metric>();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): client.Counter<L> {
    return this.make(name, () => new client.Counter<L>({ name, help, labelNames, registers: [this.registry] }));
  }

  gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = [], collect?: (g: client.Gauge<L>) => Promise<void> | void): client.Gauge<L> {
    return this.make(name, () => new client.Gauge<L>({ name, help, labelNames, registers: [this.registry], ...(collect ? { collect() { return collect(this); } } : {}) }));
  }

  histogram<L extends string>(name: string, help: string, labelNames: readonly L[] = [], buckets?: number[]): client.Histogram<L> {
    return this.make(name, () => new client.Histogram<L>({ name, help, labelNames, registers: [this.registry], ...(buckets ? { buckets } : {}) }));
  }

  private make<M extends client.Metric>(name: string, create: () => M): M {
    let m = this.made.get(name);
    if (!m) {
      m = create();
      this.made.set(name, m);
    }
    return m as M;
  }
}

/** Buckets for request and handler durations, in seconds: 1 ms to 10 s. */
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The process's own metrics (CPU, memory, event loop lag, GC), once per process. */
let processRegistry: client.Registry | undefined;
export function processMetrics(): client.Registry {
  if (!processRegistry) {
    processRegistry = new client.Registry();
    client.collectDefaultMetrics({ register: processRegistry, prefix: 'mercato_' });
  }
  return processRegistry;
}

/** Every service registered in this process, by name: what the metrics port serves. */
const live = new Set<ServiceMetrics>();

export function registerServiceMetrics(m: ServiceMetrics): () => void {
  live.add(m);
  return () => live.delete(m);
}

/** The Prometheus text of this process: its own metrics and every live service's. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const parts = [await processMetrics().metrics()];
  // Services in one process have families of the same names: one family each, whose series
  // differ by their `service` label (the aggregator sums series with equal labels: there are none).
  const all = await Promise.all([...live].map((m) => m.registry.getMetricsAsJSON()));
  if (all.length > 0) parts.push(await client.AggregatorRegistry.aggregate(all).metrics());
  return { contentType: client.Registry.PROMETHEUS_CONTENT_TYPE, body: parts.join('\n') };
}

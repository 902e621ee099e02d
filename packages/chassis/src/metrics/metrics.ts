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

  /** A histogram for the request path (see KeyedHistogram), registered like the others. */
  keyedHistogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: readonly number[] = DURATION_BUCKETS): KeyedHistogram<L> {
    return this.make(name, () => {
      const h = new KeyedHistogram<L>(name, help, labelNames, buckets);
      this.registry.registerMetric(h as unknown as client.Metric);
      return h as unknown as client.Metric;
    }) as unknown as KeyedHistogram<L>;
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

interface Series {
  labels: Record<string, string>;
  /** Observations per bucket (not cumulative), one per upper bound. */
  counts: number[];
  sum: number;
  count: number;
}

/**
 * A Prometheus histogram whose series the caller names by a string key it builds from the label
 * values (one Map lookup per observation): prom-client's own histogram checks and hashes the
 * label object on every call, a measurable share of a cached answer's CPU at the gateway. The
 * labels are taken (and checked) once per series. Exported as prom-client's histogram is.
 */
export class KeyedHistogram<L extends string> {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly series = new Map<string, Series>();
  private readonly bounds: readonly number[];

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelNames: readonly L[],
    buckets: readonly number[],
  ) {
    this.bounds = [...buckets].sort((a, b) => a - b);
  }

  /** Records `value` in the series `key`; `labels` is called only for a key not seen before. */
  observe(key: string, labels: () => Record<L, string>, value: number): void {
    if (!Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`);
    let s = this.series.get(key);
    if (s === undefined) {
      const l = labels();
      for (const name of Object.keys(l)) if (!this.labelNames.includes(name as L)) throw new Error(`Added label "${name}" is not included in initial labelset`);
      s = { labels: l, counts: this.bounds.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    const b = this.bounds;
    let i = 0;
    while (i < b.length && value > b[i]!) i++;
    if (i < b.length) s.counts[i]! += 1;
    s.sum += value;
    s.count += 1;
  }

  /** What a registry reads: the same values, names and labels as prom-client's histogram gives. */
  get(): { name: string; help: string; type: 'histogram'; aggregator: 'sum'; values: { labels: Record<string, string | number>; value: number; metricName: string }[] } {
    const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = [];
    const bucket = `${this.name}_bucket`;
    for (const s of this.series.values()) {
      let acc = 0;
      this.bounds.forEach((le, i) => {
        acc += s.counts[i]!;
        values.push({ labels: { le, ...s.labels }, value: acc, metricName: bucket });
      });
      values.push({ labels: { le: '+Inf', ...s.labels }, value: s.count, metricName: bucket });
      values.push({ labels: { ...s.labels }, value: s.sum, metricName: `${this.name}_sum` });
      values.push({ labels: { ...s.labels }, value: s.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.series.clear();
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

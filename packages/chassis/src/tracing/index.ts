/**
 * Distributed tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. This module imports nothing from OpenTelemetry:
 * the SDK, its exporter and instrumentations are loaded by `startTracing` when tracing is on,
 * and cost nothing (not even loading) when it is off. Every helper here is then a no-op.
 *
 * The chassis keeps its own trace context (`context.ts`: request id and W3C traceparent in an
 * AsyncLocalStorage) for logs, outgoing calls and events whether tracing is on or not; when it is
 * on, that traceparent is the active span's, so logs, events and exported spans agree.
 */

export type SpanKind = 'internal' | 'server' | 'client' | 'producer' | 'consumer';
export type SpanAttributes = Record<string, string | number | boolean | undefined>;

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: SpanAttributes;
  /** Other traces this work belongs to as well (e.g. the other events of a batch). */
  links?: ReadonlyArray<string | null | undefined>;
}

/** What the OpenTelemetry side provides once started (see otel.ts). */
export interface TracingDriver {
  /** The active span's context as a W3C traceparent, when a span is active. */
  activeTraceparent(): string | undefined;
  /**
   * Runs `fn` in a new span whose parent is `parent` (a traceparent, e.g. an event's), or the
   * active span when `parent` is undefined, or a new trace when it is null. The span ends when
   * `fn` settles; a rejection marks it failed.
   */
  inSpan<T>(name: string, parent: string | null | undefined, opts: SpanOptions, fn: (traceparent: string) => Promise<T>): Promise<T>;
  /** Runs `fn` with `traceparent` as the active (remote) parent, without a span of its own. */
  withParent<T>(traceparent: string, fn: () => T): T;
  /** Exports what is buffered and stops. */
  shutdown(): Promise<void>;
}

let driver: TracingDriver | undefined;
let starting: Promise<boolean> | undefined;

/** Whether the environment asks for trace export. */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT) && env.OTEL_SDK_DISABLED !== 'true' && env.OTEL_TRACES_EXPORTER !== 'none';
}

/**
 * Starts tracing when the environment asks for it; resolves whether it did. Call it once, first
 * thing in the process, before the modules it instruments (http, undici, pg, amqplib) are used:
 * the instrumentations patch them as they load.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!tracingConfigured(env)) return Promise.resolve(false);
  starting ??= import('./otel.js').then(async (m) => {
    driver = await m.startOtel(serviceName, env);
    return true;
  });
  return starting;
}

/** Exports the spans still buffered and stops tracing (at shutdown). */
export async function stopTracing(): Promise<void> {
  const d = driver;
  driver = undefined;
  starting = undefined;
  await d?.shutdown();
}

export function tracingEnabled(): boolean {
  return driver !== undefined;
}

/** The active span's traceparent when tracing is on and a span is active; else undefined. */
export function activeTraceparent(): string | undefined {
  return driver?.activeTraceparent();
}

/** `fn` in a span when tracing is on (see TracingDriver.inSpan); else `fn` with no traceparent. */
export function inSpan<T>(name: string, parent: string | null | undefined, opts: SpanOptions, fn: (traceparent: string | undefined) => Promise<T>): Promise<T> {
  return driver ? driver.inSpan(name, parent, opts, fn) : fn(undefined);
}

/** `fn` with a remote parent made active when tracing is on (instrumented calls inside join it). */
export function withParent<T>(traceparent: string | null | undefined, fn: () => T): T {
  return driver && traceparent ? driver.withParent(traceparent, fn) : fn();
}

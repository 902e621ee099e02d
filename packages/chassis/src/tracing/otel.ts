import { context, ROOT_CONTEXT, SpanKind as OtelSpanKind, SpanStatusCode, trace, TraceFlags, type Context, type Link, type SpanContext } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { AmqplibInstrumentation } from '@opentelemetry/instrumentation-amqplib';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { SpanKind, SpanOptions, TracingDriver } from './index.js';

// Loaded by startTracing only when trace export is configured.

const KINDS: Record<SpanKind, OtelSpanKind> = {
  internal: OtelSpanKind.INTERNAL,
  server: OtelSpanKind.SERVER,
  client: OtelSpanKind.CLIENT,
  producer: OtelSpanKind.PRODUCER,
  consumer: OtelSpanKind.CONSUMER,
};

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

function spanContextOf(traceparent: string | null | undefined): SpanContext | undefined {
  const m = traceparent ? TRACEPARENT.exec(traceparent) : null;
  if (!m || /^0+$/.test(m[1]!) || /^0+$/.test(m[2]!)) return undefined;
  return { traceId: m[1]!, spanId: m[2]!, traceFlags: parseInt(m[3]!, 16) & TraceFlags.SAMPLED, isRemote: true };
}

function traceparentOf(sc: SpanContext): string {
  return `00-${sc.traceId}-${sc.spanId}-${(sc.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED ? '01' : '00'}`;
}

/** Probes and scrapes are not traced: they would drown the traces that matter. */
const UNTRACED_PATHS = /^\/(healthz|readyz|metrics|livez)(\?|$)/;

/** The protocol of OTLP export: http/protobuf (the default) or http/json. */
export function otlpProtocol(env: NodeJS.ProcessEnv): 'http/protobuf' | 'http/json' {
  const p = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL || 'http/protobuf').trim();
  if (p === 'http/protobuf' || p === 'http/json') return p;
  throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL=${p} is not supported: use http/protobuf or http/json`);
}

/**
 * The amqplib instrumentation declares the 0.x line only; the channel model it wraps
 * (lib/channel_model.js, lib/callback_model.js, lib/connect.js) is unchanged in amqplib 2, which
 * the bus uses, and the bus's trace tests cover it. Its range is widened to that line.
 */
function amqplibInstrumentation(): AmqplibInstrumentation {
  const inst = new AmqplibInstrumentation({ enabled: false });
  for (const def of inst.getModuleDefinitions()) {
    def.supportedVersions = ['>=0.5.5 <3'];
    for (const file of def.files) file.supportedVersions = ['>=0.5.5 <3'];
  }
  return inst;
}

export async function startOtel(serviceName: string, env: NodeJS.ProcessEnv): Promise<TracingDriver> {
  const protocol = otlpProtocol(env);
  // The traces URL as the OTLP spec builds it; the exporters read _HEADERS, _TIMEOUT,
  // _COMPRESSION and _CERTIFICATE from the environment themselves.
  const url = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || `${(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '').replace(/\/+$/, '')}/v1/traces`;
  const exporter = protocol === 'http/json' ? new OtlpJsonExporter({ url }) : new OtlpProtoExporter({ url });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': env.OTEL_SERVICE_NAME || serviceName,
      'service.namespace': 'mercato',
      'service.instance.id': `${process.pid}`,
    }),
    // Batches per OTEL_BSP_* (5 s by default); a full queue drops spans, never blocks requests.
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  // W3C traceparent (and baggage) propagation; an AsyncLocalStorage context manager.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.test(req.url ?? ''),
        // Calls made outside any traced work (readiness probes, key fetches at start) are not traced.
        requireParentforOutgoingSpans: true,
      }),
      new UndiciInstrumentation({ requireParentforSpans: true }),
      // Queries of background loops (outbox relay, retry worker) would each be a one-span trace.
      new PgInstrumentation({ requireParentSpan: true }),
      amqplibInstrumentation(),
    ],
  });
  const tracer = provider.getTracer('@mercato/chassis');

  const parentContext = (parent: string | null | undefined): Context => {
    if (parent === undefined) return context.active();
    const sc = spanContextOf(parent);
    return sc ? trace.setSpanContext(ROOT_CONTEXT, sc) : ROOT_CONTEXT;
  };

  return {
    activeTraceparent() {
      const span = trace.getActiveSpan();
      const sc = span?.spanContext();
      return sc && trace.isSpanContextValid(sc) ? traceparentOf(sc) : undefined;
    },
    inSpan<T>(name: string, parent: string | null | undefined, opts: SpanOptions, fn: (traceparent: string) => Promise<T>): Promise<T> {
      const links: Link[] = [];
      for (const l of opts.links ?? []) {
        const sc = spanContextOf(l);
        if (sc) links.push({ context: sc });
      }
      const attributes: Record<string, string | number | boolean> = {};
      for (const [k, v] of Object.entries(opts.attributes ?? {})) if (v !== undefined) attributes[k] = v;
      const span = tracer.startSpan(name, { kind: KINDS[opts.kind ?? 'internal'], attributes, links }, parentContext(parent));
      return context.with(trace.setSpan(parentContext(parent), span), async () => {
        try {
          return await fn(traceparentOf(span.spanContext()));
        } catch (err) {
          span.recordException(err instanceof Error ? err : String(err));
          span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
          throw err;
        } finally {
          span.end();
        }
      });
    },
    withParent<T>(traceparent: string, fn: () => T): T {
      const sc = spanContextOf(traceparent);
      return sc ? context.with(trace.setSpanContext(context.active(), sc), fn) : fn();
    },
    async shutdown() {
      await provider.shutdown();
    },
  };
}

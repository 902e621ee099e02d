import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytesPooled } from '@mercato/contracts';
import { activeTraceparent } from './tracing/index.js';

/** What every log line and outgoing call carries: the request id and the W3C trace context. */
export interface TraceContext {
  /** http: an incoming request (the HTTP logger already labels its lines); event and job: background work. */
  kind: 'http' | 'event' | 'job';
  requestId: string;
  traceparent: string;
}

const storage = new AsyncLocalStorage<TraceContext>();

export function currentContext(): TraceContext | undefined {
  return storage.getStore();
}

export function runWithContext<T>(ctx: TraceContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** Mutates the active context in place (Fastify's hooks cannot wrap the handler in run()). */
export function enterContext(ctx: TraceContext): void {
  storage.enterWith(ctx);
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export interface ParsedTraceparent {
  version: string;
  traceId: string;
  parentId: string;
  flags: string;
}

export function parseTraceparent(value: string | undefined | null): ParsedTraceparent | undefined {
  if (!value) return undefined;
  const m = TRACEPARENT.exec(value.trim().toLowerCase());
  if (!m) return undefined;
  const [, version, traceId, parentId, flags] = m as unknown as [string, string, string, string, string];
  // W3C: version ff is invalid, all-zero ids are invalid.
  if (version === 'ff' || /^0+$/.test(traceId) || /^0+$/.test(parentId)) return undefined;
  return { version, traceId, parentId, flags };
}

/**
 * The traceparent for work done here: keeps the caller's trace id (or starts a new trace)
 * with a fresh span id of our own.
 */
export function childTraceparent(incoming?: string | null): string {
  const parsed = parseTraceparent(incoming);
  const traceId = parsed?.traceId ?? randomBytesPooled(16).toString('hex');
  const flags = parsed?.flags ?? '01';
  return `00-${traceId}-${randomBytesPooled(8).toString('hex')}-${flags}`;
}

export function traceIdOf(traceparent: string): string {
  return traceparent.split('-')[1] ?? '';
}

/**
 * The traceparent of the work an incoming request starts: with tracing on, the request's own
 * span (made by the HTTP instrumentation); otherwise a child of the caller's (see childTraceparent).
 */
export function incomingTraceparent(incoming: unknown): string {
  return activeTraceparent() ?? childTraceparent(typeof incoming === 'string' ? incoming : undefined);
}

/**
 * The traceparent header to send on a call made now, as a child of `parent`; undefined when
 * tracing is on inside a span: the HTTP client instrumentation then sends its client span's.
 */
export function outgoingTraceparent(parent: string | null | undefined): string | undefined {
  return activeTraceparent() === undefined ? childTraceparent(parent) : undefined;
}

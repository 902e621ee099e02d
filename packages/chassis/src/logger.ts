import { pino, type Logger, type LoggerOptions } from 'pino';
import { currentContext, traceIdOf } from './context.js';

export type { Logger };

/** Marks a logger whose bindings already hold the trace (a request's logger). */
export const TRACE_BOUND = Symbol('mercato.traceBound');

export interface LoggerSettings {
  service: string;
  level?: string;
  /** Where lines go; standard output by default. Tests pass a stream to read them back. */
  destination?: pino.DestinationStream;
}

/**
 * Structured JSON logs. Every line carries the service name and, inside a request or an
 * event handler, the request id and trace context of that work.
 */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? 'info',
    base: { service: settings.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.refreshToken'],
      censor: '[redacted]',
    },
    mixin(_obj: object, _level: number, logger?: unknown) {
      // A request's own logger has request id and trace bound already.
      if (logger && (logger as Record<symbol, unknown>)[TRACE_BOUND]) return {};
      const ctx = currentContext();
      if (!ctx) return {};
      return { requestId: ctx.requestId, traceId: traceIdOf(ctx.traceparent), traceparent: ctx.traceparent };
    },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

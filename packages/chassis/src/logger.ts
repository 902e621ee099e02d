import { pino, type Logger, type LoggerOptions } from 'pino';
import { currentContext, traceIdOf } from './context.js';

export type { Logger };

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
    mixin() {
      const ctx = currentContext();
      if (!ctx) return {};
      const trace = { traceId: traceIdOf(ctx.traceparent), traceparent: ctx.traceparent };
      // Fastify's request logger already binds requestId; background work gets it here.
      return ctx.kind === 'http' ? trace : { requestId: ctx.requestId, ...trace };
    },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

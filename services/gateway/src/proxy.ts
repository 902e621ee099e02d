import { Readable, Transform, type TransformCallback } from 'node:stream';
import { CircuitBreaker, CircuitOpenError, problem, sendProblem, type BreakerPermit, type FastifyReply, type FastifyRequest, type HttpApp, type Logger } from '@mercato/chassis';
import { Pool, type Dispatcher } from 'undici';
import type { GatewaySettings } from './config.js';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-headers.js';
import { API_PREFIX, FIXED_ROUTES, resolveRoute, SEGMENTS, UPSTREAMS, type UpstreamName } from './routes.js';

/** One service behind the gateway: its connection pool and its circuit breaker. */
export interface Upstream {
  name: UpstreamName;
  origin: string;
  pool: Pool;
  breaker: CircuitBreaker;
}

export function createUpstreams(settings: GatewaySettings, logger: Logger): Record<UpstreamName, Upstream> {
  const out = {} as Record<UpstreamName, Upstream>;
  for (const name of UPSTREAMS) {
    const origin = settings.upstreams[name];
    out[name] = {
      name,
      origin,
      pool: new Pool(origin, {
        connections: settings.upstreamConnections,
        connect: { timeout: settings.connectTimeoutMs },
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

export interface ProxyOptions {
  upstreams: Record<UpstreamName, Upstream>;
  upstreamTimeoutMs: number;
  bodyLimitBytes: number;
  trustForwarded: boolean;
}

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
/** Answers that mean the upstream is not healthy; they count against its breaker. */
const UNHEALTHY_STATUS = new Set([502, 503, 504]);
/** Failures to reach the upstream at all. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
class BodyTooLarge extends Error {}
class ClientGone extends Error {}

/**
 * Counts the request body as it streams to the upstream and fails past the limit. The source
 * is unpiped, not destroyed: destroying an IncomingMessage destroys its socket, and the
 * client is owed its 413.
 */
class BodyLimiter extends Transform {
  tooLarge = false;
  private received = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.limit) {
      this.tooLarge = true;
      cb(new BodyTooLarge(`the body exceeds ${this.limit} bytes`));
      return;
    }
    cb(null, chunk);
  }
}

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  if (typeof e?.code === 'string') return e.code;
  return typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
}

/**
 * The catch-all routes, in their own scope: the body of a proxied request is not parsed but
 * streamed to the upstream as it arrives, and the answer streamed back the same way.
 */
export async function registerProxyRoutes(app: HttpApp, opts: ProxyOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    const handler = (req: FastifyRequest, reply: FastifyReply) => proxy(req, reply, opts);
    // Hidden from the gateway's own document: the merged one describes what is behind them.
    const common = { handler, exposeHeadRoute: false, schema: { hide: true } };
    for (const segment of Object.keys(SEGMENTS)) {
      scope.route({ method: METHODS, url: `${API_PREFIX}/${segment}`, ...common });
      scope.route({ method: METHODS, url: `${API_PREFIX}/${segment}/*`, ...common });
    }
    for (const path of Object.keys(FIXED_ROUTES)) scope.route({ method: ['GET', 'HEAD'], url: path, ...common });
  });
}

/**
 * One proxied request. Callback style on purpose: with the request context's async tracking
 * on, every promise on this path costs, and this path is the gateway's hot loop.
 */
function proxy(req: FastifyRequest, reply: FastifyReply, opts: ProxyOptions): FastifyReply | undefined {
  const target = resolveRoute(req.url);
  if ('refused' in target) {
    return target.refused === 'bad_path'
      ? sendProblem(reply, problem(400, 'bad_path', 'Bad request', 'The path has a "." or ".." segment or an encoded separator', { instance: req.id }))
      : sendProblem(reply, problem(404, 'not_found', 'Not found', `No route for ${req.method} ${req.url.split('?')[0]}`, { instance: req.id }));
  }
  // A declared length over the limit is refused before anything is sent upstream.
  if (Number(req.headers['content-length'] ?? 0) > opts.bodyLimitBytes) return tooLarge(reply, opts.bodyLimitBytes);
  const upstream = opts.upstreams[target.service];

  let permit: BreakerPermit;
  try {
    permit = upstream.breaker.acquire();
  } catch (err) {
    if (!(err instanceof CircuitOpenError)) throw err;
    void reply.header('retry-after', String(Math.max(1, Math.ceil(err.retryAfterMs / 1000))));
    return sendProblem(reply, problem(503, 'upstream_unavailable', 'Service unavailable', err.message, { instance: req.id }));
  }

  let body: BodyLimiter | undefined;
  if (req.body instanceof Readable) {
    const source = req.body as Readable & { complete?: boolean };
    const limiter = (body = new BodyLimiter(opts.bodyLimitBytes));
    source.on('error', (err) => limiter.destroy(err));
    // A client that goes away mid-upload must not leave a half request hanging upstream.
    source.once('close', () => {
      if (source.complete === false) limiter.destroy(new ClientGone('the client went away mid-upload'));
    });
    source.pipe(limiter);
  }

  // No AbortSignal: it costs more per request than the rest of the proxying together, and
  // undici's own timers bound the wait (its headers timer restarts while the body is being
  // sent, so a slow upload is bounded by the server's request timeout, not counted here).
  upstream.pool.request(
    {
      path: target.path,
      method: req.method as Dispatcher.HttpMethod,
      headers: upstreamRequestHeaders(req.headers, {
        clientIp: req.ip,
        protocol: req.protocol === 'https' ? 'https' : 'http',
        traceparent: req.traceparent,
        requestId: req.id,
        trustForwarded: opts.trustForwarded,
      }),
      body: body ?? null,
    },
    (err, res) => {
      if (err) return onUpstreamError(err, { req, reply, opts, permit, body, service: target.service });
      if (UNHEALTHY_STATUS.has(res.statusCode)) permit.failure();
      else permit.success();
      void reply.code(res.statusCode).headers(downstreamResponseHeaders(res.headers));
      if (req.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) {
        // No body by definition; Fastify keeps the upstream's content-length for HEAD.
        res.body.resume();
        return void reply.send();
      }
      res.body.once('error', (e) => req.log.warn({ upstream: target.service, err: e }, 'upstream answer broke off'));
      void reply.send(res.body);
    },
  );
  return reply;
}

function tooLarge(reply: FastifyReply, limit: number): FastifyReply {
  // The rest of the body is not read: the connection cannot be reused.
  void reply.header('connection', 'close');
  return sendProblem(reply, problem(413, 'payload_too_large', 'Payload too large', `The body exceeds ${limit} bytes`, { instance: reply.request.id }));
}

/** Maps a failed upstream call to the problem the client gets, and tells the breaker. */
function onUpstreamError(
  err: Error,
  ctx: { req: FastifyRequest; reply: FastifyReply; opts: ProxyOptions; permit: BreakerPermit; body: BodyLimiter | undefined; service: UpstreamName },
): void {
  const { req, reply, permit, service } = ctx;
  const instance = req.id;
  if (ctx.body?.tooLarge) {
    permit.cancel();
    return void tooLarge(reply, ctx.opts.bodyLimitBytes);
  }
  if (err instanceof ClientGone || reply.raw.destroyed) {
    permit.cancel();
    return void reply.hijack();
  }
  permit.failure();
  const code = errorCode(err);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    req.log.warn({ upstream: service }, 'upstream timed out');
    return void sendProblem(reply, problem(504, 'upstream_timeout', 'Upstream timed out', `${service} did not answer within ${ctx.opts.upstreamTimeoutMs} ms`, { instance }));
  }
  if (code && UNREACHABLE.has(code)) {
    req.log.warn({ upstream: service, code }, 'upstream unreachable');
    return void sendProblem(reply, problem(503, 'upstream_unavailable', 'Service unavailable', `${service} is unreachable (${code})`, { instance }));
  }
  req.log.warn({ upstream: service, err }, 'upstream failed');
  return void sendProblem(reply, problem(502, 'bad_gateway', 'Bad gateway', `${service} sent no valid answer (${code ?? 'protocol error'})`, { instance }));
}

import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import {
  activeTraceparent,
  CircuitOpenError,
  incomingTraceparent,
  NO_STORE,
  problem,
  PROBLEM_CONTENT_TYPE,
  requestIdFrom,
  SECURITY_HEADERS,
  TRACE_BOUND,
  traceIdOf,
  type BreakerPermit,
  type Logger,
} from '@mercato/chassis';
import type { Dispatcher } from 'undici';
import type { Admission, EdgeGuard, EdgeIdentity } from './edge-auth.js';
import { bodyToWrite, flatHead, freshnessMs, ifNoneMatchHolds, keptHeaders, requestPolicy, varyOf, type CachedAnswer, type EdgeStore, type Lookup } from './edge-cache.js';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-headers.js';
import { allowedMethods, isUpload, resolveRoute, type RouteTarget, type UpstreamName } from './routes.js';
import type { Upstream } from './upstreams.js';

export interface ProxyOptions {
  upstreams: Record<UpstreamName, Upstream>;
  upstreamTimeoutMs: number;
  /** `Prefer: wait` above this is lowered to it (see capPreferWait). */
  maxPreferWaitSeconds?: number;
  bodyLimitBytes: number;
  /** The limit of the upload routes (`isUpload`), when larger. */
  uploadLimitBytes?: number;
  trustForwarded: boolean;
  logger: Logger;
  /** Rate limits and the access token check, before anything goes upstream. */
  guard?: EdgeGuard;
  /** The client a trusted front end calls on behalf of (its X-Forwarded-For), if it is one. */
  clientOf?: (req: IncomingMessage) => string | undefined;
  /** The edge caches of public reads, by the service whose answers each keeps. */
  cache?: { stores: ReadonlyMap<string, EdgeStore>; maxTtlMs: number; maxBodyBytes: number } | undefined;
  /** Told of every answered request (metrics). */
  onDone?: (method: string, url: string, upstream: string | undefined, status: number, seconds: number) => void;
}

/** A caller's request id is kept when it looks like one (as the chassis does). */
/** A body's Content-Type must name a media type, `type/subtype` then parameters (415 otherwise, as Fastify did). */
const MEDIA_TYPE = /^\s*[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+\s*(?:;|$)/;
/**
 * Answers that may mean the upstream is not healthy (its database is down) or only that this
 * request could not be served (a queue full, a slow call): they count against its breaker only
 * when its readiness probe fails too.
 */
const UNHEALTHY_STATUS = new Set([502, 503, 504]);
/** Failures to reach the upstream at all: they count. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
/** The connection closed under a request: the upstream stopped or crashed while serving it. */
const CONNECTION_LOST = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);
/** Methods whose repetition is harmless (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** Cache-Status (RFC 9211) of the answers the edge cache had a say in. */
const CACHE_HIT = 'mercato-gateway; hit';
const CACHE_MISS = 'mercato-gateway; fwd=miss';
const CACHE_REFRESH = 'mercato-gateway; fwd=request';
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

/**
 * The client's address for rate limits: the peer's, or with a trusted proxy in front the last
 * X-Forwarded-For entry (the one that proxy added; those before it are the client's to make up).
 */
export function clientAddress(req: IncomingMessage, trustForwarded: boolean): string {
  if (trustForwarded) {
    const xff = req.headers['x-forwarded-for'];
    if (typeof xff === 'string' && xff.length > 0) return xff.slice(xff.lastIndexOf(',') + 1).trim();
  }
  return req.socket.remoteAddress ?? '';
}

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  if (typeof e?.code === 'string') return e.code;
  return typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
}

/**
 * Whether a request has a body to pass on: never for GET and HEAD; for the other methods, when
 * it declares one (a type, a length other than 0, or a chunked encoding).
 */
function hasBody(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const h = req.headers;
  return h['content-type'] !== undefined || h['transfer-encoding'] !== undefined || (h['content-length'] !== undefined && h['content-length'] !== '0');
}

/**
 * The proxied routes, served straight from the node:http server: none of Fastify's per-request
 * work (routing, hooks, reply) is needed to pass a request on, and on this path it was most of
 * the gateway's cost. What the chassis does for every request (request id, trace, log lines,
 * problem+json, 503 while closing) is done here the same way.
 */
export class FastProxy {
  /** Set when the server starts closing: new requests get 503, answers close their connection. */
  closing = false;
  constructor(readonly opts: ProxyOptions) {}

  /**
   * Serves a request on a proxied route, or any request once closing; false for any other
   * (Fastify's to answer: the gateway's own routes, 404 and 405).
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.closing) {
      new Exchange(this, req, res).refuseWhileClosing();
      return true;
    }
    const target = resolveRoute(req.url!);
    if ('refused' in target && target.refused === 'not_found') return false;
    const exchange = new Exchange(this, req, res);
    try {
      exchange.start(target as RouteTarget | { refused: 'bad_path' });
    } catch (err) {
      exchange.fail(err);
    }
    return true;
  }
}

/**
 * One request served here, and the undici handler of its upstream call: callbacks on one
 * object; no promise, and no stream or closure beyond the listeners that need one.
 */
class Exchange implements Dispatcher.DispatchHandler {
  readonly id: string;
  readonly traceparent: string;
  private readonly started = performance.now();
  private readonly logRequests: boolean;
  private watching = false;
  private log: Logger | undefined = undefined;
  private service: UpstreamName | undefined = undefined;
  private permit: BreakerPermit | undefined = undefined;
  private body: BodyLimiter | undefined = undefined;
  private bodyLimit: number;
  private controller: Dispatcher.DispatchController | undefined = undefined;
  /** The upstream's answer has started; its status and headers go out with its first bytes. */
  private answering = false;
  private head: OutgoingHttpHeaders | undefined = undefined;
  /** A cacheable read that missed: the key and generation its answer is kept under, if it may be. */
  private cacheKey: string | undefined = undefined;
  private cacheStore: EdgeStore | undefined = undefined;
  private cacheToken = '';
  private cacheStatus: string | undefined = undefined;
  /** The answer being kept as it streams through (dropped past the body limit). */
  private recording: { ttlMs: number; age: number; headers: Record<string, string | string[]>; vary: string[]; chunks: Buffer[]; bytes: number } | undefined = undefined;

  constructor(
    private readonly proxy: FastProxy,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    const id = req.headers['x-request-id'];
    this.id = requestIdFrom(id);
    const trace = req.headers.traceparent;
    this.traceparent = incomingTraceparent(trace);
    this.logRequests = proxy.opts.logger.isLevelEnabled('info');
    this.bodyLimit = proxy.opts.bodyLimitBytes;
  }

  /**
   * From here on the end of the exchange is watched (metrics, the log line, a client that goes
   * away mid-call): before anything goes upstream, and before a problem is answered. A kept
   * answer is written whole at once and told as done there, without a listener.
   */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    this.res.on('close', () => this.onClose());
  }

  /** The request's logger, with its id and trace bound (made on first use: it is costly). */
  private logger(): Logger {
    if (!this.log) {
      this.log = this.proxy.opts.logger.child({ requestId: this.id, traceId: traceIdOf(this.traceparent), traceparent: this.traceparent });
      (this.log as unknown as Record<symbol, boolean>)[TRACE_BOUND] = true;
    }
    return this.log;
  }

  refuseWhileClosing(): void {
    this.problem(503, 'shutting_down', 'Service unavailable', 'The service is shutting down');
  }

  start(target: RouteTarget | { refused: 'bad_path' }): void {
    const { req } = this;
    const url = req.url!;
    const method = req.method!;
    if (this.logRequests) this.logger().info({ req: { method, url } }, 'incoming request');
    const allowed = allowedMethods(url);
    if (!allowed.includes(method)) {
      return this.problem(405, 'method_not_allowed', 'Method not allowed', `${method} is not allowed on ${url.split('?')[0]}`, { allow: allowed.join(', ') });
    }
    const withBody = hasBody(req);
    const type = req.headers['content-type'];
    if (withBody && type !== undefined && !MEDIA_TYPE.test(type)) {
      return this.problem(415, 'unsupported_media_type', 'Unsupported media type', 'Send the body as application/json');
    }
    if ('refused' in target) {
      return this.problem(400, 'bad_path', 'Bad request', 'The path has a "." or ".." segment or an encoded separator');
    }
    if (withBody && this.proxy.opts.uploadLimitBytes !== undefined && isUpload(method, target.path)) this.bodyLimit = Math.max(this.bodyLimit, this.proxy.opts.uploadLimitBytes);
    // A declared length over the limit is refused before anything is sent upstream.
    if (Number(req.headers['content-length'] ?? 0) > this.bodyLimit) return this.tooLarge();
    const guard = this.proxy.opts.guard;
    if (!guard) return this.forward(target, withBody, undefined);
    // The client's address is worked out only if a limit by address needs it.
    const client = guard.limitsClients ? (this.proxy.opts.clientOf?.(req) ?? clientAddress(req, this.proxy.opts.trustForwarded)) : '';
    const admission = guard.admit(req, client, target.service !== 'auth');
    if (admission instanceof Promise) {
      admission.then(
        (a) => this.admitted(target, withBody, a),
        (err: unknown) => this.fail(err),
      );
    } else this.admitted(target, withBody, admission);
  }

  private admitted(target: RouteTarget, withBody: boolean, admission: Admission): void {
    if (this.res.destroyed) return; // the client went away while the token was checked
    const r = admission.refusal;
    if (r) return this.problem(r.status, r.code, r.title, r.detail, r.headers);
    const store = this.proxy.opts.cache?.stores.get(target.service);
    if (store) {
      const policy = requestPolicy(this.req);
      if (policy !== 'bypass') {
        this.cacheStore = store;
        const found = store.lookup(target.path, this.req.headers);
        if (found instanceof Promise) {
          found.then(
            (l) => this.looked(target, withBody, admission.identity, policy, l),
            (err: unknown) => this.fail(err),
          );
        } else this.looked(target, withBody, admission.identity, policy, found);
        return;
      }
    }
    try {
      this.forward(target, withBody, admission.identity);
    } catch (err) {
      this.fail(err);
    }
  }

  /** After the edge cache was asked: its fresh answer, or the upstream's (kept for next time when it may be). */
  private looked(target: RouteTarget, withBody: boolean, identity: EdgeIdentity | undefined, policy: 'lookup' | 'refresh', found: Lookup): void {
    if (this.res.destroyed) return;
    if (policy === 'lookup' && found.answer) return this.serveCached(target.service, found.answer);
    this.cacheStatus = policy === 'lookup' ? CACHE_MISS : CACHE_REFRESH;
    if (this.req.method === 'GET' && found.token !== '') {
      this.cacheKey = target.path;
      this.cacheToken = found.token;
    }
    try {
      this.forward(target, withBody, identity);
    } catch (err) {
      this.fail(err);
    }
  }

  /** A fresh kept answer, or 304 when the client's If-None-Match names it. */
  private serveCached(service: UpstreamName, a: CachedAnswer): void {
    const { req, res } = this;
    this.service = service;
    const age = String(Math.max(0, Math.floor((Date.now() - a.storedAt) / 1000)) + a.age);
    const inm = req.headers['if-none-match'];
    if (inm !== undefined && ifNoneMatchHolds(typeof inm === 'string' ? inm : undefined, a.etag)) {
      const head: OutgoingHttpHeaders = { ...a.headers, age, 'cache-status': CACHE_HIT, 'x-request-id': this.id, traceparent: this.traceparent };
      if (this.proxy.closing) head.connection = 'close';
      delete head['content-length'];
      delete head['content-type'];
      res.writeHead(304, head).end();
      this.done(304);
      return;
    }
    // The kept headers as a flat list made once per answer, then this answer's own.
    const head = (a.head ??= flatHead(a)).slice();
    head.push('age', age, 'cache-status', CACHE_HIT, 'x-request-id', this.id, 'traceparent', this.traceparent);
    if (this.proxy.closing) head.push('connection', 'close');
    res.writeHead(a.status, head);
    res.end(req.method === 'HEAD' ? undefined : bodyToWrite(a));
    this.done(a.status);
  }

  private forward(target: RouteTarget, withBody: boolean, identity: EdgeIdentity | undefined): void {
    const { req } = this;
    const method = req.method!;
    const upstream = this.proxy.opts.upstreams[target.service];
    this.watch();
    try {
      this.permit = upstream.breaker(target.routeClass).acquire();
    } catch (err) {
      if (!(err instanceof CircuitOpenError)) throw err;
      const retryAfter = String(Math.max(1, Math.ceil(err.retryAfterMs / 1000)));
      return this.problem(503, 'upstream_unavailable', 'Service unavailable', err.message, { 'retry-after': retryAfter });
    }
    this.service = target.service;
    if (withBody) {
      const body = (this.body = new BodyLimiter(this.bodyLimit));
      req.on('error', (err) => body.destroy(err));
      req.pipe(body);
    }
    // No AbortSignal: undici's own timers bound the wait (its headers timer restarts while the
    // body is being sent, so a slow upload is bounded by the server's request timeout).
    const headers = upstreamRequestHeaders(req.headers, {
      clientIp: req.socket.remoteAddress ?? '',
      protocol: 'http',
      // With tracing on, the upstream call's span (the undici instrumentation's) is sent instead.
      traceparent: activeTraceparent() === undefined ? this.traceparent : undefined,
      requestId: this.id,
      trustForwarded: this.proxy.opts.trustForwarded,
      identity,
      maxPreferWaitSeconds: this.proxy.opts.maxPreferWaitSeconds,
    });
    upstream.pool.dispatch({ path: target.path, method: method as Dispatcher.HttpMethod, headers, body: this.body ?? null }, this);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    if (statusCode < 200) return; // informational: the final answer follows
    if (UNHEALTHY_STATUS.has(statusCode)) this.permit!.suspect();
    else this.permit!.success();
    const { res } = this;
    if (res.destroyed) return controller.abort(new ClientGone('the client went away'));
    this.answering = true;
    res.statusCode = statusCode;
    this.head = downstreamResponseHeaders(headers, { 'x-request-id': this.id, traceparent: this.traceparent });
    if (this.cacheStatus) {
      this.head['cache-status'] = this.cacheStatus;
      const cache = this.proxy.opts.cache!;
      const ttlMs = this.cacheKey === undefined ? 0 : freshnessMs(statusCode, headers, cache.maxTtlMs);
      const vary = ttlMs > 0 ? varyOf(headers) : null;
      if (vary) {
        const age = Math.floor(Number(headers.age ?? 0));
        this.recording = { ttlMs, age: Number.isFinite(age) && age > 0 ? age : 0, headers: keptHeaders(headers), vary, chunks: [], bytes: 0 };
      }
    }
    // No body by definition; the upstream's content-length stays (for HEAD, it is the answer).
    if (this.req.method === 'HEAD' || statusCode === 204 || statusCode === 304) this.sendHead().end();
  }

  /** Held until the answer's first bytes, so that an answer that breaks off before can still be a 502. */
  private sendHead(): ServerResponse {
    const { res, head } = this;
    if (head) {
      if (this.proxy.closing) head.connection = 'close';
      res.writeHead(res.statusCode, head);
      this.head = undefined;
    }
    return res;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    const rec = this.recording;
    if (rec) {
      rec.bytes += chunk.length;
      // A copy: the chunk's memory is not ours to keep.
      if (rec.bytes > this.proxy.opts.cache!.maxBodyBytes) this.recording = undefined;
      else rec.chunks.push(Buffer.from(chunk));
    }
    const res = this.sendHead();
    if (res.writableEnded || res.write(chunk) || res.destroyed) return;
    controller.pause();
    res.once('drain', () => controller.resume());
  }

  onResponseEnd(): void {
    const res = this.sendHead();
    if (!res.writableEnded) res.end();
    const rec = this.recording;
    if (rec) {
      this.recording = undefined;
      const now = Date.now();
      const etag = rec.headers.etag;
      const answer: CachedAnswer = {
        status: res.statusCode,
        headers: rec.headers,
        body: rec.chunks.length === 1 ? rec.chunks[0]! : Buffer.concat(rec.chunks),
        etag: typeof etag === 'string' ? etag : undefined,
        storedAt: now,
        expiresAt: now + rec.ttlMs,
        age: rec.age,
      };
      this.cacheStore!.store(this.cacheKey!, this.cacheToken, rec.vary, this.req.headers, answer);
    }
  }

  /** The upstream call failed: mapped to the problem the client gets, and told to the breaker. */
  onResponseError(_controller: Dispatcher.DispatchController | undefined, err: Error): void {
    const { res, permit, service } = this;
    if (res.headersSent) {
      // A bodyless answer is complete (whatever undici makes of a length the upstream declared
      // on it); any other broke off after it had started: the client's connection is cut.
      if (res.writableEnded) return;
      if (!(err instanceof ClientGone)) this.logger().warn({ upstream: service, err }, 'upstream answer broke off');
      res.destroy();
      return;
    }
    if (this.body?.tooLarge) {
      permit!.cancel();
      return this.tooLarge();
    }
    if (err instanceof ClientGone || res.destroyed) return permit!.cancel();
    const code = errorCode(err);
    if (code && UNREACHABLE.has(code)) {
      permit!.failure();
      this.logger().warn({ upstream: service, code }, 'upstream unreachable');
      return this.problem(503, 'upstream_unavailable', 'Service unavailable', `${service} is unreachable (${code})`, { 'retry-after': '1' });
    }
    // A slow answer, or a connection lost mid-request, may be this request's own doing: the
    // upstream's readiness decides whether it counts.
    permit!.suspect();
    if (code === 'UND_ERR_HEADERS_TIMEOUT') {
      this.logger().warn({ upstream: service }, 'upstream timed out');
      return this.problem(504, 'upstream_timeout', 'Upstream timed out', `${service} did not answer within ${this.proxy.opts.upstreamTimeoutMs} ms`);
    }
    this.logger().warn({ upstream: service, err }, 'upstream failed');
    if (code && CONNECTION_LOST.has(code)) {
      const next = IDEMPOTENT.has(this.req.method!)
        ? 'retry shortly'
        : 'whether the request took effect is not known: retry it with the same Idempotency-Key';
      return this.problem(502, 'bad_gateway', 'Bad gateway', `${service} closed the connection before answering (it may have stopped or crashed); ${next}`);
    }
    this.problem(502, 'bad_gateway', 'Bad gateway', `${service} answered with something that is not valid HTTP (${code ?? 'protocol error'})`);
  }

  /** An unexpected error, as the chassis answers one: logged, and nothing of it told. */
  fail(err: unknown): void {
    this.permit?.cancel();
    this.logger().error({ err }, 'unhandled error');
    if (this.res.headersSent) this.res.destroy();
    else this.problem(500, 'internal_error', 'Internal server error', 'An unexpected error occurred');
  }

  private tooLarge(): void {
    // The rest of the body is not read: the connection cannot be reused.
    const limit = this.bodyLimit;
    this.problem(413, 'payload_too_large', 'Payload too large', `The body exceeds ${limit} bytes`, { connection: 'close' });
  }

  private problem(status: number, code: string, title: string, detail: string, extra?: OutgoingHttpHeaders): void {
    const body = JSON.stringify(problem(status, code, title, detail, { instance: this.id }));
    const headers: OutgoingHttpHeaders = { 'x-request-id': this.id, traceparent: this.traceparent, ...SECURITY_HEADERS, ...extra };
    if (this.req.headers.authorization !== undefined) headers['cache-control'] = NO_STORE;
    if (this.proxy.closing) headers.connection = 'close';
    headers['content-type'] = PROBLEM_CONTENT_TYPE;
    headers['content-length'] = Buffer.byteLength(body);
    this.watch();
    this.res.writeHead(status, headers).end(body);
  }

  /** The answer is out: metrics and the log line. */
  private done(status: number): void {
    const ms = performance.now() - this.started;
    this.proxy.opts.onDone?.(this.req.method!, this.req.url!, this.service, status, ms / 1000);
    if (this.logRequests) this.logger().info({ res: { statusCode: status }, responseTime: ms }, 'request completed');
  }

  /** The response is done, or the connection went away first. */
  private onClose(): void {
    const { res } = this;
    if (res.writableFinished) return this.done(res.statusCode);
    // A client that goes away must not leave a half request, or an answer, hanging upstream.
    if (this.body && !this.req.complete) this.body.destroy(new ClientGone('the client went away mid-upload'));
    else if (this.answering) this.controller?.abort(new ClientGone('the client went away'));
  }
}

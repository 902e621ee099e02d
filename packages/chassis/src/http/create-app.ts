/// <reference types="@fastify/swagger" preserve="true" />
import { randomBytes } from 'node:crypto';
import { createServer, maxHeaderSize, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions as HttpsServerOptions } from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createAjv, CUSTOM_FORMATS, newId, plainText, toFieldErrors, type AjvInstance } from '@mercato/contracts';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifySchemaValidationError,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { childTraceparent, incomingTraceparent, runWithContext, traceIdOf, type TraceContext } from '../context.js';
import { isDatabaseUnavailable } from '../db/connection-errors.js';
import { DomainError, InvalidData, ServiceUnavailable, TooManyRequests, Unauthorized } from '../errors.js';
import { TRACE_BOUND, type Logger } from '../logger.js';
import { problem, PROBLEM_CONTENT_TYPE, ProblemSchema, STATUS_PROBLEMS, type Problem } from './problem.js';
import { documentOperations, operationIssues } from './operation.js';
import { findUnboundedParts } from './schema-guard.js';

export type HttpApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
  /**
   * Whether a failure makes the service not ready (default true). A dependency the service can
   * serve without for a while (the broker: events wait in the outbox) is reported in the body of
   * `/readyz`, under `checks` and `degraded`, without turning it into a 503: an orchestrator
   * would otherwise take every replica out of service for a broker blip.
   */
  affectsReadiness?: boolean;
}

export interface HttpAppOptions {
  service: string;
  version?: string;
  logger: Logger;
  /** Largest request body accepted, in bytes (413 beyond). */
  bodyLimitBytes?: number;
  /** Time allowed to receive a whole request, in milliseconds. */
  requestTimeoutMs?: number;
  readiness?: ReadinessCheck[];
  openapi?: { title?: string; description?: string };
  /** Routes whose schemas may be looser (the gateway's catch-all proxy). */
  allowUnboundedRoutes?: (url: string) => boolean;
  /**
   * Run each request inside an async context (default true), so that code far from the handler
   * (stores, the outbox, outgoing calls, any logger) sees its request id and trace. A server that
   * passes them on explicitly (the gateway) turns it off: on Node 20 an async context makes every
   * promise of the process cost more. Request log lines carry the trace either way.
   */
  requestContext?: boolean;
  /** Proxies whose X-Forwarded-For is believed for `req.ip` (addresses, CIDRs, `loopback`). */
  trustProxy?: string;
  /** Answers some requests ahead of Fastify (see `FastPath`); not while the server is closing. */
  fastPath?: FastPath;
  /**
   * Refuse at start a documented route without its operation declaration (`operation()`) or a
   * success status (default true). Only test fixtures that are not an API turn it off.
   */
  requireOperations?: boolean;
  /** Serve HTTPS with these options (see http/tls.ts); with requestCert, mutual TLS. */
  https?: HttpsServerOptions | undefined;
}

/**
 * A service's answer to a request it can serve from memory without the framework (a cached
 * public read): it either answers `res` itself, or calls `next()` to hand the request to
 * Fastify. It must set the same headers a routed answer would (`x-request-id`, `traceparent`).
 */
export type FastPath = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Headers on every answer: no content sniffing, no Referer leaking a capability URL (a guest
 * cart or order link) to another site. A server answering ahead of Fastify (a fast path, the
 * gateway's proxy) sets them too.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

/** `Cache-Control` of an answer to an authenticated request: never kept by any cache. */
export const NO_STORE = 'no-store';

/**
 * Node's answer to a request it could not parse (headers too large, not HTTP, too slow), as
 * problem+json like every other error. It is written on the socket: no request exists yet.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket, maxHeaderBytes: number): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, title, detail] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? ([431, 'headers_too_large', 'Request header fields too large', `The request headers exceed ${maxHeaderBytes} bytes`] as const)
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ([408, 'request_timeout', 'Request timeout', 'The request was not received in time'] as const)
        : ([400, 'bad_request', 'Bad request', 'The request is not valid HTTP'] as const);
  const body = JSON.stringify(problem(status, code, title, detail));
  if (socket.writable) {
    const security = Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${security}connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is a sane token, else a new id. */
export function requestIdFrom(incoming: unknown): string {
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : newId('req');
}
const RAW_TRACE = Symbol('mercato.traceparent');

/** Logs "incoming request" from our onRequest hook instead, once the trace context is set. */
class ChassisLogController extends LogController {
  override incomingRequest(): void {}
}

declare module 'fastify' {
  interface FastifyRequest {
    traceparent: string;
  }
}


export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

function routePattern(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

type Validate = ((data: unknown) => boolean) & { errors?: FastifySchemaValidationError[] | null };

/**
 * A validator that compiles itself on its first call. Fastify reads `errors` off the function it
 * was given after a failed call, so the compiled function's errors are copied onto the wrapper.
 */
export function lazyValidator(compile: () => Validate): Validate {
  let fn: Validate | undefined;
  const validate: Validate = (data) => {
    fn ??= compile();
    const ok = fn(data);
    validate.errors = fn.errors;
    return ok;
  };
  return validate;
}

/** Fastify's own response serializers (fast-json-stringify), each built on its first response. */
function lazySerializers(externalSchemas: unknown, serializerOpts: unknown) {
  const build = SerializerSelector()(externalSchemas as never, serializerOpts as never) as (route: unknown) => (data: unknown) => string;
  return (route: unknown) => {
    let fn: ((data: unknown) => string) | undefined;
    return (data: unknown) => (fn ??= build(route))(data);
  };
}

/**
 * The one Fastify factory every service uses: validation at the boundary, problem+json errors,
 * request id and trace context, health and readiness, OpenAPI 3.1, graceful close.
 * It registers nothing that listens; `server.ts`/`main.ts` does.
 */
export async function createHttpApp(opts: HttpAppOptions): Promise<HttpApp> {
  const bodyAjv = createAjv({ coerceTypes: false });
  // Query strings, params and headers arrive as text: coerce them, and only them.
  const textAjv = createAjv({ coerceTypes: 'array', useDefaults: true });
  const compiled = new WeakMap<object, ReturnType<AjvInstance['compile']>>();
  let closing = false;

  const app = Fastify({
    loggerInstance: opts.logger,
    bodyLimit: opts.bodyLimitBytes ?? 1024 * 1024,
    requestTimeout: opts.requestTimeoutMs ?? 30_000,
    connectionTimeout: (opts.requestTimeoutMs ?? 30_000) + 5_000,
    keepAliveTimeout: 65_000,
    return503OnClosing: false,
    ...(opts.https && !opts.fastPath ? { https: opts.https } : {}),
    ...(opts.trustProxy ? { trustProxy: opts.trustProxy.split(',').map((p) => p.trim()).filter(Boolean) } : {}),
    forceCloseConnections: 'idle',
    clientErrorHandler: (err: Error, socket: Socket) => answerClientError(err as NodeJS.ErrnoException, socket, maxHeaderSize),
    logController: new ChassisLogController({ requestIdLogLabel: 'requestId' }),
    // One child logger per request, made once, with request id and trace bound: the trace is
    // worked out here (from the caller's traceparent) and kept on the raw request for the hooks.
    childLoggerFactory: (logger, bindings, childOpts, rawReq) => {
      // With tracing on, the request's span (the HTTP instrumentation's) is the context here.
      const traceparent = incomingTraceparent(rawReq.headers.traceparent);
      (rawReq as unknown as Record<symbol, string>)[RAW_TRACE] = traceparent;
      const child = logger.child({ ...bindings, traceId: traceIdOf(traceparent), traceparent }, childOpts);
      (child as unknown as Record<symbol, boolean>)[TRACE_BOUND] = true;
      return child;
    },
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
    ajv: { customOptions: { removeAdditional: false } },
    serializerOpts: { ajv: { formats: CUSTOM_FORMATS } },
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ...(opts.fastPath
      ? {
          serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void, options: Record<string, unknown>) => {
            const o = options as { keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number };
            const serve = (req: IncomingMessage, res: ServerResponse) => {
              if (closing) handler(req, res);
              else opts.fastPath!(req, res, () => handler(req, res));
            };
            const server = opts.https ? createHttpsServer(opts.https, serve) : createServer(serve);
            // What Fastify sets on a server it makes itself.
            server.keepAliveTimeout = o.keepAliveTimeout;
            server.requestTimeout = o.requestTimeout;
            server.setTimeout(o.connectionTimeout);
            return server;
          },
        }
      : {}),
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as HttpApp;

  // Compiled on a route's first request, not at start: compiling every route's validators and
  // serializers up front was most of a service's start-up CPU, for routes most starts never serve.
  app.setValidatorCompiler(({ schema, httpPart }) =>
    lazyValidator(() => {
      const ajv = httpPart === 'body' ? bodyAjv : textAjv;
      let fn = compiled.get(schema);
      if (!fn) {
        // Every text field refuses control characters (a NUL would reach PostgreSQL and fail there).
        fn = ajv.compile(plainText(schema));
        compiled.set(schema, fn);
      }
      return fn;
    }),
  );

  app.addSchema(ProblemSchema);

  // Remember every route so that a wrong method answers 405 with Allow, not 404, refuse any
  // route schema that leaves input unbounded, and any documented route that does not declare
  // its operation (id, access, problems) and its success statuses.
  const routes: { pattern: RegExp; methods: Set<string> }[] = [];
  const operationIds = new Map<string, string>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let entry = routes.find((r) => r.pattern.source === routePattern(route.url).source);
    if (!entry) {
      entry = { pattern: routePattern(route.url), methods: new Set() };
      routes.push(entry);
    }
    for (const m of methods) entry.methods.add(m);
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    // Fastify adds a HEAD twin to every GET, with the GET's schema: it is not an operation of its own.
    const own = methods.filter((m) => m !== 'HEAD');
    if (opts.requireOperations !== false && own.length > 0) {
      const where = `${own.join(',')} ${route.url}`;
      const issues = operationIssues(own.join(','), route.url, schema);
      const id = schema.operationId;
      if (issues.length === 0 && schema.hide !== true && typeof id === 'string') {
        const taken = operationIds.get(id);
        if (taken && taken !== where) issues.push(`${where}: operationId ${id} is already used by ${taken}`);
        operationIds.set(id, where);
      }
      if (issues.length > 0) throw new Error(`Undocumented route: ${issues.join('; ')}`);
    }
    if (opts.allowUnboundedRoutes?.(route.url)) return;
    const issues = [
      ...findUnboundedParts(schema.body, `${route.url} body`),
      ...findUnboundedParts(schema.querystring, `${route.url} query`),
      ...findUnboundedParts(schema.params, `${route.url} params`),
      ...findUnboundedParts(schema.headers, `${route.url} headers`, { allowExtraProps: true }),
    ];
    if (issues.length > 0) throw new Error(`Unbounded route schema: ${issues.join('; ')}`);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: opts.openapi?.title ?? `mercato ${opts.service}`,
        description: opts.openapi?.description,
        version: opts.version ?? '0.1.0',
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    // Each route's operation() becomes its security, access note and problem responses.
    transformObject: (doc) => documentOperations(('openapiObject' in doc ? doc.openapiObject : doc.swaggerObject) as Record<string, unknown>),
  });

  // An empty JSON body is no body, and a route that takes an object body validates a missing one
  // as `{}`: a client that forgot the body hears which fields are required, each by its pointer,
  // instead of "body must be object"; a body whose fields are all optional may be left out.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body.toString();
    if (text === '') return done(null, undefined);
    return parseJson(req, text, done);
  });
  app.addHook('preValidation', async (req) => {
    if (req.body !== undefined) return;
    const body = (req.routeOptions.schema as { body?: { type?: unknown } } | undefined)?.body;
    if (body?.type === 'object') req.body = {};
  });

  // From the moment close() is called: new requests get 503, and every response (in-flight ones
  // included) asks the client to close its keep-alive connection, so draining ends promptly.
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (closing) void reply.header('connection', 'close');
    // An answer to an authenticated request is the caller's alone: no cache may keep it.
    if (req.headers.authorization !== undefined) {
      const set = reply.getHeader('cache-control');
      if (typeof set !== 'string' || !/\bno-store\b/.test(set)) void reply.header('cache-control', NO_STORE);
    }
    return payload;
  });

  if (opts.https?.requestCert) requireClientCertificate(app);

  // The client's address (`req.ip`) is worked out only for a line that is written: behind a
  // trusted proxy it parses every X-Forwarded-For address, a cost on every request otherwise.
  const logIncoming = (req: FastifyRequest) => {
    if ((req.log as Logger).isLevelEnabled('info')) req.log.info({ req: { method: req.method, url: req.url, remoteAddress: req.ip } }, 'incoming request');
  };
  app.addHook('onRequest', (req, reply, done) => {
    const traceparent = (req.raw as unknown as Record<symbol, string | undefined>)[RAW_TRACE] ?? childTraceparent(undefined);
    req.traceparent = traceparent;
    void reply.header('x-request-id', req.id);
    void reply.header('traceparent', traceparent);
    void reply.headers(SECURITY_HEADERS);
    if (closing) {
      void reply.header('connection', 'close');
      sendProblem(reply, problem(503, 'shutting_down', 'Service unavailable', 'The service is shutting down', { instance: req.id }));
      return;
    }
    if (opts.requestContext === false) {
      logIncoming(req);
      done();
      return;
    }
    const ctx: TraceContext = { kind: 'http', requestId: req.id, traceparent };
    // Everything after this hook (handler, store calls, outgoing requests, logs) runs in ctx.
    runWithContext(ctx, () => {
      logIncoming(req);
      done();
    });
  });

  app.setErrorHandler((err: FastifyError | DomainError | Error, req, reply) => {
    const instance = req.id;
    // A database that cannot be reached is an outage that passes, not a bug: 503, retry soon.
    if (!(err instanceof DomainError) && isDatabaseUnavailable(err)) {
      req.log.warn({ err }, 'database unavailable');
      err = new ServiceUnavailable(`${opts.service} cannot reach its database right now; retry shortly`);
    }
    if (err instanceof DomainError) {
      if (err instanceof TooManyRequests || err instanceof ServiceUnavailable) void reply.header('retry-after', String(err.retryAfterSeconds));
      if (err instanceof Unauthorized && err.challenge) void reply.header('www-authenticate', err.challenge);
      const extra: Record<string, unknown> = { instance, ...err.extensions };
      if (err instanceof InvalidData && err.errors.length > 0) extra.errors = err.errors;
      if (err.status >= 500 && !(err instanceof ServiceUnavailable)) req.log.error({ err }, err.message);
      return sendProblem(reply, problem(err.status, err.type, err.title, err.detail, extra));
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      const where = fe.validationContext ?? 'body';
      const errors = toFieldErrors(fe.validation as never).map((e) => ({ in: where === 'querystring' ? 'query' : where, ...e }));
      const names = [...new Set(errors.map((e) => `${e.in} ${e.pointer}`))].join(', ');
      return sendProblem(reply, problem(400, 'invalid_data', 'The request is invalid', `Invalid fields: ${names}`, { instance, errors }));
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, problem(413, 'payload_too_large', 'Payload too large', `The body exceeds ${app.initialConfig.bodyLimit} bytes`, { instance }));
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(reply, problem(415, 'unsupported_media_type', 'Unsupported media type', 'Send the body as application/json', { instance }));
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
      return sendProblem(reply, problem(400, 'malformed_body', 'Malformed body', 'The body is not valid JSON', { instance }));
    }
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    const known = STATUS_PROBLEMS[status];
    if (status >= 400 && status < 500 && known) {
      return sendProblem(reply, problem(status, known[0], known[1], fe.message, { instance }));
    }
    // Unexpected: log everything, answer nothing that could leak internals.
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problem(500, 'internal_error', 'Internal server error', 'An unexpected error occurred', { instance }));
  });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const allowed = new Set<string>();
    for (const r of routes) if (r.pattern.test(path)) for (const m of r.methods) allowed.add(m);
    if (allowed.size > 0) {
      void reply.header('allow', [...allowed].sort().join(', '));
      return sendProblem(reply, problem(405, 'method_not_allowed', 'Method not allowed', `${req.method} is not allowed on ${path}`, { instance: req.id }));
    }
    return sendProblem(reply, problem(404, 'not_found', 'Not found', `No route for ${req.method} ${path}`, { instance: req.id }));
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok', service: opts.service }));

  // Ready: this process can serve its API (its database answers). Dependencies it can do without
  // for a while are reported too, as `degraded`, without changing the status.
  app.get('/readyz', { schema: { hide: true } }, async (req, reply) => {
    const checks: Record<string, string> = {};
    const degraded: string[] = [];
    let ready = !closing;
    await Promise.all(
      (opts.readiness ?? []).map(async (c) => {
        try {
          await withTimeout(c.check(), 2_000, `${c.name} did not answer within 2s`);
          checks[c.name] = 'ok';
        } catch (e) {
          if (c.affectsReadiness === false) degraded.push(c.name);
          else ready = false;
          checks[c.name] = e instanceof Error ? e.message.slice(0, 200) : 'unavailable';
        }
      }),
    );
    const extra = degraded.length > 0 ? { degraded: degraded.sort() } : {};
    if (!ready) {
      return sendProblem(reply, problem(503, 'not_ready', 'Service unavailable', 'A dependency is not reachable', { instance: req.id, checks, ...extra }));
    }
    return { status: 'ready', service: opts.service, checks, ...extra };
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}

/**
 * Mutual TLS: every route but the probes' needs a client certificate that the shop's CA signed
 * (the handshake lets others finish so that a kubelet's probe, which has none, gets its answer).
 */
function requireClientCertificate(app: HttpApp): void {
  app.addHook('onRequest', (req, reply, done) => {
    const path = req.url.split('?')[0];
    if (path === '/healthz' || path === '/readyz' || (req.raw.socket as TLSSocket).authorized) return done();
    const why = (req.raw.socket as TLSSocket).authorizationError;
    sendProblem(reply, problem(401, 'client_certificate_required', 'Client certificate required', `This service takes calls from holders of a certificate signed by the shop's CA${why ? ` (${String(why)})` : ''}`, { instance: req.id }));
  });
}

async function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A random opaque token, e.g. for capability links. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export type { FastifyRequest, FastifyReply };

import { setTimeout as sleep } from 'node:timers/promises';
import { currentContext, outgoingTraceparent } from '../context.js';
import { UpstreamError } from '../errors.js';
import { describeTlsError } from '../http/tls.js';
import { backoffDelay } from '../events/backoff.js';
import type { Problem } from '../http/problem.js';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';
import { errorFromResponse, readBounded, toProblem } from './response.js';

export type ServiceMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ServiceQueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export interface ServiceCallOptions {
  /** Repeated keys for arrays (`sku=a&sku=b`); null and undefined are left out. */
  query?: Record<string, ServiceQueryValue>;
  headers?: Record<string, string>;
  /** Sent as `Idempotency-Key`; makes a POST or PATCH safe to retry. */
  idempotencyKey?: string;
  /** Overrides the method's own idempotency (GET/HEAD/PUT/DELETE are, POST/PATCH are not). */
  idempotent?: boolean;
  /** This call's time limit per attempt, instead of the client's. */
  timeoutMs?: number;
  /** The caller's own cancellation; an abort is rethrown as is and never counts against the upstream. */
  signal?: AbortSignal;
}

export interface ServiceRequestOptions extends ServiceCallOptions {
  /** Serialised as JSON. */
  body?: unknown;
}

/**
 * What a call returns when the upstream answered. A non-2xx answer is a result, not an
 * exception, with the upstream's problem+json (or one made up from the status) as its body:
 * a 404 or 409 from another service is often something the caller handles.
 */
export type ServiceResponse<T> =
  | { ok: true; status: number; headers: Headers; body: T }
  | { ok: false; status: number; headers: Headers; body: Problem };

export interface ServiceClientOptions {
  /** The upstream service's name, used in errors and logs. */
  name: string;
  baseUrl: string;
  /** Time limit of one attempt (connect, headers and body), in ms. */
  timeoutMs?: number;
  /** Extra attempts for idempotent calls after a network error or a 502/503/504. */
  retries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /**
   * A breaker shared with other clients of the same upstream, or options for this client's own
   * (whose probe is, unless given, `GET <baseUrl>/readyz`: every chassis service answers it).
   */
  breaker?: CircuitBreaker | Omit<CircuitBreakerOptions, 'name'>;
  /** The largest response body read, in bytes; a larger one is a 502. */
  maxResponseBytes?: number;
  /** Sent with every call (e.g. a service credential). */
  headers?: Record<string, string>;
}

export interface ServiceClient {
  readonly name: string;
  readonly baseUrl: string;
  readonly breaker: CircuitBreaker;
  request<T = unknown>(method: ServiceMethod, path: string, opts?: ServiceRequestOptions): Promise<ServiceResponse<T>>;
  get<T = unknown>(path: string, opts?: ServiceCallOptions): Promise<ServiceResponse<T>>;
  head(path: string, opts?: ServiceCallOptions): Promise<ServiceResponse<undefined>>;
  delete<T = unknown>(path: string, opts?: ServiceCallOptions): Promise<ServiceResponse<T>>;
  post<T = unknown>(path: string, body?: unknown, opts?: ServiceCallOptions): Promise<ServiceResponse<T>>;
  put<T = unknown>(path: string, body?: unknown, opts?: ServiceCallOptions): Promise<ServiceResponse<T>>;
  patch<T = unknown>(path: string, body?: unknown, opts?: ServiceCallOptions): Promise<ServiceResponse<T>>;
  /**
   * The body of a 2xx answer; any other answer throws: the upstream's 4xx as a DomainError with
   * its status, code and detail, a 5xx as an UpstreamError.
   */
  json<T = unknown>(method: ServiceMethod, path: string, opts?: ServiceRequestOptions): Promise<T>;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
const IDEMPOTENT_METHODS = new Set<ServiceMethod>(['GET', 'HEAD', 'PUT', 'DELETE']);
/** Answers that mean "the upstream (or what is in front of it) is not healthy now". */
const UNHEALTHY_STATUS = new Set([502, 503, 504]);
/** Failures to reach the upstream at all: nothing was sent, so the upstream is unavailable. */
const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Resolves when `GET <baseUrl>/readyz` answers 2xx within `timeoutMs`. */
export function readinessProbe(baseUrl: string, timeoutMs: number): () => Promise<void> {
  const url = `${baseUrl.replace(/\/+$/, '')}/readyz`;
  return async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel().catch(() => undefined);
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  };
}

/** An upstream failure of one attempt, remembering whether another attempt could help. */
export class UpstreamCallError extends UpstreamError {
  readonly upstream: string;
  readonly retryable: boolean;
  constructor(upstream: string, status: 502 | 503 | 504, type: string, detail: string, retryable: boolean) {
    super(status, type, detail);
    this.upstream = upstream;
    this.retryable = retryable;
  }
}

/**
 * A client for calls between services over REST: a time limit on every attempt, retries with
 * exponential backoff and jitter for idempotent calls only, a circuit breaker per upstream,
 * the request id and trace context carried along, a bounded response size, and failures
 * mapped to the chassis's UpstreamError (503 unavailable, 504 timeout, 502 bad gateway).
 */
export function createServiceClient(opts: ServiceClientOptions): ServiceClient {
  const name = opts.name;
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const retries = Math.max(0, opts.retries ?? 2);
  const retryBaseMs = opts.retryBaseMs ?? 50;
  const retryMaxMs = opts.retryMaxMs ?? 1_000;
  const maxBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const breaker =
    opts.breaker instanceof CircuitBreaker ? opts.breaker : new CircuitBreaker({ probe: readinessProbe(baseUrl, Math.min(timeoutMs, 2_000)), ...opts.breaker, name });

  function urlFor(path: string, query: ServiceCallOptions['query']): string {
    if (!path.startsWith('/')) throw new TypeError(`service client paths start with "/" (got ${JSON.stringify(path)})`);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
    }
    const qs = params.toString();
    return `${baseUrl}${path}${qs ? `${path.includes('?') ? '&' : '?'}${qs}` : ''}`;
  }

  function headersFor(call: ServiceRequestOptions, hasBody: boolean): Record<string, string> {
    const ctx = currentContext();
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...opts.headers, ...call.headers };
    // A new span per attempt, in the caller's trace (or a new trace for work outside any). With
    // tracing on, the fetch instrumentation sends its client span's instead, inside a span.
    const traceparent = outgoingTraceparent(ctx?.traceparent);
    if (traceparent) headers.traceparent = traceparent;
    if (ctx?.requestId) headers['x-request-id'] = ctx.requestId;
    if (hasBody) headers['content-type'] = 'application/json';
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    return headers;
  }

  function classify(err: unknown, attemptTimeoutMs: number, timedOut: boolean): UpstreamCallError {
    if (err instanceof UpstreamCallError) return err;
    if (timedOut) return new UpstreamCallError(name, 504, 'upstream_timeout', `${name} did not answer within ${attemptTimeoutMs} ms`, false);
    const cause = (err as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
    const code = typeof cause?.code === 'string' ? cause.code : typeof (err as { code?: unknown })?.code === 'string' ? String((err as { code: string }).code) : undefined;
    if (code && CONNECT_ERRORS.has(code)) return new UpstreamCallError(name, 503, 'upstream_unavailable', `${name} is unreachable (${code})`, true);
    const tls = describeTlsError(err);
    if (tls) return new UpstreamCallError(name, 502, 'upstream_tls_refused', `${name} was refused: ${tls}`, false);
    const why = code ?? (typeof cause?.message === 'string' ? cause.message : err instanceof Error ? err.message : 'network error');
    return new UpstreamCallError(name, 502, 'bad_gateway', `${name} failed before answering in full (${why})`, true);
  }

  async function attempt(method: ServiceMethod, url: string, call: ServiceRequestOptions, body: string | undefined): Promise<ServiceResponse<unknown>> {
    const attemptTimeoutMs = call.timeoutMs ?? timeoutMs;
    const timeout = AbortSignal.timeout(attemptTimeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    try {
      const res = await fetch(url, { method, headers: headersFor(call, body !== undefined), body, signal, redirect: 'manual' });
      const text = await readBounded(res, maxBytes, (detail) => new UpstreamCallError(name, 502, 'bad_gateway', `${name} ${detail}`, false));
      const type = res.headers.get('content-type') ?? '';
      let parsed: unknown;
      if (text.length > 0) {
        if (/[/+]json\b/i.test(type)) {
          try {
            parsed = JSON.parse(text);
          } catch {
            throw new UpstreamCallError(name, 502, 'bad_gateway', `${name} answered ${res.status} with malformed JSON`, false);
          }
        } else {
          parsed = text;
        }
      }
      if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, headers: res.headers, body: parsed };
      return { ok: false, status: res.status, headers: res.headers, body: toProblem(name, res.status, parsed) };
    } catch (err) {
      if (call.signal?.aborted) throw call.signal.reason ?? err;
      throw classify(err, attemptTimeoutMs, timeout.aborted);
    }
  }

  async function request<T>(method: ServiceMethod, path: string, call: ServiceRequestOptions = {}): Promise<ServiceResponse<T>> {
    const url = urlFor(path, call.query);
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const idempotent = call.idempotent ?? (IDEMPOTENT_METHODS.has(method) || call.idempotencyKey !== undefined);
    const attempts = idempotent ? retries + 1 : 1;
    for (let n = 1; ; n++) {
      let outcome: ServiceResponse<unknown> | undefined;
      let failure: unknown;
      try {
        outcome = await breaker.run(() => attempt(method, url, call, body), {
          // A 502/503/504 answer, a timeout or a broken answer may be this call's own doing: the
          // upstream's readiness decides. Not reaching it at all is a failure; the caller's own
          // abort says nothing.
          outcomeOf: (r) => (UNHEALTHY_STATUS.has(r.status) ? 'suspect' : 'success'),
          outcomeOfError: (err) => (!(err instanceof UpstreamCallError) ? 'ignore' : err.type === 'upstream_unavailable' ? 'failure' : 'suspect'),
        });
      } catch (err) {
        failure = err;
      }
      const retryable = failure === undefined ? UNHEALTHY_STATUS.has(outcome!.status) : failure instanceof UpstreamCallError && failure.retryable;
      if (!retryable || n >= attempts) {
        if (failure !== undefined) throw failure;
        return outcome as ServiceResponse<T>;
      }
      // Only the caller's abort ends the wait early, and then its reason is what the caller gets.
      await sleep(backoffDelay(n, retryBaseMs, retryMaxMs), undefined, { signal: call.signal }).catch(() => {
        throw call.signal?.reason;
      });
    }
  }

  const client: ServiceClient = {
    name,
    baseUrl,
    breaker,
    request,
    get: (path, o) => request('GET', path, o),
    head: (path, o) => request('HEAD', path, o),
    delete: (path, o) => request('DELETE', path, o),
    post: (path, body, o) => request('POST', path, { ...o, body }),
    put: (path, body, o) => request('PUT', path, { ...o, body }),
    patch: (path, body, o) => request('PATCH', path, { ...o, body }),
    async json<T>(method: ServiceMethod, path: string, o?: ServiceRequestOptions): Promise<T> {
      const res = await request<T>(method, path, o);
      if (res.ok) return res.body;
      throw errorFromResponse(name, res.status, res.body);
    },
  };
  return client;
}

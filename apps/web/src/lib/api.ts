import { createApiClient, isProblem, type ApiClient, type Problem } from '@mercato/client';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { apiBase, frontendKey, markUnavailable, pageNotFound } from './runtime';
import { ACCESS_COOKIE, SESSION_ENDED_PATH } from './session-cookies';

// The server side's API client: every call goes through the gateway with the shopper's access
// token (from the HttpOnly cookie) and their address (so rate limits count per shopper).

/** A service the page needs did not answer (unreachable, 502, 503, 504). */
export class ServiceUnavailable extends Error {
  constructor(what: string) {
    super(`${what} is unavailable`);
    this.name = 'ServiceUnavailable';
  }
}

/** A refusal of the API (4xx) with its problem: its `code` and field `errors`. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }
}

const GONE = new Set([502, 503, 504]);

/** A fetch that answers a 503 problem when the gateway itself cannot be reached. */
const resilientFetch: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch {
    return new Response(JSON.stringify({ status: 503, code: 'upstream_unavailable', title: 'Service unavailable' }), {
      status: 503,
      headers: { 'content-type': 'application/problem+json' },
    });
  }
};

/** The client for this request: as the signed-in shopper (unless `anonymous`), on their behalf. */
export async function api(opts: { anonymous?: boolean; token?: string } = {}): Promise<ApiClient> {
  const base = apiBase();
  const h = await headers();
  const extra: Record<string, string> = {};
  const key = frontendKey();
  const client = h.get('x-forwarded-for');
  if (key && client) {
    extra['x-mercato-frontend-key'] = key;
    extra['x-forwarded-for'] = client;
  }
  const requestId = h.get('x-request-id');
  if (requestId) extra['x-request-id'] = requestId;
  const token = opts.token ?? (opts.anonymous ? undefined : (await cookies()).get(ACCESS_COOKIE)?.value);
  if (token) extra.authorization = `Bearer ${token}`;
  return createApiClient({ baseUrl: base ?? 'http://127.0.0.1:1', headers: extra, fetch: base ? resilientFetch : async () => Response.error() });
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The answer's data, or: 404 (or a malformed id in the path) → the not-found page; 5xx or
 * unreachable → ServiceUnavailable (the page answers 503); a session the API no longer takes
 * (revoked by a password change or reset elsewhere, or a call that needs one) → the sign-in page,
 * which ends it; another refusal → ApiError with its problem (a wrong password at sign-in is
 * `invalid_credentials`, not this).
 */
export function must<T>(r: Answer<T>, what = 'the shop'): T {
  if (r.response.ok) return r.data as T;
  if (namesNothing(r)) pageNotFound();
  if (r.response.status === 401 && isProblem(r.error) && r.error.code === 'unauthorized') redirect(SESSION_ENDED_PATH);
  // 0: no answer at all (the API is not configured or not reachable).
  if (r.response.status === 0 || GONE.has(r.response.status) || r.response.status >= 500) {
    markUnavailable();
    throw new ServiceUnavailable(what);
  }
  throw new ApiError(problemOf(r));
}

/** 404, or an id in the path the API refuses as malformed (/orders/ord_nonexist): nothing is there. */
export function namesNothing(r: { error?: unknown; response: Response }): boolean {
  if (r.response.status === 404) return true;
  return r.response.status === 400 && isProblem(r.error) && !!r.error.errors?.length && r.error.errors.every((e) => e.in === 'params');
}

/** The data, or undefined for any failure: for what a page can do without (reviews, suggestions). */
export function optional<T>(r: Answer<T>): T | undefined {
  return r.response.ok ? (r.data as T) : undefined;
}

/** The problem of a failed answer (a bare one when the body was not problem+json). */
export function problemOf(r: { error?: unknown; response: Response }): Problem {
  return isProblem(r.error) ? r.error : { status: r.response.status, title: r.response.statusText };
}

/** Whether a failure means the service is away (rather than a refusal of this request). */
export function isUnavailable(r: { response: Response }): boolean {
  return r.response.status >= 500;
}

import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };
/** Every schema of the merged document (`<service>_<Name>` where two services use one name). */
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

/** An RFC 9457 problem as every service answers one. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  instance?: string;
  /**
   * Validation errors: where (`body`, `query`, `params`, `headers`), a JSON pointer into that
   * part and what is wrong there.
   */
  errors?: Array<{ in?: string; pointer: string; message: string }>;
  [extra: string]: unknown;
}

export interface ApiClientOptions {
  /** The gateway's origin, e.g. `http://127.0.0.1:8080` (the paths carry `/api/v1`). */
  baseUrl: string;
  /** Headers on every call (e.g. the client address a trusted front end forwards). */
  headers?: Record<string, string>;
  /** The fetch to use (tests, or a server framework's instrumented one). */
  fetch?: typeof fetch;
  /** Called before each request: e.g. to add the caller's access token. */
  middleware?: Middleware[];
}

/** A typed client of the public API: every path, parameter, body and answer from the OpenAPI document. */
export function createApiClient(opts: ApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    headers: opts.headers,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  for (const m of opts.middleware ?? []) client.use(m);
  return client;
}

/** Whether a value is a problem+json body. */
export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number';
}


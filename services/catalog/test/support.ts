import type { MemoryBus, RunningService } from '@mercato/chassis';
import { startTestService, type TestDatabase } from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';
import { catalogService } from '../src/service.js';

export interface CatalogUnderTest {
  svc: RunningService;
  bus: MemoryBus;
  db: TestDatabase;
  /** Requests as a manager, a customer or anonymously, through app.inject. */
  manager: Caller;
  admin: Caller;
  customer: Caller;
  anonymous: Caller;
  call(roles: string[] | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** A manager's write of an existing product, with the If-Match of the product as it is now (an editor who just read it). */
  editor: Caller;
  /** `{ 'if-match': <the product's ETag now> }`, for a write by any caller. */
  ifMatch(idOrSlug: string): Promise<Record<string, string>>;
  /** An Authorization header value for a fresh user with these roles. */
  authorization(roles: string[]): string;
  count(sql: string, params?: unknown[]): Promise<number>;
  outbox(type: string): Promise<Array<{ subject: string; data: Record<string, unknown> }>>;
  stop(): Promise<void>;
}
export type Caller = (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;
export interface Reply {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

/** A catalog service on its own database, with the in-process bus, not listening. */
export async function startCatalog(opts: { env?: NodeJS.ProcessEnv; db?: TestDatabase; listen?: boolean } = {}): Promise<CatalogUnderTest> {
  const h = await startTestService(catalogService, { env: opts.env, db: opts.db, listen: opts.listen });
  const { svc, bus, db } = h;
  // A string body is a CSV import.
  const call = (roles: string[] | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
    h.call(roles ? { userId: newId('usr'), roles } : null, method, url, body, { ...(typeof body === 'string' ? { 'content-type': 'text/csv' } : {}), ...headers });
  const ifMatch = async (idOrSlug: string) => ({ 'if-match': String((await call(['catalog_manager'], 'GET', `/products/${idOrSlug}`)).headers.etag ?? '"none"') });
  return {
    svc,
    bus,
    db,
    call,
    ifMatch,
    editor: async (m, u, b, h) => call(['catalog_manager'], m, u, b, { ...(await ifMatch(/^\/products\/([^/?]+)/.exec(u)![1]!)), ...h }),
    authorization: (roles) => h.bearer(newId('usr'), roles).authorization,
    manager: (m, u, b, h) => call(['catalog_manager'], m, u, b, h),
    admin: (m, u, b, h) => call(['admin'], m, u, b, h),
    customer: (m, u, b, h) => call(['customer'], m, u, b, h),
    anonymous: (m, u, b, h) => call(null, m, u, b, h),
    count: h.count,
    outbox: async (type) =>
      (await svc.db.query<{ subject: string; payload: { data: Record<string, unknown> } }>('SELECT subject, payload FROM outbox WHERE type = $1 ORDER BY created_at, id', [type])).rows.map(
        (r) => ({ subject: r.subject, data: r.payload.data }),
      ),
    stop: h.stop,
  };
}

/** A product body with sensible defaults. */
export function productBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  const slug = (over.slug as string | undefined) ?? `p-${Math.random().toString(36).slice(2, 10)}`;
  return {
    slug,
    title: 'Plain Tee',
    status: 'published',
    options: [{ name: 'Size', values: ['S', 'M'] }],
    variants: [
      { sku: `${slug.toUpperCase()}-S`, options: { Size: 'S' }, prices: [{ amount: 1500, currency: 'USD' }, { amount: 1400, currency: 'EUR' }] },
      { sku: `${slug.toUpperCase()}-M`, options: { Size: 'M' }, prices: [{ amount: 1600, currency: 'USD' }, { amount: 1500, currency: 'EUR' }] },
    ],
    ...over,
  };
}

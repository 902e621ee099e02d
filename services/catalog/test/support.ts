import { createLogger, MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, createTestSigner, listenJwks, type TestDatabase, type TestJwksServer } from '@mercato/chassis/testing';
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

const signer = createTestSigner();
let jwks: TestJwksServer | undefined;
let jwksUsers = 0;

/** A catalog service on its own database, with the in-process bus, not listening. */
export async function startCatalog(opts: { env?: NodeJS.ProcessEnv; db?: TestDatabase; listen?: boolean } = {}): Promise<CatalogUnderTest> {
  const db = opts.db ?? (await createTestDatabase('catalog'));
  jwks ??= await listenJwks([signer.jwk]);
  jwksUsers++;
  const bus = new MemoryBus();
  const release = async () => {
    if (--jwksUsers === 0) {
      await jwks?.close();
      jwks = undefined;
    }
  };
  let svc: RunningService;
  try {
    svc = await startService(catalogService, {
      env: { CATALOG_PORT: '0', CATALOG_DATABASE_URL: db.url, OUTBOX_POLL_MS: '60000', AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`, ...opts.env },
      bus,
      logger: process.env.CATALOG_TEST_LOG ? createLogger({ service: 'catalog', level: process.env.CATALOG_TEST_LOG }) : captureLogger('catalog', 'silent').logger,
      listen: opts.listen ?? false,
      background: false,
    });
  } catch (err) {
    await release();
    if (!opts.db) await db.drop();
    throw err;
  }
  bus.open();
  const call = async (roles: string[] | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const res = await svc.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(roles ? { authorization: `Bearer ${signer.sign({ sub: newId('usr'), roles })}` } : {}),
        ...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json' }),
        ...headers,
      },
      payload,
    });
    return { statusCode: res.statusCode, headers: res.headers, body: res.body, json: <T>() => res.json<T>() };
  };
  const ifMatch = async (idOrSlug: string) => ({ 'if-match': String((await call(['catalog_manager'], 'GET', `/products/${idOrSlug}`)).headers.etag ?? '"none"') });
  return {
    svc,
    bus,
    db,
    call,
    ifMatch,
    editor: async (m, u, b, h) => call(['catalog_manager'], m, u, b, { ...(await ifMatch(/^\/products\/([^/?]+)/.exec(u)![1]!)), ...h }),
    authorization: (roles) => `Bearer ${signer.sign({ sub: newId('usr'), roles })}`,
    manager: (m, u, b, h) => call(['catalog_manager'], m, u, b, h),
    admin: (m, u, b, h) => call(['admin'], m, u, b, h),
    customer: (m, u, b, h) => call(['customer'], m, u, b, h),
    anonymous: (m, u, b, h) => call(null, m, u, b, h),
    count: async (sql, params = []) => Number((await svc.db.query<{ n: number }>(sql, params)).rows[0]!.n),
    outbox: async (type) =>
      (await svc.db.query<{ subject: string; payload: { data: Record<string, unknown> } }>('SELECT subject, payload FROM outbox WHERE type = $1 ORDER BY created_at, id', [type])).rows.map(
        (r) => ({ subject: r.subject, data: r.payload.data }),
      ),
    async stop() {
      await svc.stop();
      if (!opts.db) await db.drop();
      await release();
    },
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

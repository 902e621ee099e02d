import { MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, createTestSigner, eventually, listenJwks, type TestDatabase, type TestJwksServer } from '@mercato/chassis/testing';
import { createEvent, newId, type Envelope, type EventData } from '@mercato/contracts';
import { orderService } from '../src/service.js';
import { listenPeers, type Peers } from './peers.js';

export interface Reply {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  json<T = Record<string, unknown>>(): T;
}
export type Caller = (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;

export interface OrderUnderTest {
  svc: RunningService;
  /** Requests as a user (a fresh one with `as(newId('usr'))`) or anonymously. */
  as(userId: string | undefined): Caller;
  anonymous: Caller;
  /** Publishes events on the in-process bus and waits until each is handled. */
  deliver(...events: Envelope[]): Promise<void>;
  count(sql: string, params?: unknown[]): Promise<number>;
  /** The stand-ins for inventory, the user service and the payment service that the service calls. */
  peers: Peers;
  stop(): Promise<void>;
}

const signer = createTestSigner();

/** An order service on its own database, with the in-process bus, not listening. */
export async function startOrder(env: NodeJS.ProcessEnv = {}): Promise<OrderUnderTest> {
  const db: TestDatabase = await createTestDatabase('order');
  const jwks: TestJwksServer = await listenJwks([signer.jwk]);
  const peers = await listenPeers();
  const bus = new MemoryBus();
  let svc: RunningService;
  try {
    svc = await startService(orderService, {
      env: {
        ORDER_PORT: '0',
        ORDER_DATABASE_URL: db.url,
        OUTBOX_POLL_MS: '60000',
        AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
        INVENTORY_URL: peers.url,
        USER_URL: peers.url,
        PAYMENT_URL: peers.url,
        ...env,
      },
      bus,
      logger: captureLogger('order', 'silent').logger,
      listen: false,
      background: false,
    });
  } catch (err) {
    await jwks.close();
    await peers.close();
    await db.drop();
    throw err;
  }
  bus.open();
  const as =
    (userId: string | undefined): Caller =>
    async (method, url, body, headers = {}) => {
      const res = await svc.app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...(userId ? { authorization: `Bearer ${signer.sign({ sub: userId, roles: ['customer'] })}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { statusCode: res.statusCode, headers: res.headers, body: res.body, json: <T>() => res.json<T>() };
    };
  const count = async (sql: string, params: unknown[] = []) => Number((await svc.db.query<{ n: number }>(sql, params)).rows[0]!.n);
  return {
    svc,
    as,
    anonymous: as(undefined),
    count,
    peers,
    async deliver(...events) {
      await bus.publish(events);
      for (const e of events) await eventually(async () => (await count('SELECT count(*) AS n FROM inbox WHERE event_id = $1', [e.id])) === 1);
    },
    async stop() {
      await svc.stop();
      await jwks.close();
      await peers.close();
      await db.drop();
    },
  };
}

/** A catalog event as the catalog publishes it, at a chosen time. */
export function catalogEvent<T extends 'ProductCreated' | 'ProductUpdated' | 'ProductDeleted' | 'PriceChanged'>(type: T, data: EventData<T>, occurredAt: Date): Envelope {
  const subject = (data as { productId: string }).productId;
  return createEvent(type, data, { source: 'catalog', subject, occurredAt });
}

export interface ProductSpec {
  productId?: string;
  status?: 'draft' | 'published' | 'archived';
  title?: string;
  variants: Array<{ sku: string; prices: Record<string, number> }>;
}

/** ProductCreated/ProductUpdated data with stable variant ids per SKU. */
const variantIds = new Map<string, string>();
export function productFacts(spec: ProductSpec & { productId: string }): EventData<'ProductCreated'> {
  return {
    productId: spec.productId,
    slug: `p-${spec.productId.slice(-8).toLowerCase()}`,
    title: spec.title ?? 'Plain Tee',
    status: spec.status ?? 'published',
    variants: spec.variants.map((v) => {
      if (!variantIds.has(v.sku)) variantIds.set(v.sku, newId('var'));
      return { variantId: variantIds.get(v.sku)!, sku: v.sku, prices: Object.entries(v.prices).map(([currency, amount]) => ({ amount, currency })) };
    }),
  };
}
export const variantIdOf = (sku: string) => variantIds.get(sku)!;

/** An Authorization header for a user with these roles (e.g. staff). */
export const bearer = (userId: string, roles: string[]) => ({ authorization: `Bearer ${signer.sign({ sub: userId, roles })}` });

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, createTestSigner, eventually, listenJwks, type TestDatabase, type TestJwksServer } from '@mercato/chassis/testing';
import { createEvent, newId, type Envelope, type EventData } from '@mercato/contracts';
import { orderService } from '../src/service.js';

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
  /** The payment service as checkout sees it: the providers it answers, or down (503). */
  payment: FakePaymentProviders;
  stop(): Promise<void>;
}

export interface FakePaymentProviders {
  url: string;
  providers: { name: string; paymentMethods: { id: string }[] }[];
  down: boolean;
  reads: number;
  close(): Promise<void>;
}

/** The sandbox's test cards as the payment service lists them. */
export const SANDBOX = {
  name: 'sandbox',
  paymentMethods: ['pm_card_visa', 'pm_card_mastercard', 'pm_card_chargeDeclined', 'pm_card_authenticationRequired', 'pm_card_timeout'].map((id) => ({ id })),
};

/** `GET /payments/providers`, as the payment service answers it (the sandbox by default). */
export async function fakePaymentProviders(): Promise<FakePaymentProviders> {
  const state = { providers: [SANDBOX] as FakePaymentProviders['providers'], down: false, reads: 0 };
  const server = createServer((req, res) => {
    if (req.url !== '/payments/providers') return void res.writeHead(404).end();
    state.reads++;
    if (state.down) return void res.writeHead(503, { 'content-type': 'application/problem+json' }).end('{"status":503,"code":"shutting_down"}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ providers: state.providers }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}

const signer = createTestSigner();

/** An order service on its own database, with the in-process bus, not listening. */
export async function startOrder(env: NodeJS.ProcessEnv = {}): Promise<OrderUnderTest> {
  const db: TestDatabase = await createTestDatabase('order');
  const jwks: TestJwksServer = await listenJwks([signer.jwk]);
  const payment = await fakePaymentProviders();
  const bus = new MemoryBus();
  let svc: RunningService;
  try {
    svc = await startService(orderService, {
      env: { ORDER_PORT: '0', ORDER_DATABASE_URL: db.url, OUTBOX_POLL_MS: '60000', AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`, PAYMENT_URL: payment.url, ...env },
      bus,
      logger: captureLogger('order', 'silent').logger,
      listen: false,
      background: false,
    });
  } catch (err) {
    await jwks.close();
    await payment.close();
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
    payment,
    async deliver(...events) {
      await bus.publish(events);
      for (const e of events) await eventually(async () => (await count('SELECT count(*) AS n FROM inbox WHERE event_id = $1', [e.id])) === 1);
    },
    async stop() {
      await svc.stop();
      await jwks.close();
      await payment.close();
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

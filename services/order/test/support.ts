import type { RunningService } from '@mercato/chassis';
import { startTestService, testBearer } from '@mercato/chassis/testing';
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
  dbUrl: string;
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

/** An order service on its own database, with the in-process bus, not listening. */
export async function startOrder(env: NodeJS.ProcessEnv = {}): Promise<OrderUnderTest> {
  const peers = await listenPeers();
  const h = await startTestService(orderService, {
    env: { INVENTORY_URL: peers.url, USER_URL: peers.url, PAYMENT_URL: peers.url, ...env },
    onStop: () => peers.close(),
  });
  const as =
    (userId: string | undefined): Caller =>
    (method, url, body, headers) =>
      h.call(userId ? { userId, roles: ['customer'] } : null, method, url, body, headers);
  return { svc: h.svc, dbUrl: h.db.url, as, anonymous: as(undefined), count: h.count, peers, deliver: h.deliver, stop: h.stop };
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
export const bearer = (userId: string, roles: string[]) => testBearer(userId, roles);

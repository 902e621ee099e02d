import type { RunningService } from '@mercato/chassis';
import { startTestService } from '@mercato/chassis/testing';
import { createEvent, newId, type Envelope } from '@mercato/contracts';
import { reviewService } from '../src/service.js';

export interface Reply {
  statusCode: number;
  headers: Record<string, unknown>;
  json<T = Record<string, unknown>>(): T;
}
export type Caller = (method: string, url: string, body?: unknown) => Promise<Reply>;

export interface ReviewUnderTest {
  svc: RunningService;
  dbUrl: string;
  as(userId: string | undefined, roles?: string[]): Caller;
  deliver(...events: Envelope[]): Promise<void>;
  rows<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** A review service on its own database, with the in-process bus, driven by inject(). */
export async function startReview(env: NodeJS.ProcessEnv = {}): Promise<ReviewUnderTest> {
  const h = await startTestService(reviewService, { env });
  return {
    svc: h.svc,
    dbUrl: h.db.url,
    rows: h.rows,
    as: (userId, roles = ['customer']) => (method, url, body) => h.call(userId ? { userId, roles } : null, method, url, body),
    deliver: h.deliver,
    stop: h.stop,
  };
}

/** OrderDelivered for a user's order of these products. */
export function delivered(userId: string | null, productIds: string[]) {
  const orderId = newId('ord');
  return createEvent(
    'OrderDelivered',
    { orderId, userId, deliveredAt: new Date().toISOString(), lines: productIds.map((productId, i) => ({ productId, sku: `SKU-${i}` })) },
    { source: 'order', subject: orderId },
  );
}

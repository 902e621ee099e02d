import { MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, createTestSigner, eventually, listenJwks, type TestDatabase, type TestJwksServer } from '@mercato/chassis/testing';
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

const signer = createTestSigner();

/** A review service on its own database, with the in-process bus, driven by inject(). */
export async function startReview(env: NodeJS.ProcessEnv = {}): Promise<ReviewUnderTest> {
  const db: TestDatabase = await createTestDatabase('review');
  const jwks: TestJwksServer = await listenJwks([signer.jwk]);
  const bus = new MemoryBus();
  let svc: RunningService;
  try {
    svc = await startService(reviewService, {
      env: { REVIEW_PORT: '0', REVIEW_DATABASE_URL: db.url, OUTBOX_POLL_MS: '60000', AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`, ...env },
      bus,
      logger: captureLogger('review', process.env.TEST_LOG ?? 'silent').logger,
      listen: false,
      background: false,
    });
  } catch (err) {
    await jwks.close();
    await db.drop();
    throw err;
  }
  bus.open();
  const rows = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await svc.db.query<T>(sql, params)).rows;
  return {
    svc,
    dbUrl: db.url,
    rows,
    as: (userId, roles = ['customer']) =>
      async (method, url, body) => {
        const res = await svc.app.inject({
          method: method as 'GET',
          url,
          headers: {
            ...(userId ? { authorization: `Bearer ${signer.sign({ sub: userId, roles })}` } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          payload: body === undefined ? undefined : JSON.stringify(body),
        });
        return { statusCode: res.statusCode, headers: res.headers, json: <T>() => res.json<T>() };
      },
    async deliver(...events) {
      await bus.publish(events);
      for (const e of events) await eventually(async () => (await rows('SELECT 1 FROM inbox WHERE event_id = $1', [e.id])).length === 1);
    },
    async stop() {
      await svc.stop();
      await jwks.close();
      await db.drop();
    },
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

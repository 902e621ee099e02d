import type { Envelope } from '@mercato/contracts';
import { MemoryBus } from '../bus/memory-bus.js';
import { createLogger } from '../logger.js';
import { startService, type RunningService, type ServiceModule } from '../service/service.js';
import { captureLogger, createTestDatabase, eventually, type TestDatabase } from './index.js';
import { createTestSigner, listenJwks, type TestJwksServer } from './tokens.js';

/**
 * The one way a service's tests start it: on its own test database (or one given), with the
 * in-process bus, access tokens signed by a test key that a local JWKS serves, and a silent
 * logger (`TEST_LOG=debug` shows it). Not listening and without background work unless asked.
 */

export interface TestReply {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

/** Who calls: a user with roles, or nobody (no Authorization header). */
export type TestCaller = { userId: string; roles: readonly string[] } | null;

export interface ServiceUnderTest {
  svc: RunningService;
  db: TestDatabase;
  bus: MemoryBus;
  /** A request through `app.inject` as `who`; a string body is sent as is (with its `content-type` header, else JSON's). */
  call(who: TestCaller, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<TestReply>;
  /** An `Authorization` header for this user and roles. */
  bearer(userId: string, roles: readonly string[]): { authorization: string };
  rows<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The `n` of a `SELECT count(*) AS n …`. */
  count(sql: string, params?: unknown[]): Promise<number>;
  /** Publishes events on the bus and waits until the service's inbox holds each. */
  deliver(...events: Envelope[]): Promise<void>;
  stop(): Promise<void>;
}

export interface TestServiceOptions {
  /** Over the defaults (`<NAME>_PORT=0`, `<NAME>_DATABASE_URL`, a slow outbox poll, the test JWKS). */
  env?: NodeJS.ProcessEnv;
  /** A database of the caller's (left in place at stop); else a fresh one, dropped at stop. */
  db?: TestDatabase | { url: string };
  bus?: MemoryBus;
  listen?: boolean;
  background?: boolean;
  /** Serve test access tokens (default true); the auth service issues its own. */
  jwks?: boolean;
  /** Closes what the caller started beside the service (stand-ins for its peers), at stop. */
  onStop?: () => Promise<void>;
}

const signer = createTestSigner();
let jwks: TestJwksServer | undefined;
let jwksUsers = 0;

async function useJwks(): Promise<{ url: string; release: () => Promise<void> }> {
  jwks ??= await listenJwks([signer.jwk]);
  jwksUsers++;
  const url = jwks.url;
  let released = false;
  return {
    url,
    release: async () => {
      if (released) return;
      released = true;
      if (--jwksUsers === 0) {
        const closing = jwks;
        jwks = undefined;
        await closing?.close();
      }
    },
  };
}

export const testBearer = (userId: string, roles: readonly string[]) => ({ authorization: `Bearer ${signer.sign({ sub: userId, roles: [...roles] })}` });

export async function startTestService(module: ServiceModule, opts: TestServiceOptions = {}): Promise<ServiceUnderTest> {
  const NAME = module.name.toUpperCase();
  const own = opts.db === undefined;
  const db: TestDatabase = opts.db === undefined ? await createTestDatabase(module.name) : { url: opts.db.url, name: new URL(opts.db.url).pathname.slice(1), drop: async () => undefined };
  const keys = opts.jwks === false ? undefined : await useJwks();
  const bus = opts.bus ?? new MemoryBus();
  const level = process.env.TEST_LOG;
  let svc: RunningService;
  try {
    svc = await startService(module, {
      env: {
        [`${NAME}_PORT`]: '0',
        [`${NAME}_DATABASE_URL`]: db.url,
        OUTBOX_POLL_MS: '60000',
        ...(keys ? { AUTH_JWKS_URL: `${keys.url}/.well-known/jwks.json` } : {}),
        ...opts.env,
      },
      bus,
      logger: level ? createLogger({ service: module.name, level }) : captureLogger(module.name, 'silent').logger,
      listen: opts.listen ?? false,
      background: opts.background ?? false,
    });
  } catch (err) {
    await keys?.release();
    if (own) await db.drop();
    await opts.onStop?.();
    throw err;
  }
  bus.open();
  const rows = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await svc.db.query<T>(sql, params)).rows;
  const count = async (sql: string, params: unknown[] = []) => Number((await rows<{ n: number }>(sql, params))[0]!.n);
  return {
    svc,
    db,
    bus,
    rows,
    count,
    bearer: testBearer,
    async call(who, method, url, body, headers = {}) {
      const res = await svc.app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...(who ? testBearer(who.userId, who.roles) : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { statusCode: res.statusCode, headers: res.headers, body: res.body, json: <T>() => res.json<T>() };
    },
    async deliver(...events) {
      await bus.publish(events);
      for (const e of events) await eventually(async () => (await count('SELECT count(*) AS n FROM inbox WHERE event_id = $1', [e.id])) === 1);
    },
    async stop() {
      await svc.stop();
      await keys?.release();
      if (own) await db.drop();
      await opts.onStop?.();
    },
  };
}

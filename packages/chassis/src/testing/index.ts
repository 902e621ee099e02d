import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import { ensureDatabase, withDatabase } from '../db/db.js';
import { createLogger, type Logger } from '../logger.js';

/** Test helpers on the real servers. Tests never mock PostgreSQL, RabbitMQ or Redis. */
export const TEST_PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_AMQP_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

type Server = 'postgres' | 'rabbitmq' | 'redis';
const LABELS: Record<Server, string> = { postgres: 'PostgreSQL', rabbitmq: 'RabbitMQ', redis: 'Redis' };

/**
 * For `describe(name, { skip: skipUnless('postgres') }, …)`: false when every server is up,
 * else the reason the suite is skipped. When servers are required (CI) a missing one throws.
 */
export function skipUnless(...servers: Server[]): string | false {
  const missing = (process.env.MERCATO_MISSING_SERVERS ?? '').split(',').filter(Boolean);
  const absent = servers.filter((s) => missing.includes(s));
  if (absent.length === 0) return false;
  const reason = `skipped: ${absent.map((s) => LABELS[s]).join(' and ')} not reachable`;
  if (process.env.MERCATO_REQUIRE_SERVERS === '1') throw new Error(`${reason}, and the real servers are required`);
  return reason;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database on the test server, dropped (with its connections) by `drop()`. */
export async function createTestDatabase(prefix = 't', serverUrl = TEST_PG_URL): Promise<TestDatabase> {
  const name = uniqueName(`mercato_${prefix}`).toLowerCase();
  await ensureDatabase(serverUrl, name);
  return {
    url: withDatabase(serverUrl, name),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A logger whose JSON lines are kept for assertions. */
export function captureLogger(service = 'test', level = 'debug'): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: createLogger({ service, level, destination }), lines };
}

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, stepMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
export * from './tokens.js';
export * from './infra.js';
export * from './redis-server.js';
export * from './tcp-relay.js';
export * from './service-harness.js';

import { randomBytes } from 'node:crypto';
import { MemoryBus, type RunningService } from '@mercato/chassis';
import { startTestService } from '@mercato/chassis/testing';
import { authService } from '../src/service.js';

/** Shared by the auth integration tests: one service on a test database, JSON posts, outbox reads. */
export const KEK = randomBytes(32).toString('base64url');
export const BASE_ENV = {
  AUTH_PORT: '0',
  AUTH_SCRYPT_N: '1024',
  AUTH_KEY_ENCRYPTION_KEY: KEK,
  OUTBOX_POLL_MS: '60000',
  AUTH_RESPONSE_FLOOR_MS: '20',
  // The limits and the email cooldown have their own tests (limits.int.test.ts); the others make
  // many requests from one address.
  AUTH_REGISTER_IP_LIMIT: '0',
  AUTH_RECOVERY_IP_LIMIT: '0',
  AUTH_ACCOUNT_REQUEST_LIMIT: '0',
  AUTH_RESET_EMAIL_COOLDOWN_S: '0',
};

/** `bus`: pass one to publish events to the service; it is opened here. */
export async function startAuth(dbUrl: string, env: Record<string, string> = {}, bus: MemoryBus = new MemoryBus()): Promise<RunningService> {
  const h = await startTestService(authService, { db: { url: dbUrl }, env: { ...BASE_ENV, ...env }, bus, listen: true, jwks: false });
  return h.svc;
}

export function poster(svc: () => RunningService) {
  return (path: string, body: unknown) =>
    fetch(`${svc().url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export interface OutboxEvent {
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

export async function outboxEvents(svc: RunningService, type?: string): Promise<OutboxEvent[]> {
  const r = await svc.db.query<{ type: string; subject: string; payload: { data: Record<string, unknown> } }>(
    `SELECT type, subject, payload FROM outbox WHERE $1::text IS NULL OR type = $1 ORDER BY created_at, id`,
    [type ?? null],
  );
  return r.rows.map((e) => ({ type: e.type, subject: e.subject, data: e.payload.data }));
}

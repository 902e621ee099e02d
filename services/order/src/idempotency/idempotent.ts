import { createHash } from 'node:crypto';
import { DomainError, type Db, type Queryable } from '@mercato/chassis';
import { IdempotencyKeyReused, ReplayedRefusal, RequestInFlight } from './idempotency.errors.js';
import { idempotencyStore, type SqlFragment, type StoredAnswer } from './idempotency.store.js';

/** How long a key is remembered. */
export const KEY_TTL_HOURS = 24;
/** A claim older than this whose request never finished (the process died) may be taken over. */
export const STALE_CLAIM_SECONDS = 60;

/** JSON with object keys sorted, so the same body hashes the same whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const requestHash = (request: unknown): Buffer => createHash('sha256').update(canonicalJson(request)).digest();

/** How `work` stores its answer, in its own transaction. */
export interface Commit {
  /** Stores `answer` (a statement of its own). */
  (tx: Queryable, answer: StoredAnswer): Promise<void>;
  /** The same store as a CTE for the work's own statement, which must run in its transaction. */
  inStatement(answer: StoredAnswer): SqlFragment;
}

export interface IdempotencyScope {
  scope: string;
  key: string;
}

/**
 * Runs `work` at most once per (scope, key) and request body:
 * - the key is claimed first, in its own committed statement;
 * - `work` must store its successful answer with `commit(tx, answer)` inside its own
 *   transaction (or in a statement of it, `commit.inStatement(answer)`), so the answer is
 *   remembered if and only if the work committed;
 * - a 4xx refusal is stored right after, so a retry gets the same refusal;
 * - anything else (5xx, a crash) releases the claim, so a retry can run again.
 * A retry with the same body gets the stored answer; with another body, 422
 * `idempotency_key_reused`; while the first is still running, 409 `request_in_flight`.
 */
export async function idempotent(
  db: Db,
  { scope, key }: IdempotencyScope,
  request: unknown,
  work: (commit: Commit) => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  const hash = requestHash(request);
  const record = await idempotencyStore.claim(db, scope, key, hash, KEY_TTL_HOURS, STALE_CLAIM_SECONDS);
  if (record.state !== 'claimed') {
    if (!record.requestHash.equals(hash)) throw new IdempotencyKeyReused();
    if (record.state === 'in_flight') throw new RequestInFlight();
    return replay(record.answer);
  }
  try {
    const commit: Commit = Object.assign((tx: Queryable, answer: StoredAnswer) => idempotencyStore.complete(tx, scope, key, answer), {
      inStatement: (answer: StoredAnswer) => idempotencyStore.completion(scope, key, answer),
    });
    return await work(commit);
  } catch (err) {
    if (err instanceof DomainError && err.status >= 400 && err.status < 500) {
      const body = { type: err.type, title: err.title, detail: err.detail ?? null, extensions: err.extensions };
      await idempotencyStore.complete(db, scope, key, { status: err.status, body });
    } else {
      await idempotencyStore.release(db, scope, key).catch(() => undefined);
    }
    throw err;
  }
}

function replay(answer: StoredAnswer): StoredAnswer {
  if (answer.status < 400) return answer;
  const b = answer.body as { type: string; title: string; detail: string | null; extensions: Record<string, unknown> };
  throw new ReplayedRefusal({ type: b.type, status: answer.status, title: b.title, detail: b.detail ?? undefined, extensions: b.extensions });
}

/** Removes up to `limit` keys past their lifetime; returns how many. */
export function expireIdempotencyKeys(db: Queryable, limit = 1000): Promise<number> {
  return idempotencyStore.deleteExpired(db, KEY_TTL_HOURS, limit);
}

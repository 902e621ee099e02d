import type { Queryable } from '@mercato/chassis';
import { hashRefreshToken, newRefreshToken } from '../sessions/refresh-token.js';
import { oneTimeTokensStore, type TokenPurpose } from './one-time-tokens.store.js';

/** 32 random bytes (base64url), like a refresh token, and likewise stored only as SHA-256. */
export const hashOneTimeToken = hashRefreshToken;

/** Creates a single-use token; the plain value goes only into the event that emails it. */
export async function createOneTimeToken(
  tx: Queryable,
  purpose: TokenPurpose,
  userId: string,
  ttlS: number,
): Promise<{ token: string; expiresAt: string }> {
  const token = newRefreshToken();
  const expiresAt = await oneTimeTokensStore.insert(tx, { tokenHash: hashOneTimeToken(token), purpose, userId, ttlS });
  return { token, expiresAt: expiresAt.toISOString() };
}

/**
 * Runs `work` and answers no sooner than `floorMs` after the start, so an answer's timing does
 * not tell whether the work found an account.
 */
export async function withTimeFloor<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const floor = new Promise((resolve) => setTimeout(resolve, floorMs));
  // A refusal waits for the floor too: its timing must not differ from a success's.
  const [result] = await Promise.all([work().then((value) => ({ value }), (error: unknown) => ({ error })), floor]);
  if ('error' in result) throw result.error;
  return result.value;
}

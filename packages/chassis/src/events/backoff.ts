/**
 * Exponential backoff with jitter: attempt n waits base·2^(n−1), capped, then scaled by a
 * random factor in [0.5, 1) so that many failing consumers do not retry in lockstep.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(1, Math.floor(exp * (0.5 + random() * 0.5)));
}

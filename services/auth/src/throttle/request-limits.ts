import { TooManyRequests, type Queryable } from '@mercato/chassis';
import type { RequestLimitsConfig } from '../config.js';
import { requestCountersStore as store } from './request-counters.store.js';

/** Which requests a limit counts together. */
export type LimitedAction = 'register' | 'recovery';

/**
 * Limits on the requests that cost a password hash or send an email, per client address and
 * per account (the normalised email or the user id, registered or not, so a 429 tells nothing
 * about an account), in fixed windows shared by every auth instance. Each call counts the
 * request; past a limit it is refused with 429 and `Retry-After` before anything is done.
 * A limit of 0 turns it off.
 */
export async function limitRequest(q: Queryable, c: RequestLimitsConfig, action: LimitedAction, who: { ip?: string; account?: string }): Promise<void> {
  const ipLimit = action === 'register' ? c.registerIpLimit : c.recoveryIpLimit;
  const checks: [string, number][] = [];
  if (who.ip !== undefined && ipLimit > 0) checks.push([`${action}:ip:${who.ip}`, ipLimit]);
  if (who.account !== undefined && c.accountLimit > 0) checks.push([`${action}:account:${who.account}`, c.accountLimit]);
  for (const [key, limit] of checks) {
    const { hits, resetS } = await store.hit(q, key, c.windowS);
    if (hits > limit) throw new TooManyRequests(resetS, 'Too many requests of this kind; try again later');
  }
}

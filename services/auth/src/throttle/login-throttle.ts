import { TooManyRequests, type Queryable } from '@mercato/chassis';
import type { LoginThrottleConfig } from '../config.js';
import { loginThrottlesStore as store, type ThrottleRow } from './login-throttles.store.js';

/** 429 before the password is looked at. Says nothing about whether the account exists. */
export class LoginThrottled extends TooManyRequests {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, 'Too many failed sign-ins; try again later');
    // The chassis sets Retry-After for every TooManyRequests; this one has its own code.
    (this as { type: string }).type = 'login_throttled';
  }
}

export const accountKey = (normalisedEmail: string) => `account:${normalisedEmail}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/**
 * How many seconds a sign-in must still wait, 0 when it may go ahead. Pure: the rules on one
 * account counter and one address counter, read with the database's clock.
 * - account: after `freeFailures` failures in the window, the n-th failure makes the next
 *   attempt wait 2^(n-freeFailures) s (at most `lockS`) after it; at `lockAfter` failures it is locked for `lockS`.
 * - address: `ipLimit` failures per window, then nothing until the window ends.
 */
export function waitSeconds(c: LoginThrottleConfig, now: Date, account: ThrottleRow | undefined, address: ThrottleRow | undefined): number {
  const t = now.getTime();
  let waitMs = 0;
  if (account) {
    if (account.locked_until && account.locked_until.getTime() > t) waitMs = account.locked_until.getTime() - t;
    const windowOpen = account.window_start.getTime() + c.windowS * 1000 > t;
    if (windowOpen && account.failures >= c.freeFailures) {
      // Capped at the lock's length: a delay never outlasts what a lock would impose.
      const delayMs = Math.min(2 ** Math.min(account.failures - c.freeFailures, 30), c.lockS) * 1000;
      waitMs = Math.max(waitMs, account.last_failure_at.getTime() + delayMs - t);
    }
  }
  if (address) {
    const windowEnd = address.window_start.getTime() + c.windowS * 1000;
    if (windowEnd > t && address.failures >= c.ipLimit) waitMs = Math.max(waitMs, windowEnd - t);
  }
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/** Refuses the attempt (429 with Retry-After) while the account or the address must wait. */
export async function checkLoginAllowed(q: Queryable, c: LoginThrottleConfig, email: string, ip: string): Promise<void> {
  const keys = [accountKey(email), addressKey(ip)];
  const { rows, now } = await store.read(q, keys);
  const wait = waitSeconds(
    c,
    now,
    rows.find((r) => r.key === keys[0]),
    rows.find((r) => r.key === keys[1]),
  );
  if (wait > 0) throw new LoginThrottled(wait);
}

export async function recordLoginFailure(q: Queryable, c: LoginThrottleConfig, email: string, ip: string): Promise<void> {
  await store.recordFailure(q, accountKey(email), { windowS: c.windowS, lockAfter: c.lockAfter, lockS: c.lockS });
  await store.recordFailure(q, addressKey(ip), { windowS: c.windowS, lockAfter: 0, lockS: c.lockS });
}

/** A successful sign-in clears the account's counter (not the address's). */
export async function recordLoginSuccess(q: Queryable, email: string): Promise<void> {
  await store.clear(q, accountKey(email));
}

import type { Job } from '@mercato/chassis';
import type { OrderDeps } from '../deps.js';
import { expireIdempotencyKeys } from '../idempotency/idempotent.js';

/** Forgets Idempotency-Keys past their 24 hours (a claim also replaces an expired key at once). */
export function expireIdempotencyKeysJob(deps: OrderDeps): Job {
  return {
    name: 'expire-idempotency-keys',
    intervalMs: deps.config.sweepIntervalMs,
    run: async () => {
      const removed = await expireIdempotencyKeys(deps.db);
      if (removed > 0) deps.logger.info({ removed }, 'expired idempotency keys removed');
    },
  };
}

import type { Job } from '@mercato/chassis';
import { expireCarts } from '../carts/expire-carts.js';
import type { OrderDeps } from '../deps.js';

/** The sweeper of abandoned carts. */
export function expireCartsJob(deps: OrderDeps): Job {
  return {
    name: 'expire-carts',
    intervalMs: deps.config.sweepIntervalMs,
    run: async () => {
      const removed = await expireCarts(deps.db, deps.config.cartTtlDays);
      if (removed > 0) deps.logger.info({ removed }, 'expired carts removed');
    },
  };
}

import type { Job } from '@mercato/chassis';
import { noticeAbandonedCarts } from '../carts/notice-abandoned-carts.js';
import type { OrderDeps } from '../deps.js';

/** Looks for abandoned carts every ORDER_CART_ABANDONED_SWEEP_SECONDS (off when CART_ABANDONED_AFTER_HOURS is 0). */
export function noticeAbandonedCartsJob(deps: OrderDeps): Job {
  return {
    name: 'notice-abandoned-carts',
    intervalMs: deps.config.abandonedSweepMs,
    run: async () => {
      if (deps.config.cartAbandonedAfterHours <= 0) return;
      const n = await noticeAbandonedCarts(deps, deps.config.cartAbandonedAfterHours);
      if (n > 0) deps.logger.info({ carts: n }, 'abandoned carts noticed');
    },
  };
}

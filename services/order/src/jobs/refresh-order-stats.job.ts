import type { Job } from '@mercato/chassis';
import type { OrderDeps } from '../deps.js';
import { refreshOrderStats } from '../orders/order-stats.js';

/** Keeps the dashboard's roll-up within ORDER_STATS_REFRESH_SECONDS of the orders. */
export function refreshOrderStatsJob(deps: OrderDeps): Job {
  return {
    name: 'refresh-order-stats',
    intervalMs: deps.config.statsRefreshMs,
    run: async () => {
      const done = await refreshOrderStats(deps);
      if (done && done.days > 0) deps.logger.debug({ days: done.days }, 'order stats refreshed');
    },
  };
}

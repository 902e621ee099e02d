import type { Logger, ServiceClient } from '@mercato/chassis';

/** How many units of each SKU inventory can sell now, as far as the cart needs to know. */
export interface StockLevels {
  /** Units available per SKU; null when inventory did not answer in time (the cart then says nothing about stock). */
  available(skus: readonly string[]): Promise<Map<string, number> | null>;
}

/** The most SKUs one availability read takes (a cart has at most 100 lines). */
const MAX_SKUS = 100;

/**
 * Stock levels read from inventory's public availability endpoint, over internal REST with a
 * short time limit and a circuit breaker (the client's): a cart is answered without stock
 * rather than late. Why not a projection of inventory's events: availability changes with every
 * reservation, so keeping a copy would mean an event per stock movement of every SKU (more than
 * doubling the checkout's events) for an answer that is advisory anyway, since the reservation
 * at checkout is the only one that counts; one indexed read per cart view is cheaper.
 */
export function inventoryStockLevels(client: () => ServiceClient, logger: Logger): StockLevels {
  return {
    async available(skus) {
      if (skus.length === 0) return new Map();
      try {
        const res = await client().get<{ items: { sku: string; available: number }[] }>('/inventory/availability', { query: { sku: skus.slice(0, MAX_SKUS) } });
        if (!res.ok) {
          logger.warn({ status: res.status, code: res.body.code }, 'inventory refused an availability read; the cart shows no stock');
          return null;
        }
        return new Map(res.body.items.map((i) => [i.sku, i.available]));
      } catch (err) {
        logger.debug({ err }, 'inventory did not answer an availability read in time; the cart shows no stock');
        return null;
      }
    },
  };
}

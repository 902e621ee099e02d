import type { Queryable } from '@mercato/chassis';
import { stockStore } from '../stock/stock.store.js';

/**
 * Marks a deleted product's SKUs discontinued: they answer available 0 and new orders for them
 * are rejected. Their stock, open reservations and ledger stay as they are (held stock can still
 * be committed or released; an operator adjusts what is left).
 */
export async function discontinueProductSkus(tx: Queryable, productId: string, skus: readonly string[]): Promise<number> {
  if (skus.length === 0) return 0;
  return stockStore.discontinue(tx, productId, [...new Set(skus)].sort());
}

import type { OrderDeps } from '../deps.js';
import { withStockLevels, type CartView } from './cart-view.js';

/**
 * A cart view with inventory's stock levels for its sellable lines, read after the cart's
 * transaction (never while its row is locked).
 */
export async function stockedView(deps: Pick<OrderDeps, 'stock'>, view: CartView): Promise<CartView> {
  const skus = view.lines.filter((l) => l.unavailableReason === null).map((l) => l.sku);
  if (skus.length === 0) return view;
  return withStockLevels(view, await deps.stock.available(skus));
}

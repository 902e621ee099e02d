import { createRandom } from './random.js';
import type { DemoProduct, DemoStockEntry } from './types.js';

/**
 * On-hand quantity per SKU: about 5% sold out, about 5% low (1–3), the rest 5–150.
 * Each SKU gets its own seed, so adding a product never reshuffles the others' stock.
 */
export function stockFor(products: readonly DemoProduct[]): DemoStockEntry[] {
  const out: DemoStockEntry[] = [];
  for (const product of products) {
    for (const { sku } of product.variants) {
      const rng = createRandom(`stock:${sku}`);
      const roll = rng.next();
      const onHand = roll < 0.05 ? 0 : roll < 0.1 ? rng.int(1, 3) : rng.int(5, 150);
      out.push({ sku, onHand });
    }
  }
  return out;
}

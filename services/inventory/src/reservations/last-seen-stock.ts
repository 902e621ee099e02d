import type { StockRow } from '../stock/allocation.js';
import type { LockedStock, SkuRecord } from '../stock/stock.store.js';

/**
 * The stock rows of SKUs as this process last saw them under lock, with its own change applied:
 * from them a reservation works out the allocation it expects, and sends it with the statement
 * that checks it against the rows it locks (`reservationsStore.reserveAndCommit`). Only a guess:
 * another process's change, or one made meanwhile, makes the statement refuse, and the order is
 * reserved the usual way. Bounded: past `max` SKUs, the least recently seen are forgotten.
 */
export class LastSeenStock {
  private readonly bySku = new Map<string, { record: SkuRecord; rows: StockRow[] }>();

  constructor(private readonly max = 10_000) {}

  get size(): number {
    return this.bySku.size;
  }

  /** Every SKU of `skus` with its rows as last seen, or undefined when one of them has not been seen. */
  get(skus: Iterable<string>): LockedStock | undefined {
    const out: LockedStock = { skus: new Map(), rows: [] };
    for (const sku of skus) {
      const seen = this.bySku.get(sku);
      if (!seen) return undefined;
      out.skus.set(sku, seen.record);
      out.rows.push(...seen.rows);
    }
    return out;
  }

  /** The SKUs of `skus` now have the stock rows among `rows` (those of other SKUs are ignored). */
  remember(skus: ReadonlyMap<string, SkuRecord>, rows: readonly StockRow[]): void {
    const bySku = new Map<string, StockRow[]>();
    for (const sku of skus.keys()) bySku.set(sku, []);
    for (const row of rows) bySku.get(row.sku)?.push(row);
    for (const [sku, list] of bySku) {
      // Deleted first, so that the map's order is the order last seen.
      this.bySku.delete(sku);
      this.bySku.set(sku, { record: skus.get(sku)!, rows: list });
    }
    for (const sku of this.bySku.keys()) {
      if (this.bySku.size <= this.max) break;
      this.bySku.delete(sku);
    }
  }
}

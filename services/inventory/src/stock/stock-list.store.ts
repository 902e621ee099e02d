import type { Queryable } from '@mercato/chassis';

export interface StockListQuery {
  /** A prefix of the SKU, case-insensitive. */
  search?: string;
  productId?: string;
  /** Only SKUs stocked in this warehouse; their levels show this warehouse only. */
  warehouseCode?: string;
  /** Only SKUs whose available stock (over every warehouse) is at or below their threshold. */
  lowStock: boolean;
  includeDiscontinued: boolean;
  sort: 'sku' | 'available';
  /** Keyset: the last row of the previous page. */
  after?: { sku: string; available: number };
  limit: number;
}

export interface StockListRow {
  sku: string;
  productId: string | null;
  threshold: number;
  discontinued: boolean;
  onHand: number;
  reserved: number;
  levels: Array<{ code: string; name: string; onHand: number; reserved: number }>;
}

const likePrefix = (text: string) => `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The back office's read of stock: SKUs with their levels, by page. */
export const stockListStore = {
  async page(db: Queryable, q: StockListQuery): Promise<StockListRow[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    if (!q.includeDiscontinued) where.push('k.discontinued_at IS NULL');
    if (q.search !== undefined) where.push(`lower(k.sku) LIKE ${p(likePrefix(q.search))}`);
    if (q.productId !== undefined) where.push(`k.product_id = ${p(q.productId)}`);
    if (q.sort === 'sku' && q.after) where.push(`k.sku > ${p(q.after.sku)}`);
    const wh = q.warehouseCode === undefined ? null : p(q.warehouseCode);
    const having: string[] = [];
    if (wh) having.push(`bool_or(w.code = ${wh})`);
    if (q.lowStock) having.push('COALESCE(sum(s.on_hand - s.reserved), 0) <= k.threshold');
    const outer: string[] = [];
    if (q.sort === 'available' && q.after) outer.push(`(x.on_hand - x.reserved, x.sku) > (${p(q.after.available)}::bigint, ${p(q.after.sku)})`);
    const order = q.sort === 'sku' ? 'x.sku' : 'x.on_hand - x.reserved, x.sku';
    const r = await db.query<{ sku: string; product_id: string | null; threshold: number; discontinued: boolean; on_hand: string; reserved: string; levels: StockListRow['levels'] }>(
      `SELECT x.* FROM (
         SELECT k.sku, k.product_id, k.threshold, k.discontinued_at IS NOT NULL AS discontinued,
                COALESCE(sum(s.on_hand), 0) AS on_hand, COALESCE(sum(s.reserved), 0) AS reserved,
                COALESCE(json_agg(json_build_object('code', w.code, 'name', w.name, 'onHand', s.on_hand, 'reserved', s.reserved) ORDER BY w.priority, w.id)
                           FILTER (WHERE s.sku IS NOT NULL${wh ? ` AND w.code = ${wh}` : ''}), '[]') AS levels
           FROM skus k LEFT JOIN stock_levels s ON s.sku = k.sku LEFT JOIN warehouses w ON w.id = s.warehouse_id
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          GROUP BY k.sku
          ${having.length ? `HAVING ${having.join(' AND ')}` : ''}
       ) x
       ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
       ORDER BY ${order} LIMIT ${p(q.limit)}`,
      params,
    );
    return r.rows.map((row) => ({
      sku: row.sku,
      productId: row.product_id,
      threshold: row.threshold,
      discontinued: row.discontinued,
      onHand: Number(row.on_hand),
      reserved: Number(row.reserved),
      levels: row.levels,
    }));
  },
};

import { prepared, type Queryable } from '@mercato/chassis';
import type { PriceEntry, ProductState, SkuState, SkuStatus } from './catalog-projection.js';

export interface SkuRow extends Record<string, unknown> {
  sku: string;
  product_id: string;
  variant_id: string;
  title: string | null;
  slug: string | null;
  status: SkuStatus;
  prices: Record<string, PriceEntry>;
}
export const toSku = (r: SkuRow): SkuState => ({ sku: r.sku, productId: r.product_id, variantId: r.variant_id, title: r.title, slug: r.slug, status: r.status, prices: r.prices });

/** The only SQL on the catalog projection. */
export const catalogStore = {
  /** The product's row, locked for the rest of the transaction (created when new). */
  async lockProduct(tx: Queryable, productId: string): Promise<ProductState> {
    await tx.query('INSERT INTO catalog_products (product_id) VALUES ($1) ON CONFLICT DO NOTHING', [productId]);
    const r = await tx.query<{ facts_at: Date | null; deleted: boolean }>('SELECT facts_at, deleted FROM catalog_products WHERE product_id = $1 FOR UPDATE', [productId]);
    const row = r.rows[0]!;
    return { productId, factsAt: row.facts_at ? row.facts_at.toISOString() : null, deleted: row.deleted };
  },

  async saveProduct(tx: Queryable, p: ProductState): Promise<void> {
    await tx.query('UPDATE catalog_products SET facts_at = $2, deleted = $3, updated_at = now() WHERE product_id = $1', [p.productId, p.factsAt, p.deleted]);
  },

  /** The SKUs of a product, and the given SKUs whatever product holds them, locked. */
  async skusFor(tx: Queryable, productId: string, skus: readonly string[] = []): Promise<SkuState[]> {
    const r = await tx.query<SkuRow>('SELECT * FROM catalog_skus WHERE product_id = $1 OR sku = ANY($2::text[]) ORDER BY sku FOR UPDATE', [productId, skus]);
    return r.rows.map(toSku);
  },

  async saveSkus(tx: Queryable, skus: readonly SkuState[]): Promise<void> {
    if (skus.length === 0) return;
    await tx.query(
      `INSERT INTO catalog_skus (sku, product_id, variant_id, title, slug, status, prices)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(sku text, product_id text, variant_id text, title text, slug text, status text, prices jsonb)
       ON CONFLICT (sku) DO UPDATE SET product_id = EXCLUDED.product_id, variant_id = EXCLUDED.variant_id, title = EXCLUDED.title,
         slug = EXCLUDED.slug, status = EXCLUDED.status, prices = EXCLUDED.prices, updated_at = now()`,
      [JSON.stringify(skus.map((s) => ({ sku: s.sku, product_id: s.productId, variant_id: s.variantId, title: s.title, slug: s.slug, status: s.status, prices: s.prices })))],
    );
  },

  /** The SKUs named, as known now (missing ones are absent from the map). */
  async bySku(db: Queryable, skus: readonly string[]): Promise<Map<string, SkuState>> {
    if (skus.length === 0) return new Map();
    const r = await prepared<SkuRow>(db, 'order_catalog_by_sku', 'SELECT * FROM catalog_skus WHERE sku = ANY($1::text[])', [skus]);
    return new Map(r.rows.map((row) => [row.sku, toSku(row)]));
  },
};

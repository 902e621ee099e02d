import type { Queryable } from '@mercato/chassis';

// The only file that runs SQL on stock_products: the SKU → product projection of the catalog.

export interface StockProduct {
  sku: string;
  productId: string;
  slug: string;
  title: string;
}

export const stockProductsStore = {
  /**
   * A product's SKUs as the catalog now says (title, slug), unless a newer event wrote them; SKUs
   * the product no longer has (as of this event) are dropped.
   */
  async project(q: Queryable, p: { productId: string; slug: string; title: string; skus: readonly string[] }, asOf: string): Promise<void> {
    if (p.skus.length > 0) {
      await q.query(
        `INSERT INTO stock_products (sku, product_id, slug, title, as_of)
         SELECT unnest($1::text[]), $2, $3, $4, $5
         ON CONFLICT (sku) DO UPDATE SET product_id = EXCLUDED.product_id, slug = EXCLUDED.slug, title = EXCLUDED.title, as_of = EXCLUDED.as_of
         WHERE stock_products.as_of <= EXCLUDED.as_of`,
        [p.skus, p.productId, p.slug, p.title, asOf],
      );
    }
    await q.query('DELETE FROM stock_products WHERE product_id = $1 AND NOT (sku = ANY($2::text[])) AND as_of <= $3', [p.productId, p.skus, asOf]);
  },

  async forget(q: Queryable, productId: string, asOf: string): Promise<void> {
    await q.query('DELETE FROM stock_products WHERE product_id = $1 AND as_of <= $2', [productId, asOf]);
  },

  async get(q: Queryable, sku: string): Promise<StockProduct | undefined> {
    const r = await q.query<{ sku: string; product_id: string; slug: string; title: string }>('SELECT sku, product_id, slug, title FROM stock_products WHERE sku = $1', [sku]);
    const row = r.rows[0];
    return row ? { sku: row.sku, productId: row.product_id, slug: row.slug, title: row.title } : undefined;
  },
};

import type { Queryable } from '@mercato/chassis';
import type { CategoryRef, Image, Money, Product, ProductOption, ProductStatus, Variant } from './product.js';

interface ProductRow extends Record<string, unknown> {
  id: string;
  slug: string;
  title: string;
  description: string;
  status: ProductStatus;
  images: Image[];
  attributes: Record<string, string>;
  seo: { title?: string; description?: string };
  options: ProductOption[];
  rating_average: number;
  rating_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  variants: Array<{ id: string; sku: string; title: string | null; options: Record<string, string>; prices: Money[] }>;
  categories: CategoryRef[];
}

const SELECT_PRODUCT = `
  SELECT p.id, p.slug, p.title, p.description, p.status, p.images, p.attributes, p.seo, p.options,
         p.rating_average, p.rating_count, p.version, p.created_at, p.updated_at, p.published_at,
         COALESCE((SELECT json_agg(json_build_object(
                    'id', v.id, 'sku', v.sku, 'title', v.title, 'options', v.option_values,
                    'prices', COALESCE((SELECT json_agg(json_build_object('amount', pr.amount, 'currency', pr.currency) ORDER BY pr.currency)
                                        FROM prices pr WHERE pr.variant_id = v.id), '[]'::json))
                    ORDER BY v.position, v.id)
                   FROM variants v WHERE v.product_id = p.id), '[]'::json) AS variants,
         COALESCE((SELECT json_agg(json_build_object('id', c.id, 'slug', c.slug, 'name', c.name) ORDER BY pc.position, c.name)
                   FROM product_categories pc JOIN categories c ON c.id = pc.category_id
                   WHERE pc.product_id = p.id), '[]'::json) AS categories
  FROM products p`;

function toProduct(r: ProductRow): Product {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    status: r.status,
    images: r.images,
    attributes: r.attributes,
    seo: r.seo,
    options: r.options,
    variants: r.variants.map((v): Variant => ({ id: v.id, sku: v.sku, title: v.title, options: v.options, prices: v.prices })),
    categories: r.categories,
    rating: { average: r.rating_average, count: r.rating_count },
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    publishedAt: r.published_at ? r.published_at.toISOString() : null,
  };
}

export interface NewProduct {
  id: string;
  slug: string;
  title: string;
  description: string;
  status: ProductStatus;
  images: Image[];
  attributes: Record<string, string>;
  seo: { title?: string; description?: string };
  options: ProductOption[];
}
export interface NewVariant {
  id: string;
  sku: string;
  title: string | null;
  options: Record<string, string>;
  prices: Money[];
}
export type ProductFieldsPatch = Partial<Omit<NewProduct, 'id'>>;

async function writeVariants(q: Queryable, rows: ReadonlyArray<{ productId: string; position: number; variant: NewVariant }>): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO variants (id, product_id, sku, title, option_values, position)
     SELECT v.id, v.product_id, v.sku, v.title, v.options, v.position
     FROM jsonb_to_recordset($1::jsonb) AS v(id text, product_id text, sku text, title text, options jsonb, position int)`,
    [JSON.stringify(rows.map((r) => ({ id: r.variant.id, product_id: r.productId, sku: r.variant.sku, title: r.variant.title, options: r.variant.options, position: r.position })))],
  );
  const prices = rows.flatMap((r) => r.variant.prices.map((p) => ({ variant_id: r.variant.id, currency: p.currency, amount: p.amount })));
  if (prices.length > 0) {
    await q.query(
      `INSERT INTO prices (variant_id, currency, amount)
       SELECT variant_id, currency, amount FROM jsonb_to_recordset($1::jsonb) AS x(variant_id text, currency text, amount bigint)`,
      [JSON.stringify(prices)],
    );
  }
}

/** The only code that touches the product tables. */
export const productsStore = {
  /** By id or slug; `lock` takes the row lock that serialises writers of this product. */
  async get(q: Queryable, idOrSlug: string, opts: { lock?: boolean } = {}): Promise<Product | null> {
    if (opts.lock) {
      const locked = await q.query<{ id: string }>('SELECT id FROM products WHERE id = $1 OR slug = $1 FOR UPDATE', [idOrSlug]);
      if (locked.rowCount === 0) return null;
    }
    const { rows } = await q.query<ProductRow>(`${SELECT_PRODUCT} WHERE p.id = $1 OR p.slug = $1`, [idOrSlug]);
    return rows[0] ? toProduct(rows[0]) : null;
  },

  /** Several products by id, in the order given. */
  async getMany(q: Queryable, ids: readonly string[]): Promise<Product[]> {
    const { rows } = await q.query<ProductRow>(`${SELECT_PRODUCT} WHERE p.id = ANY($1::text[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, toProduct(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  },

  /** New products with their variants, prices and categories, in four statements whatever their number. */
  async insertMany(q: Queryable, items: ReadonlyArray<{ product: NewProduct; variants: readonly NewVariant[]; categoryIds: readonly string[] }>): Promise<void> {
    if (items.length === 0) return;
    await q.query(
      `INSERT INTO products (id, slug, title, description, status, images, attributes, seo, options, published_at)
       SELECT p.id, p.slug, p.title, p.description, p.status, p.images, p.attributes, p.seo, p.options,
              CASE WHEN p.status = 'published' THEN now() END
       FROM jsonb_to_recordset($1::jsonb) AS p(id text, slug text, title text, description text, status text, images jsonb, attributes jsonb, seo jsonb, options jsonb)`,
      [JSON.stringify(items.map((i) => i.product))],
    );
    await writeVariants(q, items.flatMap((i) => i.variants.map((v, k) => ({ productId: i.product.id, position: k, variant: v }))));
    const links = items.flatMap((i) => i.categoryIds.map((c, k) => ({ product_id: i.product.id, category_id: c, position: k })));
    if (links.length > 0) {
      await q.query(
        `INSERT INTO product_categories (product_id, category_id, position)
         SELECT product_id, category_id, position FROM jsonb_to_recordset($1::jsonb) AS x(product_id text, category_id text, position int)`,
        [JSON.stringify(links)],
      );
    }
  },

  async insertVariants(q: Queryable, productId: string, variants: readonly NewVariant[], firstPosition: number): Promise<void> {
    await writeVariants(q, variants.map((v, k) => ({ productId, position: firstPosition + k, variant: v })));
  },

  async updateFields(q: Queryable, id: string, patch: ProductFieldsPatch): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (patch.slug !== undefined) set('slug', patch.slug);
    if (patch.title !== undefined) set('title', patch.title);
    if (patch.description !== undefined) set('description', patch.description);
    if (patch.status !== undefined) {
      set('status', patch.status);
      sets.push(`published_at = CASE WHEN $${params.length} = 'published' THEN COALESCE(published_at, now()) ELSE published_at END`);
    }
    if (patch.images !== undefined) set('images', JSON.stringify(patch.images));
    if (patch.attributes !== undefined) set('attributes', JSON.stringify(patch.attributes));
    if (patch.seo !== undefined) set('seo', JSON.stringify(patch.seo));
    if (patch.options !== undefined) set('options', JSON.stringify(patch.options));
    if (sets.length > 0) await q.query(`UPDATE products SET ${sets.join(', ')} WHERE id = $1`, params);
  },

  async setCategories(q: Queryable, productId: string, categoryIds: readonly string[]): Promise<void> {
    await q.query('DELETE FROM product_categories WHERE product_id = $1', [productId]);
    if (categoryIds.length === 0) return;
    await q.query(
      `INSERT INTO product_categories (product_id, category_id, position)
       SELECT $1, c, ord - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(c, ord)`,
      [productId, categoryIds],
    );
  },

  async updateVariant(q: Queryable, variantId: string, patch: { sku?: string; title?: string | null; options?: Record<string, string> }): Promise<void> {
    await q.query(
      `UPDATE variants SET sku = COALESCE($2, sku),
                           title = CASE WHEN $3::boolean THEN $4 ELSE title END,
                           option_values = COALESCE($5::jsonb, option_values)
       WHERE id = $1`,
      [variantId, patch.sku ?? null, patch.title !== undefined, patch.title ?? null, patch.options ? JSON.stringify(patch.options) : null],
    );
  },

  async replacePrices(q: Queryable, variantId: string, prices: readonly Money[]): Promise<void> {
    await q.query('DELETE FROM prices WHERE variant_id = $1', [variantId]);
    for (const p of prices) await this.setPrice(q, variantId, p);
  },

  async setPrice(q: Queryable, variantId: string, price: Money): Promise<void> {
    await q.query(
      `INSERT INTO prices (variant_id, currency, amount) VALUES ($1, $2, $3)
       ON CONFLICT (variant_id, currency) DO UPDATE SET amount = EXCLUDED.amount`,
      [variantId, price.currency, price.amount],
    );
  },

  async deletePrice(q: Queryable, variantId: string, currency: string): Promise<boolean> {
    const r = await q.query('DELETE FROM prices WHERE variant_id = $1 AND currency = $2', [variantId, currency]);
    return (r.rowCount ?? 0) > 0;
  },

  async deleteVariant(q: Queryable, variantId: string): Promise<void> {
    await q.query('DELETE FROM variants WHERE id = $1', [variantId]);
  },

  async delete(q: Queryable, id: string): Promise<void> {
    await q.query('DELETE FROM products WHERE id = $1', [id]);
  },

  /**
   * After any change of products: rebuild their search documents, word list, price ranges
   * (in product_price_ranges and on the product's row) and the list of their categories,
   * and count the change in `version` (the ETag).
   */
  async refreshDerived(q: Queryable, id: string, opts: { bumpVersion?: boolean } = {}): Promise<void> {
    await this.refreshDerivedMany(q, [id], opts);
  },

  async refreshDerivedMany(q: Queryable, ids: readonly string[], opts: { bumpVersion?: boolean } = {}): Promise<void> {
    if (ids.length === 0) return;
    await q.query(
      `WITH doc AS (
         SELECT p.id, p.title, p.description,
                concat_ws(' ',
                  (SELECT string_agg(value, ' ') FROM jsonb_each_text(p.attributes)),
                  (SELECT string_agg(v, ' ') FROM jsonb_array_elements(p.options) o, jsonb_array_elements_text(o->'values') v)) AS extra
         FROM products p WHERE p.id = ANY($1::text[])
       ), words AS (
         INSERT INTO search_words (word)
         SELECT DISTINCT w FROM doc, regexp_split_to_table(lower(doc.title || ' ' || doc.description || ' ' || doc.extra), '[^[:alnum:]]+') AS w
         WHERE length(w) BETWEEN 2 AND 40
         ON CONFLICT DO NOTHING
       )
       UPDATE products p SET
         search = setweight(to_tsvector('english', doc.title), 'A')
               || setweight(to_tsvector('english', doc.description), 'B')
               || setweight(to_tsvector('english', doc.extra), 'C'),
         option_pairs = COALESCE((
           SELECT array_agg(DISTINCT o.key || chr(31) || o.value ORDER BY o.key || chr(31) || o.value)
           FROM variants v, jsonb_each_text(v.option_values) o WHERE v.product_id = p.id), '{}'),
         category_ids = ARRAY(SELECT pc.category_id FROM product_categories pc WHERE pc.product_id = p.id ORDER BY pc.category_id),
         price_ranges = COALESCE((
           SELECT jsonb_object_agg(x.currency, jsonb_build_array(x.min_amount, x.max_amount))
           FROM (SELECT pr.currency, min(pr.amount) AS min_amount, max(pr.amount) AS max_amount
                 FROM variants v JOIN prices pr ON pr.variant_id = v.id WHERE v.product_id = p.id GROUP BY pr.currency) x), '{}'),
         version = p.version + CASE WHEN $2 THEN 1 ELSE 0 END,
         updated_at = CASE WHEN $2 THEN now() ELSE p.updated_at END
       FROM doc WHERE p.id = doc.id`,
      [ids, opts.bumpVersion ?? true],
    );
    await q.query('DELETE FROM product_price_ranges WHERE product_id = ANY($1::text[])', [ids]);
    await q.query(
      `INSERT INTO product_price_ranges (product_id, currency, min_amount, max_amount)
       SELECT v.product_id, pr.currency, min(pr.amount), max(pr.amount)
       FROM variants v JOIN prices pr ON pr.variant_id = v.id
       WHERE v.product_id = ANY($1::text[]) GROUP BY v.product_id, pr.currency`,
      [ids],
    );
  },

  /** After the products of a category moved to another: the list of categories on their rows. */
  async refreshCategoryIds(q: Queryable, movedFrom: string): Promise<void> {
    await q.query(
      `UPDATE products p SET category_ids = ARRAY(SELECT pc.category_id FROM product_categories pc WHERE pc.product_id = p.id ORDER BY pc.category_id)
       WHERE $1 = ANY(p.category_ids)`,
      [movedFrom],
    );
  },

  async setRating(q: Queryable, id: string, average: number, count: number): Promise<boolean> {
    const r = await q.query(
      `UPDATE products SET rating_average = $2, rating_count = $3, version = version + 1, updated_at = now()
       WHERE id = $1 AND (rating_average, rating_count) IS DISTINCT FROM ($2::double precision, $3::integer)`,
      [id, average, count],
    );
    return (r.rowCount ?? 0) > 0;
  },

  /** Which of `skus` belong to a product other than `exceptProductId`. */
  async skusTaken(q: Queryable, skus: readonly string[], exceptProductId: string | null = null): Promise<string[]> {
    if (skus.length === 0) return [];
    const { rows } = await q.query<{ sku: string }>(
      'SELECT sku FROM variants WHERE sku = ANY($1::text[]) AND ($2::text IS NULL OR product_id <> $2)',
      [skus, exceptProductId],
    );
    return rows.map((r) => r.sku);
  },

  async slugsTaken(q: Queryable, slugs: readonly string[], exceptProductId: string | null = null): Promise<string[]> {
    if (slugs.length === 0) return [];
    const { rows } = await q.query<{ slug: string }>(
      'SELECT slug FROM products WHERE slug = ANY($1::text[]) AND ($2::text IS NULL OR id <> $2)',
      [slugs, exceptProductId],
    );
    return rows.map((r) => r.slug);
  },

  /** Bumps the version of every product in these categories (their representation embeds the category). */
  async touchInCategories(q: Queryable, categoryIds: readonly string[]): Promise<void> {
    await q.query(
      `UPDATE products SET version = version + 1, updated_at = now()
       WHERE id IN (SELECT product_id FROM product_categories WHERE category_id = ANY($1::text[]))`,
      [categoryIds],
    );
  },
};

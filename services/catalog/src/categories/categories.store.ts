import type { Queryable } from '@mercato/chassis';

export interface CategoryRow {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
  position: number;
  ancestors: string[];
}

interface Raw extends Record<string, unknown> {
  id: string;
  parent_id: string | null;
  slug: string;
  name: string;
  position: number;
  ancestors: string[];
}
const toRow = (r: Raw): CategoryRow => ({ id: r.id, parentId: r.parent_id, slug: r.slug, name: r.name, position: r.position, ancestors: r.ancestors });
const COLUMNS = 'id, parent_id, slug, name, position, ancestors';

/** The only code that touches the category tables. */
export const categoriesStore = {
  async all(q: Queryable): Promise<CategoryRow[]> {
    const { rows } = await q.query<Raw>(`SELECT ${COLUMNS} FROM categories ORDER BY cardinality(ancestors), position, name, id`);
    return rows.map(toRow);
  },

  async get(q: Queryable, idOrSlug: string, opts: { lock?: boolean } = {}): Promise<CategoryRow | null> {
    const { rows } = await q.query<Raw>(`SELECT ${COLUMNS} FROM categories WHERE id = $1 OR slug = $1${opts.lock ? ' FOR UPDATE' : ''}`, [idOrSlug]);
    return rows[0] ? toRow(rows[0]) : null;
  },

  /** Maps each id-or-slug to its category id; unknown references are absent from the map. */
  async resolve(q: Queryable, refs: readonly string[]): Promise<Map<string, string>> {
    if (refs.length === 0) return new Map();
    const { rows } = await q.query<{ id: string; slug: string }>('SELECT id, slug FROM categories WHERE id = ANY($1::text[]) OR slug = ANY($1::text[])', [refs]);
    const out = new Map<string, string>();
    for (const r of rows) {
      out.set(r.id, r.id);
      out.set(r.slug, r.id);
    }
    return out;
  },

  async insert(q: Queryable, c: CategoryRow): Promise<void> {
    await q.query('INSERT INTO categories (id, parent_id, slug, name, position, ancestors) VALUES ($1, $2, $3, $4, $5, $6)', [
      c.id,
      c.parentId,
      c.slug,
      c.name,
      c.position,
      c.ancestors,
    ]);
  },

  async rename(q: Queryable, id: string, patch: { name?: string; slug?: string }): Promise<void> {
    await q.query('UPDATE categories SET name = COALESCE($2, name), slug = COALESCE($3, slug), version = version + 1, updated_at = now() WHERE id = $1', [
      id,
      patch.name ?? null,
      patch.slug ?? null,
    ]);
  },

  /** Children of `parentId` (roots for null), in display order. */
  async siblings(q: Queryable, parentId: string | null): Promise<CategoryRow[]> {
    const { rows } = await q.query<Raw>(
      `SELECT ${COLUMNS} FROM categories WHERE parent_id IS NOT DISTINCT FROM $1 ORDER BY position, name, id FOR UPDATE`,
      [parentId],
    );
    return rows.map(toRow);
  },

  async setPositions(q: Queryable, ids: readonly string[]): Promise<void> {
    await q.query(
      'UPDATE categories c SET position = t.ord - 1 FROM unnest($1::text[]) WITH ORDINALITY AS t(id, ord) WHERE c.id = t.id AND c.position <> t.ord - 1',
      [ids],
    );
  },

  /** Moves `id` and its whole subtree under `parent` (null: to the root). */
  async move(q: Queryable, id: string, parent: CategoryRow | null): Promise<void> {
    await q.query('UPDATE categories SET parent_id = $2, updated_at = now(), version = version + 1 WHERE id = $1', [id, parent?.id ?? null]);
    await q.query(
      `UPDATE categories SET ancestors = $2::text[] || ancestors[array_position(ancestors, $1):]
       WHERE ancestors @> ARRAY[$1]::text[]`,
      [id, parent?.ancestors ?? []],
    );
  },

  async deepestBelow(q: Queryable, id: string): Promise<number> {
    const { rows } = await q.query<{ depth: number }>('SELECT COALESCE(max(cardinality(ancestors) - array_position(ancestors, $1)), 0) AS depth FROM categories WHERE ancestors @> ARRAY[$1]::text[]', [id]);
    return rows[0]?.depth ?? 0;
  },

  async counts(q: Queryable, id: string): Promise<{ children: number; products: number }> {
    const { rows } = await q.query<{ children: number; products: number }>(
      `SELECT (SELECT count(*) FROM categories WHERE parent_id = $1)::int AS children,
              (SELECT count(*) FROM product_categories WHERE category_id = $1)::int AS products`,
      [id],
    );
    return rows[0]!;
  },

  /** Products of `from` move to `to` (those already in `to` simply leave `from`). */
  async reassignProducts(q: Queryable, from: string, to: string): Promise<string[]> {
    const { rows } = await q.query<{ product_id: string }>(
      `WITH moved AS (DELETE FROM product_categories WHERE category_id = $1 RETURNING product_id, position)
       INSERT INTO product_categories (product_id, category_id, position)
       SELECT product_id, $2, position FROM moved
       ON CONFLICT (product_id, category_id) DO NOTHING
       RETURNING product_id`,
      [from, to],
    );
    return rows.map((r) => r.product_id);
  },

  async delete(q: Queryable, id: string): Promise<void> {
    await q.query('DELETE FROM categories WHERE id = $1', [id]);
  },

  /** Published products per category, counting each product once in every ancestor of its categories. */
  async publishedCounts(q: Queryable): Promise<Map<string, number>> {
    const { rows } = await q.query<{ id: string; n: number }>(
      `SELECT a.id, count(DISTINCT pc.product_id)::int AS n
       FROM product_categories pc
       JOIN products p ON p.id = pc.product_id AND p.status = 'published'
       JOIN categories c ON c.id = pc.category_id, unnest(c.ancestors) AS a(id)
       GROUP BY a.id`,
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  },
};

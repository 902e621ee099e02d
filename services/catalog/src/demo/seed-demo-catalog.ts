import { demoCategories, demoProducts } from '@mercato/demo-data';
import { newId } from '@mercato/contracts';
import { categoriesStore, type CategoryRow } from '../categories/categories.store.js';
import type { CatalogDeps } from '../deps.js';
import { insertProducts } from '../products/write-product.js';

export const DEMO_SEED_KEY = 'demo-catalog-v1';

/**
 * Seeds the demo shop on the first start of a catalog with no products: its category tree and
 * about 200 published products, with their ProductCreated events (inventory creates stock
 * records from them). Once: the run is recorded, and a catalog that already has products is
 * left alone. Safe when two replicas start together (a transaction-scoped advisory lock).
 */
export async function seedDemoCatalog(deps: Pick<CatalogDeps, 'db' | 'outbox' | 'cache' | 'logger'>): Promise<{ seeded: boolean; products: number }> {
  const done = await deps.db.query('SELECT 1 FROM seed_runs WHERE key = $1', [DEMO_SEED_KEY]);
  if (done.rowCount) return { seeded: false, products: 0 };
  const result = await deps.db.tx(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('mercato.catalog.demo-seed'))");
    const again = await tx.query('SELECT 1 FROM seed_runs WHERE key = $1', [DEMO_SEED_KEY]);
    if (again.rowCount) return { seeded: false, products: 0 };
    const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM products');
    if (existing.rows[0]!.n > 0) {
      await tx.query('INSERT INTO seed_runs (key, products) VALUES ($1, 0)', [DEMO_SEED_KEY]);
      return { seeded: false, products: 0 };
    }
    const bySlug = new Map<string, CategoryRow>();
    const positions = new Map<string | null, number>();
    for (const c of demoCategories()) {
      const parent = c.parent ? bySlug.get(c.parent)! : null;
      const existingCategory = await categoriesStore.get(tx, c.slug);
      if (existingCategory) {
        bySlug.set(c.slug, existingCategory);
        continue;
      }
      const id = newId('cat');
      const position = positions.get(parent?.id ?? null) ?? 0;
      positions.set(parent?.id ?? null, position + 1);
      const row: CategoryRow = { id, parentId: parent?.id ?? null, slug: c.slug, name: c.name, position, ancestors: [...(parent?.ancestors ?? []), id] };
      await categoriesStore.insert(tx, row);
      bySlug.set(c.slug, row);
    }
    const products = demoProducts();
    await insertProducts(tx, deps, products);
    await tx.query('INSERT INTO seed_runs (key, products) VALUES ($1, $2)', [DEMO_SEED_KEY, products.length]);
    return { seeded: true, products: products.length };
  });
  if (result.seeded) {
    await deps.cache.invalidate();
    deps.logger.info({ products: result.products }, 'demo catalog seeded');
  }
  return result;
}

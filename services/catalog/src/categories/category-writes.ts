import { Conflict, InvalidData, NotFound, type Queryable } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import type { CatalogDeps } from '../deps.js';
import { slugify } from '../products/product.js';
import { productsStore } from '../products/products.store.js';
import { categoriesStore, type CategoryRow } from './categories.store.js';
import { MAX_DEPTH, placeAt, wouldCycle } from './category-tree.js';

export class CategoryNotFound extends NotFound {
  constructor(what = 'No category has this id or slug') {
    super(what);
  }
}

export interface CategoryInput {
  name: string;
  slug?: string;
  parentId?: string | null;
  position?: number;
}
export interface CategoryPatch {
  name?: string;
  slug?: string;
  parentId?: string | null;
  position?: number;
}

const SLUG_TAKEN = (slug: string) => new Conflict(`Another category already uses the slug "${slug}"`, { field: 'slug', value: slug }, 'slug_taken');

async function parentOf(tx: Queryable, ref: string | null | undefined): Promise<CategoryRow | null> {
  if (ref === null || ref === undefined) return null;
  const parent = await categoriesStore.get(tx, ref, { lock: true });
  if (!parent) throw new InvalidData('The parent category does not exist', [{ pointer: '/parentId', message: `no category has the id or slug "${ref}"` }]);
  return parent;
}

async function writeSlugSafely(work: () => Promise<void>, slug: string): Promise<void> {
  try {
    await work();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw SLUG_TAKEN(slug);
    throw err;
  }
}

export async function createCategory(deps: CatalogDeps, input: CategoryInput): Promise<CategoryRow> {
  const slug = input.slug ?? slugify(input.name);
  if (!slug) throw new InvalidData('A slug is required when the name has no letters or digits', [{ pointer: '/slug', message: 'is required' }]);
  const row = await deps.db.tx(async (tx) => {
    const parent = await parentOf(tx, input.parentId);
    if (parent && parent.ancestors.length >= MAX_DEPTH) throw new InvalidData(`Categories nest at most ${MAX_DEPTH} deep`, [{ pointer: '/parentId', message: 'too deep' }]);
    const siblings = await categoriesStore.siblings(tx, parent?.id ?? null);
    const id = newId('cat');
    const c: CategoryRow = { id, parentId: parent?.id ?? null, slug, name: input.name, position: siblings.length, ancestors: [...(parent?.ancestors ?? []), id] };
    await writeSlugSafely(() => categoriesStore.insert(tx, c), slug);
    if (input.position !== undefined) await categoriesStore.setPositions(tx, placeAt([...siblings.map((s) => s.id), id], id, input.position));
    return (await categoriesStore.get(tx, id))!;
  });
  await deps.cache.invalidate();
  return row;
}

/** Rename, move (with its subtree) and reorder among siblings, in one transaction. */
export async function updateCategory(deps: CatalogDeps, ref: string, patch: CategoryPatch): Promise<CategoryRow> {
  const row = await deps.db.tx(async (tx) => {
    const current = await categoriesStore.get(tx, ref, { lock: true });
    if (!current) throw new CategoryNotFound();
    if (patch.name !== undefined || patch.slug !== undefined) {
      await writeSlugSafely(() => categoriesStore.rename(tx, current.id, { name: patch.name, slug: patch.slug }), patch.slug ?? current.slug);
      // Products show their categories' names and slugs: their representation changed too.
      await productsStore.touchInCategories(tx, [current.id]);
    }
    let parentId = current.parentId;
    if (patch.parentId !== undefined && patch.parentId !== current.parentId) {
      const parent = await parentOf(tx, patch.parentId);
      if (parent?.id === current.id || wouldCycle(current.id, parent)) {
        throw new Conflict('A category cannot move under itself or one of its descendants', { parentId: patch.parentId }, 'category_cycle');
      }
      const depthBelow = await categoriesStore.deepestBelow(tx, current.id);
      if ((parent?.ancestors.length ?? 0) + 1 + depthBelow > MAX_DEPTH) throw new InvalidData(`Categories nest at most ${MAX_DEPTH} deep`, [{ pointer: '/parentId', message: 'too deep' }]);
      await categoriesStore.move(tx, current.id, parent);
      parentId = parent?.id ?? null;
      const oldSiblings = await categoriesStore.siblings(tx, current.parentId);
      await categoriesStore.setPositions(tx, oldSiblings.map((s) => s.id));
    }
    if (patch.position !== undefined || parentId !== current.parentId) {
      const siblings = (await categoriesStore.siblings(tx, parentId)).map((s) => s.id);
      const at = patch.position ?? siblings.length;
      await categoriesStore.setPositions(tx, placeAt(siblings, current.id, at));
    }
    return (await categoriesStore.get(tx, current.id))!;
  });
  await deps.cache.invalidate();
  return row;
}

/**
 * Deletes a category that is empty (no products, no sub-categories), or, given `reassignTo`,
 * moves its products and sub-categories there first.
 */
export async function deleteCategory(deps: CatalogDeps, ref: string, reassignTo: string | undefined): Promise<void> {
  await deps.db.tx(async (tx) => {
    const current = await categoriesStore.get(tx, ref, { lock: true });
    if (!current) throw new CategoryNotFound();
    const counts = await categoriesStore.counts(tx, current.id);
    if (reassignTo === undefined) {
      if (counts.children > 0 || counts.products > 0) {
        throw new Conflict(
          'The category is not empty: move or delete its products and sub-categories, or pass reassignTo',
          { products: counts.products, children: counts.children },
          'category_not_empty',
        );
      }
    } else {
      const target = await categoriesStore.get(tx, reassignTo, { lock: true });
      if (!target) throw new CategoryNotFound('The category to reassign to does not exist');
      if (target.ancestors.includes(current.id)) {
        throw new Conflict('Reassign to a category outside the one being deleted', { reassignTo }, 'category_cycle');
      }
      const moved = await categoriesStore.reassignProducts(tx, current.id, target.id);
      await productsStore.refreshCategoryIds(tx, current.id);
      for (const child of await categoriesStore.siblings(tx, current.id)) await categoriesStore.move(tx, child.id, target);
      await categoriesStore.setPositions(tx, (await categoriesStore.siblings(tx, target.id)).map((s) => s.id));
      if (moved.length > 0) await productsStore.touchInCategories(tx, [target.id]);
    }
    await categoriesStore.delete(tx, current.id);
    await categoriesStore.setPositions(tx, (await categoriesStore.siblings(tx, current.parentId)).map((s) => s.id));
  });
  await deps.cache.invalidate();
}

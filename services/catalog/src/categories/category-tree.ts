import type { CategoryRow } from './categories.store.js';

export interface CategoryNode {
  id: string;
  slug: string;
  name: string;
  position: number;
  productCount: number;
  children: CategoryNode[];
}

export const MAX_DEPTH = 10;

/** Flat rows (any order) → nested tree, siblings by position then name. */
export function buildTree(rows: readonly CategoryRow[], counts: ReadonlyMap<string, number>): CategoryNode[] {
  const nodes = new Map<string, CategoryNode & { parentId: string | null }>();
  for (const r of rows) nodes.set(r.id, { id: r.id, slug: r.slug, name: r.name, position: r.position, productCount: counts.get(r.id) ?? 0, children: [], parentId: r.parentId });
  const roots: CategoryNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  const order = (list: CategoryNode[]) => {
    list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    for (const n of list) order(n.children);
  };
  order(roots);
  const strip = (n: CategoryNode & { parentId?: string | null }): CategoryNode => ({
    id: n.id,
    slug: n.slug,
    name: n.name,
    position: n.position,
    productCount: n.productCount,
    children: n.children.map(strip),
  });
  return roots.map(strip);
}

/** Moving `id` under `target` would make it its own ancestor. */
export function wouldCycle(id: string, target: Pick<CategoryRow, 'ancestors'> | null): boolean {
  return target !== null && target.ancestors.includes(id);
}

/** `ids` with `id` taken out and put back at `position` (clamped). */
export function placeAt(ids: readonly string[], id: string, position: number): string[] {
  const rest = ids.filter((x) => x !== id);
  const at = Math.max(0, Math.min(position, rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

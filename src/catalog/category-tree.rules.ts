/**
 * The public 公开目录 category tree of one agency with item counts (issue 5: "browse agency → category
 * tree with item counts"). A node's `total` counts its own items and those of every descendant, so a
 * parent shows what a click on it lists. Pure.
 */

/** A category as stored. */
export interface CategoryInput {
  id: number;
  parent_id: number | null;
  name: string;
  sort_order: number;
}

/** A node of the tree. */
export interface CategoryNode {
  id: number;
  name: string;
  /** Items filed directly under this category. */
  own: number;
  /** Items under this category and all its descendants. */
  total: number;
  children: CategoryNode[];
}

/**
 * Builds the tree in sort order. `counts` maps a category id to its own public items. Categories
 * whose parent is missing become roots; categories caught in a cycle (never written by the console) are left out.
 */
export function categoryTree(
  categories: readonly CategoryInput[],
  counts: ReadonlyMap<number, number>,
): CategoryNode[] {
  const byParent = new Map<number | null, CategoryInput[]>();
  const ids = new Set(categories.map((c) => c.id));
  for (const c of categories) {
    const parent = c.parent_id !== null && ids.has(c.parent_id) && c.parent_id !== c.id ? c.parent_id : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), c]);
  }
  const seen = new Set<number>();
  const build = (parent: number | null): CategoryNode[] =>
    (byParent.get(parent) ?? [])
      .slice()
      .sort((a, b) => a.sort_order - b.sort_order || a.id - b.id)
      .filter((c) => !seen.has(c.id) && seen.add(c.id))
      .map((c) => {
        const children = build(c.id);
        const own = counts.get(c.id) ?? 0;
        return { id: c.id, name: c.name, own, total: own + children.reduce((s, ch) => s + ch.total, 0), children };
      });
  return build(null);
}

/** The ids of a node and all its descendants (what a category page lists), or [] when the id is not in the tree. */
export function subtreeIds(tree: readonly CategoryNode[], id: number): number[] {
  for (const n of tree) {
    if (n.id === id) {
      const out: number[] = [];
      const walk = (x: CategoryNode) => {
        out.push(x.id);
        x.children.forEach(walk);
      };
      walk(n);
      return out;
    }
    const inner = subtreeIds(n.children, id);
    if (inner.length) return inner;
  }
  return [];
}

/** The names from the root down to the node (breadcrumbs), or [] when absent. */
export function categoryPath(tree: readonly CategoryNode[], id: number): CategoryNode[] {
  for (const n of tree) {
    if (n.id === id) return [n];
    const inner = categoryPath(n.children, id);
    if (inner.length) return [n, ...inner];
  }
  return [];
}

import type { Db } from '../platform/db/schema.js';
import './search.tables.js';

/**
 * After an agency or a catalogue category is renamed: the name its documents show on the result page and
 * in the facets (kept in search_docs so a page of results needs no join). Names are not searched, so
 * nothing is tokenized again. Call inside the renaming transaction (which also writes the public stamp).
 */
export async function relabelSearchDocs(
  db: Db,
  change: { orgId: number; name: string } | { categoryId: number; name: string },
): Promise<void> {
  if ('orgId' in change)
    await db.updateTable('search_docs').set({ org_name: change.name }).where('org_id', '=', change.orgId).execute();
  else
    await db
      .updateTable('search_docs')
      .set({ category_name: change.name })
      .where('category_id', '=', change.categoryId)
      .where('doc_type', '=', 'catalog_item')
      .execute();
}

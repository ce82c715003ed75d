/**
 * The token pass of a reindex: every indexed document's tokens and normalized text computed again from its
 * stored title and body (after a tokenizer or normalization change), REINDEX_BATCH rows at a time, then the
 * dialect's full-text structure refreshed and the filter terms marked as indexed.
 */
import { sql } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import './search.tables.js';
import { textRow } from './index-many.js';
import { markFilterTermsIndexed } from './filter-terms-state.js';
import type { DialectSearch } from './search-dialect.js';

const REINDEX_BATCH = 500;

/** Recomputes every document's tokens; `progress` is told after each batch. */
export async function retokenizeAll(
  db: Db,
  d: Pick<DialectSearch, 'afterReindex'>,
  at: string,
  progress?: (done: number, total: number) => void,
): Promise<{ count: number }> {
  const total = Number(
    (
      await db
        .selectFrom('search_docs')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  let done = 0;
  let after = 0;
  for (;;) {
    const batch = await db
      .selectFrom('search_docs as s')
      .innerJoin('search_texts as t', 't.id', 's.id')
      .select(['s.id', 's.title', 't.body', 's.org_id', 's.category_id', 's.year', 's.topic', 's.genre', 's.validity'])
      .where('s.id', '>', after)
      .orderBy('s.id')
      .limit(REINDEX_BATCH)
      .execute();
    if (!batch.length) break;
    for (const r of batch) {
      const { title_tokens, body_tokens, norm_text } = textRow(r.title, r.body, r);
      await db
        .updateTable('search_texts')
        .set({ title_tokens, body_tokens, norm_text })
        .where('id', '=', r.id)
        .execute();
    }
    done += batch.length;
    after = batch[batch.length - 1].id;
    progress?.(done, total);
  }
  await d.afterReindex(db);
  await markFilterTermsIndexed(db, at);
  return { count: done };
}

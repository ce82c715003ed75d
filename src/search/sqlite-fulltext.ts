/**
 * SQLite's full-text rows of indexed documents, written by the indexer once per batch (migration
 * 202612061000: through an insert trigger per row FTS5 cost about twice as much). PostgreSQL has none
 * to write: its tsvectors are generated columns of search_texts.
 */
import { sql } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import { dialectOf } from '../platform/db/dialect-sql.js';

/**
 * The title index's rowid (migration 202612052130): title length in tokens, shortest first, then id.
 * FTS5 walks a doclist in rowid order, so the shortest matching titles come first.
 */
export const titleKey = (t: string) =>
  sql.raw(
    `(1048576 - (case when ${t}.title_tokens = '' then 0 else length(${t}.title_tokens) - length(replace(${t}.title_tokens, ' ', '')) + 1 end)) * 4294967296 + ${t}.id`,
  );

/**
 * Adds the full-text rows of these search_texts rows (just inserted) to both SQLite indexes. In rowid
 * order: FTS5 writes its pending terms out whenever a rowid is not above the last one.
 */
export async function addFullText(db: Db, ids: readonly number[]): Promise<void> {
  if (!ids.length || dialectOf(db) === 'postgres') return;
  await sql`insert into search_title_fts(rowid, title_tokens) select ${titleKey('t')}, t.title_tokens from search_texts t where t.id in (${sql.join(ids)}) order by 1`.execute(
    db,
  );
  await sql`insert into search_fts(rowid, title_tokens, body_tokens) select id, title_tokens, body_tokens from search_texts where id in (${sql.join(ids)})`.execute(
    db,
  );
}

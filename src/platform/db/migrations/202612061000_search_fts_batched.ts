import { sql, type Kysely } from 'kysely';
import { isPostgres } from './_lib.js';

/**
 * SQLite: the full-text rows of new documents are written by the indexer, one INSERT … SELECT per batch
 * (src/search/index-many.ts), instead of by a trigger per inserted row. FTS5 under a trigger cost 1.8 of
 * the 3.6 CPU-seconds of indexing 20,000 catalogue documents; the same rows written by one statement per
 * 200–500 documents cost the rest. Deletes and token updates keep their triggers (rare, one row each).
 * PostgreSQL: nothing (its tsvectors are generated columns).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`drop trigger if exists search_texts_ai`.execute(db);
  await sql`drop trigger if exists search_texts_title_ai`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`create trigger search_texts_ai after insert on search_texts begin
    insert into search_fts(rowid, title_tokens, body_tokens) values (new.id, new.title_tokens, new.body_tokens); end`.execute(
    db,
  );
  await sql`create trigger search_texts_title_ai after insert on search_texts begin
    insert into search_title_fts(rowid, title_tokens) values ((1048576 - (case when new.title_tokens = '' then 0 else length(new.title_tokens) - length(replace(new.title_tokens, ' ', '')) + 1 end)) * 4294967296 + new.id, new.title_tokens); end`.execute(
    db,
  );
}

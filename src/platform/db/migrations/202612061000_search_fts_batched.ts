import { sql, type Kysely } from 'kysely';
import { isPostgres } from './_lib.js';

/**
 * SQLite: the full-text rows of new documents are written by the indexer, one INSERT … SELECT per batch
 * and index (src/search/sqlite-fulltext.ts), instead of by an insert trigger per row. Measured on 20,000
 * catalogue documents with plain better-sqlite3: 3.2–3.8 CPU-seconds through the trigger, 1.7–1.8 with
 * one statement per 200 documents; the title index's rows, keyed by title length, are then also written
 * in rowid order (FTS5 writes its pending terms out whenever a rowid goes down). Deletes and token
 * updates keep their triggers (rare, one row each). PostgreSQL: nothing (its tsvectors are generated columns).
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

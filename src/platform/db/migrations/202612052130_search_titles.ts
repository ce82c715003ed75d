import { sql, type Kysely } from 'kysely';
import { isPostgres } from './_lib.js';

/**
 * A title-only full-text index, so the search can find the best title matches over the whole catalogue
 * (past the search window, common words are otherwise ranked only among their newest matches).
 * SQLite: an external-content FTS5 table over search_texts.title_tokens kept in sync by triggers;
 * PostgreSQL: a generated tsvector of the title tokens with a GIN index. Both are filled here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table search_texts add column title_tsv tsvector generated always as (to_tsvector('simple', title_tokens)) stored`.execute(
      db,
    );
    await sql`create index search_texts_title_tsv on search_texts using gin (title_tsv)`.execute(db);
    return;
  }
  await sql`create virtual table search_title_fts using fts5(title_tokens, content='search_texts', content_rowid='id', tokenize='unicode61 remove_diacritics 0')`.execute(
    db,
  );
  await sql`create trigger search_texts_title_ai after insert on search_texts begin
    insert into search_title_fts(rowid, title_tokens) values (new.id, new.title_tokens); end`.execute(db);
  await sql`create trigger search_texts_title_ad after delete on search_texts begin
    insert into search_title_fts(search_title_fts, rowid, title_tokens) values ('delete', old.id, old.title_tokens); end`.execute(
    db,
  );
  await sql`create trigger search_texts_title_au after update of title_tokens on search_texts begin
    insert into search_title_fts(search_title_fts, rowid, title_tokens) values ('delete', old.id, old.title_tokens);
    insert into search_title_fts(rowid, title_tokens) values (new.id, new.title_tokens); end`.execute(db);
  await sql`insert into search_title_fts(search_title_fts) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index if exists search_texts_title_tsv`.execute(db);
    await sql`alter table search_texts drop column if exists title_tsv`.execute(db);
    return;
  }
  for (const t of ['search_texts_title_ai', 'search_texts_title_ad', 'search_texts_title_au'])
    await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
  await sql`drop table if exists search_title_fts`.execute(db);
}

import { sql, type Kysely } from 'kysely';
import { isPostgres } from './_lib.js';

/**
 * A title-only full-text index, so the search can find the best title matches over the whole catalogue
 * (past the search window, common words are otherwise ranked only among their newest matches).
 * SQLite: a contentless FTS5 table of search_texts.title_tokens kept in sync by triggers;
 * PostgreSQL: a generated tsvector of the title tokens with a GIN index (with the id, as the main one). Both are filled here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table search_texts add column title_tsv tsvector generated always as (to_tsvector('simple', title_tokens)) stored`.execute(
      db,
    );
    // With btree_gin (migration 202611300400) the index holds the id too: "the newest title matches" is
    // then answered inside the index, as the search window is.
    const btreeGin = await sql`select 1 from pg_extension where extname = 'btree_gin'`.execute(db);
    await sql`create index search_texts_title_tsv on search_texts using gin ${btreeGin.rows.length ? sql`(title_tsv, id)` : sql`(title_tsv)`}`.execute(
      db,
    );
    return;
  }
  // Contentless, keyed by title length then id: FTS5 walks a doclist in rowid order, so "the shortest
  // titles holding the words, newest first" is a walk that stops after the first k (the order bm25 gives
  // titles holding the words once), whatever the number of title matches.
  await sql`create virtual table search_title_fts using fts5(title_tokens, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
    db,
  );
  const key = (t: 'new' | 'old') =>
    sql.raw(
      `(1048576 - (case when ${t}.title_tokens = '' then 0 else length(${t}.title_tokens) - length(replace(${t}.title_tokens, ' ', '')) + 1 end)) * 4294967296 + ${t}.id`,
    );
  await sql`create trigger search_texts_title_ai after insert on search_texts begin
    insert into search_title_fts(rowid, title_tokens) values (${key('new')}, new.title_tokens); end`.execute(db);
  // contentless_delete (SQLite 3.43): rows are deleted by rowid, so deleting one the index does not hold
  // (e.g. while `gongkai search reindex` refills it) is harmless.
  await sql`create trigger search_texts_title_ad after delete on search_texts begin
    delete from search_title_fts where rowid = ${key('old')}; end`.execute(db);
  await sql`create trigger search_texts_title_au after update of title_tokens on search_texts begin
    delete from search_title_fts where rowid = ${key('old')};
    insert into search_title_fts(rowid, title_tokens) values (${key('new')}, new.title_tokens); end`.execute(db);
  await sql`insert into search_title_fts(rowid, title_tokens) select ${key('new')}, new.title_tokens from search_texts as new`.execute(
    db,
  );
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

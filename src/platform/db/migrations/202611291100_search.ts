import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from './_lib.js';

/**
 * The search index: one generic table of documents (narrow: what filters, facets and result lists
 * read) and one of their texts and tokens, plus the dialect's full-text
 * structure (SQLite: an external-content FTS5 table kept in sync by triggers; PostgreSQL: a generated
 * tsvector column with a GIN index).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('search_docs'))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer')
    .addColumn('org_name', 'text')
    .addColumn('category_id', 'integer')
    .addColumn('category_name', 'text')
    .addColumn('topic', 'text')
    .addColumn('genre', 'text')
    .addColumn('validity', 'text')
    .addColumn('year', 'integer')
    .addColumn('published_on', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text')
    .addColumn('doc_no_norm', 'text')
    .addColumn('index_no', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_docs_doc', ['doc_type', 'doc_id'])
    .execute();
  // The wide part (body, tokens, normalized text) apart, so filters, facets and sorting read narrow rows.
  await db.schema
    .createTable('search_texts')
    .addColumn('id', 'integer', (c) => c.primaryKey().references('search_docs.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('title_tokens', 'text', (c) => c.notNull())
    .addColumn('body_tokens', 'text', (c) => c.notNull())
    .addColumn('norm_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_docs_published').on('search_docs').columns(['published_on', 'id']).execute();
  await db.schema.createIndex('search_docs_doc_no').on('search_docs').column('doc_no_norm').execute();
  await db.schema.createIndex('search_docs_index_no').on('search_docs').column('index_no').execute();
  await db.schema.createIndex('search_docs_org').on('search_docs').column('org_id').execute();
  if (isPostgres(db)) {
    await sql`alter table search_texts add column tsv tsvector generated always as (setweight(to_tsvector('simple', title_tokens), 'A') || setweight(to_tsvector('simple', body_tokens), 'D')) stored`.execute(
      db,
    );
    await sql`create index search_texts_tsv on search_texts using gin (tsv)`.execute(db);
    return;
  }
  await sql`create virtual table search_fts using fts5(title_tokens, body_tokens, content='search_texts', content_rowid='id', tokenize='unicode61 remove_diacritics 0')`.execute(
    db,
  );
  await sql`create trigger search_texts_ai after insert on search_texts begin
    insert into search_fts(rowid, title_tokens, body_tokens) values (new.id, new.title_tokens, new.body_tokens); end`.execute(
    db,
  );
  await sql`create trigger search_texts_ad after delete on search_texts begin
    insert into search_fts(search_fts, rowid, title_tokens, body_tokens) values ('delete', old.id, old.title_tokens, old.body_tokens); end`.execute(
    db,
  );
  await sql`create trigger search_texts_au after update of title_tokens, body_tokens on search_texts begin
    insert into search_fts(search_fts, rowid, title_tokens, body_tokens) values ('delete', old.id, old.title_tokens, old.body_tokens);
    insert into search_fts(rowid, title_tokens, body_tokens) values (new.id, new.title_tokens, new.body_tokens); end`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table if exists search_fts`.execute(db);
  await db.schema.dropTable('search_texts').execute();
  await db.schema.dropTable('search_docs').execute();
}

import type { Kysely } from 'kysely';
import { withId, withTimestamps } from './_lib.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    withId(db, db.schema.createTable('catalog_categories'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('parent_id', 'integer', (c) => c.references('catalog_categories.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema
    .createIndex('catalog_categories_org')
    .on('catalog_categories')
    .columns(['org_id', 'parent_id'])
    .execute();

  await withTimestamps(
    withId(db, db.schema.createTable('items'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('index_no', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('doc_no', 'text')
      .addColumn('doc_agency', 'text')
      .addColumn('doc_year', 'integer')
      .addColumn('doc_seq', 'integer')
      .addColumn('doc_no_norm', 'text')
      .addColumn('topic', 'text')
      .addColumn('genre', 'text', (c) => c.notNull())
      .addColumn('category_id', 'integer', (c) => c.references('catalog_categories.id'))
      .addColumn('keywords', 'text')
      .addColumn('validity', 'text', (c) => c.notNull())
      .addColumn('validity_on', 'text')
      .addColumn('replaced_by_id', 'integer', (c) => c.references('items.id'))
      .addColumn('disclosure_mode', 'text', (c) => c.notNull())
      .addColumn('nondisclosure_ground', 'text')
      .addColumn('article20_item', 'integer')
      .addColumn('is_rule', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_normative', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('legality_required', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('written_on', 'text')
      .addColumn('created_on', 'text', (c) => c.notNull())
      .addColumn('published_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('author_id', 'integer', (c) => c.references('users.id'))
      .addColumn('secrecy_reviewer', 'text')
      .addColumn('legality_reviewer', 'text')
      .addColumn('approver', 'text')
      .addColumn('withdrawn_reason', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema
    .createIndex('items_public')
    .on('items')
    .columns(['status', 'disclosure_mode', 'published_on'])
    .execute();
  await db.schema.createIndex('items_org_status').on('items').columns(['org_id', 'status']).execute();
  await db.schema.createIndex('items_doc_no_norm').on('items').column('doc_no_norm').execute();
  await db.schema.createIndex('items_category').on('items').column('category_id').execute();

  await withId(db, db.schema.createTable('item_versions'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text')
    .addColumn('revision_note', 'text', (c) => c.notNull())
    .addColumn('corrected_on', 'text', (c) => c.notNull())
    .addColumn('corrected_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('item_versions_unique', ['item_id', 'version'])
    .execute();

  await withId(db, db.schema.createTable('item_reviews'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_reviews_item').on('item_reviews').column('item_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('item_reviews').execute();
  await db.schema.dropTable('item_versions').execute();
  await db.schema.dropTable('items').execute();
  await db.schema.dropTable('catalog_categories').execute();
}

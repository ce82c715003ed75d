import type { Kysely } from 'kysely';
import { withId } from './_lib.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('catalog_files'))
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('item_attachments'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('catalog_files.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();
  await db.schema.createIndex('item_attachments_item').on('item_attachments').column('item_id').execute();

  await withId(db, db.schema.createTable('item_links'))
    .addColumn('interpretation_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('item_links_unique', ['interpretation_id', 'document_id'])
    .execute();
  await db.schema.createIndex('item_links_document').on('item_links').column('document_id').execute();

  await db.schema
    .createTable('item_channels')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_channels_pk', ['item_id', 'channel'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('item_channels').execute();
  await db.schema.dropTable('item_links').execute();
  await db.schema.dropTable('item_attachments').execute();
  await db.schema.dropTable('catalog_files').execute();
}

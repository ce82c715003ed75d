import type { Kysely } from 'kysely';
import { withId } from './_lib.js';

/**
 * The release package of a case (条例第三十六条、第三十七条): the documents given to the applicant, each
 * with what it answers, its original (staff only) and its released copy (redacted or cleaned); the
 * package's approval by a second person and until when the applicant may download; every download.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('request_release_documents'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('original_sha256', 'text', (c) => c.notNull())
    .addColumn('original_size', 'integer', (c) => c.notNull())
    .addColumn('released_sha256', 'text')
    .addColumn('released_size', 'integer')
    .addColumn('boxes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reasons', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('redacted_at', 'text')
    .addColumn('redacted_by', 'integer')
    .execute();
  await db.schema
    .createIndex('request_release_documents_request')
    .on('request_release_documents')
    .columns(['request_id', 'id'])
    .execute();

  await db.schema
    .createTable('request_releases')
    .addColumn('request_id', 'integer', (c) => c.primaryKey().references('requests.id').onDelete('cascade'))
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'integer', (c) => c.notNull())
    .addColumn('available_until', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('request_release_downloads'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('document_id', 'integer', (c) =>
      c.notNull().references('request_release_documents.id').onDelete('cascade'),
    )
    .addColumn('downloaded_at', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .execute();
  await db.schema
    .createIndex('request_release_downloads_request')
    .on('request_release_downloads')
    .columns(['request_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_release_downloads').execute();
  await db.schema.dropTable('request_releases').execute();
  await db.schema.dropTable('request_release_documents').execute();
}

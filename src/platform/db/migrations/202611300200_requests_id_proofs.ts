import type { Kysely } from 'kysely';
import { withId } from './_lib.js';

/** Identity proofs (身份证明, REFERENCE §5.6) uploaded with a request: one row per file, bytes in the blob store by SHA-256. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('request_id_proofs'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();
  await db.schema
    .createIndex('request_id_proofs_request')
    .on('request_id_proofs')
    .columns(['request_id', 'id'])
    .execute();
  await db.schema.createIndex('request_id_proofs_sha').on('request_id_proofs').column('sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_id_proofs').execute();
}

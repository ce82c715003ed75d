import type { Kysely } from 'kysely';

/** The text of a stored attachment (DOCX, XLSX, PDF, TXT/CSV), extracted once at upload for the search index. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('catalog_files').addColumn('text', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('catalog_files').dropColumn('text').execute();
}

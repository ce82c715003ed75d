import type { Kysely } from 'kysely';

/**
 * The key of the form page an application was sent from (a random id rendered in the form): the same form
 * sent twice — a page refreshed after submitting, a double click — is one application, not two. Unique;
 * null for applications recorded before this migration, by the API or the CLI.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('requests').addColumn('form_key', 'text').execute();
  await db.schema.createIndex('requests_form_key_unique').on('requests').column('form_key').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('requests_form_key_unique').execute();
  await db.schema.alterTable('requests').dropColumn('form_key').execute();
}

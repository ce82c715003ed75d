import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('guides')
    .addColumn('org_id', 'integer', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('arrangement', 'text', (c) => c.notNull())
    .addColumn('how_to_obtain', 'text', (c) => c.notNull())
    .addColumn('request_procedure', 'text', (c) => c.notNull())
    .addColumn('supervision', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('guides').execute();
}

import type { Kysely } from 'kysely';
import { withId } from './_lib.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('annual_figures'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('licensing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('penalties', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enforcement', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fees_wan', 'text', (c) => c.notNull().defaultTo('0'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addUniqueConstraint('annual_figures_org_year', ['org_id', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('annual_figures').execute();
}

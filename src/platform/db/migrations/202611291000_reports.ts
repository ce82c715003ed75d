import type { Kysely } from 'kysely';
import { withId, withTimestamps } from './_lib.js';

/** Annual reports (政府信息公开工作年度报告): one per organisation and year. */
export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    withId(db, db.schema.createTable('annual_reports'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('tables_json', 'text', (c) => c.notNull())
      .addColumn('overview', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('problems', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('other', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('review_comment', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('reviewed_at', 'text')
      .addColumn('reviewed_by', 'integer')
      .addColumn('published_at', 'text')
      .addColumn('created_by', 'integer'),
  ).execute();
  await db.schema
    .createIndex('annual_reports_org_year')
    .on('annual_reports')
    .columns(['org_id', 'year'])
    .unique()
    .execute();
  await db.schema.createIndex('annual_reports_year_status').on('annual_reports').columns(['year', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('annual_reports').execute();
}

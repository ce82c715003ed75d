import type { Kysely } from 'kysely';
import { withId, withTimestamps } from './_lib.js';

/** Pre-2019 《政府信息公开情况统计表》 of earlier years (entered or imported): one per organisation and year. */
export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    withId(db, db.schema.createTable('legacy_report_stats'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('values_json', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer'),
  ).execute();
  await db.schema
    .createIndex('legacy_report_stats_org_year')
    .on('legacy_report_stats')
    .columns(['org_id', 'year'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('legacy_report_stats').execute();
}

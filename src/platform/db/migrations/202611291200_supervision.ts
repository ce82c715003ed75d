import { sql, type Kysely } from 'kysely';
import { withId, withTimestamps } from './_lib.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    withId(db, db.schema.createTable('supervision_tasks'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('responsible_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('department_org_id', 'integer', (c) => c.references('orgs.id'))
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('evidence_required', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('accepted_on', 'text'),
  ).execute();
  await db.schema
    .createIndex('supervision_tasks_org_year')
    .on('supervision_tasks')
    .columns(['org_id', 'year'])
    .execute();
  await db.schema
    .createIndex('supervision_tasks_responsible')
    .on('supervision_tasks')
    .columns(['responsible_org_id', 'deadline'])
    .execute();

  await withId(db, db.schema.createTable('supervision_task_reports'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('supervision_tasks.id').onDelete('cascade'))
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('review_comment', 'text')
    .addColumn('reported_by', 'integer')
    .addColumn('reported_by_label', 'text', (c) => c.notNull())
    .addColumn('reviewed_by_label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .execute();
  await db.schema
    .createIndex('supervision_task_reports_task')
    .on('supervision_task_reports')
    .columns(['task_id', 'id'])
    .execute();

  await db.schema
    .createTable('supervision_alert_prefs')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Dashboard figures of the catalogue (published 主动公开 items per agency and period, with the
  // 生成日期 for the 20-working-day share) read from this covering index only.
  // 政策文件未解读: 规章 / 规范性文件 per agency (a partial index: few rows).
  await db.schema
    .createIndex('supervision_items_policy')
    .on('items')
    .column('org_id')
    .where(sql<boolean>`is_normative = 1 or is_rule = 1`)
    .execute();
  await db.schema
    .createIndex('supervision_items_timeliness')
    .on('items')
    .columns(['status', 'disclosure_mode', 'published_on', 'org_id', 'created_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('supervision_items_timeliness').execute();
  await db.schema.dropIndex('supervision_items_policy').execute();
  await db.schema.dropTable('supervision_alert_prefs').execute();
  await db.schema.dropTable('supervision_task_reports').execute();
  await db.schema.dropTable('supervision_tasks').execute();
}

import type { Kysely } from 'kysely';
import { withId, withTimestamps } from './_lib.js';

// Departments of a case (主办科室 and 协办科室 with internal due dates and replies) and the
// editable answer-letter templates per agency and outcome code.
export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    withId(db, db.schema.createTable('request_departments'))
      .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('internal_due_on', 'text')
      .addColumn('reply_text', 'text')
      .addColumn('reply_on', 'text')
      .addColumn('reply_by', 'text')
      .addColumn('recorded_by', 'integer')
      .addUniqueConstraint('request_departments_once', ['request_id', 'org_id']),
  ).execute();
  await db.schema
    .createIndex('request_departments_due')
    .on('request_departments')
    .columns(['reply_on', 'internal_due_on'])
    .execute();

  await withTimestamps(
    withId(db, db.schema.createTable('request_letter_templates'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('outcome_code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer')
      .addUniqueConstraint('request_letter_templates_once', ['org_id', 'outcome_code']),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_letter_templates').execute();
  await db.schema.dropTable('request_departments').execute();
}

import type { Kysely } from 'kysely';
import { withId } from './_lib.js';

/**
 * Letters issued on a case (one row per ledger event that issued a letter): the 发文字号 given then
 * (unique per agency and year) and the 抄送 list, kept as sent. The serial comes from the counters table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('request_letter_issues'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('event_id', 'integer', (c) => c.notNull().unique().references('request_events.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('serial', 'integer')
    .addColumn('doc_no', 'text')
    .addColumn('cc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('request_letter_issues_serial', ['org_id', 'year', 'serial'])
    .execute();
  await db.schema
    .createIndex('request_letter_issues_request')
    .on('request_letter_issues')
    .column('request_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_letter_issues').execute();
}

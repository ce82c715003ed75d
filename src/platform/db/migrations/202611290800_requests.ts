import type { Kysely } from 'kysely';
import { withId, withTimestamps } from './_lib.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    withId(db, db.schema.createTable('requests'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('request_no', 'text', (c) => c.notNull().unique())
      .addColumn('query_code_hash', 'text', (c) => c.notNull())
      .addColumn('applicant_type', 'text', (c) => c.notNull())
      .addColumn('applicant_kind', 'text')
      .addColumn('applicant_name', 'text', (c) => c.notNull())
      .addColumn('id_type', 'text', (c) => c.notNull())
      .addColumn('id_number', 'text', (c) => c.notNull())
      .addColumn('legal_rep', 'text')
      .addColumn('contact_name', 'text')
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('address', 'text')
      .addColumn('postcode', 'text')
      .addColumn('info_title', 'text')
      .addColumn('info_ref', 'text')
      .addColumn('info_description', 'text')
      .addColumn('info_form', 'text', (c) => c.notNull())
      .addColumn('delivery', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text')
      .addColumn('handler_id', 'integer', (c) => c.references('users.id'))
      .addColumn('outcome_code', 'text')
      .addColumn('outcome_basis', 'text')
      .addColumn('answer_text', 'text')
      .addColumn('closed_on', 'text'),
  ).execute();
  await db.schema.createIndex('requests_org_state').on('requests').columns(['org_id', 'state']).execute();
  await db.schema.createIndex('requests_handler').on('requests').columns(['handler_id', 'state']).execute();
  await db.schema.createIndex('requests_due').on('requests').columns(['state', 'due_on']).execute();
  await db.schema.createIndex('requests_applicant').on('requests').columns(['id_number', 'received_on']).execute();

  await withId(db, db.schema.createTable('request_events'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('event_on', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('actor_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_events_request').on('request_events').columns(['request_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_events').execute();
  await db.schema.dropTable('requests').execute();
}

import type { Kysely } from 'kysely';

/**
 * Indexes for reading one year of an agency's cases (annual report table 三 and its drill-down): cases
 * closed from the year on or still open (`org_id, closed_on`), and events of a type in a date range (fees paid in
 * the year), so a report's cost follows the year's rows, not the agency's history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('requests_org_closed').on('requests').columns(['org_id', 'closed_on']).execute();
  await db.schema.createIndex('request_events_type_on').on('request_events').columns(['type', 'event_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('request_events_type_on').execute();
  await db.schema.dropIndex('requests_org_closed').execute();
}

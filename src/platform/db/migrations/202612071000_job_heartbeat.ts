import type { Kysely } from 'kysely';

/**
 * When a running job's node last said it was alive (scheduler.ts writes it every HEARTBEAT_SECONDS while
 * the job runs). A run whose heartbeat is older than LEASE_MINUTES is taken over by the next node that
 * reaches its period; runs recorded before this migration have none (their start counts instead).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_runs').addColumn('heartbeat_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_runs').dropColumn('heartbeat_at').execute();
}

import type { Kysely } from 'kysely';

/**
 * How many times a period's run has been started after a failure (1: the first run). A run that failed
 * is started again within its period, after a wait, until MAX_ATTEMPTS (scheduler.ts); runs recorded before
 * this migration count as first runs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('job_runs')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_runs').dropColumn('attempts').execute();
}

/** Reading the recorded runs of the periodic jobs (`job_runs`, written by scheduler.ts). */
import type { Db } from '../db/schema.js';
import type { JobDefinition } from './scheduler.js';
import { jobStatus, type JobRun, type JobStatus } from './job-status.rules.js';

const COLUMNS = [
  'job',
  'period_key',
  'node_id',
  'started_at',
  'finished_at',
  'status',
  'message',
  'heartbeat_at',
  'attempts',
] as const;

/** Each job's status from its latest run (the unique index on job, period_key finds it). */
export async function jobStatuses(db: Db, jobs: readonly JobDefinition[], now: Date): Promise<JobStatus[]> {
  // The scheduler's first run: the lowest id (ids follow the claims; min(started_at) would read every row).
  const first = await db.selectFrom('job_runs').select('started_at').orderBy('id').limit(1).executeTakeFirst();
  const since = first ? new Date(first.started_at) : null;
  const out: JobStatus[] = [];
  for (const job of jobs) {
    const last = await db
      .selectFrom('job_runs')
      .select(COLUMNS)
      .where('job', '=', job.name)
      .orderBy('period_key', 'desc')
      .limit(1)
      .executeTakeFirst();
    out.push(jobStatus(job, last ?? null, now, since));
  }
  return out;
}

/** One job's runs, newest first, a page at a time. */
export async function jobRuns(
  db: Db,
  job: string,
  page: { limit: number; offset: number },
): Promise<{ rows: JobRun[]; total: number }> {
  const rows = await db
    .selectFrom('job_runs')
    .select(COLUMNS)
    .where('job', '=', job)
    .orderBy('period_key', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { n } = await db
    .selectFrom('job_runs')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('job', '=', job)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

import type { Ctx } from '../context.js';
import type { Db } from '../db/schema.js';

/** A periodic job. It runs at most once per period across all nodes sharing the database. */
export interface JobDefinition {
  name: string;
  /** What it does, for operators (`gongkai jobs`, 系统管理 › 定时任务). */
  label?: string;
  period: 'daily' | 'hourly' | 'every15min';
  /** For daily jobs: the Beijing hour from which the day's run may start (default DEFAULT_DAILY_HOUR). */
  atHour?: number;
  run(ctx: Ctx): Promise<string | void>;
}

/** The Beijing hour from which a daily job without `atHour` runs. */
export const DEFAULT_DAILY_HOUR = 6;

/** The period key of an instant in Asia/Shanghai time, or null when a daily job's hour has not come. */
export function periodKey(job: Pick<JobDefinition, 'period' | 'atHour'>, now: Date): string | null {
  const bj = new Date(now.getTime() + 8 * 3600_000).toISOString();
  const day = bj.slice(0, 10);
  const hour = Number(bj.slice(11, 13));
  if (job.period === 'daily') return hour >= (job.atHour ?? DEFAULT_DAILY_HOUR) ? day : null;
  if (job.period === 'hourly') return `${day}T${bj.slice(11, 13)}`;
  return `${day}T${bj.slice(11, 13)}:${String(Math.floor(Number(bj.slice(14, 16)) / 15) * 15).padStart(2, '0')}`;
}

/**
 * Claims the job's run for its current period by inserting a unique
 * (job, period_key) row; only the node whose insert succeeds runs it.
 */
export async function claimRun(db: Db, job: string, period: string, nodeId: string, now: Date): Promise<number | null> {
  try {
    const row = await db
      .insertInto('job_runs')
      .values({
        job,
        period_key: period,
        node_id: nodeId,
        started_at: now.toISOString(),
        finished_at: null,
        status: 'running',
        message: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch {
    return null; // unique violation: another node has it
  }
}

/** Runs each due job once for its period; returns what ran here. */
export async function runDueJobs(
  ctx: Ctx,
  jobs: JobDefinition[],
  nodeId: string,
): Promise<Array<{ job: string; period: string; status: string }>> {
  const out = [];
  for (const job of jobs) {
    const now = ctx.now();
    const period = periodKey(job, now);
    if (!period) continue;
    const id = await claimRun(ctx.db, job.name, period, nodeId, now);
    if (id === null) continue;
    let status = 'ok';
    let message: string | null = null;
    try {
      message = (await job.run(ctx)) ?? null;
    } catch (e) {
      status = 'error';
      message = (e as Error).message.slice(0, 1000);
    }
    await ctx.db
      .updateTable('job_runs')
      .set({ status, message, finished_at: ctx.now().toISOString() })
      .where('id', '=', id)
      .execute();
    out.push({ job: job.name, period, status });
  }
  return out;
}

/** Starts a timer that runs due jobs every `tickSeconds`; returns a stop function. */
export function startScheduler(
  ctx: Ctx,
  jobs: JobDefinition[],
  nodeId: string,
  tickSeconds: number,
  onError: (e: unknown) => void,
): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await runDueJobs(ctx, jobs, nodeId);
    } catch (e) {
      onError(e);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), tickSeconds * 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

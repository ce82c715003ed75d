import type { Ctx } from '../context.js';
import { sql, type Updateable } from 'kysely';
import type { DB, Db } from '../db/schema.js';

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

/** While a job runs, its node records every HEARTBEAT_SECONDS that it is alive (job_runs.heartbeat_at). */
export const HEARTBEAT_SECONDS = 60;
/**
 * A run still marked running whose node has not recorded it alive for LEASE_MINUTES (the node stopped
 * mid-run) is taken over by the next node that reaches the same period, and runs again there. The jobs
 * can run again safely: each commits its writes in one transaction, or does only what is left to do.
 */
export const LEASE_MINUTES = 10;

/** Whether a run marked running has had no heartbeat for LEASE_MINUTES (runs from before heartbeats: since its start). */
export const leaseExpired = (run: { started_at: string; heartbeat_at: string | null }, now: Date): boolean =>
  now.getTime() - new Date(run.heartbeat_at ?? run.started_at).getTime() >= LEASE_MINUTES * 60_000;

/** A claimed run: its row, and (taken over from a stopped node) what the row says of that. */
export interface Claim {
  id: number;
  startedAt: string;
  /** 接管节点 X 中断的运行 (null: claimed first). */
  takeover: string | null;
}

/**
 * Claims the job's run for its current period by inserting a unique (job, period_key) row; only the node
 * whose insert succeeds runs it. When the row exists, the run is taken over if its lease has expired.
 */
export async function claimRun(db: Db, job: string, period: string, nodeId: string, now: Date): Promise<Claim | null> {
  const at = now.toISOString();
  try {
    const row = await db
      .insertInto('job_runs')
      .values({
        job,
        period_key: period,
        node_id: nodeId,
        started_at: at,
        heartbeat_at: at,
        finished_at: null,
        status: 'running',
        message: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, startedAt: at, takeover: null };
  } catch {
    return takeOver(db, job, period, nodeId, now); // unique violation: another node has it
  }
}

/**
 * The period's run, when still marked running with its lease expired, taken over by `nodeId` (null
 * otherwise). One statement: of nodes taking it over at once, one changes the row (PostgreSQL re-reads
 * the WHERE of a row another transaction has just updated; SQLite writes one at a time).
 */
async function takeOver(db: Db, job: string, period: string, nodeId: string, now: Date): Promise<Claim | null> {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - LEASE_MINUTES * 60_000).toISOString();
  const row = await db
    .updateTable('job_runs')
    // SET reads the row as it was: the note names the stopped node.
    .set({
      node_id: nodeId,
      started_at: at,
      heartbeat_at: at,
      message: sql<string>`cast(${'接管节点 '} as text) || node_id || cast(${' 中断的运行'} as text)`,
    })
    .where('job', '=', job)
    .where('period_key', '=', period)
    .where('status', '=', 'running')
    .where(sql<boolean>`coalesce(heartbeat_at, started_at) <= ${cutoff}`)
    .returning(['id', 'message'])
    .executeTakeFirst();
  return row ? { id: row.id, startedAt: at, takeover: row.message } : null;
}

/** Runs each due job once for its period; returns what ran here. `heartbeatMs`: HEARTBEAT_SECONDS (tests shorten it). */
export async function runDueJobs(
  ctx: Ctx,
  jobs: JobDefinition[],
  nodeId: string,
  heartbeatMs = HEARTBEAT_SECONDS * 1000,
): Promise<Array<{ job: string; period: string; status: string }>> {
  const out = [];
  for (const job of jobs) {
    const now = ctx.now();
    const period = periodKey(job, now);
    if (!period) continue;
    const claim = await claimRun(ctx.db, job.name, period, nodeId, now);
    if (claim === null) continue;
    // Writes to this node's run (not to a run another node took over after thinking this one stopped).
    const update = (set: Updateable<DB['job_runs']>) =>
      ctx.db
        .updateTable('job_runs')
        .set(set)
        .where('id', '=', claim.id)
        .where('node_id', '=', nodeId)
        .where('started_at', '=', claim.startedAt)
        .execute();
    const beat = setInterval(() => {
      // A missed beat is not an error: the next one, or the lease, decides.
      update({ heartbeat_at: ctx.now().toISOString() }).catch(() => undefined);
    }, heartbeatMs);
    beat.unref();
    let status = 'ok';
    let message: string | null = null;
    try {
      message = (await job.run(ctx)) ?? null;
    } catch (e) {
      status = 'error';
      message = (e as Error).message.slice(0, 1000);
    } finally {
      clearInterval(beat);
    }
    if (claim.takeover) message = message ? `${claim.takeover}；${message}` : claim.takeover;
    const at = ctx.now().toISOString();
    await update({ status, message, finished_at: at, heartbeat_at: at });
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

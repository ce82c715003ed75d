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

/**
 * A run that failed is started again within its period: after RETRY_AFTER_MINUTES × the runs so far (10, then
 * 20 minutes), up to MAX_ATTEMPTS runs a period. A failure is often passing (the database restarting, the
 * mail server away); a daily reminder would otherwise wait a day. A period already past is not run again.
 */
export const MAX_ATTEMPTS = 3;
export const RETRY_AFTER_MINUTES = 10;

/**
 * When a failed run is started again (null: it is not, or `job` says its period will be over by then:
 * the next period runs anyway).
 */
export function retryAt(
  job: Pick<JobDefinition, 'period' | 'atHour'>,
  run: { period_key: string; status: string; finished_at: string | null; attempts: number },
): Date | null {
  if (run.status !== 'error' || run.attempts >= MAX_ATTEMPTS || !run.finished_at) return null;
  const at = new Date(new Date(run.finished_at).getTime() + run.attempts * RETRY_AFTER_MINUTES * 60_000);
  return periodKey(job, at) === run.period_key ? at : null;
}

/** A claimed run: its row, and (started again) why. */
export interface Claim {
  id: number;
  startedAt: string;
  /** 接管节点 X 中断的运行 / 第 N 次运行（上次失败：…） (null: claimed first). */
  note: string | null;
}

/**
 * Claims the job's run for its current period by inserting a unique (job, period_key) row; only the node
 * whose insert succeeds runs it. When the row exists, the run is claimed again if its node stopped mid-run
 * (its lease expired) or it failed and its retry is due.
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
    return { id: row.id, startedAt: at, note: null };
  } catch {
    return reclaim(db, job, period, nodeId, now); // unique violation: another node has it
  }
}

const text = (s: string) => sql<string>`cast(${s} as text)`;

/**
 * The period's run claimed again by `nodeId` (null when it is not due): still marked running with its lease
 * expired (taken over), or failed with its retry due (retryAt: finished RETRY_AFTER_MINUTES × attempts ago).
 * One statement: of nodes claiming it at once, one changes the row (PostgreSQL re-reads the WHERE of a row
 * another transaction has just updated; SQLite writes one at a time).
 */
async function reclaim(db: Db, job: string, period: string, nodeId: string, now: Date): Promise<Claim | null> {
  const at = now.toISOString();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  const failed = sql<string>`status = 'error'`;
  const row = await db
    .updateTable('job_runs')
    // SET reads the row as it was: the note names the stopped node, or the failure.
    .set({
      message: sql<string>`case when ${failed}
        then ${text('第 ')} || cast(attempts + 1 as text) || ${text(' 次运行（上次失败：')} || substr(coalesce(message, ''), 1, 200) || ${text('）')}
        else ${text('接管节点 ')} || node_id || ${text(' 中断的运行')} end`,
      attempts: sql<number>`case when ${failed} then attempts + 1 else attempts end`,
      node_id: nodeId,
      started_at: at,
      heartbeat_at: at,
      finished_at: null,
      status: 'running',
    })
    .where('job', '=', job)
    .where('period_key', '=', period)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'running'), eb(sql`coalesce(heartbeat_at, started_at)`, '<=', ago(LEASE_MINUTES))]),
        ...Array.from({ length: MAX_ATTEMPTS - 1 }, (_, k) =>
          eb.and([
            eb('status', '=', 'error'),
            eb('attempts', '=', k + 1),
            eb('finished_at', '<=', ago((k + 1) * RETRY_AFTER_MINUTES)),
          ]),
        ),
      ]),
    )
    .returning(['id', 'message'])
    .executeTakeFirst();
  return row ? { id: row.id, startedAt: at, note: row.message } : null;
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
    // A failure's result is its error alone: a retry's note quotes it (without nesting earlier notes).
    if (claim.note && status === 'ok') message = message ? `${claim.note}；${message}` : claim.note;
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

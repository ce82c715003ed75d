/**
 * What an operator needs to know about each periodic job (`gongkai jobs`, 系统管理 › 定时任务): its last
 * run and whether it ran for the period it should have run for by now. Pure: the runs are read elsewhere.
 */
import type { Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import { addDays, todayInShanghai } from '../dates.js';
import { DEFAULT_DAILY_HOUR, leaseExpired, periodKey, retryAt, type JobDefinition } from './scheduler.js';

/** A row of `job_runs` (its columns but the id). */
export type JobRun = Omit<Selectable<DB['job_runs']>, 'id'>;

/**
 * ok / error: the last run's outcome (for the period due now); retrying: it failed and will be started
 * again within its period (scheduler.ts retryAt; error once that time is LATE_AFTER_MIN past); running:
 * still running (its node records it alive); interrupted: still marked running, no heartbeat for LEASE_MINUTES (its node stopped mid-run: the
 * next node to reach that period takes it over; a period already past is not run again);
 * late: no node has run the period that began LATE_AFTER_MIN ago (or an earlier one since): no node
 * runs jobs (GONGKAI_JOBS=off everywhere, or none is up); never: no run of it recorded, though a period of it
 * has begun since the scheduler first ran (or the scheduler never ran); waiting: not yet run, its first
 * period has not come since the scheduler first ran (a daily job on a new installation before its hour).
 */
export type JobState = 'ok' | 'error' | 'retrying' | 'running' | 'interrupted' | 'late' | 'never' | 'waiting';

export const LATE_AFTER_MIN = 30;

export const STATE_LABEL: Record<JobState, string> = {
  ok: '成功',
  error: '失败',
  retrying: '失败，将重试',
  running: '运行中',
  interrupted: '可能已中断',
  late: '本期未运行',
  never: '从未运行',
  waiting: '尚未到运行时间',
};

/** States an operator must look at (`gongkai jobs --check` fails on them). */
export const NEEDS_ATTENTION: ReadonlySet<JobState> = new Set(['error', 'interrupted', 'late', 'never']);

export interface JobStatus {
  name: string;
  label: string;
  /** 每天 8 时 / 每小时 / 每 15 分钟 (Beijing time) */
  schedule: string;
  /** The period due now (its key, as job_runs.period_key holds it). */
  due: string;
  last: JobRun | null;
  state: JobState;
  /** When the failed last run is started again (state retrying; ISO instant), else null. */
  retryAt: string | null;
}

type Schedule = Pick<JobDefinition, 'period' | 'atHour'>;

export function scheduleLabel(job: Schedule): string {
  if (job.period === 'daily') return `每天 ${job.atHour ?? DEFAULT_DAILY_HOUR} 时`;
  return job.period === 'hourly' ? '每小时' : '每 15 分钟';
}

/**
 * The period a job should have run for by `now` (its key, as scheduler.ts periodKey gives it): the
 * current one; for a daily job before its hour, yesterday's.
 */
export function duePeriod(job: Schedule, now: Date): string {
  // periodKey is null only for a daily job before its hour (its keys are dates).
  return periodKey(job, now) ?? addDays(todayInShanghai(now), -1);
}

/**
 * One job's status from its latest run (null: none recorded); `since`: when the scheduler first ran any job
 * (the earliest run recorded; null: never).
 */
export function jobStatus(job: JobDefinition, last: JobRun | null, now: Date, since: Date | null): JobStatus {
  const base = {
    name: job.name,
    label: job.label ?? job.name,
    schedule: scheduleLabel(job),
    due: duePeriod(job, now),
    last,
    retryAt: null,
  };
  // The period that began LATE_AFTER_MIN ago or earlier must have run (keys of one job sort as their
  // periods do: zero-padded Beijing dates and times).
  const owed = duePeriod(job, new Date(now.getTime() - LATE_AFTER_MIN * 60_000));
  if (!last) return { ...base, state: since && owed <= duePeriod(job, since) ? 'waiting' : 'never' };
  if (last.status === 'running') return { ...base, state: leaseExpired(last, now) ? 'interrupted' : 'running' };
  if (last.period_key < owed) return { ...base, state: 'late' };
  const retry = retryAt(job, last);
  if (retry && now.getTime() < retry.getTime() + LATE_AFTER_MIN * 60_000)
    return { ...base, state: 'retrying', retryAt: retry.toISOString() };
  return { ...base, state: last.status === 'ok' ? 'ok' : 'error' };
}

/** A run's outcome in words. */
export function runOutcome(run: Pick<JobRun, 'status' | 'attempts'>): string {
  const outcome = run.status === 'ok' ? '成功' : run.status === 'running' ? '运行中' : '失败';
  return run.attempts > 1 ? `${outcome}（第 ${run.attempts} 次运行）` : outcome;
}

/** When a run still running was last reported alive by its node (null: finished, or from before heartbeats). */
export const lastReport = (run: Pick<JobRun, 'status' | 'heartbeat_at'>): string | null =>
  run.status === 'running' ? run.heartbeat_at : null;

/** How long a run took, in words ('' while running). */
export function runTook(run: JobRun): string {
  if (!run.finished_at) return '';
  const ms = new Date(run.finished_at).getTime() - new Date(run.started_at).getTime();
  return ms < 100 ? '不到 0.1 秒' : `${Math.round(ms / 100) / 10} 秒`;
}

/** A period key in words: 2026-12-07 / 2026-12-07 10 时 / 2026-12-07 10:30. */
export const periodLabel = (key: string): string =>
  key.length === 13 ? `${key.replace('T', ' ')} 时` : key.replace('T', ' ');

/** `gongkai jobs`: each periodic job's last run and state; `--job` one job's runs; `--check` for monitoring. */
import type { Ctx } from '../platform/context.js';
import { beijingTime } from '../platform/views/components.js';
import {
  NEEDS_ATTENTION,
  STATE_LABEL,
  lastReport,
  periodLabel,
  runOutcome,
  runTook,
  type JobRun,
} from '../platform/jobs/job-status.rules.js';

/** One run on one line: period, outcome, start (Beijing), duration (running: its node's last heartbeat), node. */
export function runLine(r: JobRun): string {
  const took = runTook(r);
  const report = lastReport(r);
  const beat = report ? ` · 最近报告 ${beijingTime(report)}` : '';
  return `${periodLabel(r.period_key)}（${runOutcome(r)}）· 开始 ${beijingTime(r.started_at)}${took ? ` · 用时 ${took}` : beat} · 节点 ${r.node_id}`;
}

async function list(ctx: Ctx, check: boolean): Promise<void> {
  const { capabilityJobs } = await import('../app/module-list.js');
  const { jobStatuses } = await import('../platform/jobs/job-runs.js');
  const jobs = capabilityJobs();
  const { enabled, tickSeconds } = ctx.config.jobs;
  console.log(
    enabled
      ? `本节点运行定时任务（GONGKAI_JOBS=on，每 ${tickSeconds} 秒检查一次；多个节点共用数据库时每期只由一个节点运行）。时间均为北京时间。`
      : '本节点不运行定时任务（GONGKAI_JOBS=off）：须有另一个节点运行它们。时间均为北京时间。',
  );
  const statuses = await jobStatuses(ctx.db, jobs, ctx.now());
  for (const s of statuses) {
    console.log(`\n${s.name}  ${s.label} · ${s.schedule}`);
    const retry = s.retryAt ? `，将于 ${beijingTime(s.retryAt)} 重新运行` : '';
    console.log(`  状态：${STATE_LABEL[s.state]}（当前一期：${periodLabel(s.due)}${retry}）`);
    if (s.last) console.log(`  最近一次：${runLine(s.last)}`);
    if (s.last?.message) console.log(`  结果：${s.last.message}`);
  }
  const bad = statuses.filter((s) => NEEDS_ATTENTION.has(s.state));
  console.log(
    bad.length
      ? `\n${bad.length} 个定时任务需要处理：${bad.map((s) => `${s.name}（${STATE_LABEL[s.state]}）`).join('、')}。`
      : `\n${statuses.length} 个定时任务均正常。`,
  );
  if (check && bad.length) process.exitCode = 1;
}

async function history(ctx: Ctx, name: string, limit: number): Promise<void> {
  const job = (await import('../app/module-list.js')).capabilityJobs().find((j) => j.name === name);
  if (!job) throw new Error(`没有名为 ${name} 的定时任务；运行 gongkai jobs 查看全部任务。`);
  const { jobRuns } = await import('../platform/jobs/job-runs.js');
  const { rows, total } = await jobRuns(ctx.db, name, { limit, offset: 0 });
  console.log(
    `${job.name}  ${job.label ?? ''}：共 ${total} 次运行${total > rows.length ? `，以下是最近 ${rows.length} 次` : ''}。`,
  );
  for (const r of rows) console.log(`  ${runLine(r)}${r.message ? `\n    ${r.message}` : ''}`);
}

/** The action of `gongkai jobs` (registered in core-commands.ts). */
export async function jobsAction(ctx: Ctx, o: { job?: string; limit: string; check?: boolean }): Promise<void> {
  const limit = Number(o.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error('--limit 应为 1 到 1000 的整数。');
  if (o.job) await history(ctx, o.job, limit);
  else await list(ctx, o.check === true);
}

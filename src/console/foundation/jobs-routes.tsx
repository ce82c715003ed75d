import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config.js';
import { ConsoleLayout } from '../layout.js';
import { Pagination, beijingTime, Empty } from '../../platform/views/components.js';
import { Form, Page, Params, Text, typed } from '../../platform/http/schemas.js';
import { isSysadmin } from '../../orgs/index.js';
import { notFound } from '../../platform/errors.js';
import { assertAllowed } from '../guard.js';
import { registerNav } from '../nav.js';
import { registerHomeWidget } from './home-routes.js';
import { LEASE_MINUTES, MAX_ATTEMPTS, RETRY_AFTER_MINUTES, type JobDefinition } from '../../platform/jobs/scheduler.js';
import { jobRuns, jobStatuses } from '../../platform/jobs/job-runs.js';
import {
  LATE_AFTER_MIN,
  NEEDS_ATTENTION,
  STATE_LABEL,
  lastReport,
  periodLabel,
  runOutcome,
  runTook,
  type JobRun,
  type JobState,
} from '../../platform/jobs/job-status.rules.js';

const PER_PAGE = 50;
const BADGE: Record<JobState, string> = {
  ok: 'badge',
  running: 'badge',
  error: 'badge bad',
  retrying: 'badge provisional',
  interrupted: 'badge bad',
  late: 'badge bad',
  never: 'badge bad',
  waiting: 'badge',
};

/** A date and time that may wrap at its spaces only (not inside 2026-12-07). */
const AtSpaces = ({ text }: { text: string }) => (
  <>
    {text.split(' ').map((part, i) => (
      <>
        {i ? ' ' : ''}
        <span class="nowrap">{part}</span>
      </>
    ))}
  </>
);

/** A run's period, start, duration (running: its node's last heartbeat) and node. */
function RunCells({ run }: { run: JobRun }) {
  const report = lastReport(run);
  const beat = report ? `最近报告 ${beijingTime(report)}` : '—';
  return (
    <>
      <td>
        <AtSpaces text={periodLabel(run.period_key)} />
      </td>
      <td>
        <AtSpaces text={beijingTime(run.started_at)} />
      </td>
      <td class={runTook(run) ? 'nowrap' : undefined}>{runTook(run) || beat}</td>
      <td>{run.node_id}</td>
    </>
  );
}

/**
 * 系统管理 › 定时任务 (system administrators): each periodic job's last run and state, and one job's runs.
 * The same figures as `gongkai jobs`; a home-page warning while a job needs attention.
 */
export async function jobsRoutes(app: FastifyInstance, jobs: readonly JobDefinition[], config: Config): Promise<void> {
  const r = typed(app);
  registerNav({ href: '/console/jobs', label: '定时任务', roles: ['sysadmin'], group: '系统管理' });

  r.get('/console/jobs', async (req, reply) => {
    assertAllowed(isSysadmin(req.actor));
    const statuses = await jobStatuses(req.ctx.db, jobs, req.ctx.now());
    return reply.page(
      <ConsoleLayout view={reply.view()} title="定时任务" wide>
        <p class="muted">
          {config.jobs.enabled
            ? `本节点运行定时任务，每 ${config.jobs.tickSeconds} 秒检查一次；多个节点共用数据库时，每期只由一个节点运行。`
            : '本节点不运行定时任务（GONGKAI_JOBS=off），须有另一个节点运行它们。'}{' '}
          “本期未运行”：应已运行 {LATE_AFTER_MIN} 分钟以上的一期没有任何节点运行；“可能已中断”：运行中的节点已{' '}
          {LEASE_MINUTES}{' '}
          分钟没有报告仍在运行（节点可能已停止；这一期内下一个检查的节点会接管重新运行，已过去的一期不再运行）；“失败，将重试”：这一期内将在所示时间重新运行（失败后等
          {RETRY_AFTER_MINUTES} 分钟乘已运行次数，每期最多 {MAX_ATTEMPTS} 次）。时间均为北京时间。命令行：gongkai jobs。
        </p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">任务</th>
                <th scope="col">状态</th>
                <th scope="col">周期</th>
                <th scope="col">最近一期</th>
                <th scope="col">开始时间</th>
                <th scope="col">用时</th>
                <th scope="col">节点</th>
                <th scope="col">结果</th>
              </tr>
            </thead>
            <tbody>
              {statuses.map((s) => (
                <tr>
                  <td>
                    <a href={`/console/jobs/${s.name}`}>{s.label}</a>
                    <br />
                    <span class="muted">{s.name}</span>
                  </td>
                  <td class="nowrap">
                    <span class={BADGE[s.state]}>{STATE_LABEL[s.state]}</span>
                    {s.retryAt ? (
                      <>
                        <br />
                        <span class="muted">{beijingTime(s.retryAt).slice(-5)} 重试</span>
                      </>
                    ) : null}
                  </td>
                  <td class="nowrap">{s.schedule}</td>
                  {s.last ? (
                    <RunCells run={s.last} />
                  ) : (
                    <td colSpan={4} class="muted">
                      —
                    </td>
                  )}
                  <td class="job-message">{s.last?.message ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ConsoleLayout>,
    );
  });

  r.get(
    '/console/jobs/:name',
    { schema: { params: Params({ name: Text('任务', { maxLength: 100 }) }), querystring: Form({ page: Page() }) } },
    async (req, reply) => {
      assertAllowed(isSysadmin(req.actor));
      const job = jobs.find((j) => j.name === req.params.name);
      if (!job) throw notFound('job_not_found', '没有这个定时任务。');
      const { page } = req.query;
      const { rows, total } = await jobRuns(req.ctx.db, job.name, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
      return reply.page(
        <ConsoleLayout view={reply.view()} title={`定时任务：${job.label ?? job.name}`} wide>
          <p>
            <a href="/console/jobs">← 全部定时任务</a>
          </p>
          <p class="muted">
            {job.name}，共 {total} 次运行，最新在前。
          </p>
          {rows.length ? (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">期</th>
                    <th scope="col">开始时间</th>
                    <th scope="col">用时</th>
                    <th scope="col">节点</th>
                    <th scope="col">状态</th>
                    <th scope="col">结果</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((run) => (
                    <tr>
                      <RunCells run={run} />
                      <td class="nowrap">{runOutcome(run)}</td>
                      <td class="job-message">{run.message ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <Empty>这个任务还没有运行过。</Empty>
          )}
          <Pagination page={page} total={total} perPage={PER_PAGE} baseUrl={`/console/jobs/${job.name}`} />
        </ConsoleLayout>,
      );
    },
  );

  registerHomeWidget(async (req) => {
    if (!isSysadmin(req.actor)) return null;
    const bad = (await jobStatuses(req.ctx.db, jobs, req.ctx.now())).filter((s) => NEEDS_ATTENTION.has(s.state));
    if (!bad.length) return null;
    return {
      level: 'warning',
      title: `${bad.length} 个定时任务需要处理。`,
      body: `${bad.map((s) => `${s.label}（${STATE_LABEL[s.state]}）`).join('、')}。请到“定时任务”查看。`,
    };
  });
}

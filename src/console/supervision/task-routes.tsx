import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, TextArea, beijingTime } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Choice, Form, IdParams, Text, typed } from '../../platform/http/schemas.js';
import { forbidden, isAppError, type FieldError } from '../../platform/errors.js';
import { postedValues, refusedBody, validateFormsInHandler } from '../../platform/http/form-refusal.js';
import { todayInShanghai } from '../../platform/dates.js';
import {
  REPORT_STATES,
  isTaskOverdue,
  taskStateLabel,
  viewTask,
  type TaskReportRow,
  type TaskView,
  canManageTask,
  canReportTask,
  reportTask,
  reviewTask,
  updateTask,
} from '../../supervision/index.js';
import { TaskFields, TaskForm, taskInput } from './task-form.js';
import { jurisdictionOrgs } from './tasks-page.js';
import type { OrgRow } from '../../orgs/index.js';

interface Props {
  view: ViewCtx;
  task: TaskView;
  reports: TaskReportRow[];
  today: string;
  orgs: OrgRow[];
  errors?: FieldError[];
  values?: Record<string, unknown>;
  form?: 'report' | 'review' | 'edit';
}

const reportLabel = (s: string) =>
  Object.hasOwn(REPORT_STATES, s) ? REPORT_STATES[s as keyof typeof REPORT_STATES] : s;

function TaskPage(p: Props) {
  const t = p.task;
  const late = isTaskOverdue(t, p.today);
  const manage = canManageTask(p.view.actor, t);
  const report = canReportTask(p.view.actor, t) && (t.state === 'open' || t.state === 'returned');
  const err = (f: Props['form']) => (p.form === f ? p.errors : undefined);
  const s = (k: string) => (p.values?.[k] == null ? '' : String(p.values[k]));
  return (
    <ConsoleLayout view={p.view} title={`任务 ${t.year}-${t.seq}`}>
      <p>
        <a href="/console/supervision/tasks">← 返回任务分解表</a>
      </p>
      <ErrorSummary errors={p.errors} />
      <dl class="meta">
        <dt>状态</dt>
        <dd>
          {taskStateLabel(t.state)} {late ? <span class="badge bad">已逾期</span> : null}
        </dd>
        <dt>类别</dt>
        <dd>{t.category}</dd>
        <dt>任务内容</dt>
        <dd>{t.content}</dd>
        <dt>责任单位</dt>
        <dd>
          {t.responsible_name}
          {t.department_name ? `（${t.department_name}）` : ''}
        </dd>
        <dt>完成时限</dt>
        <dd>{t.deadline}</dd>
        <dt>佐证材料要求</dt>
        <dd>{t.evidence_required}</dd>
        <dt>下达单位</dt>
        <dd>{t.org_name}</dd>
      </dl>
      <h2>进展报送</h2>
      {p.reports.length ? (
        <ol class="timeline">
          {p.reports.map((r) => (
            <li>
              <p>
                <strong>{reportLabel(r.state)}</strong> · {r.reported_by_label} 报送于 {beijingTime(r.created_at)}
              </p>
              <p>{r.progress}</p>
              {r.links ? (
                <ul>
                  {r.links.split('\n').map((l) => (
                    <li>
                      <a href={l} rel="noopener noreferrer">
                        {l}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {r.reviewed_at ? (
                <p class="muted">
                  {r.reviewed_by_label} 于 {beijingTime(r.reviewed_at)}
                  {r.state === 'accepted' ? '验收' : '退回'}
                  {r.review_comment ? `：${r.review_comment}` : ''}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">尚未报送进展。</p>
      )}
      {report ? (
        <section>
          <h2 id="report">报送进展</h2>
          <form method="post" action={`/console/supervision/tasks/${t.id}/report`}>
            <CsrfField token={p.view.csrf} />
            <TextArea name="progress" label="工作进展" required value={s('progress')} errors={err('report')} rows={5} />
            <TextArea
              name="links"
              label="佐证链接（每行一条，如公开信息页面地址）"
              value={s('links')}
              errors={err('report')}
              rows={3}
            />
            <button type="submit">报送</button>
          </form>
        </section>
      ) : null}
      {manage && t.state === 'reported' ? (
        <section>
          <h2 id="review">审核</h2>
          <form method="post" action={`/console/supervision/tasks/${t.id}/review`}>
            <CsrfField token={p.view.csrf} />
            <TextArea
              name="comment"
              label="审核意见（退回时必填）"
              value={s('comment')}
              errors={err('review')}
              rows={3}
            />
            <button type="submit" name="decision" value="accept">
              验收通过
            </button>{' '}
            <button type="submit" name="decision" value="return" class="secondary">
              退回
            </button>
          </form>
        </section>
      ) : null}
      {manage && t.state !== 'accepted' ? (
        <details open={p.form === 'edit'}>
          <summary>修改任务</summary>
          <form method="post" action={`/console/supervision/tasks/${t.id}`}>
            <CsrfField token={p.view.csrf} />
            <TaskFields
              v={
                p.form === 'edit' && p.values
                  ? p.values
                  : {
                      year: t.year,
                      category: t.category,
                      content: t.content,
                      responsibleOrgId: t.responsible_org_id,
                      departmentOrgId: t.department_org_id,
                      deadline: t.deadline,
                      evidenceRequired: t.evidence_required,
                    }
              }
              orgs={p.orgs}
              errors={err('edit')}
            />
            <button type="submit">保存</button>
          </form>
        </details>
      ) : null}
    </ConsoleLayout>
  );
}

async function render(req: FastifyRequest, view: ViewCtx, id: number, extra: Partial<Props> = {}) {
  const { task, reports } = await viewTask(req.ctx, id);
  const orgs = canManageTask(req.actor, task)
    ? (await jurisdictionOrgs(req)).orgs.filter((o) => o.path.startsWith(task.org_path))
    : [];
  return (
    <TaskPage view={view} task={task} reports={reports} today={todayInShanghai(req.ctx.now())} orgs={orgs} {...extra} />
  );
}

const ReportForm = Form({ progress: Text('工作进展'), links: Text('佐证链接') });
const ReviewForm = Form({
  decision: Choice('审核结果', ['accept', 'return'] as const, { default: 'accept' }),
  comment: Text('审核意见'),
});

/** Console: a task with its reports, the report form (agency) and the accept/return form (supervisor). */
export async function taskRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/supervision/tasks/:id', { schema: { params: IdParams } }, async (req, reply) =>
    reply.page(await render(req, reply.view(), req.params.id)),
  );

  await app.register(taskPostRoutes);
}

/**
 * The task page's forms. A refusal, by the schema (a 审核结果 other than the two buttons) or by the
 * use-case, shows the task again with the form's values and the messages; a refused body runs nothing.
 */
async function taskPostRoutes(app: FastifyInstance): Promise<void> {
  validateFormsInHandler(app);
  const r = typed(app);
  const handle = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    form: Props['form'],
    act: () => Promise<string>,
  ) => {
    const values = postedValues(req);
    const refused = refusedBody(req);
    if (refused) {
      // Authorize before showing the fields' errors, as the use-cases do.
      const { task } = await viewTask(req.ctx, id);
      if (!(form === 'report' ? canReportTask : canManageTask)(req.actor, task)) throw forbidden();
      return reply.page(await render(req, reply.view(), id, { errors: refused, values, form }), 400);
    }
    try {
      const msg = await act();
      return reply.flashRedirect(`/console/supervision/tasks/${id}`, msg);
    } catch (e) {
      if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'conflict')) throw e;
      return reply.page(await render(req, reply.view(), id, { errors: e.errors, values, form }), e.status);
    }
  };

  r.post(
    '/console/supervision/tasks/:id/report',
    { schema: { params: IdParams, body: ReportForm } },
    async (req, reply) =>
      handle(req, reply, req.params.id, 'report', async () => {
        await reportTask(req.ctx, req.params.id, req.body);
        return '已报送进展，等待审核。';
      }),
  );
  r.post(
    '/console/supervision/tasks/:id/review',
    { schema: { params: IdParams, body: ReviewForm } },
    async (req, reply) =>
      handle(req, reply, req.params.id, 'review', async () => {
        await reviewTask(req.ctx, req.params.id, req.body);
        return req.body.decision === 'accept' ? '已验收。' : '已退回，责任单位将重新报送。';
      }),
  );
  r.post('/console/supervision/tasks/:id', { schema: { params: IdParams, body: TaskForm } }, async (req, reply) =>
    handle(req, reply, req.params.id, 'edit', async () => {
      await updateTask(req.ctx, req.params.id, taskInput(req.body));
      return '已保存。';
    }),
  );
}

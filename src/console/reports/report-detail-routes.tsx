import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import {
  CsrfField,
  ErrorSummary,
  FormStateContext,
  SelectField,
  TextArea,
  beijingTime,
} from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Checkbox, Choice, Form, IdParams, Text, Type, ticked, typed } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { rolesAllow } from '../../orgs/index.js';
import {
  FORMAT_NAMES,
  type ReportFormat,
  type ReportTables,
  checkIdentities,
  violationField,
  parseTablesInput,
  REPORT_EDIT_ROLES,
  REPORT_REVIEW_ROLES,
  REPORT_SOURCE,
  REPORT_STATUS,
  actionAllowed,
  deadlineBasis,
  isReportStatus,
  yearNotEnded,
  previousYearReport,
  reportById,
  reportForStaff,
  rowTables,
  type ReportListRow,
  updateReport,
  submitReport,
  reviewReport,
  publishReport,
  ReportTablesView,
} from '../../reports/index.js';
import { DeadlineCell } from './reports-list-routes.js';
import { reportDownloadRoutes } from './report-download.js';
import { reportCellRoutes } from './report-cell-routes.js';

interface PageOpts {
  errors?: FieldError[];
  /** Tables as typed (re-render after an error). */
  tables?: ReportTables;
  text?: { overview: string; problems: string; other: string };
  /** The fields of a refused edit, shown as typed (a cell of −5 or 1e3 keeps what was typed). */
  posted?: Record<string, unknown>;
  /** Read-only view even for an editor (numbers link to their records). */
  read?: boolean;
}

async function page(req: FastifyRequest, view: ViewCtx, r: ReportListRow, opts: PageOpts = {}) {
  const tables = opts.tables ?? rowTables(r);
  const prev = await previousYearReport(req.ctx, r);
  const violations = checkIdentities(tables, prev ? rowTables(prev) : null);
  const marked = new Set(
    [
      ...violations.map((v) => violationField(v, tables.format as ReportFormat)),
      ...(opts.errors ?? []).map((e) => e.field),
    ].filter((x): x is string => !!x),
  );
  const mayEdit =
    actionAllowed(r.status, 'edit') &&
    rolesAllow(
      req.actor,
      r.status === 'archived' ? [...REPORT_EDIT_ROLES, ...REPORT_REVIEW_ROLES] : REPORT_EDIT_ROLES,
      r.org_path,
    );
  const canEdit = mayEdit && !opts.read;
  const cellBase = r.source === 'computed' ? `/console/reports/${r.id}/cell/` : undefined;
  const canSubmit = actionAllowed(r.status, 'submit') && rolesAllow(req.actor, REPORT_EDIT_ROLES, r.org_path);
  const canReview =
    (actionAllowed(r.status, 'accept') || actionAllowed(r.status, 'return')) &&
    rolesAllow(req.actor, REPORT_REVIEW_ROLES, r.org_path);
  const canPublish =
    actionAllowed(r.status, 'publish') && rolesAllow(req.actor, [...REPORT_REVIEW_ROLES, 'agency_admin'], r.org_path);
  const text = opts.text ?? { overview: r.overview, problems: r.problems, other: r.other };
  const today = todayInShanghai(req.ctx.now());
  const early = yearNotEnded(r.year, today);
  return (
    <ConsoleLayout view={view} title={`${r.org_name} ${r.year} 年度报告`} wide>
      {early && (canSubmit || canPublish) ? (
        <p class="notice" role="status">
          {early}可以先填写和核对草稿。
        </p>
      ) : null}
      <dl class="facts">
        <dt>状态</dt>
        <dd>{isReportStatus(r.status) ? REPORT_STATUS[r.status] : r.status}</dd>
        <dt>格式</dt>
        <dd>{FORMAT_NAMES[tables.format]}</dd>
        <dt>数据来源</dt>
        <dd>{REPORT_SOURCE[r.source as keyof typeof REPORT_SOURCE] ?? r.source}</dd>
        {r.status !== 'archived' ? (
          <>
            <dt>法定公布期限</dt>
            <dd>
              <DeadlineCell year={r.year} orgKind={r.org_kind} publishedAt={r.published_at} today={today} />（
              {deadlineBasis(r.year, r.org_kind)}）
            </dd>
          </>
        ) : null}
        {r.submitted_at ? (
          <>
            <dt>报送时间</dt>
            <dd>{beijingTime(r.submitted_at)}</dd>
          </>
        ) : null}
        {r.published_at ? (
          <>
            <dt>发布时间</dt>
            <dd>
              {beijingTime(r.published_at)} <a href={`/reports/${r.id}`}>在门户网站查看</a>
            </dd>
          </>
        ) : null}
        {r.review_comment ? (
          <>
            <dt>审核意见</dt>
            <dd>{r.review_comment}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/console/reports/history/${r.org_id}`}>历年报告与主要指标</a> · 下载：
        <a href={`/console/reports/${r.id}/report.docx`}>DOCX</a> ·{' '}
        <a href={`/console/reports/${r.id}/report.xlsx`}>XLSX</a>
      </p>
      {cellBase ? (
        <p>
          {canEdit ? (
            <a href={`/console/reports/${r.id}?read=1`}>查看每个数字计入的记录（只读视图）</a>
          ) : (
            <>
              点击表格中的数字可查看计入该数的记录。{mayEdit ? <a href={`/console/reports/${r.id}`}>返回编辑</a> : null}
            </>
          )}
        </p>
      ) : null}
      <ErrorSummary errors={opts.errors} />
      <section aria-labelledby="identities">
        <h2 id="identities">勾稽关系</h2>
        {violations.length ? (
          <ul class="error-list">
            {violations.map((v) => (
              <li>{v.message}</li>
            ))}
          </ul>
        ) : (
          <p role="status">勾稽关系全部成立{prev ? '（含与上年报告的结转核对）' : ''}。</p>
        )}
      </section>
      {canEdit ? (
        <form method="post" action={`/console/reports/${r.id}/edit`}>
          <CsrfField token={view.csrf} />
          <TextArea name="overview" label="一、总体情况" rows={8} value={text.overview} errors={opts.errors} />
          <FormStateContext.Provider value={{ values: opts.posted }}>
            <ReportTablesView tables={tables} edit marked={marked} />
          </FormStateContext.Provider>
          <TextArea
            name="problems"
            label="五、存在的主要问题及改进情况"
            rows={5}
            value={text.problems}
            errors={opts.errors}
          />
          <TextArea name="other" label="六、其他需要报告的事项" rows={4} value={text.other} errors={opts.errors} />
          <button type="submit">保存</button>
        </form>
      ) : (
        <>
          <h2>一、总体情况</h2>
          <p class="prewrap">{text.overview || '（无）'}</p>
          <ReportTablesView tables={tables} marked={marked} linkBase={cellBase} />
          <h2>五、存在的主要问题及改进情况</h2>
          <p class="prewrap">{text.problems || '（无）'}</p>
          <h2>六、其他需要报告的事项</h2>
          <p class="prewrap">{text.other || '（无）'}</p>
        </>
      )}
      {canSubmit && !early ? (
        <form method="post" action={`/console/reports/${r.id}/submit`}>
          <CsrfField token={view.csrf} />
          <button type="submit">报送政府信息公开工作主管部门</button>
        </form>
      ) : null}
      {canReview ? (
        <form method="post" action={`/console/reports/${r.id}/review`}>
          <CsrfField token={view.csrf} />
          <h2>审核</h2>
          <SelectField
            name="decision"
            label="审核结论"
            required
            options={[
              ...(r.status === 'submitted' ? ([['accept', '审核通过']] as Array<[string, string]>) : []),
              ['return', '退回修改'],
            ]}
            placeholder="请选择"
            errors={opts.errors}
          />
          <TextArea name="comment" label="审核意见" rows={3} errors={opts.errors} />
          <button type="submit">提交审核结论</button>
        </form>
      ) : null}
      {canPublish && !early ? (
        <form method="post" action={`/console/reports/${r.id}/publish`}>
          <CsrfField token={view.csrf} />
          <button type="submit">在门户网站发布</button>
        </form>
      ) : null}
    </ConsoleLayout>
  );
}

async function act(
  req: FastifyRequest,
  reply: FastifyReply,
  r: ReportListRow,
  fn: (r: ReportListRow) => Promise<string>,
  onError: PageOpts = {},
) {
  try {
    const msg = await fn(r);
    return reply.flashRedirect(`/console/reports/${r.id}`, msg);
  } catch (e) {
    if (!isAppError(e) || e.status === 403 || e.status === 404) throw e;
    return reply.page(
      await page(req, reply.view(), (await reportById(req.ctx, r.id)) ?? r, { ...onError, errors: e.errors }),
      e.status,
    );
  }
}

const ReadQuery = Form({ read: Checkbox('只读视图') });
/** The text parts and the cells of the three tables (t2_…, t3_…, t4_…; parseTablesInput checks each number and names the cell). */
const EditForm = Type.Intersect([
  Form({
    overview: Text('一、总体情况'),
    problems: Text('五、存在的主要问题及改进情况'),
    other: Text('六、其他需要报告的事项'),
  }),
  Type.Record(Type.String({ pattern: '^t[234]_' }), Type.String({ title: '表格数字' })),
]);
const ReviewForm = Form({ decision: Choice('审核结论', ['accept', 'return'] as const), comment: Text('审核意见') });

/** Console: one annual report — numbers and text, identities, workflow actions, downloads. */
export async function reportDetailRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/reports/:id', { schema: { params: IdParams, querystring: ReadQuery } }, async (req, reply) =>
    reply.page(
      await page(req, reply.view(), await reportForStaff(req.ctx, req.params.id), { read: ticked(req.query.read) }),
    ),
  );
  r.post('/console/reports/:id/edit', { schema: { params: IdParams, body: EditForm } }, async (req, reply) => {
    const report = await reportForStaff(req.ctx, req.params.id);
    const b = req.body;
    const text = { overview: b.overview, problems: b.problems, other: b.other };
    const parsed = parseTablesInput(report.format as ReportFormat, (f) => b[f]);
    if (!parsed.tables)
      return reply.page(await page(req, reply.view(), report, { errors: parsed.errors, text, posted: b }), 400);
    const tables = parsed.tables;
    return act(
      req,
      reply,
      report,
      async () => {
        await updateReport(req.ctx, { id: report.id, tables, ...text });
        return '已保存。';
      },
      { tables, text },
    );
  });
  r.post('/console/reports/:id/submit', { schema: { params: IdParams } }, async (req, reply) =>
    act(req, reply, await reportForStaff(req.ctx, req.params.id), async (report) => {
      await submitReport(req.ctx, { id: report.id });
      return '已报送，等待政府信息公开工作主管部门审核。';
    }),
  );
  r.post('/console/reports/:id/review', { schema: { params: IdParams, body: ReviewForm } }, async (req, reply) =>
    act(req, reply, await reportForStaff(req.ctx, req.params.id), async (report) => {
      const { decision, comment } = req.body;
      await reviewReport(req.ctx, { id: report.id, decision, comment });
      return decision === 'accept' ? '已审核通过。' : '已退回修改。';
    }),
  );
  r.post('/console/reports/:id/publish', { schema: { params: IdParams } }, async (req, reply) =>
    act(req, reply, await reportForStaff(req.ctx, req.params.id), async (report) => {
      const { late } = await publishReport(req.ctx, { id: report.id });
      return late ? '已在门户网站发布（晚于法定期限）。' : '已在门户网站发布。';
    }),
  );
  await reportDownloadRoutes(app);
  await reportCellRoutes(app);
}

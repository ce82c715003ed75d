import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, SelectField, TextField, Empty } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, OptInt, typed, OptChosen } from '../../platform/http/schemas.js';
import { postedValues, refusedBody } from '../../platform/http/form-refusal.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { rolesAllow, scopePaths, orgsWithin, type OrgRow } from '../../orgs/index.js';
import {
  createReport,
  formatForYear,
  emptyTables,
  reportsWithin,
  REPORT_EDIT_ROLES,
  REPORT_REVIEW_ROLES,
  REPORT_STATUS,
  REPORT_VIEW_ROLES,
  isLate,
  isReportStatus,
  reportDeadline,
  checkReportBytes,
} from '../../reports/index.js';
import { assertAllowed } from '../guard.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';

/** Deadline cell: the date and a late flag (dates in Beijing time). */
export function DeadlineCell({
  year,
  orgKind,
  publishedAt,
  today,
}: {
  year: number;
  orgKind: string;
  publishedAt: string | null;
  today: string;
}) {
  const d = reportDeadline(year, orgKind);
  const pub = publishedAt ? todayInShanghai(new Date(publishedAt)) : null;
  return (
    <>
      {d}
      {isLate(d, pub, today) ? <span class="badge warning"> 逾期</span> : null}
    </>
  );
}

async function page(
  req: FastifyRequest,
  view: ViewCtx,
  opts: { errors?: FieldError[]; values?: Record<string, string>; importErrors?: FieldError[] } = {},
) {
  const rows = await reportsWithin(req.ctx, { underPaths: scopePaths(req.actor, REPORT_VIEW_ROLES) });
  // Internal sections (内设机构) are no 报送单位: only agencies and governments report.
  const editOrgs = (await orgsWithin(req.ctx, { underPaths: scopePaths(req.actor, REPORT_EDIT_ROLES) })).filter(
    (o) => o.kind !== 'section',
  );
  const historyOrgs = (
    await orgsWithin(req.ctx, { underPaths: scopePaths(req.actor, [...REPORT_EDIT_ROLES, ...REPORT_REVIEW_ROLES]) })
  ).filter((o) => o.kind !== 'section');
  const today = todayInShanghai(req.ctx.now());
  const lastYear = String(Number(today.slice(0, 4)) - 1);
  const v = opts.values ?? {};
  const orgOptions = (orgs: OrgRow[]): Array<[string, string]> => orgs.map((o) => [String(o.id), o.name]);
  return (
    <ConsoleLayout view={view} title="政府信息公开工作年度报告">
      <p class="muted">
        政府部门应于每年 1 月 31 日前、县级以上人民政府应于每年 3 月 31
        日前公布上一年度报告（《条例》第四十九条）。报告表格按国办公开办函〔2021〕30号格式由系统记录生成，勾稽关系不成立的报告不能报送。
      </p>
      {rows.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">年度</th>
                <th scope="col">状态</th>
                <th scope="col">法定公布期限</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/console/reports/history/${r.org_id}`}>{r.org_name}</a>
                  </td>
                  <td>
                    <a href={`/console/reports/${r.id}`}>{r.year} 年度报告</a>
                  </td>
                  <td>{isReportStatus(r.status) ? REPORT_STATUS[r.status] : r.status}</td>
                  <td>
                    {r.status === 'archived' ? (
                      '—'
                    ) : (
                      <DeadlineCell year={r.year} orgKind={r.org_kind} publishedAt={r.published_at} today={today} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Empty>还没有年度报告。</Empty>
      )}
      {editOrgs.length ? (
        <section>
          <h2>生成年度报告</h2>
          <p>
            系统按所选年度的申请、主动公开和复议诉讼记录计算表二、表三、表四，“二、上年结转”取上年报告的“四、结转下年度继续办理”。
          </p>
          <ErrorSummary errors={opts.errors} />
          <form method="post" action="/console/reports/new">
            <CsrfField token={view.csrf} />
            <SelectField
              name="orgId"
              label="单位"
              required
              value={v.orgId ?? ''}
              options={orgOptions(editOrgs)}
              placeholder="请选择"
              errors={opts.errors}
            />
            <TextField
              name="year"
              label="年度"
              required
              inputmode="numeric"
              value={v.year ?? lastYear}
              errors={opts.errors}
            />
            <button type="submit">生成草稿</button>
          </form>
        </section>
      ) : null}
      {historyOrgs.length ? (
        <section>
          <h2>录入以往年度报告</h2>
          <p>
            上传以往已发布的年度报告（HTML、DOCX 或 XLSX，2021 年格式或 2019
            年格式），系统读取表格数字，保存为历史报告，供查看历年数据和核对“上年结转”。不选文件则按该年度的格式建立空白历史报告，再在报告页逐格录入。2018
            年及以前的年度请<a href="/console/reports/legacy">录入或导入《政府信息公开情况统计表》</a>。
          </p>
          <ErrorSummary errors={opts.importErrors} />
          <form method="post" action="/console/reports/import" enctype="multipart/form-data">
            <CsrfField token={view.csrf} />
            <SelectField
              name="orgId"
              label="单位"
              required
              value={v.orgId ?? ''}
              options={orgOptions(historyOrgs)}
              placeholder="请选择"
              errors={opts.importErrors}
              idPrefix="imp"
            />
            <TextField
              name="year"
              label="年度"
              required
              inputmode="numeric"
              value={v.year ?? ''}
              errors={opts.importErrors}
              idPrefix="imp"
            />
            <div class="field">
              <label for="f-file">报告文件</label>
              <input type="file" id="f-file" name="file" accept=".html,.htm,.shtml,.docx,.xlsx" />
            </div>
            <button type="submit">保存历史报告</button>
          </form>
        </section>
      ) : null}
    </ConsoleLayout>
  );
}

const NewReportForm = Form({ orgId: OptChosen('单位'), year: OptInt('年度') });

/** Console: list of annual reports in scope, new report (computed), import of earlier years. */
export async function reportsListRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/reports', async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, REPORT_VIEW_ROLES));
    return reply.page(await page(req, reply.view()));
  });
  // A refused body (a 年度 of −5 or 二〇二五) shows the page with the message and what was typed.
  r.post('/console/reports/new', { schema: { body: NewReportForm }, attachValidation: true }, async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, REPORT_EDIT_ROLES));
    const posted = postedValues(req);
    const values = { orgId: String(posted.orgId ?? ''), year: String(posted.year ?? '') };
    const refused = refusedBody(req);
    if (refused) return reply.page(await page(req, reply.view(), { errors: refused, values }), 400);
    const { orgId, year } = req.body;
    try {
      const { id } = await createReport(req.ctx, { orgId: orgId ?? 0, year: year ?? 0 });
      return reply.flashRedirect(`/console/reports/${id}`, '已生成年度报告草稿。请核对数字和文字部分后报送。');
    } catch (e) {
      if (!isAppError(e) || e.status === 403) throw e;
      return reply.page(await page(req, reply.view(), { errors: e.errors, values }), e.status);
    }
  });
  // A multipart form: the upload reader (a route-level preValidation) reads its fields and file; no body schema.
  r.post(
    '/console/reports/import',
    { preValidation: readUploadForm('file', { staffOnly: true }) },
    async (req, reply) => {
      assertAllowed(rolesAllow(req.actor, [...REPORT_EDIT_ROLES, ...REPORT_REVIEW_ROLES]));
      const form = uploadForm(req);
      const values = { orgId: form.fields.orgId ?? '', year: form.fields.year ?? '' };
      const fail = async (errors: FieldError[], status = 400) =>
        reply.page(await page(req, reply.view(), { importErrors: errors, values }), status);
      if (form.error) return fail([{ code: 'file_too_large', message: form.error, field: 'file' }]);
      if (!form.file) {
        // No file: a blank report in the year's format, to be typed in on the report page.
        try {
          const year = Number(values.year);
          const { id } = await createReport(req.ctx, {
            orgId: Number(values.orgId),
            year,
            tables: emptyTables(formatForYear(year)),
            source: 'entered',
            history: true,
          });
          return reply.flashRedirect(`/console/reports/${id}`, '已建立空白历史报告，请逐格录入后保存。');
        } catch (e) {
          if (!isAppError(e) || e.status === 403) throw e;
          return fail(e.errors, e.status);
        }
      }
      const result = await checkReportBytes(form.file.data, form.file.name);
      if (!result.tables || !result.found.table3)
        return fail([{ code: 'file_unreadable', message: result.summary, field: 'file' }]);
      try {
        const { id } = await createReport(req.ctx, {
          orgId: Number(values.orgId),
          year: Number(values.year),
          tables: result.tables,
          source: 'imported',
          history: true,
        });
        const note = result.violations.length
          ? `注意：该报告有 ${result.violations.length} 处勾稽关系不一致，已按原样保存。`
          : '勾稽关系一致。';
        return reply.flashRedirect(`/console/reports/${id}`, `已从文件读取并保存为历史报告。${note}`);
      } catch (e) {
        if (!isAppError(e) || e.status === 403) throw e;
        return fail(e.errors, e.status);
      }
    },
  );
}

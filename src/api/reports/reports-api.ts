import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { invalidFields, notFound, unauthenticated } from '../../platform/errors.js';
import { getReport, listReports, rowTables, type ReportListRow } from '../../reports/reports.store.js';
import { checkIdentities } from '../../reports/identities.rules.js';
import { reportTitle } from '../../reports/report-files.js';
import { checkReportBytes } from '../../reports/checker/check-report.js';
import { VERDICT_NAMES } from '../../reports/checker/verdict.rules.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';

const Summary = Type.Object({ id: Type.Integer(), orgId: Type.Integer(), orgName: Type.String(), year: Type.Integer(), title: Type.String(), publishedAt: Type.Union([Type.String(), Type.Null()]) });
const Cells = Type.Array(Type.Union([Type.Number(), Type.Null()]));
const Report = Type.Composite([
  Summary,
  Type.Object({
    format: Type.String(),
    table2: Type.Record(Type.String(), Cells),
    table3: Type.Record(Type.String(), Cells),
    table4: Cells,
    overview: Type.String(),
    problems: Type.String(),
    other: Type.String(),
    consistent: Type.Boolean(),
  }),
]);

const summary = (r: ReportListRow) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name, year: r.year, title: reportTitle(r), publishedAt: r.published_at });

/** Public JSON API: published annual reports with their tables (row keys of table 三 are outcome codes). */
export async function reportsApi(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/v1/reports',
    { schema: { summary: '已发布的政府信息公开工作年度报告', tags: ['年度报告'], querystring: Type.Object({ year: Type.Optional(Type.Integer()) }), response: { 200: Type.Object({ data: Type.Array(Summary) }) } } },
    async (req) => {
      const { year } = req.query as { year?: number };
      return { data: (await listReports(req.ctx.db, { statuses: ['published'], year })).map(summary) };
    },
  );
  app.get(
    '/api/v1/reports/:id',
    { schema: { summary: '一份已发布年度报告的表二、表三、表四', tags: ['年度报告'], params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 200: Report } } },
    async (req) => {
      const r = await getReport(req.ctx.db, (req.params as { id: number }).id);
      if (!r || r.status !== 'published') throw notFound('report_not_found', '年度报告不存在或尚未发布。');
      const t = rowTables(r);
      return { ...summary(r), format: t.format, table2: t.table2, table3: t.table3, table4: t.table4, overview: r.overview, problems: r.problems, other: r.other, consistent: checkIdentities(t).length === 0 };
    },
  );
  app.post(
    '/api/v1/reports/check',
    {
      preValidation: readUploadForm('file', { staffOnly: true }),
      schema: {
        summary: '检查一份已发布年度报告的勾稽关系（multipart/form-data，字段 file：PDF、HTML、DOCX、XLSX 或 TXT）。verdict：consistent 一致 / inconsistent 有误（violations 列出表、行、列、应为、实为）/ undetermined 无法判断（missing 列出缺少或无法读取的部分）',
        tags: ['年度报告'],
        security: [{ bearer: [] }],
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw unauthenticated();
      const form = uploadForm(req);
      if (form.error || !form.file) throw invalidFields([{ code: form.error ? 'file_too_large' : 'file_missing', field: 'file', message: form.error ?? '请上传报告文件（字段 file）。' }]);
      const r = await checkReportBytes(form.file.data, form.file.name);
      return { file: r.file, verdict: r.verdict, verdictName: VERDICT_NAMES[r.verdict], agency: r.agency, year: r.year, format: r.format ?? null, summary: r.summary, violations: r.violations, missing: r.missing, notes: r.notes, found: r.found };
    },
  );
}

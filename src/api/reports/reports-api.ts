import type { FastifyInstance } from 'fastify';
import { typed, Type } from '../../platform/http/schemas.js';
import { invalidFields, unauthenticated } from '../../platform/errors.js';
import {
  type ReportListRow,
  publishedReportTables,
  publishedReports,
  checkIdentities,
  reportTitle,
  checkReportBytes,
  VERDICT_NAMES,
} from '../../reports/index.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';
import { answers, IdParams, Nullable, PUBLIC, STAFF } from '../api-schemas.js';

const Summary = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  publishedAt: Nullable(Type.String()),
});
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

const Check = Type.Object({
  file: Type.String(),
  verdict: Type.Union(
    ['consistent', 'inconsistent', 'undetermined'].map((v) => Type.Literal(v)),
    { description: 'consistent 一致 / inconsistent 有误 / undetermined 无法判断' },
  ),
  verdictName: Type.String(),
  agency: Nullable(Type.String(), { description: '从标题读出的机关' }),
  year: Nullable(Type.Integer()),
  format: Nullable(Type.Union([Type.Literal('2021'), Type.Literal('2019')]), {
    description: '报告格式（年度报告格式的版本）',
  }),
  summary: Type.String(),
  violations: Type.Array(
    Type.Object({
      code: Type.String(),
      table: Type.Union([Type.Literal('三'), Type.Literal('四')]),
      row: Type.String(),
      column: Type.String(),
      expected: Type.Number({ description: '应为' }),
      actual: Type.Number({ description: '实为' }),
      message: Type.String(),
    }),
  ),
  missing: Type.Array(Type.String(), { description: '缺少或无法读取的部分' }),
  notes: Type.Array(Type.String()),
  found: Type.Object({ table2: Type.Boolean(), table3: Type.Boolean(), table4: Type.Boolean() }),
});
/** The multipart form as the document describes it (read by the route's streaming reader, not by the schema). */
const CheckForm = Type.Object({
  file: Type.String({
    contentMediaType: 'application/octet-stream',
    description: '报告文件：PDF、HTML、DOCX、XLSX 或 TXT',
  }),
});

const summary = (r: ReportListRow) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  year: r.year,
  title: reportTitle(r),
  publishedAt: r.published_at,
});

/** Public JSON API: published annual reports with their tables (row keys of table 三 are outcome codes). */
export async function reportsApi(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    '/api/v1/reports',
    {
      schema: {
        summary: '已发布的政府信息公开工作年度报告',
        tags: ['年度报告'],
        operationId: 'listReports',
        security: PUBLIC,
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ description: '报告年度' })) }),
        response: answers({ 200: Type.Object({ data: Type.Array(Summary) }) }),
      },
    },
    async (req) => ({
      data: (await publishedReports(req.ctx.db, { year: req.query.year })).map(summary),
    }),
  );
  r.get(
    '/api/v1/reports/:id',
    {
      schema: {
        summary: '一份已发布年度报告的表二、表三、表四',
        tags: ['年度报告'],
        operationId: 'getReport',
        security: PUBLIC,
        params: IdParams,
        response: answers({ 200: Report }),
      },
    },
    async (req) => {
      const { report: rep, tables: t } = await publishedReportTables(req.ctx.db, req.params.id);
      return {
        ...summary(rep),
        format: t.format,
        table2: t.table2,
        table3: t.table3,
        table4: t.table4,
        overview: rep.overview,
        problems: rep.problems,
        other: rep.other,
        consistent: checkIdentities(t).length === 0,
      };
    },
  );
  r.post(
    '/api/v1/reports/check',
    {
      // A multipart form: read by its streaming reader (upload-form.ts), not by a body schema; the document describes it.
      preValidation: readUploadForm('file', { staffOnly: true }),
      config: { documentedBody: CheckForm },
      schema: {
        summary:
          '检查一份已发布年度报告的勾稽关系（multipart/form-data，字段 file：PDF、HTML、DOCX、XLSX 或 TXT）。verdict：consistent 一致 / inconsistent 有误（violations 列出表、行、列、应为、实为）/ undetermined 无法判断（missing 列出缺少或无法读取的部分）',
        tags: ['年度报告'],
        operationId: 'checkReport',
        security: STAFF,
        consumes: ['multipart/form-data'],
        response: answers({ 200: Check }),
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw unauthenticated();
      const form = uploadForm(req);
      if (form.error || !form.file)
        throw invalidFields([
          {
            code: form.error ? 'file_too_large' : 'file_missing',
            field: 'file',
            message: form.error ?? '请上传报告文件（字段 file）。',
          },
        ]);
      const c = await checkReportBytes(form.file.data, form.file.name);
      return {
        file: c.file,
        verdict: c.verdict,
        verdictName: VERDICT_NAMES[c.verdict],
        agency: c.agency,
        year: c.year,
        format: c.format ?? null,
        summary: c.summary,
        violations: c.violations,
        missing: c.missing,
        notes: c.notes,
        found: c.found,
      };
    },
  );
}

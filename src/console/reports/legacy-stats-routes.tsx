import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, Int, OptInt, Params, Type, typed } from '../../platform/http/schemas.js';
import { isAppError, notFound, type FieldError } from '../../platform/errors.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';
import { rolesAllow, scopePaths, orgOrNotFound, orgsWithin } from '../../orgs/index.js';
import {
  LEGACY_FIGURES,
  LEGACY_FORMAT_NAME,
  LEGACY_ROWS,
  LEGACY_TITLE,
  legacyField,
  type LegacyValues,
  legacyStatsOf,
  rowLegacyValues,
  saveLegacyStats,
  readLegacyStats,
  REPORT_EDIT_ROLES,
  REPORT_REVIEW_ROLES,
  REPORT_SOURCE,
  REPORT_VIEW_ROLES,
} from '../../reports/index.js';
import { assertAllowed } from '../guard.js';

const WRITE_ROLES = [...REPORT_EDIT_ROLES, ...REPORT_REVIEW_ROLES];
const indent = ['', 'indent-1', 'indent-2', 'indent-3'] as const;

/** The 统计表 as a table: inputs when `edit`, figures otherwise. */
function LegacyTable({
  values,
  edit,
  errors,
}: {
  values: Record<string, string | number | null>;
  edit?: boolean;
  errors?: FieldError[];
}) {
  const bad = new Set((errors ?? []).map((e) => e.field));
  return (
    <div class="table-wrap">
      <table class="report-table">
        <caption>{LEGACY_TITLE}</caption>
        <thead>
          <tr>
            <th scope="col">统计指标</th>
            <th scope="col">单位</th>
            <th scope="col">统计数</th>
          </tr>
        </thead>
        <tbody>
          {LEGACY_ROWS.map((r) => {
            const f = legacyField(r.key);
            const v = values[r.key];
            return (
              <tr>
                <th scope="row" class={indent[r.level] || undefined}>
                  {r.label}
                </th>
                <td>{r.unit || '——'}</td>
                <td class={['num', bad.has(f) ? 'cell-error' : ''].join(' ').trim()}>
                  {r.heading ? (
                    '——'
                  ) : edit ? (
                    <input
                      type="text"
                      inputMode="decimal"
                      name={f}
                      id={`f-${f}`}
                      value={v === null || v === undefined ? '' : String(v)}
                      size={8}
                      aria-label={`${r.label}（${r.unit}）`}
                      aria-invalid={bad.has(f) ? 'true' : undefined}
                    />
                  ) : v === null || v === undefined ? (
                    ''
                  ) : (
                    String(v)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

async function formPage(
  req: FastifyRequest,
  view: ViewCtx,
  opts: {
    values?: Record<string, string | number | null>;
    org?: string;
    year?: string;
    errors?: FieldError[];
    importErrors?: FieldError[];
  } = {},
) {
  const orgs = await orgsWithin(req.ctx, { underPaths: scopePaths(req.actor, WRITE_ROLES) });
  const options: Array<[string, string]> = orgs.map((o) => [String(o.id), o.name]);
  return (
    <ConsoleLayout view={view} title={`录入 2019 年以前的${LEGACY_TITLE}`} wide>
      <p class="muted">
        2019 年以前的年度报告附《{LEGACY_TITLE}》（{LEGACY_FORMAT_NAME}），2008 至 2018
        年度可录入或从已发布的报告文件导入。指标名称按已发布的统计表原文；与 2019
        年以后格式可比的指标（收到申请数、办结数、行政复议、行政诉讼）显示在历年指标图中。
      </p>
      <section>
        <h2>从报告文件导入</h2>
        <ErrorSummary errors={opts.importErrors} />
        <form method="post" action="/console/reports/legacy/import" enctype="multipart/form-data">
          <CsrfField token={view.csrf} />
          <SelectField
            name="orgId"
            label="单位"
            required
            value={opts.org ?? ''}
            options={options}
            placeholder="请选择"
            errors={opts.importErrors}
            idPrefix="imp"
          />
          <TextField
            name="year"
            label="年度"
            required
            inputmode="numeric"
            value={opts.year ?? ''}
            errors={opts.importErrors}
            idPrefix="imp"
          />
          <div class="field">
            <label for="f-file">报告文件（HTML、DOCX 或 XLSX）</label>
            <input type="file" id="f-file" name="file" required accept=".html,.htm,.shtml,.docx,.xlsx" />
          </div>
          <button type="submit">读取并保存</button>
        </form>
      </section>
      <section>
        <h2>手工录入</h2>
        <ErrorSummary errors={opts.errors} />
        <form method="post" action="/console/reports/legacy">
          <CsrfField token={view.csrf} />
          <SelectField
            name="orgId"
            label="单位"
            required
            value={opts.org ?? ''}
            options={options}
            placeholder="请选择"
            errors={opts.errors}
          />
          <TextField
            name="year"
            label="年度"
            required
            inputmode="numeric"
            value={opts.year ?? ''}
            errors={opts.errors}
            hint="2008 至 2018 年。已有该年度统计表的，保存后替换原数字。"
          />
          <LegacyTable values={opts.values ?? {}} edit errors={opts.errors} />
          <button type="submit">保存统计表</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}

const flashOf = (warnings: FieldError[], replaced: boolean): string =>
  `已${replaced ? '替换' : '保存'}统计表。${warnings.length ? `提示：${warnings.map((w) => w.message).join('')}（已按原样保存）` : ''}`;

const LegacyQuery = Form({ orgId: OptInt('单位'), year: OptInt('年度') });
/** The unit, the year and a figure per row of the 统计表 (l_…; the use-case checks each number and names the row). */
const LegacyForm = Type.Intersect([
  Form({ orgId: OptInt('单位'), year: OptInt('年度') }),
  Type.Record(Type.String({ pattern: '^l_' }), Type.String({ title: '统计数' })),
]);
const LegacyParams = Params({ orgId: Int('单位'), year: Int('年度') });
const text = (n: number | undefined): string => (n === undefined ? '' : String(n));

/** Console: pre-2019 统计表 of earlier years — entry form, import from a published report, read view. */
export async function legacyStatsRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/reports/legacy', { schema: { querystring: LegacyQuery } }, async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, WRITE_ROLES));
    const { orgId, year } = req.query;
    const row = orgId && year ? await legacyStatsOf(req.ctx, orgId, year) : undefined;
    return reply.page(
      await formPage(req, reply.view(), {
        org: text(orgId),
        year: text(year),
        values: row ? rowLegacyValues(row) : {},
      }),
    );
  });
  r.post('/console/reports/legacy', { schema: { body: LegacyForm } }, async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, WRITE_ROLES));
    const b = req.body;
    const org = text(b.orgId);
    const year = text(b.year);
    const values = Object.fromEntries(LEGACY_FIGURES.map((f) => [f.key, b[legacyField(f.key)] ?? '']));
    try {
      const saved = await saveLegacyStats(req.ctx, {
        orgId: b.orgId ?? 0,
        year: b.year ?? 0,
        values,
        source: 'entered',
      });
      return reply.flashRedirect(`/console/reports/legacy/${org}/${year}`, flashOf(saved.warnings, saved.replaced));
    } catch (e) {
      if (!isAppError(e) || e.status === 403) throw e;
      return reply.page(await formPage(req, reply.view(), { org, year, values, errors: e.errors }), e.status);
    }
  });
  // A multipart form: the upload reader (a route-level preValidation) reads its fields and file; no body schema.
  r.post(
    '/console/reports/legacy/import',
    { preValidation: readUploadForm('file', { staffOnly: true }) },
    async (req, reply) => {
      assertAllowed(rolesAllow(req.actor, WRITE_ROLES));
      const form = uploadForm(req);
      const org = form.fields.orgId ?? '';
      const year = form.fields.year ?? '';
      const fail = async (errors: FieldError[], status = 400) =>
        reply.page(await formPage(req, reply.view(), { org, year, importErrors: errors }), status);
      if (form.error) return fail([{ code: 'file_too_large', message: form.error, field: 'file' }]);
      if (!form.file) return fail([{ code: 'file_missing', message: '请选择报告文件。', field: 'file' }]);
      const read = await readLegacyStats(form.file.data, form.file.name);
      if ('error' in read) return fail([{ code: 'file_unreadable', message: read.error, field: 'file' }]);
      try {
        const saved = await saveLegacyStats(req.ctx, {
          orgId: Number(org),
          year: Number(year),
          values: read.values as LegacyValues,
          source: 'imported',
        });
        const notes = [
          `读取 ${read.found} 行统计指标。`,
          read.unrecognised.length ? `未识别的行（未保存）：${read.unrecognised.join('、')}。` : '',
          read.problems.join(''),
        ].join('');
        return reply.flashRedirect(
          `/console/reports/legacy/${org}/${year}`,
          `${flashOf(saved.warnings, saved.replaced)}${notes}`,
        );
      } catch (e) {
        if (!isAppError(e) || e.status === 403) throw e;
        return fail(e.errors, e.status);
      }
    },
  );
  r.get('/console/reports/legacy/:orgId/:year', { schema: { params: LegacyParams } }, async (req, reply) => {
    const p = req.params;
    const org = await orgOrNotFound(req.ctx, p.orgId);
    assertAllowed(rolesAllow(req.actor, REPORT_VIEW_ROLES, org.path));
    const row = await legacyStatsOf(req.ctx, org.id, p.year);
    if (!row) throw notFound('legacy_stats_not_found', `${org.name} 没有 ${p.year} 年度统计表。`);
    return reply.page(
      <ConsoleLayout view={reply.view()} title={`${org.name} ${row.year} 年度${LEGACY_TITLE}`}>
        <dl class="facts">
          <dt>格式</dt>
          <dd>{LEGACY_FORMAT_NAME}</dd>
          <dt>数据来源</dt>
          <dd>{REPORT_SOURCE[row.source as keyof typeof REPORT_SOURCE] ?? row.source}</dd>
        </dl>
        <p>
          <a href={`/console/reports/history/${org.id}`}>历年报告与主要指标</a>
          {rolesAllow(req.actor, WRITE_ROLES, org.path) ? (
            <>
              {' '}
              · <a href={`/console/reports/legacy?orgId=${org.id}&year=${row.year}`}>修改</a>
            </>
          ) : null}
        </p>
        <LegacyTable values={rowLegacyValues(row)} />
      </ConsoleLayout>,
    );
  });
}

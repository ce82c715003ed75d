import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../../platform/views/components.js';
import { Form, Int, OptInt, Text, typed } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { rolesAllow, scopePaths, findOrg } from '../../orgs/index.js';
import {
  agenciesFor,
  CATALOG_VIEWERS,
  annualTable2,
  ownFigures,
  FIGURE_EDITORS,
  saveAnnualFigures,
  type FiguresInput,
  FIGURE_COLUMNS,
  importAnnualFigures,
  readImportTable,
} from '../../catalog/index.js';
import { assertAllowed } from '../guard.js';

async function render(
  req: FastifyRequest,
  reply: FastifyReply,
  orgId: number | undefined,
  year: number,
  errors?: FieldError[],
  values?: FiguresInput,
  status = 200,
) {
  assertAllowed(scopePaths(req.actor, CATALOG_VIEWERS).length > 0);
  const orgs = await agenciesFor(req.ctx.db, req.actor, CATALOG_VIEWERS);
  const org = orgId ? await findOrg(req.ctx, orgId) : orgs[0];
  if (org) assertAllowed(rolesAllow(req.actor, CATALOG_VIEWERS, org.path));
  const t = org ? await annualTable2(req.ctx.db, org.path, year) : null;
  const v: FiguresInput =
    values ??
    (org
      ? await ownFigures(req.ctx.db, org.id, year)
      : { licensing: '0', penalties: '0', enforcement: '0', feesWan: '0' });
  const view = reply.view();
  const editable = org ? rolesAllow(req.actor, FIGURE_EDITORS, org.path) : false;
  return reply.page(
    <ConsoleLayout view={view} title="年度报告表二：主动公开政府信息情况" wide>
      <form method="get" action="/console/catalog/table2" class="filters">
        <SelectField
          name="orgId"
          label="机构"
          value={org ? String(org.id) : ''}
          options={orgs.map((o) => [String(o.id), `${'　'.repeat(o.depth)}${o.name}`])}
        />
        <TextField name="year" label="年度" inputmode="numeric" value={String(year)} />
        <button type="submit">查看</button>
      </form>
      {t && org ? (
        <>
          <p class="muted">
            {org.name}（含下级机构）{year} 年。规章和行政规范性文件的件数由已公开的信息计算；其余由本单位填报。
          </p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">信息内容</th>
                  <th scope="col">本年制发件数</th>
                  <th scope="col">本年废止件数</th>
                  <th scope="col">现行有效件数</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">规章</th>
                  <td>{t.rules.made}</td>
                  <td>{t.rules.abolished}</td>
                  <td>{t.rules.inForce}</td>
                </tr>
                <tr>
                  <th scope="row">行政规范性文件</th>
                  <td>{t.normative.made}</td>
                  <td>{t.normative.abolished}</td>
                  <td>{t.normative.inForce}</td>
                </tr>
                <tr>
                  <th scope="row">行政许可（本年处理决定数量）</th>
                  <td colSpan={3}>{t.licensing}</td>
                </tr>
                <tr>
                  <th scope="row">行政处罚（本年处理决定数量）</th>
                  <td colSpan={3}>{t.penalties}</td>
                </tr>
                <tr>
                  <th scope="row">行政强制（本年处理决定数量）</th>
                  <td colSpan={3}>{t.enforcement}</td>
                </tr>
                <tr>
                  <th scope="row">行政事业性收费（本年收费金额，万元）</th>
                  <td colSpan={3}>{t.feesWan}</td>
                </tr>
              </tbody>
            </table>
          </div>
          {editable ? (
            <form method="post" action="/console/catalog/table2">
              <h2>
                填报 {org.name} 本单位 {year} 年数据
              </h2>
              <ErrorSummary errors={errors} />
              <CsrfField token={view.csrf} />
              <input type="hidden" name="orgId" value={String(org.id)} />
              <input type="hidden" name="year" value={String(year)} />
              <TextField
                name="licensing"
                label="行政许可：本年处理决定数量"
                inputmode="numeric"
                value={v.licensing}
                errors={errors}
              />
              <TextField
                name="penalties"
                label="行政处罚：本年处理决定数量"
                inputmode="numeric"
                value={v.penalties}
                errors={errors}
              />
              <TextField
                name="enforcement"
                label="行政强制：本年处理决定数量"
                inputmode="numeric"
                value={v.enforcement}
                errors={errors}
              />
              <TextField
                name="feesWan"
                label="行政事业性收费：本年收费金额（万元）"
                inputmode="decimal"
                value={v.feesWan}
                errors={errors}
              />
              <button type="submit">保存</button>
            </form>
          ) : null}
          {editable ? (
            <form method="post" action="/console/catalog/table2/import" enctype="multipart/form-data">
              <h2>从 CSV 或 XLSX 导入表二数据</h2>
              <p class="hint">第一行为列名：{FIGURE_COLUMNS.join('、')}。任何一行有误则全部不保存。</p>
              <CsrfField token={view.csrf} />
              <div class="field">
                <label for="f-figures">数据文件</label>
                <input type="file" id="f-figures" name="file" required />
              </div>
              <button type="submit" class="secondary">
                导入
              </button>
            </form>
          ) : null}
        </>
      ) : null}
    </ConsoleLayout>,
    status,
  );
}

const YEAR = { minimum: 1900, maximum: 2999 };
const Table2Query = Form({ orgId: OptInt('机构'), year: OptInt('年度', YEAR) });
const FiguresForm = Form({
  orgId: Int('机构'),
  year: OptInt('年度', YEAR),
  licensing: Text('行政许可：本年处理决定数量'),
  penalties: Text('行政处罚：本年处理决定数量'),
  enforcement: Text('行政强制：本年处理决定数量'),
  feesWan: Text('行政事业性收费：本年收费金额（万元）'),
});

/** Console: table 二 of the annual report — computed counts and the figures agencies enter. */
export async function table2Routes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  const defaultYear = (req: FastifyRequest) => Number(todayInShanghai(req.ctx.now()).slice(0, 4)) - 1;
  r.get('/console/catalog/table2', { schema: { querystring: Table2Query } }, async (req, reply) =>
    render(req, reply, req.query.orgId, req.query.year ?? defaultYear(req)),
  );
  // A multipart form: the file (and the CSRF token) are read by the streaming upload reader (upload-form.ts); no schema.
  r.post(
    '/console/catalog/table2/import',
    {
      preValidation: readUploadForm('file', { staffOnly: true, maxFiles: 1 }),
    },
    async (req, reply) => {
      const form = uploadForm(req);
      const data = form.error ? undefined : form.byField.file?.[0]?.data;
      const year = defaultYear(req);
      if (!data)
        return render(
          req,
          reply,
          undefined,
          year,
          [{ code: 'figures_file_required', message: '请选择要导入的文件。', field: 'file' }],
          undefined,
          400,
        );
      try {
        const n = await importAnnualFigures(req.ctx, await readImportTable(data));
        return reply.flashRedirect('/console/catalog/table2', `已导入 ${n} 行表二数据。`);
      } catch (e) {
        if (!isAppError(e) || e.kind !== 'invalid') throw e;
        return render(req, reply, undefined, year, e.errors, undefined, 400);
      }
    },
  );

  r.post('/console/catalog/table2', { schema: { body: FiguresForm } }, async (req, reply) => {
    const { orgId, licensing, penalties, enforcement, feesWan } = req.body;
    const year = req.body.year ?? defaultYear(req);
    const input: FiguresInput = { licensing, penalties, enforcement, feesWan };
    try {
      await saveAnnualFigures(req.ctx, { ...input, orgId, year });
      return reply.flashRedirect(`/console/catalog/table2?orgId=${orgId}&year=${year}`, '已保存表二数据。');
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      return render(req, reply, orgId, year, e.errors, input, 400);
    }
  });
}

import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, SelectField } from '../../platform/views/components.js';
import { Choice, Form, typed } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import type { ViewCtx } from '../../platform/http/types.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/schema.js';
import { scopePaths } from '../../orgs/index.js';
import {
  agenciesFor,
  CATALOG_VIEWERS,
  IMPORT_ROLES,
  IMPORT_COLUMNS,
  readImportTable,
  importItems,
  type ImportReport,
  readImportZip,
  allStaffItems,
  staffCatalogRows,
} from '../../catalog/index.js';
import { assertAllowed } from '../guard.js';
import { sendTable } from '../../platform/http/table-download.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';

async function importOrgs(db: Db, actor: Actor): Promise<Array<[string, string]>> {
  return (await agenciesFor(db, actor, IMPORT_ROLES)).map((o) => [String(o.id), o.name]);
}

function ImportPage({
  view,
  orgs,
  report,
  dryRun,
  errors,
  orgId,
}: {
  view: ViewCtx;
  orgs: Array<[string, string]>;
  report?: ImportReport;
  dryRun?: boolean;
  errors?: FieldError[];
  orgId?: string;
}) {
  return (
    <ConsoleLayout view={view} title="导入公开目录" wide>
      <p class="muted">
        上传 CSV（UTF-8 或 GBK）或 XLSX 文件，第一行为列名：{Object.keys(IMPORT_COLUMNS).join('、')}
        。必填：索引号、名称、生成日期、发布日期。导入的信息按原索引号和发布日期直接公开；已存在的索引号会跳过，可重复导入。
      </p>
      <ErrorSummary errors={errors} />
      {report ? (
        <section aria-labelledby="rep">
          <h2 id="rep">{dryRun ? '试导入结果（未保存）' : '导入结果'}</h2>
          <p>
            共 {report.total} 行；可导入 {report.valid - report.skipped} 行；已存在跳过 {report.skipped} 行；
            {dryRun ? '' : `已新增 ${report.created} 条；`}有问题 {new Set(report.errors.map((e) => e.row)).size} 行。
          </p>
          {report.errors.length ? (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">行号</th>
                    <th scope="col">问题</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e) => (
                    <tr>
                      <td>{e.row}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
      <form method="post" action="/console/items/import" enctype="multipart/form-data">
        <CsrfField token={view.csrf} />
        <SelectField
          name="orgId"
          label="导入到机构"
          required
          value={orgId ?? ''}
          options={orgs}
          placeholder="请选择"
          errors={errors}
        />
        <div class="field">
          <label for="f-file">目录文件（CSV 或 XLSX）</label>
          <input type="file" id="f-file" name="file" required />
        </div>
        <div class="field">
          <label for="f-zip">附件压缩包（可选，ZIP）</label>
          <p class="hint" id="f-zip-hint">
            目录文件的“附件”列写压缩包内的文件名，多个用分号分隔。正式导入按每 200
            行分批提交；中断后重新导入同一文件即可续传，已导入的索引号会跳过。
          </p>
          <input type="file" id="f-zip" name="zip" accept=".zip,application/zip" aria-describedby="f-zip-hint" />
        </div>
        <button type="submit" name="mode" value="dry">
          试导入（只检查）
        </button>{' '}
        <button type="submit" name="mode" value="real" class="secondary">
          正式导入
        </button>
      </form>
    </ConsoleLayout>
  );
}

const ExportQuery = Form({ format: Choice('格式', ['csv', 'xlsx'] as const, { default: 'csv' }) });

/** Console: catalogue import (dry run, then real run) and export to CSV/XLSX. */
export async function importExportRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/items/import', async (req, reply) => {
    const orgs = await importOrgs(req.ctx.db, req.actor);
    assertAllowed(orgs.length > 0);
    return reply.page(<ImportPage view={reply.view()} orgs={orgs} />);
  });

  // A multipart form: its fields and files (and the CSRF token) are read by the streaming upload reader
  // (upload-form.ts), not by a body schema; the route has no path or query input.
  r.post(
    '/console/items/import',
    { preValidation: readUploadForm('file', { staffOnly: true }) },
    async (req, reply) => {
      const orgs = await importOrgs(req.ctx.db, req.actor);
      assertAllowed(orgs.length > 0);
      const form = uploadForm(req);
      const f = {
        orgId: form.fields.orgId ?? '',
        mode: form.fields.mode ?? '',
        file: form.byField.file?.[0] ?? null,
        zip: form.byField.zip?.[0] ?? null,
        error: form.error ? { code: 'import_too_large', message: form.error, field: 'file' } : undefined,
      };
      const dryRun = f.mode !== 'real';
      const again = (errors: FieldError[], status: number) =>
        reply.page(<ImportPage view={reply.view()} orgs={orgs} errors={errors} orgId={f.orgId} />, status);
      if (f.error) return again([f.error], 400);
      if (!/^\d{1,9}$/.test(f.orgId))
        return again([{ code: 'import_org_required', message: '请选择导入到哪个机构。', field: 'orgId' }], 400);
      if (!f.file)
        return again([{ code: 'import_file_required', message: '请选择要导入的文件。', field: 'file' }], 400);
      try {
        const table = await readImportTable(f.file.data);
        const files = f.zip ? await readImportZip(f.zip.data) : undefined;
        const report = await importItems(req.ctx, { orgId: Number(f.orgId), table, dryRun, files });
        return reply.page(
          <ImportPage view={reply.view()} orgs={orgs} report={report} dryRun={dryRun} orgId={f.orgId} />,
        );
      } catch (e) {
        if (!isAppError(e) || e.kind !== 'invalid') throw e;
        return again(e.errors, 400);
      }
    },
  );

  r.get('/console/items/export', { schema: { querystring: ExportQuery } }, async (req, reply) => {
    const paths = scopePaths(req.actor, CATALOG_VIEWERS);
    assertAllowed(paths.length > 0);
    const table = staffCatalogRows(await allStaffItems(req.ctx.db, paths));
    if (req.query.format === 'xlsx') {
      const { catalogXlsx } = await import('../../catalog/index.js');
      const buf = await catalogXlsx(table);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('公开目录.xlsx'))
        .send(buf);
    }
    return sendTable(reply, table, '公开目录');
  });
}

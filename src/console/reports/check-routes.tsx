import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import type { FieldError } from '../../platform/errors.js';
import { checkReportBytes, STATUS_NAMES, type CheckResult } from '../../reports/checker/check-report.js';
import { resultsCsv } from '../../reports/check-files.js';
import { FORMAT_NAMES } from '../../reports/report-format.rules.js';
import { ReportTablesView } from '../../reports/views/report-tables-view.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';

function ResultView({ r }: { r: CheckResult }) {
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">检查结果：{r.file}</h2>
      <p class={r.status === 'consistent' ? 'flash' : 'error-summary'} role="status">
        <strong>{STATUS_NAMES[r.status]}</strong> {r.summary}
      </p>
      {r.format ? <p>识别为{FORMAT_NAMES[r.format]}。{r.formatNote ?? ''}</p> : null}
      {r.violations.length ? (
        <div class="table-wrap">
          <table>
            <caption>不一致的单元格（{r.violations.length} 处）</caption>
            <thead>
              <tr>
                <th scope="col">表</th>
                <th scope="col">行</th>
                <th scope="col">列</th>
                <th scope="col">应为</th>
                <th scope="col">实为</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {r.violations.map((v) => (
                <tr>
                  <td>表{v.table}</td>
                  <td>{v.row}</td>
                  <td>{v.column}</td>
                  <td class="num">{v.expected}</td>
                  <td class="num">{v.actual}</td>
                  <td>{v.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {r.problems.length ? (
        <ul>
          {r.problems.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      ) : null}
      {r.tables && r.status !== 'unreadable' ? (
        <details>
          <summary>查看读取到的数字</summary>
          <ReportTablesView tables={r.tables} level={3} />
        </details>
      ) : null}
    </section>
  );
}

function SummaryView({ results }: { results: CheckResult[] }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>检查结果汇总（{results.length} 份）</caption>
        <thead>
          <tr>
            <th scope="col">文件</th>
            <th scope="col">结论</th>
            <th scope="col">不一致处数</th>
            <th scope="col">说明</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr>
              <td>{r.file}</td>
              <td>{STATUS_NAMES[r.status]}</td>
              <td class="num">{r.violations.length}</td>
              <td>{[...r.violations.map((v) => v.message), ...r.problems].join('；') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function page(view: ViewCtx, opts: { result?: CheckResult; results?: CheckResult[]; errors?: FieldError[] }) {
  return (
    <ConsoleLayout view={view} title="年度报告检查">
      <p class="muted">
        上传任一单位已发布的政府信息公开工作年度报告（网页 HTML、DOCX 或 XLSX），系统找出表二、表三、表四（2021 年格式或 2019 年格式），逐项核对勾稽关系：一＋二＝三（七）＋四、总计列＝六类申请人之和、（七）总计＝各项办理结果之和、表四各组总计＝四项之和。
      </p>
      <ErrorSummary errors={opts.errors} />
      {opts.result ? <ResultView r={opts.result} /> : null}
      {opts.results ? <SummaryView results={opts.results} /> : null}
      <form method="post" action="/console/reports/check" enctype="multipart/form-data">
        <CsrfField token={view.csrf} />
        <div class="field">
          <label for="f-file">报告文件（可一次选择多份）</label>
          <input type="file" id="f-file" name="file" required multiple accept=".html,.htm,.shtml,.docx,.xlsx,.txt" />
        </div>
        <div class="field">
          <label>
            <input type="checkbox" name="csv" value="1" /> 下载 CSV 汇总（不在页面显示）
          </label>
        </div>
        <button type="submit">检查</button>
      </form>
      <p class="muted">也可在服务器上检查整个文件夹：<code>gongkai report check 文件夹 --csv 汇总.csv</code>。</p>
    </ConsoleLayout>
  );
}

/** Console: check a published annual report file (/console/reports/check). */
export async function reportCheckRoutes(app: FastifyInstance): Promise<void> {
  app.get('/console/reports/check', async (_req, reply) => reply.page(page(reply.view(), {})));
  app.post(
    '/console/reports/check',
    { preValidation: readUploadForm() },
    async (req, reply) => {
      const form = uploadForm(req);
      if (form.error) return reply.page(page(reply.view(), { errors: [{ code: 'file_too_large', message: form.error, field: 'file' }] }), 400);
      const up = form.file;
      if (!up) return reply.page(page(reply.view(), { errors: [{ code: 'file_missing', message: '请选择要检查的报告文件。', field: 'file' }] }), 400);
      if (!up.data.length) return reply.page(page(reply.view(), { errors: [{ code: 'file_empty', message: '上传的文件为空。', field: 'file' }] }), 400);
      const results: CheckResult[] = [];
      for (const f of form.files.slice(0, 200)) results.push(await checkReportBytes(f.data, f.name));
      if (form.fields.csv === '1')
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="report-check.csv"; filename*=UTF-8''${encodeURIComponent('年度报告检查汇总.csv')}`).header('cache-control', 'no-store').send(resultsCsv(results));
      if (results.length === 1) return reply.page(page(reply.view(), { result: results[0] }));
      return reply.page(page(reply.view(), { results }));
    },
  );
}

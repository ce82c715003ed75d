import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import type { FieldError } from '../../platform/errors.js';
import { type CheckResult, VERDICT_NAMES, type Verdict, FORMAT_NAMES, ReportTablesView } from '../../reports/index.js';

const VERDICT_CLASS: Record<Verdict, string> = {
  consistent: 'flash',
  inconsistent: 'error-summary',
  undetermined: 'warning',
};

function Findings({ r }: { r: CheckResult }) {
  return (
    <>
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
      {r.missing.length ? (
        <>
          <p>无法核对的部分：</p>
          <ul>
            {r.missing.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </>
      ) : null}
      {r.notes.length ? (
        <ul class="muted">
          {r.notes.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function ResultView({ r }: { r: CheckResult }) {
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">检查结果：{r.file}</h2>
      <p class={VERDICT_CLASS[r.verdict]} role="status">
        <strong>{VERDICT_NAMES[r.verdict]}</strong> {r.summary}
      </p>
      {r.agency || r.year ? (
        <p>
          单位：{r.agency ?? '未识别'}；年度：{r.year ?? '未识别'}
        </p>
      ) : null}
      {r.format ? (
        <p>
          识别为{FORMAT_NAMES[r.format]}。{r.formatNote ?? ''}
        </p>
      ) : null}
      <Findings r={r} />
      {r.tables ? (
        <details>
          <summary>查看读取到的数字</summary>
          <ReportTablesView tables={r.tables} level={3} />
        </details>
      ) : null}
    </section>
  );
}

function SummaryView({ results }: { results: CheckResult[] }) {
  const count = (v: Verdict): number => results.filter((r) => r.verdict === v).length;
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">检查结果汇总（{results.length} 份）</h2>
      <p role="status">
        一致 {count('consistent')} 份，有误 {count('inconsistent')} 份，无法判断 {count('undetermined')} 份。
      </p>
      <div class="table-wrap">
        <table>
          <caption>各报告的结论</caption>
          <thead>
            <tr>
              <th scope="col">文件</th>
              <th scope="col">单位</th>
              <th scope="col">年度</th>
              <th scope="col">结论</th>
              <th scope="col">明细</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr>
                <td>{r.file}</td>
                <td>{r.agency ?? '—'}</td>
                <td>{r.year ?? '—'}</td>
                <td>{VERDICT_NAMES[r.verdict]}</td>
                <td>{[...r.violations.map((v) => v.message), ...r.missing, ...r.notes].join(' ') || r.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The checker page: the upload form, and the verdict of one report or the table of verdicts of several. */
export function CheckPage({
  view,
  results,
  errors,
}: {
  view: ViewCtx;
  results?: CheckResult[];
  errors?: FieldError[];
}) {
  return (
    <ConsoleLayout view={view} title="年度报告检查">
      <p class="muted">
        上传已发布的政府信息公开工作年度报告（PDF、网页 HTML、DOCX、XLSX；可一次选择多份，或上传整个辖区的 ZIP
        压缩包），系统找出表三、表四（2021 年格式或 2019
        年格式），逐项核对勾稽关系：一＋二＝三（七）＋四、总计列＝六类申请人之和、（七）总计＝各项办理结果之和、表四各组总计＝四项之和；同一单位相邻年度的报告都在时，还核对本年“二、上年结转”等于上年“四、结转下年度继续办理”。结论分三种：一致、有误（列出单元格）、无法判断（列出缺少或无法读取的部分）。
      </p>
      <ErrorSummary errors={errors} />
      {results?.length === 1 ? <ResultView r={results[0]} /> : null}
      {results && results.length > 1 ? <SummaryView results={results} /> : null}
      <form method="post" action="/console/reports/check" enctype="multipart/form-data">
        <CsrfField token={view.csrf} />
        <div class="field">
          <label for="f-file">报告文件或 ZIP 压缩包（可一次选择多份）</label>
          <input
            type="file"
            id="f-file"
            name="file"
            required
            multiple
            accept=".pdf,.html,.htm,.shtml,.docx,.xlsx,.txt,.zip"
          />
        </div>
        <fieldset class="field">
          <legend>结果</legend>
          <label>
            <input type="radio" name="output" value="page" checked /> 在页面显示
          </label>{' '}
          <label>
            <input type="radio" name="output" value="csv" /> 下载 CSV
          </label>{' '}
          <label>
            <input type="radio" name="output" value="xlsx" /> 下载 XLSX
          </label>
        </fieldset>
        <button type="submit">检查</button>
      </form>
      <p class="muted">
        也可在服务器上检查整个文件夹：<code>gongkai report check 文件夹 --xlsx 结果.xlsx</code>。
      </p>
    </ConsoleLayout>
  );
}

/**
 * Console: redacting one PDF of a package. Each page of the original is shown with the boxes proposed
 * by a search (身份证号, 手机号, names typed) outlined; staff keep or drop each proposal, choose its ground,
 * and add boxes of their own — drawn on the page with the mouse (public/js/redact.js fills a row) or
 * typed as `页码,x,y,宽,高` in points from the page's top-left corner. Works without JavaScript.
 */
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import type { FieldError } from '../../platform/errors.js';
import { REDACTION_REASONS, boxText, type RedactionBox, type ProposedBox } from '../../requests/index.js';
import { assetUrl } from '../../platform/http/static-assets.js';

const KIND = { id_number: '身份证号', mobile: '手机号', name: '姓名', text: '检索词', drawn: '已保存' } as const;

function ReasonSelect({ name, value, label }: { name: string; value: string; label: string }) {
  return (
    <select name={name} aria-label={label}>
      {REDACTION_REASONS.map((r) => (
        <option value={r.code} selected={r.code === value}>
          {r.label}
        </option>
      ))}
    </select>
  );
}

export function RedactPage(p: {
  view: ViewCtx;
  requestId: number;
  requestNo: string;
  docId: number;
  filename: string;
  pages: ReadonlyArray<{ width: number; height: number }>;
  proposals: Array<ProposedBox | (RedactionBox & { kind: 'drawn'; text: string })>;
  names: string;
  terms: string;
  /** Unit of the boxes: 磅 (PDF points) or 像素 (image pixels). */
  unit: string;
  searchable: boolean;
  errors?: FieldError[];
}) {
  const base = `/console/requests/${p.requestId}/release/${p.docId}`;
  const manual = 3;
  return (
    <ConsoleLayout view={p.view} title={`区分处理 ${p.filename}`} wide>
      <p>
        <a href={`/console/requests/${p.requestId}/release`}>← 返回提供材料（申请 {p.requestNo}）</a>
      </p>
      <ErrorSummary errors={p.errors} />
      {p.searchable ? (
        <form method="get" action={`${base}/redact`} class="search-boxes">
          <div class="field">
            <label for="f-names">第三方姓名（以顿号或逗号分隔）</label>
            <input id="f-names" name="names" value={p.names} />
          </div>
          <div class="field">
            <label for="f-terms">其他检索词</label>
            <input id="f-terms" name="terms" value={p.terms} />
          </div>
          <button type="submit">检索身份证号、手机号和上述内容</button>
        </form>
      ) : null}
      <form method="post" action={`${base}/redact`} id="redact-form">
        <CsrfField token={p.view.csrf} />
        <h2>遮盖区域</h2>
        {p.proposals.length ? (
          <table class="data" data-testid="proposals">
            <caption class="visually-hidden">检索到的内容与已保存的遮盖区域</caption>
            <thead>
              <tr>
                <th scope="col">遮盖</th>
                <th scope="col">页</th>
                <th scope="col">内容</th>
                <th scope="col">理由</th>
              </tr>
            </thead>
            <tbody>
              {p.proposals.map((b, i) => (
                <tr>
                  <td>
                    <input
                      type="checkbox"
                      name={`b${i}`}
                      value={`${boxText(b)}`}
                      checked
                      aria-label={`遮盖第${i + 1}处`}
                    />
                  </td>
                  <td>{b.page}</td>
                  <td>
                    {KIND[b.kind]}
                    {b.text ? `：${b.text}` : ''}
                  </td>
                  <td>
                    <ReasonSelect name={`r${i}`} value={b.reason} label={`第${i + 1}处的理由`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>没有检索到需要遮盖的内容。</p>
        )}
        <h3>自行标出的区域</h3>
        <p class="hint">
          在下方页面上按住鼠标拖动即可画出区域；也可填写“页码,x,y,宽,高”（单位：{p.unit}，自页面左上角起算）。
        </p>
        <div data-testid="manual-boxes">
          {Array.from({ length: manual }, (_, j) => (
            <div class="field manual-box">
              <label for={`f-m${j}`}>区域{j + 1}</label>
              <input id={`f-m${j}`} name={`m${j}`} class="manual-box-input" inputMode="decimal" />
              <ReasonSelect name={`mr${j}`} value="art15" label={`区域${j + 1}的理由`} />
            </div>
          ))}
        </div>
        <button type="submit">生成公开文本</button>
      </form>
      <h2>原件页面</h2>
      {p.pages.map((pg, i) => (
        <figure
          class="redact-page"
          data-page={String(i + 1)}
          data-width={String(pg.width)}
          data-height={String(pg.height)}
        >
          <img
            src={`${base}/page/${i + 1}`}
            alt={`原件第${i + 1}页`}
            width={Math.round(pg.width * (p.unit === '磅' ? 96 / 72 : 1))}
            height={Math.round(pg.height * (p.unit === '磅' ? 96 / 72 : 1))}
          />
          <svg
            class="redact-overlay"
            viewBox={`0 0 ${pg.width} ${pg.height}`}
            preserveAspectRatio="none"
            aria-hidden="true"
          >
            {p.proposals
              .filter((b) => b.page === i + 1)
              .map((b) => (
                <rect class="proposed" x={String(b.x)} y={String(b.y)} width={String(b.w)} height={String(b.h)} />
              ))}
          </svg>
          <figcaption>第{i + 1}页</figcaption>
        </figure>
      ))}
      <link rel="stylesheet" href={assetUrl('css/redact.css')} />
      <script src={assetUrl('js/redact.js')} defer></script>
    </ConsoleLayout>
  );
}

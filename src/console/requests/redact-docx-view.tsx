/**
 * Console: redacting a DOCX. Staff list the phrases to remove (one a line) with their ground, and choose
 * whether 身份证号, 手机号 and the names given are found and removed automatically, and on what ground.
 * Each place becomes ■ (one per character) and the reason in the released copy.
 */
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import type { FieldError } from '../../platform/errors.js';
import { REDACTION_REASONS } from '../../requests/index.js';

function Reasons({ id, name, value, none }: { id: string; name: string; value: string; none?: string }) {
  return (
    <select id={id} name={name}>
      {none ? <option value="">{none}</option> : null}
      {REDACTION_REASONS.map((r) => (
        <option value={r.code} selected={r.code === value}>
          {r.label}
        </option>
      ))}
    </select>
  );
}

export function DocxRedactPage(p: {
  view: ViewCtx;
  requestId: number;
  requestNo: string;
  docId: number;
  filename: string;
  values: { terms: string; termReason: string; found: string; names: string };
  errors?: FieldError[];
}) {
  const base = `/console/requests/${p.requestId}/release/${p.docId}`;
  return (
    <ConsoleLayout view={p.view} title={`区分处理 ${p.filename}`} wide>
      <p>
        <a href={`/console/requests/${p.requestId}/release`}>← 返回提供材料（申请 {p.requestNo}）</a>
      </p>
      <p class="hint">
        正文、页眉、页脚、脚注和尾注中的相应文字替换为“■”并注明理由；批注、修订记录和文档属性一并删除。原件保留在本系统中。
      </p>
      <ErrorSummary errors={p.errors} />
      <form method="post" action={`${base}/redact`}>
        <CsrfField token={p.view.csrf} />
        <div class="field">
          <label for="f-found">自动查找身份证号、手机号和下列姓名并遮盖，理由</label>
          <Reasons id="f-found" name="found" value={p.values.found} none="不自动查找" />
        </div>
        <div class="field">
          <label for="f-names">第三方姓名（以顿号或逗号分隔）</label>
          <input id="f-names" name="names" value={p.values.names} />
        </div>
        <div class="field">
          <label for="f-terms">其他需要遮盖的文字（每行一处）</label>
          <textarea id="f-terms" name="terms" rows={4}>
            {p.values.terms}
          </textarea>
        </div>
        <div class="field">
          <label for="f-termReason">上述文字的理由</label>
          <Reasons id="f-termReason" name="termReason" value={p.values.termReason} />
        </div>
        <button type="submit">生成公开文本</button>
      </form>
    </ConsoleLayout>
  );
}

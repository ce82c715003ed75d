/** The applicant checks what the office wrote down for their oral request and confirms it (条例第二十九条). */
import { CsrfField } from '../../platform/views/components.js';
import type { PublicStatus } from '../../requests/index.js';

/** The recorded content (personal data masked) and the confirmation button. */
export function OralRecordConfirm({ st, csrf, queryCode }: { st: PublicStatus; csrf: string; queryCode: string }) {
  return (
    <section aria-labelledby="oral-h" data-testid="oral-record">
      <h3 id="oral-h">请核对工作人员代为填写的申请内容</h3>
      <p>
        您的申请是口头提出、由工作人员代为填写的。请核对以下内容；确认无误后，确认之日即为收到申请之日，开始计算答复期限。内容有误的，请联系受理机关更正，不要确认。
      </p>
      <dl class="meta">
        {(st.oralRecord ?? []).map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      <form method="post" action="/ysqgk/oral-confirm" class="actions">
        <CsrfField token={csrf} />
        <input type="hidden" name="requestNo" value={st.requestNo} />
        <input type="hidden" name="queryCode" value={queryCode} />
        <label class="check">
          <input type="checkbox" name="agree" value="1" required /> 我已核对，以上内容是我提出的申请
        </label>{' '}
        <button type="submit">确认申请内容</button>
      </form>
    </section>
  );
}

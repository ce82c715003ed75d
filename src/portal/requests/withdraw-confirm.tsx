/** The page that asks an applicant to confirm a withdrawal (works without JavaScript: nothing is withdrawn in one click). */
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { CsrfField, ErrorSummary, TextArea } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import type { FieldError } from '../../platform/errors.js';
import type { PublicStatus } from '../../requests/index.js';

export function WithdrawConfirm({
  view,
  st,
  queryCode,
  errors,
}: {
  view: ViewCtx;
  st: PublicStatus;
  queryCode: string;
  errors?: FieldError[];
}) {
  return (
    <PortalLayout view={view} title="确认撤回申请">
      <h1>确认撤回申请</h1>
      <ErrorSummary errors={errors} />
      <p>
        您将撤回申请 <strong data-testid="withdraw-no">{st.requestNo}</strong>（受理机关：{st.orgName}）。
      </p>
      {st.asked.length ? (
        <p class="asked">申请获取的信息：{st.asked.map(([k, v]) => `${k}：${v}`).join('；')}</p>
      ) : null}
      <p class="notice" role="note">
        撤回后，受理机关不再办理这件申请，也不能恢复；如仍需获取该信息，须重新提出申请。
      </p>
      <form method="post" action="/ysqgk/withdraw">
        <CsrfField token={view.csrf} />
        <input type="hidden" name="requestNo" value={st.requestNo} />
        <input type="hidden" name="queryCode" value={queryCode} />
        <input type="hidden" name="confirm" value="1" />
        <TextArea name="reason" label="撤回理由（可不填）" rows={3} errors={errors} />
        <button type="submit" class="danger">
          确认撤回
        </button>
      </form>
      <form method="post" action="/ysqgk/status" class="actions">
        <CsrfField token={view.csrf} />
        <input type="hidden" name="requestNo" value={st.requestNo} />
        <input type="hidden" name="queryCode" value={queryCode} />
        <button type="submit" class="secondary">
          不撤回，返回办理进度
        </button>
      </form>
    </PortalLayout>
  );
}

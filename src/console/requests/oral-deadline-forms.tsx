/** Case-page forms: the applicant's confirmation of an oral request (第二十九条) and the 第三十五条 answer date. */
import { TextArea, TextField } from '../../platform/views/components.js';
import { Act, OnField } from './action-form.js';

/** Print the confirmation sheet, then record the applicant's signature and its date (the receipt date). */
export function OralConfirmForm({ id, csrf }: { id: number; csrf: string }) {
  return (
    <>
      <p class="warning" data-testid="oral-pending">
        口头提出的申请：请打印确认单交申请人核对并签字（<a href={`/console/requests/${id}/oral-sheet`}>打印确认单</a> ·{' '}
        <a href={`/console/requests/${id}/oral-sheet.docx`}>DOCX</a>
        ），或请申请人凭申请编号和查询码在网站“查询办理进度”页面确认。申请人确认之日为收到申请之日，确认前不计算答复期限。
      </p>
      <Act slug="oral-confirm" id={id} csrf={csrf} title="记录申请人已签字确认（第二十九条）" submit="记录确认">
        <OnField label="申请人签字日期（收到申请之日）" />
      </Act>
    </>
  );
}

/** 第三十五条: a reasonable later answer date, with its reason (office head only). */
export function DeadlineForm({ id, csrf, currentDue }: { id: number; csrf: string; currentDue: string | null }) {
  return (
    <Act
      slug="deadline"
      id={id}
      csrf={csrf}
      title="确定延迟答复期限（第三十五条：申请数量、频次明显超过合理范围）"
      submit="确定答复期限"
    >
      <p class="hint">
        当前答复期限：{currentDue ?? '—'}
        。确定的期限须晚于当前期限，确定后征求意见、缴费等暂停不再顺延，也不能再延长；只能确定一次，并应告知申请人。
      </p>
      <OnField label="决定日期" />
      <TextField name="dueOn" label="确定的答复期限" type="date" required />
      <TextArea name="reason" label="理由" required rows={3} />
    </Act>
  );
}

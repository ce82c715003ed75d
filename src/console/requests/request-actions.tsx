/** Action forms on a case page (each posts to its own route, request-action-routes.tsx). */
import type { Ctx } from '../../platform/context.js';
import { CsrfField, SelectField, TextArea, TextField } from '../../platform/views/components.js';
import {
  canTransition,
  isOpenState,
  type RequestAction,
  OUTCOMES,
  outcomeByCode,
  outcomeText,
  FEE_METHODS,
  DELIVERY_METHODS,
  PARTIES,
  CONSULTATION_REPLIES,
  canApproveExtension,
  canHandleRequests,
  mayForward,
  proactiveMode,
  seesPersonalData,
  type RequestWithOrg,
  APPEAL_KINDS,
  APPEAL_RESULTS,
} from '../../requests/index.js';
import { DeadlineForm, OralConfirmForm } from './oral-deadline-forms.js';
import { Act, OnField } from './action-form.js';

/** The forms the actor may use on the case in its state. */
export function ActionForms({
  r,
  ctx,
  csrf,
  handlers,
  asked,
  extended,
  agencies,
  abandoned,
}: {
  r: RequestWithOrg;
  ctx: Pick<Ctx, 'actor'>;
  csrf: string;
  handlers: Array<{ id: number; display_name: string }>;
  asked: { days: number; reason: string } | null;
  /** The deadline was extended already: 第三十三条第二款 allows it once, so neither extension form is offered. */
  extended: boolean;
  agencies: Array<[string, string]>;
  /** The clock shows the case abandoned (补正 or fee period over): only then is 视为放弃 offered. */
  abandoned: boolean;
}) {
  const a = ctx.actor;
  const handle = canHandleRequests(a, r.org_path);
  const work = seesPersonalData(a, r.org_path, r.handler_id);
  const admin = canApproveExtension(a, r.org_path);
  const can = (x: RequestAction) => canTransition(r.state, x) && !(x === 'extend' && extended);
  const id = r.id;
  return (
    <section aria-labelledby="act-h">
      <h2 id="act-h">办理</h2>
      {handle && can('confirm_oral') && r.channel === 'oral' ? <OralConfirmForm id={id} csrf={csrf} /> : null}
      {handle && can('confirm') && r.channel !== 'oral' ? (
        <Act slug="confirm" id={id} csrf={csrf} title="确认收到网上申请（第三十一条）" submit="确认收到">
          <OnField label="确认日期（收到申请之日）" />
        </Act>
      ) : null}
      {handle && can('assign') && admin ? (
        <Act slug="assign" id={id} csrf={csrf} title="分派办理人" submit="分派">
          <SelectField
            name="handlerId"
            label="办理人"
            required
            value={String(r.handler_id ?? '')}
            options={handlers.map((u) => [String(u.id), u.display_name])}
            placeholder="请选择"
          />
        </Act>
      ) : null}
      {handle && can('assign') && !admin && r.handler_id === null ? (
        <form method="post" action={`/console/requests/${id}/assign`} class="actions">
          <CsrfField token={csrf} />
          <input type="hidden" name="handlerId" value={String(a.userId ?? '')} />
          <button type="submit" class="secondary">
            由我办理
          </button>
        </form>
      ) : null}
      {work && can('request_correction') ? (
        <Act
          slug="correction"
          id={id}
          csrf={csrf}
          title="补正告知（第三十条：收到申请后7个工作日内、一次性告知）"
          submit="记录补正告知"
        >
          <OnField label="告知日期" />
          <TextField name="until" label="补正期限" type="date" hint="不填为告知后15个工作日（本单位设置）。" />
          <TextArea name="items" label="需要补正的事项" required />
        </Act>
      ) : null}
      {work && can('receive_correction') ? (
        <Act
          slug="correction-received"
          id={id}
          csrf={csrf}
          title="收到补正材料（答复期限重新起算）"
          submit="记录收到补正"
        >
          <OnField label="收到日期" />
          <TextField name="note" label="备注" />
        </Act>
      ) : null}
      {work && can('close_abandoned') && abandoned ? (
        <form
          method="post"
          action={`/console/requests/${id}/close-abandoned`}
          class="actions"
          data-confirm="确定按视为放弃申请结案吗？结案后不能撤销。"
        >
          <CsrfField token={csrf} />
          <button type="submit" class="secondary">
            逾期未补正或未缴费，视为放弃申请并结案
          </button>
        </form>
      ) : null}
      {work && can('start_consultation') ? (
        <Act
          slug="consultation"
          id={id}
          csrf={csrf}
          title="书面征求意见（第三十二条、第三十四条；期间不计入答复期限）"
          submit="记录征求意见"
        >
          <OnField label="发出日期" />
          <SelectField
            name="party"
            label="征求对象"
            required
            value="third_party"
            options={Object.entries(PARTIES).map(([k, p]) => [k, `${p.label}（${p.article}）`])}
          />
          <TextField name="respondent" label="被征求意见的单位或个人" required />
        </Act>
      ) : null}
      {work && can('end_consultation') ? (
        <Act slug="consultation-end" id={id} csrf={csrf} title="征求意见结束" submit="记录结果">
          <OnField label="结束日期" />
          <SelectField
            name="reply"
            label="对方意见"
            required
            value="consent"
            options={Object.entries(CONSULTATION_REPLIES)}
          />
          <TextArea name="reasons" label="理由（不同意公开时必填）" rows={3} />
        </Act>
      ) : null}
      {work && can('fee_notice') ? (
        <Act
          slug="fee-notice"
          id={id}
          csrf={csrf}
          title="信息处理费（国办函〔2020〕109号：按件或按量，只选一种）"
          submit="计算并发出收费通知或减免"
        >
          <OnField label="通知日期" />
          <SelectField
            name="method"
            label="计费方式"
            required
            value="per_request"
            options={Object.entries(FEE_METHODS)}
          />
          <TextField name="pages" label="页数（按量计收时填写）" inputmode="numeric" />
          <SelectField
            name="waive"
            label="是否减免"
            value="0"
            options={[
              ['0', '不减免，发出收费通知（缴费期间暂停计时）'],
              ['1', '减免'],
            ]}
          />
          <TextArea name="waiverReason" label="减免理由" rows={2} />
        </Act>
      ) : null}
      {work && can('fee_paid') ? (
        <Act slug="fee-paid" id={id} csrf={csrf} title="记录缴费（次日恢复计时）" submit="记录缴费">
          <OnField label="缴费日期" />
        </Act>
      ) : null}
      {work && !admin && can('extend') && !asked ? (
        <Act
          slug="extension-request"
          id={id}
          csrf={csrf}
          title="申请延长答复期限（报负责人批准）"
          submit="提交延期申请"
        >
          <TextField name="days" label="延长工作日数" inputmode="numeric" required value="20" />
          <TextArea name="reason" label="理由" required rows={3} />
        </Act>
      ) : null}
      {asked ? (
        <p class="warning">
          办理人申请延长答复期限 {asked.days} 个工作日，理由：{asked.reason}（待负责人批准）
        </p>
      ) : null}
      {admin && can('extend') ? (
        <Act
          slug="extend"
          id={id}
          csrf={csrf}
          title="延长答复期限（第三十三条第二款：负责人同意，最长20个工作日，只能一次）"
          submit="同意延长"
        >
          <OnField label="决定日期" />
          <TextField name="days" label="延长工作日数" inputmode="numeric" required value={String(asked?.days ?? 20)} />
          <TextArea name="reason" label="理由" required rows={3} value={asked?.reason ?? ''} />
        </Act>
      ) : null}
      {admin && can('set_deadline') ? <DeadlineForm id={id} csrf={csrf} currentDue={r.due_on} /> : null}
      {r.state === 'answered' && outcomeByCode(r.outcome_code ?? '')?.provides && proactiveMode(a, r) ? (
        <Act
          slug="to-proactive"
          id={id}
          csrf={csrf}
          title="依申请转主动（第四十四条：公众普遍需要的，纳入主动公开）"
          submit={proactiveMode(a, r) === 'editor' ? '生成主动公开信息草稿' : '生成草稿并转交本机关采编人员'}
        >
          <TextField name="title" label="标题" value={r.info_title ?? ''} />
        </Act>
      ) : null}
      {work && r.state === 'processing' ? (
        <Act slug="split" id={id} csrf={csrf} title="按一事一申请拆分（每项单独计件、单独答复）" submit="拆分">
          <TextArea
            name="parts"
            label="拆分后的申请内容（每行一项，第一项保留在本申请）"
            required
            rows={4}
            value={r.info_title ?? ''}
          />
        </Act>
      ) : null}
      {mayForward(a, r) && isOpenState(r.state) ? (
        <Act slug="forward" id={id} csrf={csrf} title="转送其他机关办理（不属于本机关负责公开的）" submit="转送">
          <SelectField
            name="toOrgId"
            label="转送机关"
            required
            value=""
            placeholder="请选择"
            options={agencies.filter(([k]) => k !== String(r.org_id))}
          />
          <TextArea name="reason" label="转送理由" required rows={2} />
        </Act>
      ) : null}
      {work && r.state !== 'submitted' ? (
        <Act slug="appeal" id={id} csrf={csrf} title="登记行政复议或行政诉讼（年度报告表四）" submit="登记">
          <SelectField
            name="kind"
            label="类别"
            required
            value="reconsideration"
            options={Object.entries(APPEAL_KINDS)}
          />
          <TextField name="body" label="复议机关或受理法院" required />
          <TextField name="filedOn" label="申请复议或起诉日期" type="date" required />
          <SelectField
            name="afterReconsideration"
            label="是否复议后起诉（行政诉讼填写）"
            value="0"
            options={[
              ['0', '否（未经复议直接起诉）'],
              ['1', '是'],
            ]}
          />
          <SelectField name="result" label="结果" required value="pending" options={Object.entries(APPEAL_RESULTS)} />
          <TextField name="decidedOn" label="审结日期" type="date" hint="已审结的必填；尚未审结的不填。" />
        </Act>
      ) : null}
      {work && can('answer') ? (
        <Act slug="answer" id={id} csrf={csrf} title="作出答复（第三十六条）" submit="答复并办结">
          <OnField label="答复日期" />
          <SelectField
            name="outcome"
            label="办理结果（年度报告表三）"
            required
            value=""
            placeholder="请选择"
            options={OUTCOMES.filter((o) => o.code !== '6.1' && o.code !== '6.2').map((o) => [
              o.code,
              outcomeText(o.code),
            ])}
          />
          <TextField name="basis" label="法律依据" hint="不填则使用该办理结果的默认依据。" />
          <TextArea name="letter" label="答复书正文" required rows={8} />
          <TextArea name="withheld" label="不予公开的内容及理由（部分公开、不予公开时必填）" rows={4} />
          <TextArea
            name="outcomeReason"
            label="提供材料已作区分处理而未选“部分公开”的理由（仅在此情形填写）"
            rows={2}
          />
          <SelectField
            name="deliveryMethod"
            label="送达方式"
            value={r.delivery}
            options={Object.entries(DELIVERY_METHODS)}
          />
          <TextField name="trackingNo" label="邮寄单号（邮寄时填写）" />
        </Act>
      ) : null}
    </section>
  );
}

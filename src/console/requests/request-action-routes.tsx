/**
 * The posts of the case page's action forms (request-actions.tsx): one route per form, each with its own
 * form schema. The handler builds the request command (request-commands.schemas.ts), runs it, and shows
 * its confirmation as the flash message; a refused command shows the case page with the errors.
 *
 * Text fields the use-case requires are `Text` (empty = ''), so an empty field gets the use-case's own
 * message next to the form; select lists and numbers are checked by the schema. Either way a refused post
 * shows the case page with that form open, what was typed in it and the errors next to the fields.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  Choice,
  Form,
  IdParams,
  Int,
  OptChoice,
  OptDate,
  OptInt,
  OptText,
  Text,
  typed,
  Chosen,
} from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { postedInstance, postedValues, refusedBody, validateFormsInHandler } from '../../platform/http/form-refusal.js';
import type { Ctx } from '../../platform/context.js';
import {
  ANSWER_OUTCOMES,
  APPEAL_KIND_CODES,
  APPEAL_RESULT_CODES,
  DELIVERY_CODES,
  FEE_METHOD_CODES,
  PARTY_CODES,
  REPLY_CODES,
  SetDeadlineCommand,
  type RequestCommand,
  performRequestCommand,
  requestOutcomeText,
} from '../../requests/index.js';

const YES_NO = ['0', '1'] as const;

const ConfirmForm = Form({ on: OptDate('确认日期（收到申请之日）') });
const OralConfirmForm = Form({ on: OptDate('申请人签字日期（收到申请之日）') });
const DeadlineForm = Form({
  on: OptDate('决定日期'),
  dueOn: SetDeadlineCommand.properties.dueOn,
  reason: Text('理由'),
});
const AssignForm = Form({ handlerId: Chosen('办理人') });
const CorrectionForm = Form({ on: OptDate('告知日期'), until: OptDate('补正期限'), items: Text('需要补正的事项') });
const CorrectionReceivedForm = Form({ on: OptDate('收到日期'), note: OptText('备注') });
const ConsultationForm = Form({
  on: OptDate('发出日期'),
  party: Choice('征求对象', PARTY_CODES),
  respondent: Text('被征求意见的单位或个人'),
});
const ConsultationEndForm = Form({
  on: OptDate('结束日期'),
  reply: Choice('对方意见', REPLY_CODES),
  reasons: OptText('理由'),
});
const ExtensionRequestForm = Form({ days: Int('延长工作日数'), reason: Text('理由') });
const ExtendForm = Form({ on: OptDate('决定日期'), days: Int('延长工作日数'), reason: Text('理由') });
const FeeNoticeForm = Form({
  on: OptDate('通知日期'),
  method: Choice('计费方式', FEE_METHOD_CODES),
  pages: OptInt('页数', { minimum: 0 }),
  waive: OptChoice('是否减免', YES_NO),
  waiverReason: OptText('减免理由'),
});
const FeePaidForm = Form({ on: OptDate('缴费日期') });
const AnswerForm = Form({
  on: OptDate('答复日期'),
  outcome: Choice('办理结果', ANSWER_OUTCOMES),
  basis: OptText('法律依据'),
  letter: Text('答复书正文'),
  withheld: OptText('不予公开的内容及理由'),
  outcomeReason: OptText('提供材料已作区分处理而未选“部分公开”的理由'),
  deliveryMethod: OptChoice('送达方式', DELIVERY_CODES),
  trackingNo: OptText('邮寄单号'),
});
const ToProactiveForm = Form({ title: OptText('标题') });
/** A new 复议 or 诉讼, or (with `appealId`, from the list on the case page) the result of one. */
const AppealForm = Form({
  appealId: OptInt('复议或诉讼记录'),
  kind: OptChoice('类别', APPEAL_KIND_CODES),
  body: OptText('复议机关或受理法院'),
  filedOn: OptDate('申请复议或起诉日期'),
  afterReconsideration: OptChoice('是否复议后起诉', YES_NO),
  result: Choice('结果', APPEAL_RESULT_CODES),
  decidedOn: OptDate('审结日期'),
});
const ForwardForm = Form({ toOrgId: Chosen('转送机关'), reason: Text('转送理由') });
/** One part per line; the first stays in this request. */
const SplitForm = Form({ parts: Text('拆分后的申请内容') });

type ErrorPage = (
  req: { ctx: Ctx },
  reply: FastifyReply,
  id: number,
  errors: FieldError[],
  status: number,
  form?: { slug: string; values: Record<string, unknown> },
) => Promise<unknown>;

/**
 * The form a post came from: the last segment of its route, and what was typed. The result of an earlier
 * 复议 or 诉讼 comes from that record's own form (its `appealId`), not from the form of a new one.
 */
const postedForm = (req: FastifyRequest) => ({
  slug: (req.routeOptions.url ?? '').split('/').pop() ?? '',
  instance: postedInstance(req, 'appealId'),
  values: postedValues(req),
});

/** Console: the action forms' posts, `/console/requests/:id/<form>`. */
export async function requestActionRoutes(app: FastifyInstance, errorPage: ErrorPage): Promise<void> {
  await app.register(async (scope) => actionRoutes(scope, errorPage));
}

async function actionRoutes(app: FastifyInstance, errorPage: ErrorPage): Promise<void> {
  validateFormsInHandler(app);
  const r = typed(app);
  // A refused body (the command built from it is never run) shows the form again.
  const perform = async (req: FastifyRequest, reply: FastifyReply, id: number, command: RequestCommand) => {
    const refused = refusedBody(req);
    if (refused) return errorPage(req, reply, id, refused, 400, postedForm(req));
    try {
      const outcome = await performRequestCommand(req.ctx, id, command);
      // A forwarded case belongs to the other agency now: back to the list.
      return reply.flashRedirect(
        outcome.type === 'forward' ? '/console/requests' : `/console/requests/${id}`,
        requestOutcomeText(outcome),
      );
    } catch (e) {
      if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'conflict')) throw e;
      return errorPage(req, reply, id, e.errors, e.status, postedForm(req));
    }
  };
  const url = (form: string) => `/console/requests/:id/${form}`;

  r.post(url('confirm'), { schema: { params: IdParams, body: ConfirmForm } }, async (req, reply) =>
    perform(req, reply, req.params.id, { type: 'confirm', on: req.body.on }),
  );
  r.post(url('oral-confirm'), { schema: { params: IdParams, body: OralConfirmForm } }, async (req, reply) =>
    perform(req, reply, req.params.id, { type: 'confirm_oral', on: req.body.on }),
  );
  r.post(url('deadline'), { schema: { params: IdParams, body: DeadlineForm } }, async (req, reply) => {
    const { on, dueOn, reason } = req.body;
    return perform(req, reply, req.params.id, { type: 'set_deadline', on, dueOn, reason });
  });
  r.post(url('assign'), { schema: { params: IdParams, body: AssignForm } }, async (req, reply) =>
    perform(req, reply, req.params.id, { type: 'assign', handlerId: req.body.handlerId }),
  );
  r.post(url('correction'), { schema: { params: IdParams, body: CorrectionForm } }, async (req, reply) => {
    const { on, until, items } = req.body;
    return perform(req, reply, req.params.id, { type: 'request_correction', on, until, items });
  });
  r.post(
    url('correction-received'),
    { schema: { params: IdParams, body: CorrectionReceivedForm } },
    async (req, reply) =>
      perform(req, reply, req.params.id, { type: 'receive_correction', on: req.body.on, note: req.body.note }),
  );
  r.post(url('consultation'), { schema: { params: IdParams, body: ConsultationForm } }, async (req, reply) => {
    const { on, party, respondent } = req.body;
    return perform(req, reply, req.params.id, { type: 'start_consultation', on, party, respondent });
  });
  r.post(url('consultation-end'), { schema: { params: IdParams, body: ConsultationEndForm } }, async (req, reply) => {
    const { on, reply: answer, reasons } = req.body;
    return perform(req, reply, req.params.id, { type: 'end_consultation', on, reply: answer, reasons });
  });
  r.post(url('extension-request'), { schema: { params: IdParams, body: ExtensionRequestForm } }, async (req, reply) =>
    perform(req, reply, req.params.id, { type: 'request_extension', days: req.body.days, reason: req.body.reason }),
  );
  r.post(url('extend'), { schema: { params: IdParams, body: ExtendForm } }, async (req, reply) => {
    const { on, days, reason } = req.body;
    return perform(req, reply, req.params.id, { type: 'extend', on, days, reason });
  });
  r.post(url('fee-notice'), { schema: { params: IdParams, body: FeeNoticeForm } }, async (req, reply) => {
    const { on, method, pages, waive, waiverReason } = req.body;
    return perform(req, reply, req.params.id, {
      type: 'fee_notice',
      on,
      method,
      pages,
      waive: waive === '1',
      waiverReason,
    });
  });
  r.post(url('fee-paid'), { schema: { params: IdParams, body: FeePaidForm } }, async (req, reply) =>
    perform(req, reply, req.params.id, { type: 'fee_paid', on: req.body.on }),
  );
  r.post(url('answer'), { schema: { params: IdParams, body: AnswerForm } }, async (req, reply) => {
    const { on, outcome, basis, letter, withheld, outcomeReason, deliveryMethod, trackingNo } = req.body;
    return perform(req, reply, req.params.id, {
      type: 'answer',
      on,
      outcome,
      basis,
      letter,
      withheld,
      outcomeReason,
      deliveryMethod,
      trackingNo,
    });
  });
  r.post(url('close-abandoned'), { schema: { params: IdParams } }, async (req, reply) =>
    perform(req, reply, req.params.id, { type: 'close_abandoned' }),
  );
  r.post(url('to-proactive'), { schema: { params: IdParams, body: ToProactiveForm } }, async (req, reply) =>
    perform(req, reply, req.params.id, { type: 'to_proactive', title: req.body.title }),
  );
  r.post(url('appeal'), { schema: { params: IdParams, body: AppealForm } }, async (req, reply) => {
    const { appealId, kind, body, filedOn, afterReconsideration, result, decidedOn } = req.body;
    return perform(req, reply, req.params.id, {
      type: 'appeal',
      appealId,
      kind,
      body,
      filedOn,
      afterReconsideration: afterReconsideration === '1',
      result,
      decidedOn,
    });
  });
  r.post(url('forward'), { schema: { params: IdParams, body: ForwardForm } }, async (req, reply) =>
    perform(req, reply, req.params.id, { type: 'forward', toOrgId: req.body.toOrgId, reason: req.body.reason }),
  );
  r.post(url('split'), { schema: { params: IdParams, body: SplitForm } }, async (req, reply) =>
    perform(req, reply, req.params.id, { type: 'split', parts: req.body.parts.split(/\r?\n/) }),
  );
}

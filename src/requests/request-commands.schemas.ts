/**
 * Staff actions on a case as commands: one TypeBox schema per command (the JSON the API accepts and its
 * OpenAPI description), `RequestCommandSchema` their union, and `RequestCommand` its type. Each command
 * carries exactly the fields its use-case reads (perform-action.ts maps `type` to the use-case). The rules
 * of 条例 (ranges, conditional requirements, state) stay in the use-cases; the schemas give types, required
 * fields and the allowed values.
 */
import type { TProperties } from '@sinclair/typebox';
import { Choice, JsonInt, OptChoice, OptDate, OptJsonInt, Type, type Static } from '../platform/http/schemas.js';
import { OUTCOMES } from './outcomes.rules.js';
import { FEE_METHODS, type FeeMethod } from './fees.rules.js';
import { DELIVERY_METHODS } from './applicant.rules.js';
import { PARTIES } from './clock/clock-explain.rules.js';
import type { ConsultationParty } from './clock/clock.types.js';
import { CONSULTATION_REPLIES } from './consultation.rules.js';
import { APPEAL_KINDS, APPEAL_RESULTS } from './appeals.rules.js';
import { MAX_EXTENSION_DAYS } from './clock/clock-input.rules.js';

const keys = <K extends string>(m: Readonly<Record<K, unknown>>): K[] => Object.keys(m) as K[];

/** Outcomes staff may choose when answering (六.1 and 六.2 are closed by the clock, close-abandoned.ts). */
export const ANSWER_OUTCOMES: readonly string[] = OUTCOMES.filter((o) => o.code !== '6.1' && o.code !== '6.2').map(
  (o) => o.code,
);
export const FEE_METHOD_CODES: readonly FeeMethod[] = keys(FEE_METHODS);
export const PARTY_CODES: readonly ConsultationParty[] = keys(PARTIES);
export const REPLY_CODES = keys(CONSULTATION_REPLIES);
export const APPEAL_KIND_CODES = keys(APPEAL_KINDS);
export const APPEAL_RESULT_CODES = keys(APPEAL_RESULTS);
export const DELIVERY_CODES = keys(DELIVERY_METHODS);

/** A required, non-empty text. */
const Required = (title: string, o: { maxLength?: number; description?: string } = {}) =>
  Type.String({ title, minLength: 1, ...o });
/** An optional text. */
const Optional = (title: string, o: { maxLength?: number; description?: string } = {}) =>
  Type.Optional(Type.String({ title, ...o }));
/** The day the action happened (YYYY-MM-DD); today when absent. */
const On = (title = '日期') =>
  Type.Optional(Type.String({ title, format: 'date', description: '日期 YYYY-MM-DD，不填为今天' }));
const Command = <T extends string, P extends TProperties>(type: T, title: string, props: P) =>
  Type.Object({ type: Type.Literal(type, { title: '操作' }), ...props }, { title });

export const ConfirmCommand = Command('confirm', '确认收到网上申请（第三十一条）', { on: On('确认日期') });
export const ConfirmOralCommand = Command('confirm_oral', '记录申请人已签字确认口头申请（第二十九条）', {
  on: On('申请人签字日期'),
});
export const SetDeadlineCommand = Command('set_deadline', '确定延迟答复期限（第三十五条）', {
  on: On('决定日期'),
  dueOn: Type.String({ title: '确定的答复期限', format: 'date', description: '第三十五条确定的答复期限 YYYY-MM-DD' }),
  reason: Required('理由', { maxLength: 500 }),
});
export const AssignCommand = Command('assign', '分派办理人', { handlerId: JsonInt('办理人') });
export const RequestCorrectionCommand = Command('request_correction', '补正告知（第三十条）', {
  on: On('告知日期'),
  until: Type.Optional(
    Type.String({ title: '补正期限', format: 'date', description: '不填为告知后15个工作日（本单位设置）' }),
  ),
  items: Required('需要补正的事项'),
});
export const ReceiveCorrectionCommand = Command('receive_correction', '收到补正材料', {
  on: On('收到日期'),
  note: Optional('备注'),
});
export const StartConsultationCommand = Command('start_consultation', '书面征求意见（第三十二条、第三十四条）', {
  on: On('发出日期'),
  party: Choice('征求对象', PARTY_CODES),
  respondent: Required('被征求意见的单位或个人'),
});
export const EndConsultationCommand = Command('end_consultation', '征求意见结束', {
  on: On('结束日期'),
  reply: Choice('对方意见', REPLY_CODES),
  reasons: Optional('理由', { description: '不同意公开时必填' }),
});
export const RequestExtensionCommand = Command('request_extension', '申请延长答复期限（报负责人批准）', {
  days: JsonInt('延长工作日数', { maximum: MAX_EXTENSION_DAYS }),
  reason: Required('理由'),
});
export const ExtendCommand = Command('extend', '延长答复期限（第三十三条第二款）', {
  on: On('决定日期'),
  days: JsonInt('延长工作日数', { maximum: MAX_EXTENSION_DAYS }),
  reason: Required('理由'),
});
export const FeeNoticeCommand = Command('fee_notice', '信息处理费：收费通知或减免', {
  on: On('通知日期'),
  method: Choice('计费方式', FEE_METHOD_CODES),
  pages: OptJsonInt('页数', { minimum: 0 }),
  waive: Type.Optional(Type.Boolean({ title: '是否减免' })),
  waiverReason: Optional('减免理由', { description: '减免时必填' }),
});
export const FeePaidCommand = Command('fee_paid', '记录缴费', { on: On('缴费日期') });
export const AnswerCommand = Command('answer', '作出答复（第三十六条）', {
  on: On('答复日期'),
  outcome: Choice('办理结果', ANSWER_OUTCOMES),
  basis: Optional('法律依据', { description: '不填则使用该办理结果的默认依据' }),
  letter: Required('答复书正文'),
  withheld: Optional('不予公开的内容及理由', { description: '部分公开、不予公开时必填' }),
  outcomeReason: Optional('提供材料已作区分处理而未选“部分公开”的理由'),
  deliveryMethod: OptChoice('送达方式', DELIVERY_CODES),
  trackingNo: Optional('邮寄单号', { maxLength: 60 }),
});
export const CloseAbandonedCommand = Command('close_abandoned', '视为放弃申请并结案', {});
export const ToProactiveCommand = Command('to_proactive', '依申请转主动（第四十四条）', {
  title: Optional('标题', { description: '不填为所需信息的名称' }),
});
export const AppealCommand = Command('appeal', '登记行政复议或行政诉讼，或更新其结果', {
  appealId: Type.Optional(
    Type.Integer({
      title: '复议或诉讼记录',
      minimum: 1,
      description: '更新已登记的复议或诉讼结果时填写（此时只需 result、decidedOn）',
    }),
  ),
  kind: OptChoice('类别', APPEAL_KIND_CODES),
  body: Optional('复议机关或受理法院'),
  filedOn: OptDate('申请复议或起诉日期'),
  afterReconsideration: Type.Optional(Type.Boolean({ title: '是否复议后起诉' })),
  result: Choice('结果', APPEAL_RESULT_CODES),
  decidedOn: Type.Optional(
    Type.String({
      title: '审结日期',
      format: 'date',
      description: '已审结（result 不是 pending）时必填，不早于申请复议或起诉日期、不晚于今天；尚未审结时不填',
    }),
  ),
});
export const ForwardCommand = Command('forward', '转送其他机关办理', {
  toOrgId: JsonInt('转送机关'),
  reason: Required('转送理由'),
});
export const SplitCommand = Command('split', '按一事一申请拆分', {
  parts: Type.Array(Type.String({ minLength: 1 }), {
    title: '拆分后的申请内容',
    minItems: 2,
    maxItems: 20,
    description: '第一项保留在本申请',
  }),
});

/** Every command a staff member may send about a case (the API body). */
const AnyCommand = Type.Union(
  [
    ConfirmCommand,
    ConfirmOralCommand,
    SetDeadlineCommand,
    AssignCommand,
    RequestCorrectionCommand,
    ReceiveCorrectionCommand,
    StartConsultationCommand,
    EndConsultationCommand,
    RequestExtensionCommand,
    ExtendCommand,
    FeeNoticeCommand,
    FeePaidCommand,
    AnswerCommand,
    CloseAbandonedCommand,
    ToProactiveCommand,
    AppealCommand,
    ForwardCommand,
    SplitCommand,
  ],
  { title: '办理操作' },
);
/**
 * The same as one `oneOf` chosen by `type` (OpenAPI's discriminator; Ajv's `discriminator` option): a
 * command that fails its shape is told about its own fields only, not about the seventeen others.
 */
export const RequestCommandSchema = Type.Unsafe<Static<typeof AnyCommand>>({
  type: 'object',
  title: '办理操作',
  oneOf: AnyCommand.anyOf,
  discriminator: { propertyName: 'type' },
});

export type RequestCommand = Static<typeof AnyCommand>;
export type RequestCommandType = RequestCommand['type'];
/** The command of one type: `CommandOf<'extend'>` is `{ type: 'extend'; on?: string; days: number; reason: string }`. */
export type CommandOf<K extends RequestCommandType> = Extract<RequestCommand, { type: K }>;

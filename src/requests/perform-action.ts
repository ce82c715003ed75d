/**
 * Dispatches a staff action on a case to its use-case (shared by the console forms and the API).
 * Each use-case validates, checks the policy, runs one transaction and writes one audit event.
 */
import type { Ctx } from '../platform/context.js';
import type { RequestAction } from './request-states.rules.js';
import { confirmReceipt } from './confirm-receipt.js';
import { assignRequest } from './assign-request.js';
import { requestCorrection } from './request-correction.js';
import { receiveCorrection } from './receive-correction.js';
import { startConsultation } from './start-consultation.js';
import { endConsultation } from './end-consultation.js';
import { extendDeadline } from './extend-deadline.js';
import { answerRequest } from './answer-request.js';
import { closeAbandoned } from './close-abandoned.js';
import { sendFeeNotice } from './fee-notice.js';
import { recordPayment } from './record-payment.js';
import { requestExtension } from './request-extension.js';
import { convertToProactive } from './convert-to-proactive.js';
import { recordAppeal } from './record-appeal.js';
import { forwardRequest } from './forward-request.js';
import { splitRequest } from './split-request.js';
import { setDeadline } from './set-deadline.js';
import { confirmOralRequest } from './confirm-oral.js';

/** Fields an action may carry (strings as typed, numbers for ids and days). */
export interface ActionFields {
  on?: string;
  handlerId?: number;
  until?: string;
  items?: string;
  note?: string;
  party?: string;
  respondent?: string;
  reply?: string;
  reasons?: string;
  days?: number;
  reason?: string;
  outcome?: string;
  basis?: string;
  letter?: string;
  withheld?: string;
  outcomeReason?: string;
  method?: string;
  pages?: number;
  waive?: boolean;
  waiverReason?: string;
  deliveryMethod?: string;
  trackingNo?: string;
  title?: string;
  appealId?: number;
  kind?: string;
  body?: string;
  filedOn?: string;
  afterReconsideration?: boolean;
  result?: string;
  decidedOn?: string;
  toOrgId?: number;
  parts?: string[];
  /** 第三十五条 answer date. */
  dueOn?: string;
}

/** Staff actions reachable through `performAction` (withdraw belongs to the applicant). */
export const STAFF_ACTIONS = ['confirm', 'confirm_oral', 'set_deadline', 'assign', 'request_correction', 'receive_correction', 'start_consultation', 'end_consultation', 'request_extension', 'extend', 'fee_notice', 'fee_paid', 'answer', 'close_abandoned', 'to_proactive', 'appeal', 'forward', 'split'] as const;

/** Actions outside the state model (they do not change the case's state, except forwarding the agency). */
export type SideAction = 'request_extension' | 'to_proactive' | 'appeal' | 'forward' | 'split';

/** Runs a staff action (state-model action or side action); returns a short Chinese confirmation. */
export async function performAction(ctx: Ctx, requestId: number, action: RequestAction | SideAction, f: ActionFields): Promise<string> {
  if (action === 'split') {
    const r = await splitRequest(ctx, { requestId, parts: f.parts ?? [] });
    return `已拆分为 ${r.requestNos.length} 件：${r.requestNos.join('、')}（沿用原查询码）。`;
  }
  if (action === 'forward') {
    const r = await forwardRequest(ctx, { requestId, toOrgId: f.toOrgId, reason: f.reason ?? '' });
    return `已转送${r.orgName}办理。`;
  }
  if (action === 'appeal') {
    await recordAppeal(ctx, { requestId, appealId: f.appealId, kind: f.kind, body: f.body, filedOn: f.filedOn, afterReconsideration: f.afterReconsideration, result: f.result ?? '', decidedOn: f.decidedOn });
    return f.appealId ? '已记录复议或诉讼结果。' : '已登记复议或诉讼。';
  }
  if (action === 'to_proactive') {
    const r = await convertToProactive(ctx, { requestId, title: f.title });
    return r.handedOffTo === null
      ? `已生成主动公开信息草稿（索引号 ${r.indexNo}），请在公开目录中审核发布。`
      : `已生成主动公开信息草稿（索引号 ${r.indexNo}），并通知本机关 ${r.handedOffTo} 名信息采编人员完善后提交审核。${r.handedOffTo ? '' : '本机关尚无采编人员，请联系单位管理员。'}`;
  }
  if (action === 'request_extension') {
    await requestExtension(ctx, { requestId, days: f.days ?? NaN, reason: f.reason ?? '' });
    return '已提交延期申请，待依申请公开负责人批准。';
  }
  const on = f.on || undefined;
  switch (action) {
    case 'confirm': {
      const r = await confirmReceipt(ctx, { requestId, on });
      return `已确认收到申请，答复期限 ${r.dueOn ?? '待定'}。`;
    }
    case 'confirm_oral': {
      const r = await confirmOralRequest(ctx, { requestId, on });
      return `已记录申请人确认口头申请，答复期限 ${r.dueOn ?? '待定'}。`;
    }
    case 'set_deadline': {
      const r = await setDeadline(ctx, { requestId, on, dueOn: f.dueOn, reason: f.reason });
      return `已依第三十五条确定答复期限为 ${r.dueOn ?? '待定'}（原为 ${r.previousDueOn}）。`;
    }
    case 'assign':
      await assignRequest(ctx, { requestId, handlerId: f.handlerId });
      return '已分派办理人。';
    case 'request_correction': {
      const r = await requestCorrection(ctx, { requestId, on, until: f.until, items: f.items ?? '' });
      return `已记录补正告知，补正期限至 ${r.until}。`;
    }
    case 'receive_correction': {
      const r = await receiveCorrection(ctx, { requestId, on, note: f.note });
      return `已收到补正材料，答复期限重新计算为 ${r.dueOn ?? '待定'}。`;
    }
    case 'start_consultation': {
      const r = await startConsultation(ctx, { requestId, on, party: f.party ?? '', respondent: f.respondent ?? '' });
      return `已记录征求意见，对方应于 ${r.replyDueOn ?? '—'} 前答复；期间暂停计时。`;
    }
    case 'end_consultation': {
      const r = await endConsultation(ctx, { requestId, on, reply: f.reply ?? '', reasons: f.reasons });
      return `征求意见结束，答复期限 ${r.dueOn ?? '待定'}。`;
    }
    case 'extend': {
      const r = await extendDeadline(ctx, { requestId, on, days: f.days ?? NaN, reason: f.reason ?? '' });
      return `已延长答复期限，新期限 ${r.dueOn ?? '待定'}。`;
    }
    case 'fee_notice': {
      const r = await sendFeeNotice(ctx, { requestId, on, method: f.method ?? '', pages: f.pages, waive: f.waive, waiverReason: f.waiverReason });
      return r.waived ? `已减免信息处理费 ${r.amount} 元。` : `已发出收费通知，金额 ${r.amount} 元；缴费期间暂停计时。`;
    }
    case 'fee_paid': {
      const r = await recordPayment(ctx, { requestId, on });
      return `已记录缴费，答复期限 ${r.dueOn ?? '待定'}。`;
    }
    case 'answer': {
      const r = await answerRequest(ctx, { requestId, on, outcome: f.outcome ?? '', basis: f.basis, letter: f.letter ?? '', withheld: f.withheld, deliveryMethod: f.deliveryMethod, trackingNo: f.trackingNo, outcomeReason: f.outcomeReason });
      return r.overdue ? '已答复（超过答复期限）。' : '已答复，本案办结。';
    }
    case 'close_abandoned':
      await closeAbandoned(ctx, { requestId });
      return '申请人逾期未补正，已按视为放弃申请结案。';
    default:
      return '';
  }
}

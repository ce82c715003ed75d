/**
 * The short Chinese confirmation of a staff command, worded from what its use-case returned (the console
 * shows it as the flash message, the API returns it as `message`). The use-cases return data only.
 */
import type { RequestOutcome } from './perform-action.js';

/** "已延长答复期限，新期限 2025-11-28。" and the like. */
export function requestOutcomeText(o: RequestOutcome): string {
  switch (o.type) {
    case 'split':
      return `已拆分为 ${o.requestNos.length} 件：${o.requestNos.join('、')}（沿用原查询码）。`;
    case 'forward':
      return `已转送${o.orgName}办理。`;
    case 'appeal':
      return o.updated ? '已记录复议或诉讼结果。' : '已登记复议或诉讼。';
    case 'to_proactive':
      return o.handedOffTo === null
        ? `已生成主动公开信息草稿（索引号 ${o.indexNo}），请在公开目录中审核发布。`
        : `已生成主动公开信息草稿（索引号 ${o.indexNo}），并通知本机关 ${o.handedOffTo} 名信息采编人员完善后提交审核。${o.handedOffTo ? '' : '本机关尚无采编人员，请联系单位管理员。'}`;
    case 'request_extension':
      return '已提交延期申请，待依申请公开负责人批准。';
    case 'confirm':
      return `已确认收到申请，答复期限 ${o.dueOn ?? '待定'}。`;
    case 'confirm_oral':
      return `已记录申请人确认口头申请，答复期限 ${o.dueOn ?? '待定'}。`;
    case 'set_deadline':
      return `已依第三十五条确定答复期限为 ${o.dueOn ?? '待定'}（原为 ${o.previousDueOn}）。`;
    case 'assign':
      return '已分派办理人。';
    case 'request_correction':
      return `已记录补正告知，补正期限至 ${o.until}。`;
    case 'receive_correction':
      return `已收到补正材料，答复期限重新计算为 ${o.dueOn ?? '待定'}。`;
    case 'start_consultation':
      return `已记录征求意见，对方应于 ${o.replyDueOn ?? '—'} 前答复；期间暂停计时。`;
    case 'end_consultation':
      return `征求意见结束，答复期限 ${o.dueOn ?? '待定'}。`;
    case 'extend':
      return `已延长答复期限，新期限 ${o.dueOn ?? '待定'}。`;
    case 'fee_notice':
      return o.waived ? `已减免信息处理费 ${o.amount} 元。` : `已发出收费通知，金额 ${o.amount} 元；缴费期间暂停计时。`;
    case 'fee_paid':
      return `已记录缴费，答复期限 ${o.dueOn ?? '待定'}。`;
    case 'answer':
      return o.overdue ? '已答复（超过答复期限）。' : '已答复，本案办结。';
    case 'close_abandoned':
      return '申请人逾期未补正，已按视为放弃申请结案。';
  }
}

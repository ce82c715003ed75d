/**
 * The rows of the staff request list's export (CSV/XLSX), pure: what the list shows plus the applicant's
 * name — in clear only for cases whose personal data the reader may see (`seesPersonalData`), masked
 * otherwise. No identity numbers, addresses or telephone numbers, no 查询码.
 */
import { maskName } from '../interaction/index.js';
import { APPLICANT_TYPES } from './applicant.rules.js';
import { CHANNELS } from './clock/clock-explain.rules.js';
import { outcomeByCode } from './outcomes.rules.js';
import { stateLabel } from './request-states.rules.js';
import type { RequestWithOrg } from './requests.store.js';

/** Header of the export. */
export const REQUEST_EXPORT_HEADER = [
  '申请编号',
  '受理机关',
  '申请人类型',
  '申请人',
  '申请渠道',
  '所需信息',
  '状态',
  '收到日期',
  '答复期限日期',
  '期限暂定',
  '办理人',
  '办理结果',
  '办结日期',
] as const;

/** The table (header first); `clear(row)` says whether the reader sees the row's personal data. */
export function requestExportRows(
  rows: readonly RequestWithOrg[],
  clear: (r: RequestWithOrg) => boolean,
  provisional: (due: string) => boolean,
): string[][] {
  return [
    [...REQUEST_EXPORT_HEADER],
    ...rows.map((r) => [
      r.request_no,
      r.org_name,
      APPLICANT_TYPES[r.applicant_type as keyof typeof APPLICANT_TYPES] ?? r.applicant_type,
      clear(r) ? r.applicant_name : maskName(r.applicant_name),
      CHANNELS[r.channel as keyof typeof CHANNELS]?.short ?? r.channel,
      r.info_title ?? r.info_ref ?? r.info_description ?? '',
      stateLabel(r.state),
      r.received_on ?? '',
      r.due_on ?? '',
      r.due_on && provisional(r.due_on) ? '暂定' : '',
      r.handler_name ?? '未分派',
      r.outcome_code ? (outcomeByCode(r.outcome_code)?.label ?? r.outcome_code) : '',
      r.closed_on ?? '',
    ]),
  ];
}

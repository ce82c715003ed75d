/**
 * The confirmation sheet of an oral request (条例第二十九条): what the office wrote down, printed for the
 * applicant to check and sign. Pure; rendered as printable HTML (console) and DOCX (oral-sheet-docx.ts).
 */
import type { RequestsTable } from './requests.tables.js';
import { formatChinese } from '../platform/dates.js';
import { APPLICANT_TYPES, DELIVERY_METHODS, ID_TYPES, INFO_FORMS, ORG_APPLICANT_KINDS } from './applicant.rules.js';

/** The printed sheet. */
export interface OralSheet {
  title: string;
  requestNo: string;
  orgName: string;
  /** The recorded fields, in form order (label, value). */
  rows: Array<[string, string]>;
  recordedOn: string;
  recordedBy: string;
  statement: string;
}

/** What the sheet needs from the case (personal data in clear: only staff who may see it print the sheet). */
export type OralSheetCase = Pick<
  RequestsTable,
  | 'request_no'
  | 'applicant_type'
  | 'applicant_kind'
  | 'applicant_name'
  | 'id_type'
  | 'id_number'
  | 'legal_rep'
  | 'contact_name'
  | 'phone'
  | 'email'
  | 'address'
  | 'postcode'
  | 'info_title'
  | 'info_ref'
  | 'info_description'
  | 'info_form'
  | 'delivery'
> & { org_name: string };

const label = (m: Record<string, string>, k: string | null): string =>
  k && Object.hasOwn(m, k) ? (m[k] as string) : (k ?? '');

/** Builds the sheet from the recorded case, the day the request was made and who wrote it down. */
export function buildOralSheet(r: OralSheetCase, recordedOn: string, recordedBy: string): OralSheet {
  const rows: Array<[string, string | null]> = [
    ['受理机关', r.org_name],
    [
      '申请人类型',
      label(APPLICANT_TYPES, r.applicant_type) +
        (r.applicant_kind ? `（${label(ORG_APPLICANT_KINDS, r.applicant_kind)}）` : ''),
    ],
    ['姓名或名称', r.applicant_name],
    [label(ID_TYPES, r.id_type) || '证件号码', r.id_number],
    ['法定代表人', r.legal_rep],
    ['联系人', r.contact_name],
    ['联系电话', r.phone],
    ['电子邮箱', r.email],
    ['通信地址', r.address],
    ['邮政编码', r.postcode],
    ['所需信息的名称', r.info_title],
    ['文号或索引号', r.info_ref],
    ['所需信息的内容描述', r.info_description],
    ['信息的载体形式', label(INFO_FORMS, r.info_form)],
    ['获取信息的方式', label(DELIVERY_METHODS, r.delivery)],
  ];
  return {
    title: '政府信息公开申请（口头提出）确认单',
    requestNo: r.request_no,
    orgName: r.org_name,
    rows: rows.filter((x): x is [string, string] => x[1] !== null && x[1] !== ''),
    recordedOn,
    recordedBy,
    statement: `申请人于${formatChinese(recordedOn)}口头提出政府信息公开申请，因采用书面形式确有困难，由${r.org_name}政府信息公开工作机构依《中华人民共和国政府信息公开条例》第二十九条代为填写。以上内容经申请人核对无误。申请人签字确认之日为收到申请之日，答复期限自该日起计算。`,
  };
}

/** The lines the applicant fills in by hand when signing. */
export const SIGN_LINES = ['申请人签字：＿＿＿＿＿＿＿＿＿＿', '确认日期：＿＿＿＿年＿＿月＿＿日'] as const;

/** A download file name. */
export const oralSheetFileName = (s: OralSheet): string => `${s.requestNo}-口头申请确认单.docx`;

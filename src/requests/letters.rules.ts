/**
 * The letters of a case as structured text (pure): 补正告知书 (条例第三十条), 延期答复告知书
 * (第三十三条第二款), 信息处理费收费通知书 (国办函〔2020〕109号) and the 答复书/告知书 (第三十六条),
 * which states the remedies (第五十一条: 行政复议 within 60 days, 行政诉讼 within 6 months).
 */
import { formatChinese } from '../platform/dates.js';
import { FEE_METHODS, type FeeMethod } from './fees.rules.js';
import { outcomeText } from './outcomes.rules.js';
import { legacyTemplate, renderTemplate, type LetterTemplate } from './letter-templates.rules.js';
import { PARTIES } from './clock/clock-explain.rules.js';
import type { ConsultationParty } from './clock/clock.types.js';

/** A letter: title and paragraphs, signed by the agency on a date. */
export interface Letter {
  kind: LetterKind;
  title: string;
  requestNo: string;
  to: string;
  paragraphs: string[];
  signer: string;
  date: string;
  /** 发文字号 given when the letter was issued (letter-numbers.rules.ts); none when the agency has no pattern. */
  docNo?: string | null;
  /** 抄送机关 recorded when the letter was issued. */
  cc?: readonly string[];
}

/**
 * The ledger events that issue a letter (and take a 发文字号): 补正告知书, 延期答复告知书, 收费通知书,
 * 征求意见函 (to the respondent) and the 答复书/告知书.
 */
export const LETTER_EVENT_TYPES = [
  'correction_requested',
  'extended',
  'fee_notice_sent',
  'consultation_respondent',
  'answered',
] as const;

/** True when a ledger event issues a letter. */
export const issuesLetter = (type: string): boolean => (LETTER_EVENT_TYPES as readonly string[]).includes(type);

/** GB/T 9704-2012 7.3.7 附注 of a letter: the 申请编号 the applicant quotes, in round brackets. */
export const letterNote = (l: Pick<Letter, 'requestNo'>): string => `（申请编号：${l.requestNo}）`;

/** Letter kinds. */
export type LetterKind = 'correction' | 'extension' | 'fee' | 'answer' | 'consultation';

/** What every letter needs from the case. */
export interface LetterCase {
  requestNo: string;
  applicantName: string;
  orgName: string;
  receivedOn: string | null;
  infoWanted: string;
}

const intro = (c: LetterCase): string =>
  `本机关${c.receivedOn ? `于${formatChinese(c.receivedOn)}` : ''}收到您提出的政府信息公开申请（申请编号：${c.requestNo}），申请获取“${c.infoWanted}”。`;

/** The paragraph a letter adds when a date it states lies in a year whose holiday arrangement is not yet announced. */
export function letterProvisionalNote(years: readonly number[]): string {
  return `${years.join('、')}年法定节假日安排尚未公布，上述日期系依据《全国年节及纪念日放假办法》推算的暂定日期；国务院办公厅公布该年度节假日安排后如有调整，本机关将另行告知。`;
}

/** 补正告知书 (第三十条). */
export function correctionLetter(c: LetterCase, e: { on: string; until: string; items: string }): Letter {
  return {
    kind: 'correction',
    title: '政府信息公开申请补正告知书',
    requestNo: c.requestNo,
    to: c.applicantName,
    paragraphs: [
      intro(c),
      `经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：${e.items}`,
      `请于${formatChinese(e.until)}前提交补正材料。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
    ],
    signer: c.orgName,
    date: e.on,
  };
}

/** 延期答复告知书 (第三十三条第二款). */
export function extensionLetter(c: LetterCase, e: { on: string; days: number; dueOn: string | null }): Letter {
  return {
    kind: 'extension',
    title: '政府信息公开申请延期答复告知书',
    requestNo: c.requestNo,
    to: c.applicantName,
    paragraphs: [
      intro(c),
      `因需要更多时间处理，经本机关政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长${e.days}个工作日${e.dueOn ? `，本机关将于${formatChinese(e.dueOn)}前作出答复` : ''}。`,
    ],
    signer: c.orgName,
    date: e.on,
  };
}

/** 信息处理费收费通知书 (国办函〔2020〕109号). */
export function feeLetter(
  c: LetterCase,
  e: { on: string; method: FeeMethod; amount: number; detail: string; payBy: string | null },
): Letter {
  return {
    kind: 'fee',
    title: '政府信息公开信息处理费收费通知书',
    requestNo: c.requestNo,
    to: c.applicantName,
    paragraphs: [
      intro(c),
      `根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本申请${FEE_METHODS[e.method]}（${e.detail}），收取信息处理费${e.amount}元。`,
      `请${e.payBy ? `于${formatChinese(e.payBy)}前` : '在规定期限内'}缴纳。自发出收费通知至缴费之日的期间不计入答复期限；逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
    ],
    signer: c.orgName,
    date: e.on,
  };
}

/**
 * 答复书 (information provided) or 告知书 (other outcomes) from the template of its outcome (the
 * agency's, snapshotted when answering, or the legacy layout); the remedies paragraph is always there.
 */
export function answerLetter(
  c: LetterCase,
  e: { on: string; outcome: string; basis: string; text: string },
  template: LetterTemplate = legacyTemplate(e.outcome),
  remedies?: string,
): Letter {
  return {
    kind: 'answer',
    title: template.title,
    requestNo: c.requestNo,
    to: c.applicantName,
    paragraphs: renderTemplate(
      template,
      {
        申请人: c.applicantName,
        申请编号: c.requestNo,
        收到日期: c.receivedOn ? formatChinese(c.receivedOn) : '（未记录）',
        信息名称: c.infoWanted,
        办理结果: outcomeText(e.outcome),
        法律依据: e.basis,
        答复正文: e.text,
        答复日期: formatChinese(e.on),
        机关名称: c.orgName,
      },
      remedies,
    ),
    signer: c.orgName,
    date: e.on,
  };
}

/**
 * 征求意见函 to a third party (第三十二条) or another agency (第三十四条), with the respondent's
 * 15-working-day reply date. It never names the applicant: the respondent learns only what is asked.
 */
export function consultationLetter(
  c: LetterCase,
  e: { on: string; party: ConsultationParty; respondent: string; replyDueOn: string | null; contact: string | null },
): Letter {
  const third = e.party === 'third_party';
  const by = e.replyDueOn
    ? `请于${formatChinese(e.replyDueOn)}前（自收到本函之日起15个工作日内）`
    : '请自收到本函之日起15个工作日内';
  return {
    kind: 'consultation',
    title: third ? '政府信息公开征求第三方意见函' : '政府信息公开征求其他机关意见函',
    requestNo: c.requestNo,
    to: e.respondent,
    paragraphs: [
      `本机关于${c.receivedOn ? formatChinese(c.receivedOn) : '近日'}收到政府信息公开申请（申请编号：${c.requestNo}），申请公开“${c.infoWanted}”。`,
      third
        ? `经审查，该政府信息的公开可能损害贵方的合法权益。根据《中华人民共和国政府信息公开条例》${PARTIES.third_party.article}的规定，现书面征求贵方意见。`
        : `经审查，该政府信息涉及贵机关。根据《中华人民共和国政府信息公开条例》${PARTIES.other_agency.article}的规定，现书面征求贵机关意见。`,
      third
        ? `${by}书面提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；但本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方。`
        : `${by}书面提出意见。逾期未提出意见的，视为同意公开。`,
      ...(e.contact ? [e.contact] : []),
    ],
    signer: c.orgName,
    date: e.on,
  };
}

/**
 * The contact line of a letter from the agency's 公开指南 contact details (条例第十二条: 工作机构名称,
 * 办公地址, 联系电话): the handler (or the office) to ask; null when the guide gives nothing.
 */
export function letterContact(
  handlerName: string | null,
  org: { name: string; office_name: string | null; address: string | null; phone: string | null } | null,
): string | null {
  if (!org || (!org.address && !org.phone)) return handlerName ? `联系人：${handlerName}。` : null;
  const office = org.office_name || `${org.name}政府信息公开工作机构`;
  return (
    [
      `联系人：${handlerName ? `${handlerName}（${office}）` : office}`,
      org.address ? `联系地址：${org.address}` : '',
      org.phone ? `联系电话：${org.phone}` : '',
    ]
      .filter(Boolean)
      .join('；') + '。'
  );
}

/** A download file name: `YSQ-2025-000001-政府信息公开申请答复书.docx`. */
export const letterFileName = (l: Letter): string => `${l.requestNo}-${l.title}.docx`;

/**
 * The letters of a case as structured text (pure): 补正告知书 (条例第三十条), 延期答复告知书
 * (第三十三条第二款), 信息处理费收费通知书 (国办函〔2020〕109号) and the 答复书/告知书 (第三十六条),
 * which states the remedies (第五十一条: 行政复议 within 60 days, 行政诉讼 within 6 months).
 */
import { formatChinese } from '../platform/dates.js';
import { FEE_METHODS, type FeeMethod } from './fees.rules.js';
import { outcomeByCode } from './outcomes.rules.js';

/** A letter: title and paragraphs, signed by the agency on a date. */
export interface Letter {
  kind: LetterKind;
  title: string;
  requestNo: string;
  to: string;
  paragraphs: string[];
  signer: string;
  date: string;
}

/** Letter kinds. */
export type LetterKind = 'correction' | 'extension' | 'fee' | 'answer';

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

const REMEDIES = '如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼。';

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
export function feeLetter(c: LetterCase, e: { on: string; method: FeeMethod; amount: number; detail: string; payBy: string | null }): Letter {
  return {
    kind: 'fee',
    title: '政府信息公开信息处理费收费通知书',
    requestNo: c.requestNo,
    to: c.applicantName,
    paragraphs: [
      intro(c),
      `根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本申请按${FEE_METHODS[e.method]}（${e.detail}）收取信息处理费${e.amount}元。`,
      `请${e.payBy ? `于${formatChinese(e.payBy)}前` : '在规定期限内'}缴纳。自发出收费通知至缴费之日的期间不计入答复期限；逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
    ],
    signer: c.orgName,
    date: e.on,
  };
}

/** 答复书 (information provided) or 告知书 (other outcomes), with the remedies. */
export function answerLetter(c: LetterCase, e: { on: string; outcome: string; basis: string; text: string }): Letter {
  const o = outcomeByCode(e.outcome);
  return {
    kind: 'answer',
    title: o?.provides ? '政府信息公开申请答复书' : '政府信息公开申请告知书',
    requestNo: c.requestNo,
    to: c.applicantName,
    paragraphs: [intro(c), ...e.text.split(/\n+/).filter(Boolean), `依据：${e.basis}。`, REMEDIES],
    signer: c.orgName,
    date: e.on,
  };
}

/**
 * 行政复议 and 行政诉讼 about requests (条例第五十一条) and annual-report table 四, pure.
 * Table 四: 行政复议 | 未经复议直接起诉 | 复议后起诉, each 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计.
 */
import type { FieldError } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';

/** Kinds of appeal. */
export const APPEAL_KINDS = { reconsideration: '行政复议', litigation: '行政诉讼' } as const;
/** Results, in table 四 order. */
export const APPEAL_RESULTS = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
} as const;
/** The three groups of table 四. */
export const TABLE4_GROUPS = ['行政复议', '未经复议直接起诉', '复议后起诉'] as const;

/** An appeal kind. */
export type AppealKind = keyof typeof APPEAL_KINDS;
/** An appeal result. */
export type AppealResult = keyof typeof APPEAL_RESULTS;

/** True for a known kind. */
export const isAppealKind = (s: string): s is AppealKind => Object.hasOwn(APPEAL_KINDS, s);
/** True for a known result. */
export const isAppealResult = (s: string): s is AppealResult => Object.hasOwn(APPEAL_RESULTS, s);

/** One appeal as table 四 needs it. */
export interface AppealRecord {
  kind: AppealKind;
  /** For a suit: whether a reconsideration came first (复议后起诉). */
  afterReconsideration: boolean;
  filedOn: string;
  result: AppealResult;
}

const ORDER: readonly AppealResult[] = ['upheld', 'corrected', 'other', 'pending'];

/** The table-四 cell (0…14, group × 5 + result) an appeal is counted in for a year (appeals filed in the year), or null. */
export function table4CellOf(a: AppealRecord, year: number): number | null {
  if (Number(a.filedOn.slice(0, 4)) !== year) return null;
  const g = a.kind === 'reconsideration' ? 0 : a.afterReconsideration ? 2 : 1;
  return g * 5 + ORDER.indexOf(a.result);
}

/** Table 四 for a year (appeals filed in the year): 3 groups × 5 cells (维持, 纠正, 其他, 尚未审结, 总计). */
export function tallyTable4(appeals: readonly AppealRecord[], year: number): number[][] {
  const t = TABLE4_GROUPS.map(() => [0, 0, 0, 0, 0]);
  for (const a of appeals) {
    const i = table4CellOf(a, year);
    if (i === null) continue;
    t[Math.floor(i / 5)][i % 5]++;
    t[Math.floor(i / 5)][4]++;
  }
  return t;
}

/**
 * The dates of an appeal record, as of `today`: none in the future; a concluded one (any result but 尚未审结)
 * has its 审结日期, a pending one none; the 审结日期 is not before the 复议 or 起诉 was filed.
 */
export function appealDateErrors(
  a: { result: string; filedOn?: string; decidedOn?: string },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const future = (d: string, what: string, field: string) =>
    errors.push({ code: 'date_in_future', message: `${what} ${d} 晚于今天（${today}）。`, field });
  const filed = a.filedOn && isValidIsoDate(a.filedOn) ? a.filedOn : undefined;
  if (filed && filed > today) future(filed, '申请复议或起诉日期', 'filedOn');
  const decided = a.decidedOn;
  if (!decided) {
    if (isAppealResult(a.result) && a.result !== 'pending')
      errors.push({
        code: 'appeal_decided_on_required',
        message: '已审结的复议或诉讼请填写审结日期。',
        field: 'decidedOn',
      });
  } else if (!isValidIsoDate(decided))
    errors.push({ code: 'invalid_date', message: '审结日期应为“年-月-日”格式。', field: 'decidedOn' });
  else if (a.result === 'pending')
    errors.push({
      code: 'appeal_pending_decided',
      message: '结果为“尚未审结”时不填审结日期。',
      field: 'decidedOn',
    });
  else if (decided > today) future(decided, '审结日期', 'decidedOn');
  else if (filed && decided < filed)
    errors.push({
      code: 'appeal_decided_before_filed',
      message: `审结日期 ${decided} 早于申请复议或起诉日期 ${filed}。`,
      field: 'decidedOn',
    });
  return errors;
}

/**
 * Oral requests (条例第二十九条: “采用书面形式确有困难的，申请人可以口头提出，由受理该申请的政府信息公开
 * 工作机构代为填写政府信息公开申请”), pure. The record the office wrote becomes the applicant's application
 * only when the applicant confirms it; the confirmation day is the receipt date (derived, docs/deadlines.md §2).
 */
import type { FieldError } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';

/** How the applicant confirmed the record. */
export const ORAL_CONFIRMATION_METHODS = {
  signed_sheet: '申请人在确认单上签字',
  portal: '申请人凭申请编号和查询码在网上确认',
} as const;

/** A confirmation method key. */
export type OralConfirmationMethod = keyof typeof ORAL_CONFIRMATION_METHODS;

/**
 * Checks the confirmation date: a real date, not before the day the request was made orally (the
 * record cannot be signed before it was written) and not after today.
 */
export function checkOralConfirmationDate(on: string, recordedOn: string, today: string): FieldError | null {
  const field = 'on';
  if (!isValidIsoDate(on))
    return { code: 'invalid_date', message: '日期应为“年-月-日”格式的真实日期，例如 2025-10-30。', field };
  if (on < recordedOn)
    return {
      code: 'oral_confirmed_before_recorded',
      message: `确认日期 ${on} 早于口头提出申请之日 ${recordedOn}。`,
      field,
    };
  if (on > today) return { code: 'date_in_future', message: `日期 ${on} 晚于今天（${today}），不能预先登记。`, field };
  return null;
}

/**
 * Comment periods (意见征集) on draft decisions, pure. 《重大行政决策程序暂行条例》第十四条: the time
 * for public comment is generally not less than 30 days; the minimum is a setting
 * (`interaction.comment_min_days`). The feedback (how many comments, adopted or not and why) must
 * be published after the end; a period whose feedback is late by a set number of working days is
 * flagged (`interaction.feedback_due_days`, 20 by default — our own choice, not a rule of law).
 */
import { addWorkingDays, type WorkCalendar } from '../calendar/index.js';
import { addDays, isValidIsoDate, toDayNumber } from '../platform/dates.js';
import type { FieldError } from '../platform/errors.js';

/** Defaults of the comment-period settings. */
export const DEFAULT_COMMENT_SETTINGS = { minDays: 30, feedbackDueDays: 20 } as const;

/** How a comment was dealt with in the feedback. */
export const ADOPTION = { adopted: '采纳', partly: '部分采纳', not_adopted: '未采纳' } as const;
export type Adoption = keyof typeof ADOPTION;
export const isAdoption = (s: string): s is Adoption => Object.prototype.hasOwnProperty.call(ADOPTION, s);

/** Phase of a period on a date. */
export type PeriodPhase = 'upcoming' | 'open' | 'closed' | 'feedback_published';
export const PHASE_LABELS: Readonly<Record<PeriodPhase, string>> = {
  upcoming: '未开始',
  open: '征集中',
  closed: '已结束',
  feedback_published: '已反馈',
};

/** Validates start and end dates: real dates, end after start, at least `minDays` calendar days inclusive. */
export function validatePeriodDates(startOn: string, endOn: string, minDays: number): FieldError[] {
  const errors: FieldError[] = [];
  if (!isValidIsoDate(startOn))
    errors.push({ code: 'invalid_date', message: '开始日期应为“年-月-日”格式的真实日期。', field: 'startOn' });
  if (!isValidIsoDate(endOn))
    errors.push({ code: 'invalid_date', message: '截止日期应为“年-月-日”格式的真实日期。', field: 'endOn' });
  if (errors.length) return errors;
  const len = toDayNumber(endOn) - toDayNumber(startOn) + 1;
  const earliest = addDays(startOn, minDays - 1);
  if (len < 1) {
    errors.push({
      code: 'period_end_before_start',
      message: `截止日期 ${endOn} 早于开始日期 ${startOn}。征集期限不得少于 ${minDays} 日，最早可截止于 ${earliest}。`,
      field: 'endOn',
    });
  } else if (len < minDays) {
    errors.push({
      code: 'period_too_short',
      message: `征集期限不得少于 ${minDays} 日（当前 ${len} 日），最早可截止于 ${earliest}。`,
      field: 'endOn',
    });
  }
  return errors;
}

/** The phase of a period on `today`. */
export function periodPhase(
  p: { startOn: string; endOn: string; feedbackPublishedOn: string | null },
  today: string,
): PeriodPhase {
  if (p.feedbackPublishedOn) return 'feedback_published';
  if (today < p.startOn) return 'upcoming';
  if (today <= p.endOn) return 'open';
  return 'closed';
}

/** The last day to publish the feedback: `feedbackDueDays` working days after the end. */
export const feedbackDueOn = (cal: WorkCalendar, endOn: string, feedbackDueDays: number): string =>
  addWorkingDays(cal, endOn, feedbackDueDays);

/** True when the feedback is not published by its due date (as of `today`, or published late). */
export function feedbackLate(
  cal: WorkCalendar,
  p: { endOn: string; feedbackPublishedOn: string | null },
  feedbackDueDays: number,
  today: string,
): boolean {
  const due = feedbackDueOn(cal, p.endOn, feedbackDueDays);
  return p.feedbackPublishedOn ? p.feedbackPublishedOn > due : today > due;
}

/** Splits draft text into articles: lines starting with 第X条 begin a new article. */
export function splitArticles(text: string): Array<{ no: number; heading: string; text: string }> {
  const out: Array<{ no: number; heading: string; text: string }> = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(第[一二三四五六七八九十百零〇\d]+条)\s*(.*)$/.exec(line);
    if (m) out.push({ no: out.length + 1, heading: m[1], text: m[2] });
    else if (out.length && line.trim()) out[out.length - 1].text += `\n${line.trim()}`;
  }
  return out;
}

/**
 * The daily supervision digest, pure: which alerts apply on a day and the digest's text.
 * Items: 条例第二十六条 (20 working days from 生成日期). Request deadlines: 条例第三十三条 (20 working days, extension ≤ 20); the calendar of next year is
 * needed before the year starts (from 1 November); annual reports: 条例第四十九条 — published
 * by 31 January (reminded from 1 January).
 */
import { addDays } from '../platform/dates.js';
import type { WorkCalendar } from '../calendar/index.js';
import { disclosureDue } from '../catalog/index.js';
import { DUE_SOON_WORKING_DAYS } from '../requests/index.js';

/** Alert kinds a user can choose. */
export const ALERT_KINDS = {
  items_due: '主动公开：即将超过或已超过20个工作日仍未公开的信息',
  requests_due: `依申请公开：${DUE_SOON_WORKING_DAYS}个工作日内到期或已超期的申请`,
  messages_late: `互动交流：已超期或${DUE_SOON_WORKING_DAYS}个工作日内到期的留言`,
  tasks_overdue: '年度任务：逾期未完成的任务',
  calendar_missing: '下一年度节假日日历缺失（每年11月1日起）',
  annual_report_due: '年度报告待发布（每年1月1日至1月31日）',
} as const;
export type AlertKind = keyof typeof ALERT_KINDS;
export const ALL_ALERT_KINDS = Object.keys(ALERT_KINDS) as AlertKind[];
/** True for a known alert kind. */
export const isAlertKind = (k: string): k is AlertKind => Object.hasOwn(ALERT_KINDS, k);

/** Whether the calendar reminder applies: from 1 November while next year is not covered. */
export const calendarAlertApplies = (today: string, nextYearCovered: boolean): boolean =>
  today.slice(5) >= '11-01' && !nextYearCovered;

/** Whether the annual-report reminder applies: 1–31 January (条例第四十九条). */
export const annualReportAlertApplies = (today: string): boolean => today.slice(5, 7) === '01';

/** What was found for one person. */
export interface DigestFacts {
  /** Unpublished 主动公开 items whose 20 working days end within 3 working days or have ended. */
  itemsDue?: number;
  messagesLate?: number;
  messagesDueSoon?: number;
  requestsDueSoon: number;
  requestsOverdue: number;
  tasksOverdue: number;
  calendarMissingYear: number | null;
  annualReportYear: number | null;
}

/** The lines of a digest for the chosen kinds; empty when there is nothing to say. */
export function digestLines(f: DigestFacts, kinds: readonly AlertKind[]): string[] {
  const lines: string[] = [];
  if (kinds.includes('items_due') && f.itemsDue)
    lines.push(`主动公开：${f.itemsDue} 条信息即将超过或已超过 20 个工作日仍未公开。`);
  if (kinds.includes('requests_due') && (f.requestsDueSoon || f.requestsOverdue)) {
    lines.push(
      `依申请公开：${f.requestsOverdue} 件已超期，${f.requestsDueSoon} 件将在 ${DUE_SOON_WORKING_DAYS} 个工作日内到期。`,
    );
  }
  if (kinds.includes('messages_late') && (f.messagesLate || f.messagesDueSoon)) {
    lines.push(
      `互动交流：${f.messagesLate ?? 0} 条留言已超期未答复，${f.messagesDueSoon ?? 0} 条将在 ${DUE_SOON_WORKING_DAYS} 个工作日内到期。`,
    );
  }
  if (kinds.includes('tasks_overdue') && f.tasksOverdue) lines.push(`年度任务：${f.tasksOverdue} 项已逾期未完成。`);
  if (kinds.includes('calendar_missing') && f.calendarMissingYear !== null)
    lines.push(`${f.calendarMissingYear} 年法定节假日日历尚未导入，期限将无法计算。`);
  if (kinds.includes('annual_report_due') && f.annualReportYear !== null)
    lines.push(`请于 1 月 31 日前发布 ${f.annualReportYear} 年度政府信息公开工作年度报告（条例第四十九条）。`);
  return lines;
}

/** Parses stored kinds (JSON array); unknown kinds dropped; no row = every kind. */
export function parseKinds(stored: string | null | undefined): AlertKind[] {
  if (stored == null) return [...ALL_ALERT_KINDS];
  try {
    const v = JSON.parse(stored) as unknown;
    return Array.isArray(v)
      ? v.filter((k): k is AlertKind => typeof k === 'string' && isAlertKind(k))
      : [...ALL_ALERT_KINDS];
  } catch {
    return [...ALL_ALERT_KINDS];
  }
}

/** The latest 生成日期 whose 20-working-day limit (条例第二十六条) falls on or before `soon` (searching back from today). */
export function latestCreationDueBy(cal: WorkCalendar, today: string, soon: string): string {
  for (let d = today, i = 0; i < 90; i++, d = addDays(d, -1)) {
    try {
      if (disclosureDue(cal, d) <= soon) return d;
    } catch {
      // the calendar cannot count this day: keep searching back
    }
  }
  return addDays(today, -90);
}

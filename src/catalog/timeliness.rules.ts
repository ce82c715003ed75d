/**
 * Timeliness of proactive disclosure. 条例第二十六条: “属于主动公开范围的政府信息，应当自该政府信息
 * 形成或者变更之日起20个工作日内及时公开。” The start day is not counted (民法典第二百零一条).
 */
import { AppError } from '../platform/errors.js';
import { addWorkingDays, isProvisionalDate, workingDaysBetween, type WorkCalendar } from '../calendar/index.js';
import type { IsoDate } from '../platform/dates.js';

/** Working days allowed by 第二十六条. */
export const DISCLOSURE_WORKING_DAYS = 20;

/** Whether an item was (or will be) disclosed in time. */
export type Timeliness =
  | ({ kind: 'on_time'; due: IsoDate } & Provisional)
  | ({ kind: 'late'; due: IsoDate; days: number } & Provisional)
  | ({ kind: 'pending'; due: IsoDate; daysLeft: number } & Provisional)
  | ({ kind: 'overdue'; due: IsoDate; days: number } & Provisional)
  | { kind: 'unknown'; reason: string };

/** True when the due date lies in a year whose holidays are not yet announced (暂定). */
interface Provisional {
  provisional: boolean;
}

/** Due date: 20 working days after 生成日期 (or the date of change). */
export function disclosureDue(cal: WorkCalendar, createdOn: IsoDate): IsoDate {
  return addWorkingDays(cal, createdOn, DISCLOSURE_WORKING_DAYS);
}

/**
 * Timeliness of an item: published on or before the due date → on time; after → late by the
 * working days past due. Unpublished: days left, or overdue by N working days as of `today`.
 */
export function timeliness(
  cal: WorkCalendar,
  createdOn: IsoDate,
  publishedOn: IsoDate | null,
  today: IsoDate,
): Timeliness {
  try {
    const due = disclosureDue(cal, createdOn);
    const provisional = isProvisionalDate(cal, due);
    if (publishedOn) {
      const over = workingDaysBetween(cal, due, publishedOn);
      return publishedOn <= due || over <= 0
        ? { kind: 'on_time', due, provisional }
        : { kind: 'late', due, days: over, provisional };
    }
    const diff = workingDaysBetween(cal, today, due);
    return today <= due
      ? { kind: 'pending', due, daysLeft: Math.max(0, diff), provisional }
      : { kind: 'overdue', due, days: -diff, provisional };
  } catch (e) {
    if (e instanceof AppError) return { kind: 'unknown', reason: e.errors[0]?.message ?? e.message };
    throw e;
  }
}

/** Chinese label: 按时 / 逾期 N 个工作日 / 剩余 N 个工作日, with 暂定 when the due date is provisional. */
export function timelinessLabel(t: Timeliness): string {
  const p = t.kind !== 'unknown' && t.provisional ? '暂定，' : '';
  switch (t.kind) {
    case 'on_time':
      return p ? '按时（暂定）' : '按时';
    case 'late':
      return `逾期 ${t.days} 个工作日${p ? '（暂定）' : ''}`;
    case 'pending':
      return `剩余 ${t.daysLeft} 个工作日（${p}${t.due} 前公开）`;
    case 'overdue':
      return `已逾期 ${t.days} 个工作日（${p}应于 ${t.due} 前公开）`;
    case 'unknown':
      return `无法计算：${t.reason}`;
  }
}

/** Working days before the due date from which an unpublished item counts as “about to be late”. */
export const DUE_SOON_WORKING_DAYS = 5;

/** Which timeliness list an item belongs on: published late, unpublished past due, due soon, or none. */
export function lateBucket(
  t: Timeliness,
  soon = DUE_SOON_WORKING_DAYS,
): 'published_late' | 'overdue' | 'due_soon' | null {
  if (t.kind === 'late') return 'published_late';
  if (t.kind === 'overdue') return 'overdue';
  if (t.kind === 'pending' && t.daysLeft <= soon) return 'due_soon';
  return null;
}

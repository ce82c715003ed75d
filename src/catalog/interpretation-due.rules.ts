/**
 * The one definition of 政策文件未解读, pure: a published policy document (规章, 行政规范性文件 or an item
 * filed under the 政策文件 category) with no 政策解读 linked, published at least
 * `INTERPRETATION_DUE_WORKING_DAYS` working days before today. The console list and the supervision
 * dashboard both count with `uninterpretedPublishedBy`.
 */
import { workingDaysBetween, type WorkCalendar } from '../calendar/index.js';
import { addDays } from '../platform/dates.js';
import { INTERPRETATION_DUE_WORKING_DAYS } from './catalog-labels.rules.js';

/**
 * The latest 发布日期 that counts as 未解读 today: the last day `d` with
 * `workingDaysBetween(d, today) >= INTERPRETATION_DUE_WORKING_DAYS`. When the calendar cannot count the
 * days, today (every published document counts).
 */
export function uninterpretedPublishedBy(cal: WorkCalendar, today: string): string {
  try {
    let d = addDays(today, -1);
    for (let i = 0; i < 60; i++, d = addDays(d, -1))
      if (workingDaysBetween(cal, d, today) >= INTERPRETATION_DUE_WORKING_DAYS) return d;
    return today;
  } catch {
    return today;
  }
}

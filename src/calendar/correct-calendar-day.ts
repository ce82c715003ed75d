import type { Ctx } from '../platform/context.js';
import { invalid } from '../platform/errors.js';
import { yearMissingError } from './calendar.rules.js';
import type { YearData } from './calendar.types.js';
import { correctDay } from './calendar-edit.rules.js';
import { getYearRow } from './calendar.store.js';
import { saveCalendarYears } from './save-calendar-years.js';

/** An administrator corrects one day (a missed holiday, a wrong 调休 day); versioned, audited, deadlines recomputed. */
export async function correctCalendarDay(
  ctx: Ctx,
  input: { year?: number; date: string; working: boolean; holidayName?: string },
) {
  const year = input.year ?? Number(input.date.slice(0, 4));
  if (!Number.isInteger(year)) throw invalid('date_invalid', `日期无效：${input.date}`, 'date');
  const row = await getYearRow(ctx.db, year);
  if (!row) throw yearMissingError(year, 'year');
  const fixed = correctDay(JSON.parse(row.data) as YearData, input.date, input.working, input.holidayName);
  return saveCalendarYears(ctx, [fixed], 'edit');
}

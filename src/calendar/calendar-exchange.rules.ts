/**
 * Calendar files in and out (pure): one entry for both import formats, the export that imports back
 * unchanged, and the preview shown before an import is saved (every break, every 调休 day, and every day
 * whose status changes against the calendar in use — for a year not yet announced, against the
 * provisional arrangement).
 */
import { AppError, invalid } from '../platform/errors.js';
import { fromDayNumber, toDayNumber } from '../platform/dates.js';
import type { CalendarImportResult, YearData } from './calendar.types.js';
import { parseCalendarJson } from './calendar-import.rules.js';
import { parseCalendarIcs } from './calendar-ics.rules.js';
import { DAY_KIND_LABELS, buildCalendar, dayInfo, type DayInfo, type WorkCalendar } from './calendar.rules.js';
import { yearSummary } from './calendar-summary.rules.js';

/** Parses a calendar file: iCalendar when it holds `BEGIN:VCALENDAR`, else JSON. */
export function parseCalendarFile(text: string): CalendarImportResult {
  const t = text.replace(/^\uFEFF/, '');
  return /BEGIN:VCALENDAR/i.test(t) ? parseCalendarIcs(t) : parseCalendarJson(t);
}

/** The importable record of a year, as JSON text (`gongkai calendar export`); only announced years. */
export function exportYearJson(cal: WorkCalendar, year: number): string {
  const y = cal.data.get(year);
  if (!y) throw invalid('calendar_year_missing', `日历中没有${year}年的节假日安排。`, 'year');
  if (y.provisional) {
    throw invalid(
      'calendar_year_provisional',
      `${year}年的节假日安排尚未公布，日历中只有依法推算的暂定安排，不能导出为正式安排。`,
      'year',
    );
  }
  return `${JSON.stringify(exportRecord(y), null, 2)}\n`;
}

/** The fields of a year that an import reads back (nothing derived). */
export function exportRecord(y: YearData): YearData {
  return {
    year: y.year,
    notices: y.notices,
    holidays: y.holidays.map((h) => ({ name: h.name, offDays: [...h.offDays], makeupWorkdays: [...h.makeupWorkdays] })),
    explanations: y.explanations,
  };
}

/** One day whose status an import changes. */
export interface DayChange {
  date: string;
  before: string;
  after: string;
}

/** What an import of one year will do, for people to check before saving. */
export interface ImportPreview {
  year: number;
  /** `new`: the year replaces its provisional arrangement (or adds a year); `update`: replaces an announced year. */
  mode: 'new' | 'update';
  lines: string[];
  changes: DayChange[];
}

const describe = (d: DayInfo | null): string =>
  d ? `${DAY_KIND_LABELS[d.kind]}${d.holidayName && d.kind !== 'workday' ? `（${d.holidayName}）` : ''}` : '无数据';

/**
 * The preview of an import against the calendar in use: the year's arrangement as it will read, and each
 * day of the year (and its neighbouring December/January days) whose status differs.
 */
export function previewImport(current: WorkCalendar, years: readonly YearData[]): ImportPreview[] {
  return years.map((y) => {
    const existing = current.data.get(y.year);
    const after = buildCalendar([y]);
    const lines = yearSummary(after, y.year).lines.filter((l) => !l.startsWith('全年工作日'));
    const changes: DayChange[] = [];
    const from = toDayNumber(`${y.year}-01-01`);
    const to = toDayNumber(`${y.year}-12-31`);
    for (let n = from; n <= to; n++) {
      const date = fromDayNumber(n);
      const a = safeInfo(after, date);
      const b = safeInfo(current, date);
      if (describe(a) !== describe(b)) changes.push({ date, before: describe(b), after: describe(a) });
    }
    const label = existing?.provisional ? '暂定安排' : existing ? '现有安排' : '当前日历';
    const head = `${y.year}年：${existing && !existing.provisional ? '更正已公布的安排' : '导入正式公布的安排'}，与${label}相比有 ${changes.length} 天变化`;
    return {
      year: y.year,
      mode: existing && !existing.provisional ? 'update' : 'new',
      lines: [head, ...lines, ...changes.map((c) => `  ${c.date}：${c.before} → ${c.after}`)],
      changes,
    };
  });
}

function safeInfo(cal: WorkCalendar, date: string): DayInfo | null {
  try {
    return dayInfo(cal, date);
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}

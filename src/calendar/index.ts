/**
 * Entry module of 工作日历 (calendar): working days, holiday years (official and provisional), deadline arithmetic.
 *
 * The only door into this capability from outside it (console, portal, api, cli, app and the other
 * capabilities): its use-cases, named read queries, rules and input schemas. Everything else in this
 * folder is internal; `npm run lint` enforces it (no-restricted-imports in eslint.config.js).
 */
export { exportRecord, exportYearJson, parseCalendarFile, previewImport } from './calendar-exchange.rules.js';
export type { ImportPreview } from './calendar-exchange.rules.js';
export { parseCalendarJson } from './calendar-import.rules.js';
export { calendarListeners, onCalendarChange } from './calendar-listeners.js';
export type { CalendarChange, CalendarListener } from './calendar-listeners.js';
export { yearSummary } from './calendar-summary.rules.js';
export { calendarChanges, calendarVersions } from './calendar-versions.js';
export {
  addWorkingDays,
  addWorkingDaysIndex,
  coversYear,
  dateAt,
  dayIndex,
  dayInfo,
  describeIndexRange,
  isAnnouncedYear,
  isProvisionalDate,
  isWorkingDay,
  isWorkingIndex,
  workingDaysBetween,
  workingDaysBetweenIndex,
} from './calendar.rules.js';
export type { WorkCalendar } from './calendar.rules.js';
export { correctCalendarDay } from './correct-calendar-day.js';
export { getCalendar } from './get-calendar.js';
export { provisionalNote, provisionalNoteFor, provisionalYears } from './provisional-year.rules.js';
export { saveCalendarYears, seedOfficialCalendar } from './save-calendar-years.js';

/**
 * Entry module of 年度报告 (reports): annual report tables, figures from the year's rows, workflow, check and exports.
 *
 * The only door into this capability from outside it (console, portal, api, cli, app and the other
 * capabilities): its use-cases, named read queries, rules and input schemas. Everything else in this
 * folder is internal; `npm run lint` enforces it (no-restricted-imports in eslint.config.js).
 */
export { catalogReportSource, fromCatalogTable2 } from './catalog-source.js';
export { checkUploads } from './checker/check-batch.js';
export { resultsCsv, resultsXlsx } from './checker/check-export.js';
export { checkReportBytes } from './checker/check-report.js';
export type { CheckResult } from './checker/check-report.js';
export { readLegacyStats } from './checker/read-legacy.js';
export { VERDICT_NAMES } from './checker/verdict.rules.js';
export type { Verdict } from './checker/verdict.rules.js';
export { createReport, formatForYear } from './create-report.js';
export { checkIdentities } from './identities.rules.js';
export { INDICATORS, indicatorsOf } from './indicators.rules.js';
export { jurisdictionSummary } from './jurisdiction-summary.js';
export {
  LEGACY_FIGURES,
  LEGACY_FORMAT_NAME,
  LEGACY_ROWS,
  LEGACY_TITLE,
  legacyField,
  legacyIndicators,
} from './legacy-stats.rules.js';
export type { LegacyValues } from './legacy-stats.rules.js';
export { rowLegacyValues } from './legacy-stats.store.js';
export { publishedReport, publishedReports, publishedReportTables } from './public-reports.js';
export { publishReport } from './publish-report.js';
export { reportCli } from './report-cli.js';
export { reportStatuses } from './report-figures.js';
// ./report-files.js loads a heavy library: its functions are loaded on first use.
export const reportFile: (typeof import('./report-files.js'))['reportFile'] = async (...args) =>
  (await import('./report-files.js')).reportFile(...args);
export { emptyTables, FORMAT_NAMES } from './report-format.rules.js';
export type { ReportFormat, ReportTables } from './report-format.rules.js';
export {
  legacyStatsOf,
  legacyStatsYears,
  previousYearReport,
  reportById,
  reportForStaff,
  reportsWithin,
} from './report-queries.js';
export { computeTables, recordsForCell, registerReportSource, reportSources } from './report-source.js';
export type { CellRecords, EnteredCell, ReportOrg, ReportSource } from './report-source.js';
export { reportTitle } from './report-title.rules.js';
export {
  actionAllowed,
  deadlineBasis,
  isLate,
  isReportStatus,
  REPORT_EDIT_ROLES,
  REPORT_REVIEW_ROLES,
  REPORT_SOURCE,
  REPORT_STATUS,
  REPORT_VIEW_ROLES,
  reportDeadline,
  statusAfter,
  yearNotEnded,
} from './report-workflow.rules.js';
export type { ReportAction, ReportSourceKind, ReportStatus } from './report-workflow.rules.js';
export { rowTables } from './reports.store.js';
export type { ReportListRow } from './reports.store.js';
export { fromRequestStatistics, requestCellOf, requestsReportSource } from './requests-source.js';
export { reviewReport } from './review-report.js';
export { saveLegacyStats } from './save-legacy-stats.js';
export { seedDemoReports } from './seed-demo-reports.js';
export { submitReport } from './submit-report.js';
export { reportLayouts } from './table-layout.js';
export { parseTablesInput, reportCellOf } from './tables-input.rules.js';
export { updateReport } from './update-report.js';
export { HistoryChart } from './views/history-chart.js';
export { ReportTablesView } from './views/report-tables-view.js';
export { violationField } from './violation-field.rules.js';

/**
 * Entry module of 监督 (supervision): the supervising office's dashboard, tasks, website checks and digests.
 *
 * The only door into this capability from outside it (console, portal, api, cli, app and the other
 * capabilities): its use-cases, named read queries, rules and input schemas. Everything else in this
 * folder is internal; `npm run lint` enforces it (no-restricted-imports in eslint.config.js).
 */
export { alertPrefsOf } from './alert-prefs.js';
export { ALERT_KINDS } from './alerts.rules.js';
export type { AlertKind } from './alerts.rules.js';
export { buildDashboard, computeFigures, DASHBOARD_ROLES, defaultPeriod } from './build-dashboard.js';
export type { Dashboard } from './build-dashboard.js';
export { createTask } from './create-task.js';
export { sendDailyDigest } from './daily-digest.js';
// ./dashboard-xlsx.js loads a heavy library: its functions are loaded on first use.
export const dashboardXlsx: (typeof import('./dashboard-xlsx.js'))['dashboardXlsx'] = async (...args) =>
  (await import('./dashboard-xlsx.js')).dashboardXlsx(...args);
export { dashboardTable, formatFigure } from './dashboard.rules.js';
// ./import-tasks.js loads a heavy library: its functions are loaded on first use.
export const importTasks: (typeof import('./import-tasks.js'))['importTasks'] = async (...args) =>
  (await import('./import-tasks.js')).importTasks(...args);
export { publicStats } from './public-stats.js';
export type { PublicStats } from './public-stats.js';
export { quarterlyNoticeDocx } from './quarterly-notice.js';
export { reportTask } from './report-task.js';
export { reviewTask } from './review-task.js';
export { runAllSiteChecks } from './run-all-site-checks.js';
export { seedDemoSupervision } from './seed-demo-supervision.js';
export { runSiteCheck } from './run-site-check.js';
export { saveAlertPrefs } from './save-alert-prefs.js';
export { saveCheckSettings } from './save-check-settings.js';
export type { CheckSettingsForm } from './save-check-settings.js';
export { setColumnKinds } from './set-column-kinds.js';
export { readCheckSettings } from './site-check-settings.js';
export type { StoredCheck } from './site-check-settings.js';
export { agencyChecks, checkOverview } from './site-check-views.js';
export type { CheckSettings, DeductionKey } from './site-check.rules.js';
export { interactionSource } from './sources/interaction-source.js';
export { requestsSource } from './sources/requests-source.js';
export { canManageTask, canReportTask, canViewTask, taskScope } from './task-access.js';
export { taskCategoryChoices, taskPage, tasksMatching, viewTask } from './task-views.js';
export { tasksInScope } from './tasks-in-scope.js';
// ./tasks-xlsx.js loads a heavy library: its functions are loaded on first use.
export const tasksToXlsx: (typeof import('./tasks-xlsx.js'))['tasksToXlsx'] = async (...args) =>
  (await import('./tasks-xlsx.js')).tasksToXlsx(...args);
export {
  assertCanReport,
  assertCanReview,
  isTaskOverdue,
  quarterLabel,
  quarterOf,
  REPORT_STATES,
  TASK_MANAGE_ROLES,
  TASK_REPORT_ROLES,
  TASK_SORTS,
  TASK_STATES,
  TASK_VIEW_ROLES,
  taskProgress,
  taskStateLabel,
  validateReport,
  validateReturnComment,
  validateTask,
} from './tasks.rules.js';
export type { TaskFields, TaskInput, TaskProgress, TaskSort, TaskState } from './tasks.rules.js';
export {
  allTasks,
  getTask,
  listReports,
  listTasks,
  overdueTaskCount,
  taskCategories,
  taskCounts,
} from './tasks.store.js';
export type { TaskFilter, TaskReportRow, TaskRow, TaskView } from './tasks.store.js';
export { trendChart } from './trend.js';
export { updateTask } from './update-task.js';

/** Read queries of the yearly tasks for the console pages and exports (reading: no audit). */
import type { Ctx } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { canViewTask } from './task-access.js';
import {
  allTasks,
  getTask,
  listReports,
  listTasks,
  taskCategories,
  type TaskFilter,
  type TaskReportRow,
  type TaskView,
} from './tasks.store.js';

export type { TaskFilter, TaskReportRow, TaskView };

/** A page of the tasks matching the filter, with the total. */
export const taskPage = (
  ctx: Pick<Ctx, 'db'>,
  f: TaskFilter,
  page: number,
  perPage: number,
): Promise<{ rows: TaskView[]; total: number }> => listTasks(ctx.db, f, page, perPage);

/** Every task matching the filter (exports, the 季度通报). */
export const tasksMatching = (ctx: Pick<Ctx, 'db'>, f: TaskFilter): Promise<TaskView[]> => allTasks(ctx.db, f);

/** The categories of the tasks the actor may see (the list's filter). */
export const taskCategoryChoices = (
  ctx: Pick<Ctx, 'db'>,
  f: Pick<TaskFilter, 'supervisePaths' | 'reportPaths'>,
): Promise<string[]> => taskCategories(ctx.db, f);

/** A task and its reports (newest first), for an actor who may see it. */
export async function viewTask(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  id: number,
): Promise<{ task: TaskView; reports: TaskReportRow[] }> {
  const task = await getTask(ctx.db, id);
  if (!task) throw notFound('task_not_found', '任务不存在。');
  if (!canViewTask(ctx.actor, task)) throw forbidden();
  return { task, reports: await listReports(ctx.db, id) };
}

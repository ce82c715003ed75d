/** Who may do what with a task (the supervising office in its subtree; the responsible agency). */
import type { Actor, Ctx } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { rolesAllow, scopePaths } from '../orgs/index.js';
import { TASK_MANAGE_ROLES, TASK_REPORT_ROLES } from './tasks.rules.js';
import { getTask, type TaskFilter, type TaskView } from './tasks.store.js';

/** True when the actor supervises the task (its jurisdiction lies in a supervisor grant). */
export const canManageTask = (actor: Actor, t: Pick<TaskView, 'org_path'>): boolean =>
  rolesAllow(actor, TASK_MANAGE_ROLES, t.org_path);
/** True when the actor reports for the responsible agency. */
export const canReportTask = (actor: Actor, t: Pick<TaskView, 'responsible_path'>): boolean =>
  rolesAllow(actor, TASK_REPORT_ROLES, t.responsible_path);
/** True when the actor may see the task. */
export const canViewTask = (actor: Actor, t: Pick<TaskView, 'org_path' | 'responsible_path'>): boolean =>
  canManageTask(actor, t) || canReportTask(actor, t) || rolesAllow(actor, TASK_MANAGE_ROLES, t.responsible_path);

/** The visibility part of a task filter for an actor. */
export const taskScope = (actor: Actor): Pick<TaskFilter, 'supervisePaths' | 'reportPaths'> => ({
  supervisePaths: scopePaths(actor, TASK_MANAGE_ROLES),
  reportPaths: scopePaths(actor, TASK_REPORT_ROLES),
});

/** Authorize before validating (issue 16): 404 when the task is missing, 403 unless `may` allows the actor. */
export async function authorizeTaskFirst(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  id: number,
  may: (actor: Actor, t: TaskView) => boolean,
): Promise<void> {
  const task = await getTask(ctx.db, id);
  if (!task) throw notFound('task_not_found', '任务不存在。');
  if (!may(ctx.actor, task)) throw forbidden();
}

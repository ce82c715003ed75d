/** Who may do what with a task (the supervising office in its subtree; the responsible agency). */
import type { Actor } from '../platform/context.js';
import { rolesAllow, scopePaths } from '../orgs/index.js';
import { TASK_MANAGE_ROLES, TASK_REPORT_ROLES } from './tasks.rules.js';
import type { TaskFilter, TaskView } from './tasks.store.js';

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

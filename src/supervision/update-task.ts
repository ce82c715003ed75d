import type { Ctx } from '../platform/context.js';
import { conflict, forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { validateTask, type TaskInput } from './tasks.rules.js';
import { getTask, type TaskView } from './tasks.store.js';
import { authorizeTaskFirst, canManageTask } from './task-access.js';
import { checkTaskOrgs } from './create-task.js';

/** Updates a task not yet accepted (supervisor of its jurisdiction). */
export async function updateTask(ctx: Ctx, id: number, input: TaskInput): Promise<TaskView> {
  await authorizeTaskFirst(ctx, id, canManageTask);
  const { fields, errors } = validateTask(input);
  if (!fields) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const task = await getTask(trx, id);
    if (!task) throw notFound('task_not_found', '任务不存在。');
    if (!canManageTask(ctx.actor, task)) throw forbidden();
    if (task.state === 'accepted') throw conflict('task_state_conflict', '任务已验收，不能修改。');
    if (fields.year !== task.year)
      throw invalidFields([{ code: 'task_year_fixed', message: '任务的年度不能修改。', field: 'year' }]);
    await checkTaskOrgs(trx, task.org_path, fields.responsible_org_id, fields.department_org_id);
    await trx
      .updateTable('supervision_tasks')
      .set({ ...fields, updated_at: ctx.now().toISOString() })
      .where('id', '=', id)
      .execute();
    const changed = (
      ['category', 'content', 'responsible_org_id', 'department_org_id', 'deadline', 'evidence_required'] as const
    ).filter((k) => fields[k] !== task[k]);
    await writeAudit(trx, ctx, {
      action: 'supervision.task.update',
      subjectType: 'supervision_task',
      subjectId: id,
      orgId: task.org_id,
      summary: `修改 ${task.year} 年度任务 ${task.seq} 号${changed.length ? `（${changed.join('、')}）` : '（无变化）'}`,
    });
    return (await getTask(trx, id))!;
  });
}

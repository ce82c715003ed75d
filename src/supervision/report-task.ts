import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { assertCanReport, validateReport } from './tasks.rules.js';
import { getTask } from './tasks.store.js';
import { authorizeTaskFirst, canReportTask } from './task-access.js';

/** The responsible agency reports progress with evidence; the task waits for review. */
export async function reportTask(
  ctx: Ctx,
  id: number,
  input: { progress: string; links: string },
): Promise<{ reportId: number }> {
  await authorizeTaskFirst(ctx, id, canReportTask);
  const { fields, errors } = validateReport(input);
  if (!fields) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const task = await getTask(trx, id);
    if (!task) throw notFound('task_not_found', '任务不存在。');
    if (!canReportTask(ctx.actor, task)) throw forbidden();
    assertCanReport(task.state);
    const now = ctx.now().toISOString();
    const r = await trx
      .insertInto('supervision_task_reports')
      .values({
        task_id: id,
        progress: fields.progress,
        links: fields.links,
        state: 'submitted',
        review_comment: null,
        reported_by: ctx.actor.userId,
        reported_by_label: ctx.actor.label,
        reviewed_by_label: null,
        created_at: now,
        reviewed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('supervision_tasks')
      .set({ state: 'reported', updated_at: now })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'supervision.task.report',
      subjectType: 'supervision_task',
      subjectId: id,
      orgId: task.responsible_org_id,
      summary: `${task.responsible_name}报送 ${task.year} 年度任务 ${task.seq} 号进展${fields.links ? `（佐证 ${fields.links.split('\n').length} 条）` : ''}`,
    });
    return { reportId: r.id };
  });
}

import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { todayInShanghai } from '../platform/dates.js';
import { assertCanReview, validateReturnComment } from './tasks.rules.js';
import { getTask } from './tasks.store.js';
import { canManageTask } from './task-access.js';

/** The supervisor accepts (验收) or returns (退回, with a reason) the latest report of a task. */
export async function reviewTask(
  ctx: Ctx,
  id: number,
  input: { decision: 'accept' | 'return'; comment: string },
): Promise<void> {
  if (input.decision === 'return') {
    const errors = validateReturnComment(input.comment);
    if (errors.length) throw invalidFields(errors);
  }
  await tx(ctx, async (trx) => {
    const task = await getTask(trx, id);
    if (!task) throw notFound('task_not_found', '任务不存在。');
    if (!canManageTask(ctx.actor, task)) throw forbidden();
    assertCanReview(task.state);
    const now = ctx.now().toISOString();
    const report = await trx
      .selectFrom('supervision_task_reports')
      .select('id')
      .where('task_id', '=', id)
      .where('state', '=', 'submitted')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const accept = input.decision === 'accept';
    const comment = input.comment.trim() || null;
    if (report) {
      await trx
        .updateTable('supervision_task_reports')
        .set({
          state: accept ? 'accepted' : 'returned',
          review_comment: comment,
          reviewed_by_label: ctx.actor.label,
          reviewed_at: now,
        })
        .where('id', '=', report.id)
        .execute();
    }
    await trx
      .updateTable('supervision_tasks')
      .set({
        state: accept ? 'accepted' : 'returned',
        accepted_on: accept ? todayInShanghai(ctx.now()) : null,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx, {
      action: accept ? 'supervision.task.accept' : 'supervision.task.return',
      subjectType: 'supervision_task',
      subjectId: id,
      orgId: task.org_id,
      summary: `${accept ? '验收' : '退回'} ${task.year} 年度任务 ${task.seq} 号（${task.responsible_name}）${comment && !accept ? `：${comment.slice(0, 100)}` : ''}`,
    });
  });
}

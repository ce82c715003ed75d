import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { nextCounter, tx } from '../platform/tx.js';
import { getOrg, inScope, rolesAllow } from '../orgs/index.js';
import { TASK_MANAGE_ROLES, validateTask, type TaskInput } from './tasks.rules.js';
import { getTask, type TaskView } from './tasks.store.js';
import type { Db } from '../platform/db/schema.js';

/** Checks that the responsible agency (and department) lie within the jurisdiction; throws field errors otherwise. */
export async function checkTaskOrgs(
  trx: Db,
  jurisdictionPath: string,
  responsibleOrgId: number,
  departmentOrgId: number | null,
): Promise<void> {
  const resp = await getOrg(trx, responsibleOrgId);
  if (!resp || !inScope(jurisdictionPath, resp.path))
    throw invalidFields([
      { code: 'task_org_outside', message: '责任单位不在本级管辖范围内。', field: 'responsibleOrgId' },
    ]);
  if (departmentOrgId != null) {
    const dep = await getOrg(trx, departmentOrgId);
    if (!dep || !inScope(resp.path, dep.path))
      throw invalidFields([
        { code: 'task_department_outside', message: '责任科室须为责任单位的内设机构。', field: 'departmentOrgId' },
      ]);
  }
}

/** Creates a task in the supervisor's jurisdiction (任务分解表). */
export async function createTask(ctx: Ctx, input: TaskInput & { jurisdictionOrgId: number }): Promise<TaskView> {
  // Authorize before validating: the supervising office of the jurisdiction.
  const jurisdiction = await getOrg(ctx.db, input.jurisdictionOrgId);
  if (!jurisdiction) throw notFound('org_not_found', '机构不存在。');
  if (!rolesAllow(ctx.actor, TASK_MANAGE_ROLES, jurisdiction.path) && ctx.actor.kind !== 'system') throw forbidden();
  const { fields, errors } = validateTask(input);
  if (!fields) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const jur = await getOrg(trx, input.jurisdictionOrgId);
    if (!jur) throw notFound('org_not_found', '机构不存在。');
    if (!rolesAllow(ctx.actor, TASK_MANAGE_ROLES, jur.path) && ctx.actor.kind !== 'system') throw forbidden();
    await checkTaskOrgs(trx, jur.path, fields.responsible_org_id, fields.department_org_id);
    const seq = await nextCounter(trx, `supervision_task:${jur.id}:${fields.year}`);
    const now = ctx.now().toISOString();
    const row = await trx
      .insertInto('supervision_tasks')
      .values({ ...fields, org_id: jur.id, seq, state: 'open', accepted_on: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const task = (await getTask(trx, row.id))!;
    await writeAudit(trx, ctx, {
      action: 'supervision.task.create',
      subjectType: 'supervision_task',
      subjectId: task.id,
      orgId: jur.id,
      summary: `新建 ${fields.year} 年度任务 ${seq} 号「${fields.category}」，责任单位：${task.responsible_name}，时限 ${fields.deadline}`,
    });
    return task;
  });
}

import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { nextCounter, tx } from '../platform/tx.js';
import { getOrg, listOrgs, rolesAllow } from '../orgs/index.js';
import { TASK_MANAGE_ROLES } from './tasks.rules.js';
import { mapHeader, parseTaskRows } from './tasks-import.rules.js';
import { readSheet } from './tasks-xlsx.js';

/** Imports a 任务分解表 XLSX into the jurisdiction for a year; any bad row → every row's error and nothing saved. */
export async function importTasks(
  ctx: Ctx,
  input: { jurisdictionOrgId: number; year: number; data: Buffer },
): Promise<{ created: number }> {
  if (!Number.isInteger(input.year) || input.year < 2008 || input.year > 2100)
    throw invalidFields([{ code: 'task_year_invalid', message: '请填写正确的年度（如 2026）。', field: 'year' }]);
  const sheet = await readSheet(input.data);
  if (!sheet)
    throw invalidFields([
      { code: 'import_not_xlsx', message: '无法读取该文件，请上传 .xlsx 格式的任务分解表。', field: 'file' },
    ]);
  const { index, errors: headErrors } = mapHeader(sheet.header);
  if (headErrors.length) throw invalidFields(headErrors);
  return tx(ctx, async (trx) => {
    const jur = await getOrg(trx, input.jurisdictionOrgId);
    if (!jur) throw notFound('org_not_found', '机构不存在。');
    if (!rolesAllow(ctx.actor, TASK_MANAGE_ROLES, jur.path) && ctx.actor.kind !== 'system') throw forbidden();
    const orgs = await listOrgs(trx, { underPaths: [jur.path] });
    const { tasks, errors } = parseTaskRows(
      sheet.rows,
      index,
      input.year,
      orgs.map((o) => ({ id: o.id, name: o.name, shortName: o.short_name, parentId: o.parent_id })),
    );
    if (errors.length) throw invalidFields(errors);
    const now = ctx.now().toISOString();
    for (const t of tasks) {
      const seq = await nextCounter(trx, `supervision_task:${jur.id}:${t.year}`);
      await trx
        .insertInto('supervision_tasks')
        .values({ ...t, org_id: jur.id, seq, state: 'open', accepted_on: null, created_at: now, updated_at: now })
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: 'supervision.task.import',
      subjectType: 'org',
      subjectId: jur.id,
      orgId: jur.id,
      summary: `导入 ${input.year} 年度任务分解表 ${tasks.length} 项（${jur.name}）`,
    });
    return { created: tasks.length };
  });
}

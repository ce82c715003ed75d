/** Read queries: a case's departments (主办/协办科室) and an agency's answer-letter templates, each as the agency now has it. */
import type { Ctx } from '../platform/context.js';
import { loadCase, today } from './case-support.js';
import { isCoHandlingOverdue } from './departments.rules.js';
import { listCaseDepartments, type CaseDepartment } from './request-departments.store.js';
import { OUTCOMES } from './outcomes.rules.js';
import { defaultTemplate } from './letter-templates.rules.js';
import { listAgencyTemplates } from './letter-templates.store.js';

/** The departments of a case the reader may view, each with whether its internal due date has passed. */
export async function caseDepartmentList(
  ctx: Ctx,
  requestId: number,
): Promise<Array<CaseDepartment & { overdue: boolean }>> {
  const r = await loadCase(ctx.db, ctx, requestId, 'view');
  const day = today(ctx);
  return (await listCaseDepartments(ctx.db, r.id)).map((d) => ({ ...d, overdue: isCoHandlingOverdue(d, day) }));
}

/** One template per outcome: the agency's own, or the default (the caller has checked the reader may see them). */
export async function agencyTemplateList(ctx: Ctx, orgId: number) {
  const custom = await listAgencyTemplates(ctx.db, orgId);
  return OUTCOMES.map((o) => {
    const t = custom.get(o.code);
    return {
      code: o.code,
      custom: !!t,
      ...(t ? { title: t.title, body: t.body } : defaultTemplate(o.code)),
      updatedAt: t?.updated_at ?? null,
    };
  });
}

/**
 * A bulk action on cases (分派办理人, 设定主办科室), for the console list and the API. The target
 * (handler or section) must be one the actor could pick on the list; then each case runs as its own
 * use-case (own transaction, policy and audit event) and gets its own result. A case the actor may not
 * see — or that does not exist — is answered only "无权处理", so a result never tells another agency's
 * case from a missing one.
 */
import type { Ctx } from '../platform/context.js';
import { forbidden, invalid, isAppError } from '../platform/errors.js';
import { rolesAllow } from '../orgs/index.js';
import { HANDLE_ROLES, requestScopes } from './requests.policy.rules.js';
import { requestListChoices, viewableRequests } from './request-list-choices.js';
import { assignRequest } from './assign-request.js';
import { setLeadDepartment } from './set-lead-department.js';

/** Most cases one bulk action takes. */
export const BULK_MAX = 200;
export const BULK_ACTIONS = { assign: '分派办理人', lead: '设定主办科室' } as const;
export type BulkAction = keyof typeof BULK_ACTIONS;
export const NOT_YOURS = '无权处理';

export interface BulkResult {
  id: number;
  /** Null for a case the actor may not see. */
  requestNo: string | null;
  orgName: string | null;
  ok: boolean;
  message: string;
}

/** The target's name if the actor may pick it for this action (else null). */
export async function bulkTargetName(ctx: Ctx, action: BulkAction, targetId: number): Promise<string | null> {
  const choices = await requestListChoices(ctx, requestScopes(ctx.actor));
  return (action === 'assign' ? choices.handlers : choices.sections).find((c) => c.id === targetId)?.name ?? null;
}

/** What the action does, in the results' words (e.g. "分派给 张三"). */
export const bulkVerb = (action: BulkAction, target: string): string =>
  action === 'assign' ? `分派给 ${target}` : `主办科室设为 ${target}`;

/** Runs the action on every case; returns one result per distinct id, in the order given. */
export async function bulkRequestAction(
  ctx: Ctx,
  input: { action: BulkAction; ids: readonly number[]; targetId: number },
): Promise<{ target: string; results: BulkResult[] }> {
  if (ctx.actor.kind !== 'user' || !rolesAllow(ctx.actor, HANDLE_ROLES)) throw forbidden();
  const ids = [...new Set(input.ids)];
  if (!ids.length) throw invalid('bulk_empty', '请先选择要处理的申请。', 'ids');
  if (ids.length > BULK_MAX) throw invalid('bulk_too_many', `一次最多批量处理 ${BULK_MAX} 件申请，请缩小范围。`, 'ids');
  const target = await bulkTargetName(ctx, input.action, input.targetId);
  if (!target)
    throw input.action === 'assign'
      ? invalid('handler_invalid', '请选择您管辖范围内的办理人。', 'handlerId')
      : invalid('department_invalid', '请选择您管辖范围内的主办科室。', 'departmentId');
  const visible = new Map((await viewableRequests(ctx, ids)).map((r) => [r.id, r]));
  const verb = bulkVerb(input.action, target);
  const results: BulkResult[] = [];
  for (const id of ids) {
    const r = visible.get(id);
    if (!r) {
      results.push({ id, requestNo: null, orgName: null, ok: false, message: NOT_YOURS });
      continue;
    }
    const row = { id, requestNo: r.request_no, orgName: r.org_name };
    try {
      if (input.action === 'assign') await assignRequest(ctx, { requestId: id, handlerId: input.targetId });
      else await setLeadDepartment(ctx, { requestId: id, orgId: input.targetId });
      results.push({ ...row, ok: true, message: `已${verb}` });
    } catch (e) {
      if (!isAppError(e)) throw e;
      results.push({ ...row, ok: false, message: e.errors.map((x) => x.message).join(' ') || e.code });
    }
  }
  return { target, results };
}

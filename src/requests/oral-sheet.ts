import type { Ctx } from '../platform/context.js';
import { conflict, forbidden } from '../platform/errors.js';
import { loadCase } from './case-support.js';
import { buildOralSheet, type OralSheet } from './oral-sheet.rules.js';
import { canHandleRequests, seesPersonalData } from './requests.policy.rules.js';
import { listRequestEvents } from './requests.store.js';
import { getUser } from '../orgs/index.js';

/**
 * The confirmation sheet of an oral request, with the applicant's data in clear (they check and sign it).
 * Printed by the case's handler, the agency's request administrators, or — while it waits for the
 * applicant — the staff member who wrote it down (named on the sheet by their real name). Reading: no audit.
 */
export async function oralSheet(ctx: Ctx, requestId: number): Promise<OralSheet> {
  const r = await loadCase(ctx.db, ctx, requestId, 'view');
  if (r.channel !== 'oral') throw conflict('not_oral_request', '只有口头提出的申请有确认单。');
  const recorded = (await listRequestEvents(ctx.db, r.id)).find((e) => e.type === 'oral_recorded');
  const a = ctx.actor;
  const registrant =
    r.state === 'submitted' &&
    recorded?.actor_id != null &&
    recorded.actor_id === a.userId &&
    canHandleRequests(a, r.org_path);
  if (!registrant && !seesPersonalData(a, r.org_path, r.handler_id)) {
    throw forbidden(
      'request_forbidden',
      '确认单含有申请人个人信息，只有代为填写的工作人员、本案办理人或依申请公开负责人可以打印。',
    );
  }
  // The sheet names the staff member who wrote it down by their real name, not their login.
  const staff = recorded?.actor_id != null ? await getUser(ctx.db, recorded.actor_id) : undefined;
  return buildOralSheet(
    r,
    recorded?.event_on ?? r.submitted_at.slice(0, 10),
    staff?.display_name || recorded?.actor_label || '',
  );
}

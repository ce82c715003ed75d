import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { conflict, invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { CHANNELS } from './clock/clock-explain.rules.js';
import { transition } from './request-states.rules.js';
import {
  ORAL_CONFIRMATION_METHODS,
  checkOralConfirmationDate,
  type OralConfirmationMethod,
} from './oral-request.rules.js';
import { appendEvent, loadCase, recomputeDue } from './case-support.js';
import { listRequestEvents, updateRequest, type RequestWithOrg } from './requests.store.js';

/** The day the oral request was made (its `oral_recorded` event). */
async function recordedOn(db: Db, r: RequestWithOrg): Promise<string> {
  return (
    (await listRequestEvents(db, r.id)).find((e) => e.type === 'oral_recorded')?.event_on ?? r.submitted_at.slice(0, 10)
  );
}

/**
 * Completes an oral request once the applicant confirmed the record (inside the caller's transaction):
 * the confirmation day becomes the receipt date and starts the clock. Shared by the staff and the
 * applicant's confirmation; the caller writes the audit event.
 */
export async function completeOralConfirmation(
  trx: Db,
  ctx: Ctx,
  r: RequestWithOrg,
  on: string,
  method: OralConfirmationMethod,
): Promise<{ dueOn: string | null }> {
  if (r.channel !== 'oral') throw conflict('not_oral_request', '只有口头提出的申请需要申请人确认记录内容。');
  const state = transition(r.state, 'confirm_oral');
  const problem = checkOralConfirmationDate(on, await recordedOn(trx, r), today(ctx));
  if (problem) throw invalidFields([problem]);
  await updateRequest(trx, r.id, { received_on: on, state });
  await appendEvent(trx, ctx, r.id, { type: 'oral_confirmed', on, payload: { method } });
  await appendEvent(trx, ctx, r.id, {
    type: 'received',
    on,
    payload: { channel: 'oral', rule: CHANNELS.oral.receiptRule },
  });
  const { dueOn } = await recomputeDue(trx, ctx, { ...r, received_on: on, state });
  await updateRequest(trx, r.id, { due_on: dueOn, updated_at: ctx.now().toISOString() });
  return { dueOn };
}

/**
 * Staff record that the applicant signed the printed confirmation sheet of an oral request
 * (条例第二十九条), on the date written next to the signature. That date is the receipt date.
 */
export async function confirmOralRequest(
  ctx: Ctx,
  input: { requestId: number; on?: string },
): Promise<{ dueOn: string | null }> {
  const on = (input.on ?? '').trim() || today(ctx);
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'handle');
    const { dueOn } = await completeOralConfirmation(trx, ctx, r, on, 'signed_sheet');
    await writeAudit(trx, ctx, {
      action: 'request.oral_confirm',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `记录口头申请 ${r.request_no} 经${ORAL_CONFIRMATION_METHODS.signed_sheet}（${on}，收到申请之日），答复期限 ${dueOn ?? '待定'}`,
    });
    return { dueOn };
  });
}

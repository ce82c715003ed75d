import type { Ctx } from '../platform/context.js';
import { invalidFields, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isOutcomeCode, outcomeByCode, outcomeText } from './outcomes.rules.js';
import { DELIVERY_METHODS } from './applicant.rules.js';
import { transition } from './request-states.rules.js';
import { appendEvent, eventDateInto, loadCase, recomputeDue } from './case-support.js';
import { updateRequest } from './requests.store.js';
import { templateInForce } from './letter-templates.store.js';
import { listReleaseDocuments } from './release/release.store.js';
import { checkReleaseOutcome, releaseListText } from './release/release.rules.js';

/** Input of an answer. */
export interface AnswerInput {
  requestId: number;
  on?: string;
  outcome: string;
  basis?: string;
  letter: string;
  /** 第三十七条: for partial disclosure, what was withheld and why. */
  withheld?: string;
  /** How the answer is delivered (默认 the applicant's chosen way) and the tracking number for post. */
  deliveryMethod?: string;
  trackingNo?: string;
  /** Why a case whose release package has redactions is not answered 部分公开 (release.rules: checkReleaseOutcome). */
  outcomeReason?: string;
}

/**
 * Answers the request (条例第三十六条): one of the 25 outcome rows of table 三, its legal basis and
 * the letter text; partial disclosure (第三十七条) and refusals state the reasons. The case closes.
 */
export async function answerRequest(ctx: Ctx, input: AnswerInput): Promise<{ dueOn: string | null; overdue: boolean }> {
  await loadCase(ctx.db, ctx, input.requestId, 'work'); // authorize before validating the fields
  const errors: FieldError[] = [];
  const on = eventDateInto(errors, ctx, input.on);
  const code = (input.outcome ?? '').trim();
  if (!isOutcomeCode(code))
    errors.push({
      code: 'outcome_invalid',
      message: '请选择答复结果（年度报告表三的办理结果之一）。',
      field: 'outcome',
    });
  else if (code === '6.1' || code === '6.2')
    errors.push({
      code: 'outcome_not_answer',
      message: '逾期不补正、逾期不缴费的情形由系统依计时结果结案，不能作为答复选择。',
      field: 'outcome',
    });
  const letter = (input.letter ?? '').trim();
  if (!letter) errors.push({ code: 'letter_required', message: '请填写答复书正文。', field: 'letter' });
  const withheld = (input.withheld ?? '').trim();
  if ((code === '2' || code.startsWith('3.')) && !withheld) {
    errors.push({
      code: 'reasons_required',
      message: '部分公开或不予公开的，应写明不予公开的内容及理由（第三十六条第（三）项、第三十七条）。',
      field: 'withheld',
    });
  }
  const deliveryMethod = (input.deliveryMethod ?? '').trim();
  if (deliveryMethod && !Object.hasOwn(DELIVERY_METHODS, deliveryMethod))
    errors.push({ code: 'delivery_invalid', message: '请选择送达方式。', field: 'deliveryMethod' });
  const trackingNo = (input.trackingNo ?? '').trim().slice(0, 60);
  if (errors.length) throw invalidFields(errors);
  const basis = (input.basis ?? '').trim() || outcomeByCode(code)!.basis;
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    const state = transition(r.state, 'answer');
    const released = await listReleaseDocuments(trx, r.id);
    const outcomeReason = (input.outcomeReason ?? '').trim().slice(0, 500);
    const releaseErrors = checkReleaseOutcome(code, released, outcomeReason);
    if (releaseErrors.length) throw invalidFields(releaseErrors);
    // The letter keeps the template in force when it was sent, whatever is edited later.
    const { title, body } = await templateInForce(trx, r.org_id, code);
    await appendEvent(trx, ctx, r.id, {
      type: 'answered',
      on,
      payload: {
        outcome: code,
        delivery: deliveryMethod || r.delivery,
        trackingNo,
        template: { title, body },
        ...(outcomeReason ? { outcomeReason } : {}),
      },
    });
    const { clock } = await recomputeDue(trx, ctx, r);
    const dueOn = clock.result?.dueOn ?? r.due_on;
    const text = [withheld ? `${letter}\n\n不予公开的内容及理由：${withheld}` : letter, releaseListText(released)]
      .filter(Boolean)
      .join('\n\n');
    await updateRequest(trx, r.id, {
      state,
      due_on: dueOn,
      outcome_code: code,
      outcome_basis: basis,
      answer_text: text,
      closed_on: on,
      updated_at: ctx.now().toISOString(),
    });
    const overdue = clock.result?.overdue ?? false;
    await writeAudit(trx, ctx, {
      action: 'request.answer',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 于 ${on} 作出答复：${outcomeText(code)}${overdue ? '（超过答复期限）' : ''}`,
    });
    return { dueOn, overdue };
  });
}

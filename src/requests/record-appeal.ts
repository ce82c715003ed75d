import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { conflict, invalidFields, type FieldError } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { APPEAL_KINDS, APPEAL_RESULTS, appealDateErrors, isAppealKind, isAppealResult } from './appeals.rules.js';
import { appendEvent, loadCase } from './case-support.js';
import { findAppealEvent } from './requests.store.js';

/** Input of an appeal record (new, or the result of an existing one via `appealId`). */
export interface AppealInput {
  requestId: number;
  appealId?: number;
  kind?: string;
  body?: string;
  filedOn?: string;
  afterReconsideration?: boolean;
  result: string;
  decidedOn?: string;
}

/**
 * Records a 行政复议 or 行政诉讼 about the case (条例第五十一条), or the later result of one, for
 * annual-report table 四. Internal history only.
 */
export async function recordAppeal(ctx: Ctx, input: AppealInput): Promise<void> {
  await loadCase(ctx.db, ctx, input.requestId, 'work'); // authorize before validating the fields
  const errors: FieldError[] = [];
  if (!isAppealResult(input.result))
    errors.push({
      code: 'appeal_result_invalid',
      message: '请选择结果：维持、纠正、其他或尚未审结。',
      field: 'result',
    });
  // A result recorded later is checked against its 复议 or 起诉 date once that record is read.
  errors.push(...appealDateErrors({ ...input, filedOn: input.appealId ? undefined : input.filedOn }, today(ctx)));
  if (!input.appealId) {
    if (!isAppealKind(input.kind ?? ''))
      errors.push({ code: 'appeal_kind_invalid', message: '请选择行政复议或行政诉讼。', field: 'kind' });
    if (!(input.body ?? '').trim())
      errors.push({ code: 'appeal_body_required', message: '请填写复议机关或受理法院。', field: 'body' });
    if (!isValidIsoDate(input.filedOn ?? ''))
      errors.push({ code: 'invalid_date', message: '请填写申请复议或起诉的日期（年-月-日）。', field: 'filedOn' });
  }
  if (errors.length) throw invalidFields(errors);
  await tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    if (r.state === 'submitted') throw conflict('request_state_conflict', '尚未受理的申请不能登记复议或诉讼。');
    const on = today(ctx);
    const result = input.result as keyof typeof APPEAL_RESULTS;
    if (input.appealId) {
      const ev = await findAppealEvent(trx, r.id, input.appealId);
      if (!ev) throw conflict('appeal_not_found', '没有找到该复议或诉讼记录。');
      const { filedOn } = JSON.parse(ev.payload) as { filedOn?: string };
      const late = appealDateErrors({ ...input, filedOn }, on);
      if (late.length) throw invalidFields(late);
      await appendEvent(trx, ctx, r.id, {
        type: 'appeal_result',
        on,
        payload: { appealId: ev.id, result, decidedOn: input.decidedOn ?? null },
        public: false,
      });
      await writeAudit(trx, ctx, {
        action: 'request.appeal_result',
        subjectType: 'request',
        subjectId: r.id,
        orgId: r.org_id,
        summary: `申请 ${r.request_no} 复议或诉讼结果：${APPEAL_RESULTS[result]}`,
      });
      return;
    }
    const kind = input.kind as keyof typeof APPEAL_KINDS;
    const payload = {
      kind,
      body: (input.body ?? '').trim(),
      filedOn: input.filedOn,
      afterReconsideration: kind === 'litigation' && input.afterReconsideration === true,
      result,
      decidedOn: input.decidedOn ?? null,
    };
    await appendEvent(trx, ctx, r.id, { type: 'appeal', on, payload, public: false });
    await writeAudit(trx, ctx, {
      action: 'request.appeal',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 登记${APPEAL_KINDS[kind]}（${payload.body}，${input.filedOn}${payload.afterReconsideration ? '，复议后起诉' : ''}）：${APPEAL_RESULTS[result]}`,
    });
  });
}

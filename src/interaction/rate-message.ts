import type { Ctx } from '../platform/context.js';
import { conflict, invalidFields, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isRating, nextState, RATINGS } from './message-states.rules.js';
import { ratingWindow } from './message-status.js';
import { updateMessage } from './messages.store.js';
import { appendMessageEvent } from './message-support.js';
import { findMessageByCode } from './find-message.js';

/** The citizen's rating, with the number and the 查询码. */
export interface RateMessageInput {
  messageNo: string;
  queryCode: string;
  rating?: string;
  reason?: string;
}

/** The citizen rates the reply (满意 / 基本满意 / 不满意); 不满意 needs a reason. Also within the set period after 办结. */
export async function rateMessage(ctx: Ctx, input: RateMessageInput): Promise<{ rating: string; state: string }> {
  const rating = (input.rating ?? '').trim();
  const reason = (input.reason ?? '').trim();
  const errors: FieldError[] = [];
  if (!isRating(rating))
    errors.push({ code: 'rating_required', message: '请选择评价：满意、基本满意或不满意。', field: 'rating' });
  if (rating === 'unsatisfied' && !reason)
    errors.push({ code: 'rating_reason_required', message: '选择“不满意”时请填写理由。', field: 'reason' });
  if (reason.length > 1000)
    errors.push({ code: 'rating_reason_too_long', message: '评价理由不能超过1000字。', field: 'reason' });
  if (errors.length || !isRating(rating)) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const m = await findMessageByCode(trx, input.messageNo, input.queryCode);
    // A closed message stays closed: the rating is recorded within the period after 办结.
    let state = m.state;
    if (m.state === 'closed') {
      if (!(await ratingWindow({ ...ctx, db: trx }, m)).open)
        throw conflict('rating_closed', '该留言已办结，评价期已过或已评价，不能再评价。');
    } else state = nextState(m.state, 'rate');
    await updateMessage(trx, m.id, {
      state,
      rating,
      rating_reason: reason || null,
      updated_at: ctx.now().toISOString(),
    });
    await appendMessageEvent(trx, ctx, m.id, { type: 'rated', payload: { rating } });
    await writeAudit(trx, ctx, {
      action: 'message.rate',
      subjectType: 'message',
      subjectId: m.id,
      orgId: m.org_id,
      summary: `留言人评价留言 ${m.message_no}：${RATINGS[rating]}`,
    });
    return { rating, state };
  });
}

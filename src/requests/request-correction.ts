import type { Ctx } from '../platform/context.js';
import { conflict, invalid } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { addWorkingDays } from '../calendar/index.js';
import { transition } from './request-states.rules.js';
import { appendEvent, eventDate, loadCase, recomputeDue } from './case-support.js';
import { requestCalendar } from './request-calendar.js';
import { listRequestEvents, updateRequest } from './requests.store.js';

/** Default correction period in working days (an agency setting, not law: 第三十条 says “合理的补正期限”). */
export const DEFAULT_CORRECTION_WORKING_DAYS = 15;

/**
 * 补正 (条例第三十条): one notice stating everything to correct, within 7 working days of receipt,
 * with a reasonable period. The clock stops until the corrected application arrives.
 */
export async function requestCorrection(
  ctx: Ctx,
  input: { requestId: number; on?: string; until?: string; items: string },
): Promise<{ until: string }> {
  const c = await loadCase(ctx.db, ctx, input.requestId, 'work'); // authorize before validating the fields
  const on = eventDate(ctx, input.on);
  // Checked before the default 补正期限 is counted, which needs the calendar of that year.
  if (c.received_on && on < c.received_on)
    throw invalid('event_before_received', `补正告知日期 ${on} 早于收到申请日期 ${c.received_on}。`, 'on');
  const items = (input.items ?? '').trim();
  if (!items) throw invalid('correction_items_required', '请写明需要补正的事项（第三十条：一次性告知）。', 'items');
  let until = (input.until ?? '').trim();
  if (!until) until = addWorkingDays(await requestCalendar(ctx.db), on, DEFAULT_CORRECTION_WORKING_DAYS);
  if (!isValidIsoDate(until)) throw invalid('invalid_date', '补正期限应为“年-月-日”格式的真实日期。', 'until');
  if (until <= on) throw invalid('correction_until_too_early', '补正期限应晚于补正告知日期。', 'until');
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    const state = transition(r.state, 'request_correction');
    const events = await listRequestEvents(trx, r.id);
    if (events.some((e) => e.type === 'correction_requested')) {
      throw conflict('correction_already_requested', '本申请已发出过补正告知，第三十条要求一次性告知需要补正的事项。');
    }
    await appendEvent(trx, ctx, r.id, { type: 'correction_requested', on, payload: { until, items } });
    const { clock } = await recomputeDue(trx, ctx, r);
    const late = clock.result?.warnings.find((w) => w.code === 'correction_notice_late');
    if (late) throw conflict('correction_notice_late', late.message, 'on');
    await updateRequest(trx, r.id, { state, due_on: null, updated_at: ctx.now().toISOString() });
    await writeAudit(trx, ctx, {
      action: 'request.correction_request',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 于 ${on} 发出补正告知，补正期限至 ${until}`,
    });
    return { until };
  });
}

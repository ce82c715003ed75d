import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { addWorkingDays, workingDaysBetween, type WorkCalendar, type CalendarChange } from '../calendar/index.js';
import { updateMessage } from './messages.store.js';
import { appendMessageEvent } from './message-support.js';
import { AWAITING_REPLY_STATES } from './message-states.rules.js';

/** Messages still waiting for a reply (their stored due date follows the calendar). */
const WAITING = AWAITING_REPLY_STATES;

/**
 * After a calendar import or correction, each waiting message keeps its number of working days from its
 * start (receipt, or the reopening) to its due date, counted on the new calendar. Moves are recorded on the
 * message (public: the citizen sees the new date) and audited once.
 */
export async function recomputeMessageDueDates(
  ctx: Ctx,
  cal: WorkCalendar,
  change: CalendarChange,
): Promise<{ label: string; moved: number }> {
  return tx(ctx, async (trx) => {
    const rows = await trx
      .selectFrom('messages')
      .select(['id', 'message_no', 'received_on', 'due_on', 'reopened'])
      .where('state', 'in', [...WAITING])
      .where('due_on', 'is not', null)
      .execute();
    const before = change.before ?? cal;
    const moved: string[] = [];
    for (const m of rows) {
      const start = m.reopened ? await reopenedOn(trx, m.id) : m.received_on;
      if (!start || !m.due_on || m.due_on < start) continue;
      let due: string;
      try {
        due = addWorkingDays(cal, start, workingDaysBetween(before, start, m.due_on));
      } catch {
        continue; // a date the calendar cannot count stays as it was
      }
      if (due === m.due_on) continue;
      await updateMessage(trx, m.id, { due_on: due, updated_at: ctx.now().toISOString() });
      await appendMessageEvent(trx, ctx, m.id, {
        type: 'due_recomputed',
        payload: { from: m.due_on, to: due, reason: change.reason },
      });
      moved.push(`${m.message_no} ${m.due_on}→${due}`);
    }
    if (moved.length) {
      await writeAudit(trx, ctx, {
        action: 'message.recompute',
        subjectType: 'message',
        summary: `${change.reason}，重新计算留言答复期限：${moved.length} 件变动（${moved.slice(0, 10).join('；')}）`,
      });
    }
    return { label: '留言答复期限', moved: moved.length };
  });
}

async function reopenedOn(trx: Ctx['db'], id: number): Promise<string | null> {
  const e = await trx
    .selectFrom('message_events')
    .select('event_on')
    .where('message_id', '=', id)
    .where('type', '=', 'reopened')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return e?.event_on ?? null;
}

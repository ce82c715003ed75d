/**
 * Shared steps of the request use-cases: load a case with the policy check, append an event,
 * recompute the clock (computeClock) and keep the stored due date in step.
 */
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { AppError, forbidden, invalid, isAppError, notFound, type FieldError } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';
import { computeClock } from './clock/request-clock.rules.js';
import type { ClockResult } from './clock/clock.types.js';
import { byEventName, isChannel } from './clock/clock-input.rules.js';
import { buildLedger } from './ledger.rules.js';
import { requestCalendar } from './request-calendar.js';
import { canApproveExtension, canHandleRequests, canViewRequests, seesPersonalData } from './requests.policy.rules.js';
import { getRequest, insertRequestEvent, listRequestEvents, type RequestWithOrg } from './requests.store.js';
import { issuesLetter } from './letters.rules.js';
import { issueLetter } from './letter-numbers.store.js';

/** What the actor needs on the case. */
export type CaseNeed = 'view' | 'handle' | 'work' | 'approve';

/** Loads a case and checks the policy: view (masked lists), handle (register/confirm/assign), work (the case's handler or request_admin), approve (request_admin). */
export async function loadCase(db: Db, ctx: Pick<Ctx, 'actor'>, id: number, need: CaseNeed): Promise<RequestWithOrg> {
  const r = await getRequest(db, id);
  if (!r) throw notFound('request_not_found', '申请不存在。');
  const a = ctx.actor;
  const ok =
    need === 'view'
      ? canViewRequests(a, r.org_path)
      : need === 'handle'
        ? canHandleRequests(a, r.org_path)
        : need === 'approve'
          ? canApproveExtension(a, r.org_path)
          : seesPersonalData(a, r.org_path, r.handler_id);
  // The agency that transferred (转送) the case keeps sight of its own record (read only, personal data masked).
  if (!ok && need === 'view' && (await transferredFromViewable(db, a, r.id))) return r;
  if (!ok) {
    throw forbidden(
      'request_forbidden',
      !canViewRequests(a, r.org_path)
        ? '您没有查看该机关依申请公开申请的权限。'
        : need === 'work'
          ? '只有本案办理人或本单位依申请公开负责人可以办理此申请。'
          : need === 'approve'
            ? '延长答复期限须经依申请公开负责人批准。'
            : '您没有办理依申请公开的权限。',
    );
  }
  return r;
}

/** Whether the actor may view requests of an agency that transferred this case away. */
async function transferredFromViewable(db: Db, a: Ctx['actor'], requestId: number): Promise<boolean> {
  const events = await db
    .selectFrom('request_events')
    .select('payload')
    .where('request_id', '=', requestId)
    .where('type', '=', 'forwarded')
    .execute();
  const ids = events
    .map((e) => Number((JSON.parse(e.payload) as { fromOrgId?: unknown }).fromOrgId))
    .filter((x) => Number.isInteger(x));
  if (!ids.length) return false;
  const orgs = await db.selectFrom('orgs').select('path').where('id', 'in', ids).execute();
  return orgs.some((o) => canViewRequests(a, o.path));
}

/** Today's date (Asia/Shanghai) of the context's clock. */
import { today } from '../platform/context.js';
export { today };

/** Validates an event date: a real date, not in the future (defaults to today). */
export function eventDate(ctx: Pick<Ctx, 'now'>, on: string | undefined, field = 'on'): string {
  const t = today(ctx);
  const v = (on ?? '').trim() || t;
  if (!isValidIsoDate(v)) throw invalid('invalid_date', '日期应为“年-月-日”格式的真实日期，例如 2025-10-30。', field);
  if (v > t) throw invalid('date_in_future', `日期 ${v} 晚于今天（${t}），不能预先登记。`, field);
  return v;
}

/** eventDate for forms that report every problem at once: the date's problems go into `errors` ('' then). */
export function eventDateInto(
  errors: FieldError[],
  ctx: Pick<Ctx, 'now'>,
  on: string | undefined,
  field = 'on',
): string {
  try {
    return eventDate(ctx, on, field);
  } catch (e) {
    errors.push(...(e as { errors: FieldError[] }).errors);
    return '';
  }
}

/** The clock of a case as of `asOf`, or a problem (e.g. a year without calendar data); null before receipt. */
export interface CaseClock {
  result: ClockResult | null;
  problem: FieldError | null;
}

/** Recomputes the clock from the stored ledger. Invalid sequences throw with the field mapped to the form (`on`, `days`). */
export async function caseClock(
  db: Db,
  r: Pick<RequestWithOrg, 'id' | 'received_on' | 'channel'>,
  asOf: string,
): Promise<CaseClock> {
  if (!r.received_on || !isChannel(r.channel)) return { result: null, problem: null };
  const events = await listRequestEvents(db, r.id);
  const ledger = buildLedger(r.received_on, r.channel, events);
  try {
    return {
      result: computeClock(await requestCalendar(db), ledger, asOf < r.received_on ? r.received_on : asOf),
      problem: null,
    };
  } catch (e) {
    if (isAppError(e) && e.code === 'calendar_year_missing') return { result: null, problem: e.errors[0] };
    if (isAppError(e))
      throw new AppError(
        e.kind,
        e.errors.map((x) => ({ ...x, field: mapField(x.field), message: byEventName(x.message) })),
      );
    throw e;
  }
}

const mapField = (f: string | undefined): string | undefined => {
  if (!f) return undefined;
  const m = /^events\[\d+\]\.(\w+)$/.exec(f);
  if (m) return m[1] === 'type' ? undefined : m[1];
  return f === 'received.on' ? 'receivedOn' : f;
};

/** Appends an event to the case's ledger, recorded by the context's actor. */
export async function appendEvent(
  trx: Db,
  ctx: Pick<Ctx, 'actor' | 'now'>,
  requestId: number,
  e: { type: string; on: string; payload?: Record<string, unknown>; public?: boolean },
): Promise<void> {
  const at = ctx.now().toISOString();
  const eventId = await insertRequestEvent(trx, {
    request_id: requestId,
    type: e.type,
    event_on: e.on,
    payload: JSON.stringify(e.payload ?? {}),
    public: e.public === false ? 0 : 1,
    actor_id: ctx.actor.userId,
    actor_label: ctx.actor.kind === 'public' ? '申请人' : ctx.actor.label,
    created_at: at,
  });
  // A letter takes its 发文字号 when it is issued, in the same transaction.
  if (issuesLetter(e.type)) await issueLetter(trx, { requestId, eventId, type: e.type, on: e.on, at });
}

/** After appending a clock event: recompute and return the new due date (null while awaiting correction or when the calendar lacks a year). */
export async function recomputeDue(
  trx: Db,
  ctx: Pick<Ctx, 'now'>,
  r: RequestWithOrg,
): Promise<{ dueOn: string | null; clock: CaseClock }> {
  const clock = await caseClock(trx, r, today(ctx));
  return { dueOn: clock.result?.dueOn ?? null, clock };
}

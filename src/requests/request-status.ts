/**
 * Read models of a case: the public status (applicant, by 申请编号 + 查询码) and the staff view
 * (personal data masked unless the actor handles the case). Reads only; no audit.
 */
import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { maskId, maskPhone, getOrg, withStaffNames } from '../orgs/index.js';
import { caseClock, loadCase, type CaseClock } from './case-support.js';
import { findByCode } from './find-by-code.js';
import { eventPayload, historyLabel } from './ledger.rules.js';
import { seesPersonalData } from './requests.policy.rules.js';
import { findSimilarRequests, listRequestEvents, type RequestEventRow, type RequestWithOrg } from './requests.store.js';
import { caseLetters } from './case-letters.js';
import { letterContact, type Letter } from './letters.rules.js';
import { listIdProofs } from './identity-proofs.js';
import { buildOralSheet } from './oral-sheet.rules.js';
import { listCaseDepartments, type CaseDepartment } from './request-departments.store.js';
import { getLetterSettings } from './letter-numbers.store.js';
import { remediesMissing } from './letter-numbers.rules.js';

/** One line of the history. */
export interface HistoryLine {
  id: number;
  on: string;
  type: string;
  label: string;
  payload: Record<string, unknown>;
  actor: string;
  isPublic: boolean;
}

const toLine = (e: RequestEventRow): HistoryLine => ({
  id: e.id,
  on: e.event_on,
  type: e.type,
  label: historyLabel(e.type, eventPayload(e.payload)),
  payload: eventPayload(e.payload),
  actor: e.actor_label,
  isPublic: e.public === 1,
});

/** What the applicant sees on the status page: nothing else about the case. */
export interface PublicStatus {
  requestNo: string;
  orgName: string;
  state: string;
  /** What the applicant asked for (名称、文号、内容描述 as given), repeated on the status page. */
  asked: Array<[string, string]>;
  submittedAt: string;
  receivedOn: string | null;
  dueOn: string | null;
  closedOn: string | null;
  outcomeCode: string | null;
  clock: CaseClock;
  history: HistoryLine[];
  letters: Letter[];
  channel: string;
  /** An oral request waiting for the applicant: what the office recorded (personal data masked), to confirm. */
  oralRecord: Array<[string, string]> | null;
  /** The latest change of the due date made by a calendar change (shown as a notice), if any. */
  dueChange: { on: string; from: string | null; to: string | null; reason: string } | null;
}

/** The public status of a case, for whoever holds its 申请编号 and 查询码. */
export async function publicStatus(ctx: Ctx, input: { requestNo: string; queryCode: string }): Promise<PublicStatus> {
  const r = await findByCode(ctx.db, input.requestNo, input.queryCode);
  const clock =
    r.state === 'withdrawn'
      ? { result: null, problem: null }
      : await caseClock(ctx.db, r, today(ctx)).catch(() => ({ result: null, problem: null }));
  const events = await listRequestEvents(ctx.db, r.id, { publicOnly: true });
  return {
    requestNo: r.request_no,
    orgName: r.org_name,
    state: r.state,
    asked: askedFor(r),
    submittedAt: r.submitted_at,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    closedOn: r.closed_on,
    outcomeCode: r.outcome_code,
    clock,
    history: events.map((e) => ({ ...toLine(e), actor: '', payload: {} })),
    letters: await caseLetters(ctx.db, r, clock),
    channel: r.channel,
    oralRecord:
      r.channel === 'oral' && r.state === 'submitted'
        ? buildOralSheet(maskCase(r, false), r.submitted_at.slice(0, 10), '').rows
        : null,
    dueChange: lastDueChange(events),
  };
}

/** What was asked for, as the applicant wrote it (only the parts given). */
function askedFor(r: {
  info_title: string | null;
  info_ref: string | null;
  info_description: string | null;
}): Array<[string, string]> {
  const parts: Array<[string, string | null]> = [
    ['信息名称', r.info_title],
    ['文号', r.info_ref],
    ['内容描述', r.info_description],
  ];
  return parts.filter((x): x is [string, string] => !!x[1]);
}

/** The latest `due_recomputed` event of a ledger, as the applicant is told about it. */
function lastDueChange(events: readonly RequestEventRow[]): PublicStatus['dueChange'] {
  const e = [...events].reverse().find((x) => x.type === 'due_recomputed');
  if (!e) return null;
  const p = eventPayload(e.payload);
  const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return { on: e.event_on, from: s(p.from), to: s(p.to), reason: s(p.reason) ?? '节假日日历变更' };
}

/** Masks personal data of a row unless `clear`. */
export function maskCase(r: RequestWithOrg, clear: boolean): RequestWithOrg {
  if (clear) return r;
  return {
    ...r,
    id_number: maskId(r.id_number),
    phone: r.phone ? maskPhone(r.phone) : null,
    address: r.address ? '（已隐藏）' : null,
    email: r.email ? r.email.replace(/^(.).*(@.*)$/, '$1***$2') : null,
    postcode: r.postcode ? '******' : null,
  };
}

/** The staff view of one case. */
export interface StaffCase {
  request: RequestWithOrg;
  personalDataVisible: boolean;
  clock: CaseClock;
  history: HistoryLine[];
  letters: Letter[];
  /** The same applicant's other requests for the same information (重复申请 hint). */
  similar: Array<{ id: number; request_no: string; state: string; outcome_code: string | null }>;
  /** The handler's pending extension request, if any. */
  extensionRequest: { days: number; reason: string } | null;
  /** Identity proofs (metadata), listed only to those who see personal data. */
  idProofs: Array<{ id: number; filename: string; mime: string; size: number }>;
  /** The lead department (first, if set) and the co-handling departments with internal due dates and replies. */
  departments: CaseDepartment[];
  /** What the agency's letter settings lack for the remedies paragraph (行政复议机关, 人民法院). */
  remediesMissing: string[];
}

/** One case for staff: personal data in clear only for the case's handler and the agency's request_admin. */
export async function staffCase(ctx: Ctx, id: number): Promise<StaffCase> {
  const r = await loadCase(ctx.db, ctx, id, 'view');
  const clear = seesPersonalData(ctx.actor, r.org_path, r.handler_id);
  const clock =
    r.state === 'withdrawn'
      ? { result: null, problem: null }
      : await caseClock(ctx.db, r, today(ctx)).catch(() => ({ result: null, problem: null }));
  const events = await listRequestEvents(ctx.db, r.id);
  const asked = [...events].reverse().find((e) => e.type === 'extension_requested');
  const extended = events.some((e) => e.type === 'extended');
  const p = asked ? eventPayload(asked.payload) : {};
  const contact = letterContact(r.handler_name, (await getOrg(ctx.db, r.org_id)) ?? null);
  return {
    request: maskCase(r, clear),
    personalDataVisible: clear,
    clock,
    // Staff are named as their colleagues know them (姓名), not by login name.
    history: (await withStaffNames(ctx.db, events)).map(toLine),
    letters: await caseLetters(ctx.db, r, clock, { staff: true, contact }),
    similar: await findSimilarRequests(ctx.db, r),
    extensionRequest: asked && !extended ? { days: Number(p.days), reason: String(p.reason ?? '') } : null,
    idProofs: clear
      ? (await listIdProofs(ctx.db, r.id)).map(({ id: proofId, filename, mime, size }) => ({
          id: proofId,
          filename,
          mime,
          size,
        }))
      : [],
    departments: await listCaseDepartments(ctx.db, r.id),
    remediesMissing: remediesMissing(await getLetterSettings(ctx.db, r.org_id)),
  };
}

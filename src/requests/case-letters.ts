/** The letters of one case, built from its stored events (read only). */
import type { Db } from '../platform/db/schema.js';
import {
  answerLetter,
  consultationLetter,
  correctionLetter,
  extensionLetter,
  feeLetter,
  letterProvisionalNote,
  type Letter,
  type LetterCase,
} from './letters.rules.js';
import { remediesText, storedTemplate } from './letter-templates.rules.js';
import { isParty } from './clock/clock-input.rules.js';
import { eventPayload } from './ledger.rules.js';
import type { CaseClock } from './case-support.js';
import { listRequestEvents, type RequestWithOrg } from './requests.store.js';
import { requestCalendar } from './request-calendar.js';
import { isValidIsoDate } from '../platform/dates.js';
import { isProvisionalDate, provisionalYears } from '../calendar/index.js';
import { getLetterSettings, letterIssues } from './letter-numbers.store.js';

/**
 * Every letter the case has produced so far, oldest first. With `staff`, the 征求意见函 too: they are
 * addressed to the respondent (not public: the respondent's name is internal).
 */
export async function caseLetters(
  db: Db,
  r: RequestWithOrg,
  clock: CaseClock,
  opts: { staff?: boolean; contact?: string | null } = {},
): Promise<Letter[]> {
  const c: LetterCase = {
    requestNo: r.request_no,
    applicantName: r.applicant_name,
    orgName: r.org_name,
    receivedOn: r.received_on,
    infoWanted: r.info_title ?? r.info_ref ?? (r.info_description ?? '').slice(0, 60),
  };
  const out: Letter[] = [];
  const cal = await requestCalendar(db);
  // A letter that states a date on the provisional calendar says so (暂定) in one added paragraph.
  const push = (letter: Letter, ...stated: Array<string | null>): void => {
    const years = provisionalYears(
      stated.filter((d): d is string => !!d && isValidIsoDate(d) && isProvisionalDate(cal, d)),
    );
    out.push(years.length ? { ...letter, paragraphs: [...letter.paragraphs, letterProvisionalNote(years)] } : letter);
  };
  let feeIdx = 0;
  let consultIdx = 0;
  const issues = await letterIssues(db, r.id);
  for (const e of await listRequestEvents(db, r.id)) {
    const p = eventPayload(e.payload);
    const before = out.length;
    if (e.type === 'correction_requested')
      push(
        correctionLetter(c, { on: e.event_on, until: String(p.until), items: String(p.items ?? '') }),
        String(p.until),
      );
    if (e.type === 'extended')
      push(extensionLetter(c, { on: e.event_on, days: Number(p.days), dueOn: r.due_on }), r.due_on);
    if (e.type === 'fee_notice_sent') {
      const method = p.method === 'per_page' ? 'per_page' : 'per_request';
      const detail = method === 'per_page' ? `${String(p.pages)}页` : `本月第${String(p.ordinal)}件`;
      const payBy = clock.result?.feeNotices[feeIdx]?.paymentDueOn ?? null;
      push(feeLetter(c, { on: e.event_on, method, amount: Number(p.amount), detail, payBy }), payBy);
      feeIdx++;
    }
    if (e.type === 'consultation_started') consultIdx++;
    if (e.type === 'consultation_respondent' && opts.staff) {
      const party = isParty(p.party) ? p.party : 'third_party';
      const replyDueOn = clock.result?.consultations[consultIdx - 1]?.replyDueOn ?? null;
      push(
        consultationLetter(c, {
          on: e.event_on,
          party,
          respondent: String(p.respondent ?? ''),
          replyDueOn,
          contact: opts.contact ?? null,
        }),
        replyDueOn,
      );
    }
    if (e.type === 'answered' && r.outcome_code) {
      const t = storedTemplate(p.template) ?? undefined;
      out.push(
        answerLetter(
          c,
          { on: e.event_on, outcome: r.outcome_code, basis: r.outcome_basis ?? '', text: r.answer_text ?? '' },
          t,
          remediesText(await getLetterSettings(db, r.org_id)),
        ),
      );
    }
    const issued = issues.get(e.id);
    if (issued && out.length > before)
      out[out.length - 1] = { ...out[out.length - 1], docNo: issued.docNo, cc: issued.cc };
  }
  return out;
}

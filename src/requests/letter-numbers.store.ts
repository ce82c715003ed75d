import type { Db } from '../platform/db/schema.js';
import { readSetting, writeSetting } from '../platform/settings.store.js';
import { nextCounter } from '../platform/tx.js';
import { formatLetterNumber, parseLetterSettings, type LetterSettings } from './letter-numbers.rules.js';
import './letter-numbers.tables.js';

const settingsKey = (orgId: number): string => `requests.letter_settings.${orgId}`;

/** The agency's letter settings (发文字号 pattern, 抄送). */
export async function getLetterSettings(db: Db, orgId: number): Promise<LetterSettings> {
  return parseLetterSettings(await readSetting(db, settingsKey(orgId)));
}

/** Stores the agency's letter settings. */
export async function putLetterSettings(
  db: Db,
  orgId: number,
  s: LetterSettings,
  at: string,
  by: number | null,
): Promise<void> {
  await writeSetting(db, settingsKey(orgId), JSON.stringify(s), at, by);
}

/**
 * Records a letter issued by a ledger event, inside the caller's transaction: the next 发文字号 of the
 * agency in the year of the letter's date when it has a pattern, and the 抄送 list for answers.
 */
export async function issueLetter(
  trx: Db,
  e: { requestId: number; eventId: number; type: string; on: string; at: string },
): Promise<void> {
  const r = await trx.selectFrom('requests').select('org_id').where('id', '=', e.requestId).executeTakeFirstOrThrow();
  const s = await getLetterSettings(trx, r.org_id);
  const cc = e.type === 'answered' && s.cc.length ? s.cc : null;
  if (!s.numberPattern && !cc) return;
  const year = Number(e.on.slice(0, 4));
  const serial = s.numberPattern ? await nextCounter(trx, `letter_no:${r.org_id}:${year}`) : null;
  await trx
    .insertInto('request_letter_issues')
    .values({
      request_id: e.requestId,
      event_id: e.eventId,
      org_id: r.org_id,
      year,
      serial,
      doc_no: serial === null ? null : formatLetterNumber(s.numberPattern, year, serial),
      cc: cc ? JSON.stringify(cc) : null,
      created_at: e.at,
    })
    .execute();
}

/** What was recorded for each letter of a case, by ledger event id. */
export async function letterIssues(
  db: Db,
  requestId: number,
): Promise<Map<number, { docNo: string | null; cc: string[] }>> {
  const rows = await db
    .selectFrom('request_letter_issues')
    .select(['event_id', 'doc_no', 'cc'])
    .where('request_id', '=', requestId)
    .execute();
  return new Map(rows.map((r) => [r.event_id, { docNo: r.doc_no, cc: r.cc ? (JSON.parse(r.cc) as string[]) : [] }]));
}

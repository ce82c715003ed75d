/** The appeals (行政复议 / 行政诉讼) recorded on the cases of an agency subtree, each with its latest result. */
import type { Db } from '../platform/db/schema.js';
import { appealEvents } from './year-statistics.store.js';
import { eventPayload } from './ledger.rules.js';
import { isAppealKind, isAppealResult, type AppealRecord } from './appeals.rules.js';

/** An appeal with the case it concerns (for table 四 and its drill-down). */
export type AppealWithCase = AppealRecord & { eventId: number; requestId: number };

/** Reads the appeal and appeal-result events of the subtree and folds each appeal to its latest result. */
export async function appealRecords(db: Db, orgPath: string): Promise<AppealWithCase[]> {
  const appeals = new Map<number, AppealWithCase>();
  for (const e of await appealEvents(db, orgPath)) {
    const p = eventPayload(e.payload);
    if (e.type === 'appeal' && isAppealKind(String(p.kind)) && isAppealResult(String(p.result))) {
      appeals.set(e.id, {
        eventId: e.id,
        requestId: e.request_id,
        kind: p.kind as AppealRecord['kind'],
        afterReconsideration: p.afterReconsideration === true,
        filedOn: String(p.filedOn),
        result: p.result as AppealRecord['result'],
      });
    }
    const a = appeals.get(Number(p.appealId));
    if (e.type === 'appeal_result' && a && isAppealResult(String(p.result)))
      a.result = p.result as AppealRecord['result'];
  }
  return [...appeals.values()];
}

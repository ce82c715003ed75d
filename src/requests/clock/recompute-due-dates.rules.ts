/**
 * Recomputation of stored due dates after a calendar edit (pure).
 */
import { isAppError, type FieldError } from '../../platform/errors.js';
import type { IsoDate } from '../../platform/dates.js';
import type { WorkCalendar } from '../../calendar/index.js';
import type { ClockLedger, ClockOptions } from './clock.types.js';
import { computeClock } from './request-clock.rules.js';

/** A stored case for `recomputeDueDates`: its ledger and the due date stored with it. */
export interface StoredCase {
  id: string;
  ledger: ClockLedger;
  dueOn: IsoDate | null;
}

/** Result of `recomputeDueDates`. */
export interface RecomputeResult {
  changed: { id: string; oldDueOn: IsoDate | null; newDueOn: IsoDate | null }[];
  unchanged: number;
  /** Cases that cannot be computed any more (e.g. a year was removed), with the errors. */
  failed: { id: string; errors: FieldError[] }[];
}

/**
 * Recomputes the due dates of stored cases against a (new) calendar, e.g. after an administrator
 * edits a year, and reports which changed (old → new). One bad case does not stop the others.
 */
export function recomputeDueDates(
  cal: WorkCalendar,
  cases: readonly StoredCase[],
  asOf: IsoDate,
  options: ClockOptions = {},
): RecomputeResult {
  const out: RecomputeResult = { changed: [], unchanged: 0, failed: [] };
  for (const c of cases) {
    try {
      const r = computeClock(cal, c.ledger, asOf, options);
      if (r.dueOn !== c.dueOn) out.changed.push({ id: c.id, oldDueOn: c.dueOn, newDueOn: r.dueOn });
      else out.unchanged++;
    } catch (e) {
      if (!isAppError(e)) throw e;
      out.failed.push({ id: c.id, errors: e.errors });
    }
  }
  return out;
}
